-- wrk script for bench/limits.sh: many readers behind a trusted proxy, each request from the next
-- of CLIENTS addresses (X-Forwarded-For), optional pacing, and a machine-readable summary line.
-- Usage: wrk ... -s clients.lua URL -- clients [delay_ms]
local clients = 1000
local pause = 0
local next_client = 0
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  clients = tonumber(args[1] or clients)
  pause = tonumber(args[2] or 0)
  -- the threads start at different clients, so they do not walk the same addresses in step
  next_client = (id * 7919) % clients
  refused = 0
end

function request()
  next_client = next_client % clients + 1
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = string.format("10.%d.%d.%d",
    math.floor(next_client / 65536) % 256, math.floor(next_client / 256) % 256, next_client % 256) })
end

function response(status, headers, body)
  if status == 429 then refused = refused + 1 end
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    + summary.errors.status
  local too_many = 0
  for _, thread in ipairs(threads) do too_many = too_many + thread:get("refused") end
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, summary.requests, too_many))
end
