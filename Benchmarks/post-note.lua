-- wrk script: every request posts a new note with a unique id, spread over the
-- participant tokens given after `--` (comma-separated).
local counter = 0
local tokens = {}
prefix = "0" -- set per thread in setup()

function setup(thread)
  thread:set("prefix", tostring(math.random(1, 1e9)))
end

function init(args)
  for token in string.gmatch(args[1] or "", "[^,]+") do tokens[#tokens + 1] = token end
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local body = string.format('{"id":"w%s-%d","text":"Samen spelen geeft houvast %d"}', prefix, counter, counter)
  return wrk.format("POST", "/api/notes", {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
