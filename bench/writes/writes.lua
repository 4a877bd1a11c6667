-- wrk script for bench/writes.sh: every request writes something new.
-- Usage: wrk ... -s writes.lua URL -- article|photo TAG [PHOTO.jpg]
--   article  POST /api/articles with a headline no other request has (no slug is ever taken twice)
--   photo    POST /api/media, the photo with a comment segment no other request has: the service
--            keeps identical bytes once, so the same file twice would be a lookup, not a write
-- TAG tells the warm-up's writes from the measured run's. Prints bench/gateway/report.lua's
-- RESULT line, then "NON2XX n" with the answers that were not 2xx and the first such answer.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "../gateway/report.lua")
local report = done

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local kind, tag, photo, headers
local sent = 0
non2xx, first = 0, "" -- globals: done() reads them from every thread
local boundary = "----newsroom-bench-writes"

function init(args)
  kind, tag = args[1], args[2]
  -- wrk.format sends only the headers it is given: the command line's (the token) plus the type
  headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  if kind == "article" then
    headers["Content-Type"] = "application/json"
  elseif kind == "photo" then
    headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
    local file = assert(io.open(args[3], "rb"))
    photo = file:read("*a")
    file:close()
    assert(photo:sub(1, 2) == "\255\216", "not a JPEG")
  else
    error("usage: -- article|photo TAG [PHOTO.jpg]")
  end
end

-- the JPEG with a COM segment after its start (after the JFIF header, where readers expect it):
-- other bytes, the same pixels
local function variant(label)
  local at = 3
  if photo:sub(3, 4) == "\255\224" then
    at = 5 + photo:byte(5) * 256 + photo:byte(6)
  end
  local length = #label + 2
  return photo:sub(1, at - 1) .. "\255\254" .. string.char(math.floor(length / 256), length % 256)
    .. label .. photo:sub(at)
end

function request()
  sent = sent + 1
  local unique = string.format("%s %d-%d", tag, id, sent)
  if kind == "article" then
    local body = string.format('{"headline": "Bench story %s about the harbour", "section": "national",'
      .. ' "source": "Yonhap", "summary": "A summary of bench story %s.", "byline": ["Bench Writer"],'
      .. ' "tags": ["bench"], "body": [{"type": "paragraph", "text": "First paragraph of story %s with **bold** text."},'
      .. ' {"type": "quote", "text": "A quote.", "attribution": "Someone"},'
      .. ' {"type": "paragraph", "text": "Second paragraph with a [link](https://example.com/)."}]}',
      unique, unique, unique)
    return wrk.format("POST", "/api/articles", headers, body)
  end
  local body = "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="file"; filename="bench.jpg"\r\n'
    .. "Content-Type: image/jpeg\r\n\r\n" .. variant("bench " .. unique) .. "\r\n"
    .. "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="metadata"\r\n'
    .. "Content-Type: application/json\r\n\r\n"
    .. '{"credit": "Bench-Yonhap", "caption": "Skyline at dusk, bench ' .. unique .. '."}\r\n'
    .. "--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/media", headers, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first == "" then first = status .. " " .. (body or ""):sub(1, 300) end
  end
end

function done(summary, latency, requests)
  report(summary, latency, requests)
  local total, sample = 0, ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
    if sample == "" then sample = thread:get("first") end
  end
  io.write(string.format("NON2XX %d %s\n", total, (sample:gsub("\n", " "))))
end
