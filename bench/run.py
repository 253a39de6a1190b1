"""`make bench`: build the dataset in PostgreSQL, measure, print a table, write bench/results.json.

Uses its own database (yos_bench on the machine's PostgreSQL unless BENCH_DATABASE_URL says
otherwise), created afresh each run, so it never touches the development database.
"""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import psycopg

BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yos_bench")
RESULTS = Path(__file__).resolve().parent / "results.json"
BUDGETS = {  # name: (budget, unit, lower is better)
    "dashboard_ms": (150, "ms"),
    "plan_overview_ms": (150, "ms"),
    "action_ms": (150, "ms"),
    "risk_register_ms": (150, "ms"),
    "risk_ms": (150, "ms"),
    "tracker_ms": (150, "ms"),
    "live_tracker_recompute_s": (2, "s"),
    "rollup_1m_s": (10, "s"),
    "report_s": (10, "s"),
    "import_1000_rows_s": (30, "s"),
    "import_preview_5000_rows_peak_mb": (150, "MB"),
    "import_preview_200000_rows_s": (10, "s"),
    "import_preview_200000_rows_peak_mb": (150, "MB"),
}
QUERY_BUDGET = 30
CACHED_PAGES = ("dashboard", "plan_overview", "risk_register")  # yos_tracker.page_cache
RATE_MINIMUMS = {"dashboard": 150, "plan_overview": 60, "risk_register": 100}  # req/s, at least


def recreate_database() -> None:
    base, _, name = BENCH_URL.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    """Generate in this process, then measure in a fresh one: a server worker does not carry the
    generator's million-row leftovers, and its garbage collector should not be timed."""
    if "--measure" not in sys.argv:
        recreate_database()
        os.environ["DATABASE_URL"] = BENCH_URL
        os.environ["BENCH_GENERATION_S"] = f"{_setup_and_generate():.1f}"
        return subprocess.run([sys.executable, "-m", "bench.run", "--measure"], env=os.environ).returncode
    os.environ["DATABASE_URL"] = BENCH_URL
    return measure_all()


def _setup_and_generate() -> float:
    """Migrate, load the demo, generate the dataset; returns the seconds generation took."""
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", force=True, stdout=quiet)
    from bench import generate

    started = time.perf_counter()
    generate.generate()
    return time.perf_counter() - started


def _django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # Shared with the gunicorn the throughput runs start, so the sessions made here sign in there.
    os.environ.setdefault("SECRET_KEY", "bench-only-" + secrets.token_urlsafe(48))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]


