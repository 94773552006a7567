-- wrk script for the redirect scenarios of bench/run.sh: GET /<code> for the codes in $BENCH_CODES (one per line),
-- with a few real browsers' user agents and referrers and many client addresses (X-Forwarded-For; the suite's
-- app trusts the loopback proxy), as real traffic would have. Thread k of $BENCH_THREADS takes lines k, k+T,
-- k+2T…, so a file of distinct codes (the cold scenario) is requested once each until it runs out, and a file of
-- Zipf samples is replayed in its own order. No response() hook: it would make wrk parse every answer in Lua.
local agents = {
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
}
local referrers = { "https://twitter.com/x", "https://www.facebook.com/", "", "https://news.ycombinator.com/" }
local step = tonumber(os.getenv("BENCH_THREADS") or "1")
local threads = 0
local codes, count, index

-- Runs in the main Lua state, once per thread, before that thread's init().
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

-- Runs in each thread's own state: only the threads load the (possibly 2,000,000-line) file.
function init(args)
  codes = {}
  for line in io.lines(os.getenv("BENCH_CODES")) do codes[#codes + 1] = line end
  count = #codes
  index = offset or 0
end

request = function()
  local code = codes[(index % count) + 1]
  local n = index
  index = index + step
  local headers = {
    ["User-Agent"] = agents[(n % #agents) + 1],
    ["X-Forwarded-For"] = string.format("%d.%d.%d.%d", 1 + n % 200, (n * 7) % 250, (n * 13) % 250, 1 + n % 250),
  }
  local referrer = referrers[(n % #referrers) + 1]
  if referrer ~= "" then headers["Referer"] = referrer end
  return wrk.format("GET", "/" .. code, headers)
end
