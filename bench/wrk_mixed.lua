-- Readers taking pages in turn from a list (the file BENCH_WRK_REQUESTS names: one "path<TAB>cookie"
-- line a page, each page with its own service's session), summed up as wrk_summary.lua does.
dofile(os.getenv("BENCH_WRK_SUMMARY"))

local requests, turn = {}, 0

-- In init, not at load: wrk sets the Host header these requests carry just before it.
function init(args)
  for line in io.lines(os.getenv("BENCH_WRK_REQUESTS")) do
    local path, cookie = line:match("^(%S+)\t(.+)$")
    requests[#requests + 1] = wrk.format("GET", path, {Cookie = cookie})
  end
end

function request()
  turn = turn + 1
  return requests[turn % #requests + 1]
end
