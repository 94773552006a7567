-- Spreads load over the bench's links, a few real user agents and many client addresses (via a trusted
-- local proxy's X-Forwarded-For), as real traffic would. Codes come from bench/.codes, one per line.
local codes = {}
for line in io.lines(os.getenv("BENCH_CODES") or "bench/.codes") do codes[#codes + 1] = line end

local agents = {
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
}
local referrers = { "https://twitter.com/x", "https://www.facebook.com/", "", "https://news.ycombinator.com/" }

local counter = 0
request = function()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  local headers = {
    ["User-Agent"] = agents[(counter % #agents) + 1],
    ["X-Forwarded-For"] = string.format("%d.%d.%d.%d", 1 + counter % 200, (counter * 7) % 250, (counter * 13) % 250, 1 + counter % 250),
  }
  local referrer = referrers[(counter % #referrers) + 1]
  if referrer ~= "" then headers["Referer"] = referrer end
  return wrk.format("GET", "/" .. code, headers)
end
