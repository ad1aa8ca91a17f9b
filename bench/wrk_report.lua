-- For bench/run.py: optional paths to cycle through (wrk ... -- /a /b), and one JSON
-- line with the counts and the latency percentiles wrk's own report lacks (p95).
local paths = {}
local counter = 0

init = function(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

request = function()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
