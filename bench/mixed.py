"""Readers and a writer at once, as on a shared instance during the working day: wrk's readers take
ten services' dashboards, plan overviews and risk registers in turn (each as that service's
manager), while one writer posts progress updates in another service at a fixed rate. With the
page cache's versions per organisation the writes leave the readers' pages warm; the cache's
hits and misses (bench.cache_counts) show whether they do."""

import os
from pathlib import Path

from bench import cache_counts, throughput, writes

RATES = (0, 1, 5)  # writes a second
READER_SERVICES = 10
READER_PAGES = ("dashboard", "plan_overview", "risk_register")
LUA = Path(__file__).with_name("wrk_mixed.lua")


def run(base: str, readers: dict, writer: writes.Writer, scratch: Path) -> dict[int, dict]:
    """writes a second → wrk's summary of the readers (with "rps"), the page cache's "hits" and
    "misses", how many updates the writer "sent" and the narratives of those "confirmed".
    `readers` maps each page's path to the session cookie of its service's manager. `scratch` is
    a directory for the request list and the counts, the server started with BENCH_CACHE_COUNTS
    naming counts_file(scratch)."""
    requests = scratch / "requests.tsv"
    requests.write_text("".join(f"{path}\t{cookie}\n" for path, cookie in readers.items()))
    os.environ.update(BENCH_WRK_REQUESTS=str(requests), BENCH_WRK_SUMMARY=str(throughput.SUMMARY))
    for path, cookie in readers.items():
        throughput.check(base + path, cookie)
    counts = counts_file(scratch)
    _warm_up(base, counts)
    found = {}
    for rate in RATES:
        counts.write_bytes(b"")
        writing = writes.Paced(writer, rate) if rate else None
        if writing:
            writing.start()
        summary = throughput.wrk(base + "/", throughput.MEASURE_S, LUA)
        if writing:
            writing.stop()
        # A timeout is counted (run.py reports it) rather than fatal: it says the readers were kept
        # waiting over wrk's 2 s, which is what the figures measure; an error answer is a fault.
        if summary["non_2xx_3xx"]:
            raise RuntimeError(f"mixed workload at {rate} writes a second: {summary}")
        summary["hits"], summary["misses"] = cache_counts.hits_and_misses(counts)
        summary["sent"] = writing.sent if writing else 0
        summary["confirmed"] = writing.confirmed if writing else []
        found[rate] = summary
    return found


def _warm_up(base: str, counts: Path, rounds: int = 5) -> None:
    """Read until every page is in the cache (a round without a miss), so that the first rate is
    not charged for filling it; on a slow machine one round may not reach every page."""
    for _ in range(rounds):
        counts.write_bytes(b"")
        throughput.wrk(base + "/", throughput.WARMUP_S, LUA)
        if cache_counts.hits_and_misses(counts)[1] == 0:
            return


def counts_file(scratch: Path) -> Path:
    """Where the server counts the page cache's hits (BENCH_CACHE_COUNTS must name it)."""
    return scratch / "cache-counts"
