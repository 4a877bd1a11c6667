-- Single page views, as readers' browsers send them: each request a new visitor id (so dedupe
-- does not swallow them) and one of 40 articles. Counts the answers by status.
-- BENCH_DELAY_MS paces each connection (that many ms between its requests) for a steady rate.
local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pace then
  function delay()
    return pace
  end
end
local articles = {}
for i = 1, 40 do
  articles[i] = string.format("6650%020x", i)
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  accepted, refused, other = 0, 0, 0
end

function request()
  counter = counter + 1
  local visitor = string.format("w%02d%08x%08x", id, counter, math.random(0, 0x7fffffff))
  local article = articles[math.random(1, #articles)]
  return wrk.format("POST", "/api/rankings/views", {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) bench-browser/1.0",
    ["X-Visitor-Id"] = visitor,
  }, '{"articleId":"' .. article .. '"}')
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  elseif status == 503 then
    refused = refused + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, r, o = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    r = r + t:get("refused")
    o = o + t:get("other")
  end
  io.write(string.format("STATUS accepted=%d refused=%d other=%d\n", a, r, o))
end
