-- wrk's summary as one line of JSON: throughput, the 50th and 95th percentile latencies, errors.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "non_2xx_3xx": %d, "socket_errors": %d, "p50_ms": %.2f, "p95_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
