"""The measurements: server time (in-process, median of several runs after a warm-up) and SQL
query counts of the busy pages, the roll-up against its naive equivalent, the committee
report, a 1,000-row plan import, a 10,000-value API upsert, the live tracker's recompute, and
the time and peak memory of previewing 5,000 and 200,000 rows; and beside them the machine's
ceilings: a bare page as big as the dashboard, a raw GROUP BY over the audits, WeasyPrint alone
on the report's HTML."""

import datetime
import statistics
import time
import tracemalloc

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from weasyprint import HTML

from governance.models import CommitteeReport
from governance.reporting import render_html, render_pdf
from improvement import spreadsheet
from improvement.models import ImprovementPlan
from performance.choices import Computation, Frequency
from performance.cohorts import cohorts_months
from performance.models import AuditGrade, CaseAudit, Cohort, Indicator, TrackedIndicator
from performance.models.audits import AUDIT_AREAS
from performance.rollup import case_audit_figures_by_month, live_tracker_rollup
from yos_tracker import page_cache
from yos_tracker.services import api_token_issue
from yos_tracker.spreadsheets import SpreadsheetError
from yos_tracker.tests.workbooks import big_plan, workbook

RUNS = 7


def timed(function, runs: int = RUNS, warmup: int = 1) -> float:
    """Median seconds of `runs` calls after `warmup` calls."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def page(client: Client, url: str) -> tuple[float, int]:
    """(median ms, queries) for a GET the way a signed-in person makes it."""

    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    seconds = timed(fetch)
    with CaptureQueriesContext(connection) as queries:
        fetch()
    return seconds * 1000, len(queries)


def page_after_a_write(client: Client, url: str) -> tuple[float, int]:
    """(median ms, queries) of a GET just after the data changed, so rendered afresh
    (yos_tracker.page_cache): the first visit after any change."""

    def fetch():
        page_cache.bump()
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return time.perf_counter() - start

    fetch()
    samples = [fetch() for _ in range(RUNS)]
    with CaptureQueriesContext(connection) as queries:
        page_cache.bump()
        client.get(url)
    return statistics.median(samples) * 1000, len(queries)


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def page_paths(organisation) -> dict[str, str]:
    """The busy pages of a service of the dataset, by name."""
    plan = ImprovementPlan.objects.for_org(organisation).order_by("pk").first()  # the generated one
    action = plan.recommendations.first().actions.first()
    risk = organisation.risks.first()
    indicator = TrackedIndicator.objects.filter(organisation=organisation).order_by("order").first().indicator
    slug = organisation.slug
    return {
        "dashboard": f"/{slug}/performance/",
        "plan_overview": plan.get_absolute_url(),
        "action": f"/{slug}/improvement/actions/{action.pk}/",
        "risk_register": f"/{slug}/governance/risks/",
        "risk": f"/{slug}/governance/risks/{risk.pk}/",
        # As it opens: the two latest cohorts side by side (the recompute measures all five).
        "tracker": f"/{slug}/performance/tracker/?as_at=2018-12-31",
        "indicator": f"/{slug}/performance/indicators/{indicator.code}/",
        "audits": f"/{slug}/performance/audits/",
    }


def pages(client: Client, paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    return {name: page(client, path) for name, path in paths.items()}


GROUPING_ONLY = "SELECT organisation_id, month, COUNT(*) FROM performance_caseaudit GROUP BY organisation_id, month"


def raw_group_by_sql() -> str:
    """The roll-up's own counts (audited; per area graded, good, inadequate) as one GROUP BY written
    by hand, with the grades' ids inlined."""
    grades = list(AuditGrade.objects.values_list("pk", "is_good", "is_inadequate"))
    good = ",".join(str(pk) for pk, is_good, _ in grades if is_good) or "NULL"
    bad = ",".join(str(pk) for pk, _, is_bad in grades if is_bad) or "NULL"
    counts = ", ".join(
        f"COUNT({area}_id), COUNT(*) FILTER (WHERE {area}_id IN ({good})), COUNT(*) FILTER (WHERE {area}_id IN ({bad}))"
        for area in [*(a for a, _ in AUDIT_AREAS), "overall"]
    )
    grouped = "FROM performance_caseaudit GROUP BY organisation_id, month"
    return f"SELECT organisation_id, month, COUNT(*), {counts} {grouped}"


def raw(sql: str) -> float:
    """Seconds to run `sql` and fetch its rows straight off the cursor (median of 3)."""

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchall()

    return timed(run, runs=3)


