-- wrk script of the by-hand load benchmarks: GET /v1/recommendations for the customers of customers.txt (in the
-- folder wrk runs in) one after another, past the answer cache, with the secret key in REGULARS_SECRET.
local ids = {}
for line in io.lines("customers.txt") do ids[#ids + 1] = line end
local i = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("REGULARS_SECRET")
wrk.headers["Cache-Control"] = "no-cache"
request = function()
  i = i + 1
  return wrk.format("GET", "/v1/recommendations?placement=home&n=8&customer=" .. ids[(i % #ids) + 1])
end
