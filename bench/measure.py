"""The measurements: server time (in-process, median of several runs after a warm-up) and SQL
query counts of the busy pages, the roll-up against its naive equivalent, the committee
report, and a 1,000-row plan import."""

import io
import statistics
import time

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from governance.models import CommitteeReport
from governance.reporting import render_pdf
from improvement import spreadsheet
from improvement.models import ImprovementPlan
from performance.models import CaseAudit
from performance.rollup import case_audit_figures_by_month

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


def pages(organisation, username: str) -> dict[str, tuple[float, int]]:
    client = Client()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    plan = ImprovementPlan.objects.for_org(organisation).get()
    action = plan.recommendations.first().actions.first()
    risk = organisation.risks.first()
    slug = organisation.slug
    return {
        "dashboard": page(client, f"/{slug}/performance/"),
        "plan_overview": page(client, plan.get_absolute_url()),
        "action": page(client, f"/{slug}/improvement/actions/{action.pk}/"),
        "risk_register": page(client, f"/{slug}/governance/risks/"),
        "risk": page(client, f"/{slug}/governance/risks/{risk.pk}/"),
    }


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
    definition = CommitteeReport.objects.get(organisation__slug="lewisham")
    result = {}

    def render():
        result["pdf"], result["pages"] = render_pdf(definition)

    seconds = timed(render, runs=3)
    return seconds, result["pages"]


def plan_import(organisation, user) -> float:
    """Seconds to preview and then apply a 1,000-row plan spreadsheet."""
    plan = ImprovementPlan.objects.create(
        organisation=organisation, title="Imported plan", period_start="2017-01-01", period_end="2017-12-31"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(spreadsheet.HEADERS)
    for n in range(1000):
        sheet.append(
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
        )
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    start = time.perf_counter()
    preview = spreadsheet.plan_import_preview(plan, SimpleUploadedFile("plan.xlsx", data))
    assert preview.is_valid, preview.errors[:3]
    result = spreadsheet.plan_import_apply(plan, SimpleUploadedFile("plan.xlsx", data), author=user)
    assert result.counts["create"] == 1000
    return time.perf_counter() - start
