-- wrk script for bench/reviews/run.sh. BENCH_MODE picks the requests:
--   list, list-etag, summary, summary-etag, post, mixed
-- (the -etag modes send If-None-Match with BENCH_LIST_ETAG / BENCH_SUMMARY_ETAG).
-- done() prints one machine-readable RESULT line for run.sh to combine.
local mode = os.getenv("BENCH_MODE") or "list"
local item = os.getenv("BENCH_ITEM") or "bench"
local listEtag = os.getenv("BENCH_LIST_ETAG") or ""
local summaryEtag = os.getenv("BENCH_SUMMARY_ETAG") or ""

local threadNumber = 0
function setup(thread)
  threadNumber = threadNumber + 1
  thread:set("id", threadNumber)
end

function init(args)
  -- Every thread of every wrk process makes its own identifiers.
  math.randomseed(os.time() * 1009 + (id or 0) * 7919 + tonumber(tostring({}):sub(-6), 16))
end

local r = math.random
local function uuid()
  return string.format("%04x%04x-%04x-4%03x-%x%03x-%04x%04x%04x", r(0, 0xffff), r(0, 0xffff), r(0, 0xffff),
    r(0, 0xfff), 8 + r(0, 3), r(0, 0xfff), r(0, 0xffff), r(0, 0xffff), r(0, 0xffff))
end

local listPath = "/api/reviews?item=" .. item
local summaryPath = "/api/reviews/summary?item=" .. item

local function post()
  local body = '{"identifier":"' .. uuid() .. '","itemReviewed":"' .. item .. '","author":{"name":"Bench Reader",' ..
    '"email":"bench@example.com"},"reviewRating":{"ratingValue":' .. r(1, 5) .. '},' ..
    '"reviewBody":"A review written by the load bench.","dateCreated":"2024-03-17T18:30:00Z"}'
  return wrk.format("POST", "/api/reviews", { ["Content-Type"] = "application/json" }, body)
end

local function get(path, etag)
  if etag ~= "" then return wrk.format("GET", path, { ["If-None-Match"] = etag }) end
  return wrk.format("GET", path)
end

local n = 0
function request()
  n = n + 1
  if mode == "post" then return post() end
  if mode == "list" then return get(listPath, "") end
  if mode == "list-etag" then return get(listPath, listEtag) end
  if mode == "summary" then return get(summaryPath, "") end
  if mode == "summary-etag" then return get(summaryPath, summaryEtag) end
  -- mixed: out of 10 requests, 3 list, 3 list revalidations, 1 summary, 2 summary revalidations, 1 POST
  local k = n % 10
  if k < 3 then return get(listPath, "") end
  if k < 6 then return get(listPath, listEtag) end
  if k < 7 then return get(summaryPath, "") end
  if k < 9 then return get(summaryPath, summaryEtag) end
  return post()
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), bad))
end
