-- wrk script of bench/vs-peer.sh: the same GraphQL POST on every request, over keep-alive connections.
--
--   WRK_BODY_FILE=<file with the JSON body> WRK_TOKEN=<access token> \
--     wrk -t1 -c16 -d20s --latency --timeout 10s -s bench/peer/graphql.lua http://localhost:8089/graphql
--
-- The token comes from the environment (it stays out of ps). Besides wrk's own report (which counts
-- non-2xx/3xx responses and socket errors), done() prints one line:
--   graphql: responses=<n> bad_status=<not 200> graphql_errors=<200 with "errors" in the body> sample=<first bad body>
-- so that a run in which a server answered errors is never mistaken for a fast one.

local body_file = assert(os.getenv("WRK_BODY_FILE"), "WRK_BODY_FILE is not set")
local token = assert(os.getenv("WRK_TOKEN"), "WRK_TOKEN is not set")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  bad_status = 0
  graphql_errors = 0
  sample = ""
end

function response(status, headers, response_body)
  responses = responses + 1
  if status ~= 200 then
    bad_status = bad_status + 1
    if sample == "" then sample = status .. " " .. string.sub(response_body or "", 1, 200) end
  elseif string.find(response_body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
    if sample == "" then sample = string.sub(response_body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local total_responses, total_bad, total_errors, first = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    total_responses = total_responses + thread:get("responses")
    total_bad = total_bad + thread:get("bad_status")
    total_errors = total_errors + thread:get("graphql_errors")
    local s = thread:get("sample")
    if first == "" and s ~= nil then first = s end
  end
  first = string.gsub(first, "[\r\n]", " ")
  io.write(string.format("graphql: responses=%d bad_status=%d graphql_errors=%d sample=%s\n",
    total_responses, total_bad, total_errors, first))
end