def measure_all() -> int:
    _django()
    from bench import generate, measure
    from performance.models import CaseAudit
    from yos_tracker.models import Organisation

    generation_s = float(os.environ.get("BENCH_GENERATION_S", "0"))
    full = list(Organisation.objects.filter(slug__startswith="bench-").exclude(slug="bench-tenth").order_by("slug"))
    tenth = Organisation.objects.get(slug="bench-tenth")
    assert len(full) == generate.ORGANISATIONS

    audits = CaseAudit.objects.count()
    results = {
        "generation_s": {"value": round(generation_s, 1), "unit": "s", "dataset": "full", "rows_case_audits": audits}
    }
    for dataset, org in (("full", full[0]), ("tenth", tenth)):
        client = measure.signed_in(f"{org.slug}.manager")
        for name, (ms, queries) in measure.pages(client, measure.page_paths(org)).items():
            results[f"{name}_ms" + ("" if dataset == "full" else "_tenth")] = {
                "value": round(ms, 1),
                "unit": "ms",
                "dataset": dataset,
                **({"budget": BUDGETS[f"{name}_ms"][0]} if dataset == "full" else {}),
            }
            results[f"{name}_queries_{dataset}"] = {
                "value": queries,
                "unit": "queries",
                "dataset": dataset,
                "budget": QUERY_BUDGET,
            }
    client = measure.signed_in(f"{full[0].slug}.manager")
    paths = measure.page_paths(full[0])
    for name in CACHED_PAGES:
        results[f"{name}_after_a_write_ms"] = {
            "value": round(measure.page_after_a_write(client, paths[name]), 1),
            "unit": "ms",
            "dataset": "full",
            "budget": BUDGETS[f"{name}_ms"][0],
            "note": "the first visit after any change, rendered afresh rather than from the cache",
        }
    bare_ms, bare_queries = measure.page(client, f"/bench/bare/{full[0].slug}/")
    results["bare_page_ms"] = {
        "value": round(bare_ms, 1),
        "unit": "ms",
        "dataset": "full",
        "note": f"ceiling: the app's layout around {generate.INDICATORS} rows from one query "
        f"({bare_queries} in all, with the session's and the sign-in's)",
    }
    results["dashboard_over_bare"] = {
        "value": round(results["dashboard_ms"]["value"] / bare_ms, 2),
        "unit": "×",
        "budget": 1.5,
        "dataset": "full",
    }
    rollup_s, ratio = measure.rollup()
    results["rollup_1m_s"] = {"value": round(rollup_s, 2), "unit": "s", "budget": 10, "dataset": "full", "rows": audits}
    raw_s, grouping_s = measure.raw(measure.raw_group_by_sql()), measure.raw(measure.GROUPING_ONLY)
    results["rollup_raw_group_by_s"] = {
        "value": round(raw_s, 3),
        "unit": "s",
        "dataset": "full",
        "note": "ceiling: the roll-up's counts in one GROUP BY written by hand, read straight off the cursor",
    }
    results["rollup_over_raw"] = {"value": round(rollup_s / raw_s, 2), "unit": "×", "budget": 2, "dataset": "full"}
    results["grouping_only_s"] = {
        "value": round(grouping_s, 3),
        "unit": "s",
        "dataset": "full",
        "note": "floor: " + measure.GROUPING_ONLY + " (the grouping alone, none of the counts)",
    }
    results["rollup_over_grouping_only"] = {"value": round(rollup_s / grouping_s, 2), "unit": "×", "dataset": "full"}
    results["rollup_naive_ratio"] = {
        "value": round(ratio, 1),
        "unit": "×",
        "dataset": "full",
        "note": "time of fetching every row into Python and counting ÷ the GROUP BY",
    }
    results["live_tracker_recompute_s"] = {
        "value": round(measure.live_tracker_recompute(full[0]), 2),
        "unit": "s",
        "budget": 2,
        "dataset": "full",
        "note": f"{generate.CASES:,} cases over five years, five cohorts",
    }
    report_s, pages = measure.report()
    results["report_s"] = {"value": round(report_s, 2), "unit": "s", "budget": 10, "dataset": "demo"}
    results["report_pages"] = {"value": pages, "unit": "pages", "dataset": "demo"}
    weasyprint_s = measure.weasyprint_alone()
    results["report_weasyprint_alone_s"] = {
        "value": round(weasyprint_s, 2),
        "unit": "s",
        "dataset": "demo",
        "note": "ceiling: WeasyPrint laying out and writing the report's HTML, made beforehand",
    }
    results["report_over_weasyprint"] = {"value": round(report_s / weasyprint_s, 2), "unit": "×", "dataset": "demo"}
    from django.contrib.auth import get_user_model

    manager = get_user_model().objects.get(username=f"{full[0].slug}.manager")
    results["import_1000_rows_s"] = {
        "value": round(measure.plan_import(full[0], manager), 2),
        "unit": "s",
        "budget": 30,
        "dataset": "full",
    }
    first_s, again_s, counts = measure.api_upsert(full[0], manager)
    results["api_upsert_10000_s"] = {
        "value": round(first_s, 2),
        "unit": "s",
        "budget": 5,
        "dataset": "full",
        "note": "one POST /measurements/bulk/ of 10,000 new values, through the API as a client sends it",
    }
    results["api_upsert_10000_again_s"] = {
        "value": round(again_s, 2),
        "unit": "s",
        "budget": 5,
        "dataset": "full",
        "note": f"the same request again: {counts['unchanged']:,} unchanged, "
        f"{counts['change'] + counts['create']} written",
    }
    for rows, (seconds, peak_mb, outcome, size) in measure.import_previews(full[0]).items():
        results[f"import_preview_{rows}_rows_s"] = {"value": round(seconds, 2), "unit": "s", "note": outcome}
        results[f"import_preview_{rows}_rows_peak_mb"] = {
            "value": round(peak_mb, 1),
            "unit": "MB",
            "budget": 150,
            "note": f"peak Python memory (tracemalloc) of the preview, {size / 2**20:.1f} MB file",
        }
    results["import_preview_200000_rows_s"]["budget"] = 10
    results.update(_throughput(full[0], client))

    failures = []
    for name, entry in results.items():
        budget, minimum = entry.get("budget"), entry.get("minimum")
        if budget is not None or minimum is not None:
            entry["within_budget"] = entry["value"] <= budget if budget is not None else entry["value"] >= minimum
            if not entry["within_budget"]:
                failures.append(name)
    for page_name in ("dashboard", "plan_overview", "action", "risk_register", "risk", "tracker"):
        same = results[f"{page_name}_queries_full"]["value"] == results[f"{page_name}_queries_tenth"]["value"]
        results[f"{page_name}_queries_full"]["same_as_tenth"] = same
        if not same:
            failures.append(f"{page_name}_queries (differs between sizes)")
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")

    print(f"\n{'figure':34} {'value':>10} {'unit':8} {'budget':>8}  holds")
    for name, entry in results.items():
        budget = entry.get("budget", f"≥ {entry['minimum']}" if "minimum" in entry else "")
        holds = {True: "yes", False: "NO"}.get(entry.get("within_budget"), "")
        print(f"{name:34} {entry['value']:>10} {entry['unit']:8} {budget!s:>8}  {holds}")
    print(f"\nWrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")
    if failures:
        print("Budgets not met: " + ", ".join(failures))
        return 1
    print("Every budget holds.")
    return 0


def _throughput(organisation, client) -> dict:
    """Requests per second, p50 and p95 of the three busiest pages under gunicorn and wrk, with
    the bare page and the health check beside them as ceilings."""
    from django.conf import settings

    from bench import measure, throughput

    paths = measure.page_paths(organisation)
    wanted = {name: paths[name] for name in RATE_MINIMUMS}
    ceilings = {"bare_page": f"/bench/bare/{organisation.slug}/", "healthz": "/healthz"}
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    with throughput.gunicorn() as base:
        found = throughput.rates(base, {**wanted, **ceilings}, cookie)
    how = (
        f"gunicorn, {throughput.WORKERS} workers; wrk, {throughput.CONNECTIONS} connections, "
        f"{throughput.MEASURE_S} s after {throughput.WARMUP_S} s of warm-up, no think time"
    )
    results = {}
    for name, summary in found.items():
        ceiling = name in ceilings
        results[f"{name}_rps"] = {
            "value": round(summary["rps"], 1),
            "unit": "req/s",
            "dataset": "full",
            **({"minimum": RATE_MINIMUMS[name]} if not ceiling else {}),
            "note": ("ceiling; " if ceiling else "") + how,
        }
        for percentile in ("p50", "p95"):
            results[f"{name}_{percentile}_ms"] = {
                "value": round(summary[f"{percentile}_ms"], 1),
                "unit": "ms",
                "dataset": "full",
                "note": f"latency under that load, {percentile}",
            }
    return results


if __name__ == "__main__":
    sys.exit(main())
