"""The benchmark's own bookkeeping: the page cache's hits and misses as its counting cache records
them, and a figure put beside its ceiling and target."""

from bench.cache_counts import CountingLocMemCache, hits_and_misses
from bench.run import against


def test_the_counting_cache_records_a_page_parts_miss_then_its_hit(tmp_path, monkeypatch):
    counts = tmp_path / "counts"
    monkeypatch.setenv("BENCH_CACHE_COUNTS", str(counts))
    cache = CountingLocMemCache("bench-test-counts", {})

    assert cache.get("page:abc") is None
    cache.set("page:abc", "<p>part</p>")
    assert cache.get("page:abc") == "<p>part</p>"

    assert hits_and_misses(counts) == (1, 1)


def test_the_counting_cache_leaves_other_keys_uncounted(tmp_path, monkeypatch):
    counts = tmp_path / "counts"
    monkeypatch.setenv("BENCH_CACHE_COUNTS", str(counts))
    cache = CountingLocMemCache("bench-test-other", {})

    cache.set("page-parts:1", 3)
    cache.get("page-parts:1")
    cache.get("throttle:token")

    assert hits_and_misses(counts) == (0, 0)


def test_a_ratio_over_its_target_is_reported_as_not_meeting_it():
    assert against(60.0, 20.0, at_most=1.5) == {"ceiling": 20.0, "ratio": 3.0, "target": "≤ 1.5", "meets_target": False}
    assert against(25.0, 20.0, at_most=1.5)["meets_target"] is True


def test_a_ratio_held_at_least_to_its_target():
    assert against(90.0, 100.0, at_least=0.8)["meets_target"] is True
    assert against(70.0, 100.0, at_least=0.8)["meets_target"] is False
    assert "target" not in against(70.0, 100.0)
