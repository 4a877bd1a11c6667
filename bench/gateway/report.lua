-- wrk script for bench/gateway.sh: optional pacing and a machine-readable summary line.
-- Usage: wrk ... -s report.lua URL -- [delay_ms]
-- With delay_ms each connection waits that long after a response before its next request, so
-- N connections offer about N * 1000 / delay_ms requests per second (wrk measures latency
-- without the wait). Without it, every connection sends as fast as it can (peak load).
local pause = 0

function init(args)
  if args[1] ~= nil then
    pause = tonumber(args[1])
  end
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, summary.requests))
end
