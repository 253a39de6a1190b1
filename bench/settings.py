"""The application's settings with the bench's ceiling pages among its addresses (bench.urls), and
its cache counting the page cache's hits and misses (bench.cache_counts)."""

from yos_tracker.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
CACHES["default"]["BACKEND"] = "bench.cache_counts.Counting" + CACHES["default"]["BACKEND"].rpartition(".")[2]  # noqa: F405