def weasyprint_alone() -> float:
    """Seconds WeasyPrint takes to lay out and write the committee report from its HTML, made once
    beforehand: the report's ceiling."""
    html = render_html(CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee"))
    return timed(
        lambda: HTML(string=html, base_url=str(settings.BASE_DIR)).render().write_pdf(pdf_variant="pdf/ua-1"), runs=3
    )


def rollup() -> tuple[float, float]:
    """(seconds for the roll-up's GROUP BY over every audit, naive/grouped time ratio)."""
    grouped = timed(lambda: case_audit_figures_by_month(CaseAudit.objects.all()), runs=3)

    def naive():
        counts = {}
        fields = ("organisation_id", "month", "assessment__is_inadequate", "overall__is_good", "overall__is_inadequate")
        for org, month, assessment_bad, good, bad in CaseAudit.objects.values_list(*fields).iterator(chunk_size=20000):
            row = counts.setdefault((org, month), [0, 0, 0, 0])
            row[0] += 1
            row[1] += assessment_bad
            row[2] += good
            row[3] += bad
        return counts

    slow = timed(naive, runs=1, warmup=0)
    return grouped, slow / grouped


def report() -> tuple[float, int]:
    definition = CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")
    result = {}

    def render():
        result["pdf"], result["pages"] = render_pdf(definition)

    seconds = timed(render, runs=3)
    return seconds, result["pages"]


def _imported_plan(organisation) -> ImprovementPlan:
    return ImprovementPlan.objects.create(
        organisation=organisation, title="Imported plan", period_start="2017-01-01", period_end="2017-12-31"
    )


def _plan_rows(count: int) -> bytes:
    return workbook(
        spreadsheet.HEADERS,
        (
            [
                f"{n // 50 + 1}.{n % 50 + 1}",
                f"{n // 50 + 1} — Recommendation {n // 50 + 1}",
                f"Action {n}",
                "Manager",
                "Lead",
                "01/04/2017",
                "31-Mar-18",
                "Amber",
                "Started",
                "2017-05-01",
            ]
            for n in range(count)
        ),
    )


def plan_import(organisation, user) -> float:
    """Seconds to preview and then apply a 1,000-row plan spreadsheet."""
    plan = _imported_plan(organisation)
    data = _plan_rows(1000)
    start = time.perf_counter()
    preview = spreadsheet.PLAN_IMPORTER.preview(
        organisation=organisation, upload=SimpleUploadedFile("plan.xlsx", data), plan=plan
    )
    assert preview.is_valid, preview.errors[:3]
    result = spreadsheet.PLAN_IMPORTER.apply(
        organisation=organisation, upload=SimpleUploadedFile("plan.xlsx", data), user=user, plan=plan
    )
    assert result.counts["create"] == 1000
    return time.perf_counter() - start


def import_preview_memory(organisation, data: bytes) -> tuple[float, float, str]:
    """Seconds and peak Python memory (MB, tracemalloc) of previewing `data` as a plan, and how it
    ended: "previewed" with its row count, or the refusal."""
    plan = _imported_plan(organisation)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = spreadsheet.PLAN_IMPORTER.preview(
            organisation=organisation, upload=SimpleUploadedFile("plan.xlsx", data), plan=plan
        )
        outcome = f"previewed {len(result.rows)} rows"
    except SpreadsheetError as refused:
        outcome = f"refused: {refused.messages[0]}"
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, outcome


def import_previews(organisation) -> dict[int, tuple[float, float, str, int]]:
    """import_preview_memory for 5,000 rows (the limit, previewed) and the issue's 200,000-row
    workbook (refused), with each file's size in bytes."""
    found = {}
    for rows, data in ((5000, _plan_rows(5000)), (200_000, big_plan(200_000))):
        found[rows] = (*import_preview_memory(organisation, data), len(data))
    return found


def live_tracker_recompute(organisation) -> float:
    """Seconds to compute every cohort's figures for a service (10,000 cases over five years) and
    record the month's dashboard figures, as the monthly roll-up does."""

    def recompute():
        cohorts_months(list(Cohort.objects.for_org(organisation)), as_at=datetime.date(2018, 12, 31))
        live_tracker_rollup(organisation=organisation, month=datetime.date(2017, 12, 1))

    return timed(recompute, runs=3)


def api_upsert(organisation, user, count: int = 10_000) -> tuple[float, float, dict]:
    """Seconds for one API request upserting `count` values (first run: all new), seconds for
    the same request again (all unchanged), and the second answer's counts."""
    monthly = list(
        Indicator.objects.filter(tracked_by__organisation=organisation, frequency=Frequency.MONTHLY)
        .exclude(computation=Computation.RATIO)
        .values_list("code", flat=True)
    )
    months = -(-count // len(monthly))
    start = datetime.date(2100, 1, 1)  # after any of the dataset's own periods, in the range a period may take
    items = [
        {"indicator": code, "period": f"{start.year + m // 12}-{m % 12 + 1:02d}", "value": m % 97, "source": "Bench"}
        for m in range(months)
        for code in monthly
    ][:count]
    client = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user, name='Bench')[1]}")
    url = f"/api/v1/{organisation.slug}/measurements/bulk/"

    def send() -> tuple[float, dict]:
        began = time.perf_counter()
        response = client.post(url, {"measurements": items}, content_type="application/json")
        assert response.status_code == 200, response.content[:500]
        return time.perf_counter() - began, response.json()

    first, created = send()
    assert created["create"] == count, created
    again, counts = send()
    return first, again, counts
