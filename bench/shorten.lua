-- wrk script for the link-creation scenario of bench/run.sh: POST /api/v1/shorten, each request with a long_url
-- no other request has used ($BENCH_NONCE tells runs apart, the thread number threads apart).
local nonce = os.getenv("BENCH_NONCE") or tostring(os.time())
local threads = 0
local counter = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local body = string.format('{"long_url":"https://www.example.com/bench/created/%s/%d/%d?ref=wrk"}', nonce, tid or 0, counter)
  return wrk.format("POST", "/api/v1/shorten", { ["Content-Type"] = "application/json" }, body)
end
