-- Single page views, as readers' browsers send them: each request a new visitor id (so dedupe
-- does not swallow them) and one of 40 articles. Counts the answers by status.
-- BENCH_RATE (requests per second, per wrk thread) offers a steady rate instead of as many as
-- the connections can send: the n-th request of a thread is due n / BENCH_RATE seconds after its
-- first, whichever connection sends it (a fixed pause after each answer would offer less and
-- less as answers slow down). A thread that falls behind catches up by at most 100 ms.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate then
  local ffi = require("ffi")
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *ts);
  ]]
  local now = ffi.new("bench_timespec")
  local function millis()
    ffi.C.clock_gettime(1, now) -- CLOCK_MONOTONIC
    return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local due
  function delay()
    local t = millis()
    due = math.max((due or t) + interval, t - 100)
    return math.max(0, math.floor(due - t))
  end
end
local articles = {}
for i = 1, 40 do
  articles[i] = string.format("6650%020x", i)
end

-- BENCH_VISITORS: the first letters of the visitor ids, so that two wrk processes (one per
-- replica) send different visitors
local prefix = os.getenv("BENCH_VISITORS") or "w"

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
  local visitor = string.format("%s%02d%08x%08x", prefix, id, counter, math.random(0, 0x7fffffff))
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
