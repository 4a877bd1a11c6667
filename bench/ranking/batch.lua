-- Batches of 10,000 views from a collector with role "ingest": every view a new visitor, spread
-- over the same 40 articles, timed now. Sums the "accepted" the service reports, and the
-- duplicates and unpublished ones it skipped.
local articles = {}
for i = 1, 40 do
  articles[i] = string.format("6650%020x", i)
end
local size = 10000

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  nonce = string.format("%06x", (os.time() * 7 + id * 7919) % 0xffffff)
  seq = 0
  batches, views, skipped, failed = 0, 0, 0, 0
end

function request()
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local parts = {}
  for i = 1, size do
    seq = seq + 1
    parts[i] = '{"articleId":"' .. articles[(seq % 40) + 1] .. '","visitorId":"c' .. id .. "-" .. nonce .. "-" .. seq
      .. '","at":"' .. at .. '"}'
  end
  return wrk.format("POST", "/api/rankings/views/batch", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, '{"views":[' .. table.concat(parts, ",") .. "]}")
end

function response(status, headers, body)
  if status == 202 then
    batches = batches + 1
    views = views + tonumber(string.match(body, '"accepted":(%d+)'))
    skipped = skipped + tonumber(string.match(body, '"duplicates":(%d+)')) + tonumber(string.match(body, '"unpublished":(%d+)'))
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local b, v, s, f = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("batches")
    v = v + t:get("views")
    s = s + t:get("skipped")
    f = f + t:get("failed")
  end
  io.write(string.format("BATCH batches=%d views=%d skipped=%d failed=%d\n", b, v, s, f))
end
