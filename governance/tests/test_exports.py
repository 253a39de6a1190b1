"""Exports honour what is on screen: the plan's and the register's filters and sort travel in the
query string, the file name says when rows were left out, and the report's appendix workbook
holds numbers and dates a spreadsheet can calculate with. Text that Word pastes (a soft line
break is \\x0b) never breaks an export."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance import services, spreadsheet
from governance.appendices import report_appendix_workbook
from governance.models import CommitteeReport
from governance.tests.factories import RiskFactory
from improvement import spreadsheet as plan_spreadsheet
from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def xlsx_rows(content: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2, values_only=True))


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[1:]


def filename(response) -> str:
    return response["Content-Disposition"].split('filename="', 1)[1].rstrip('"')


@pytest.fixture
def plan(organisation):
    scale = {s.code: s for s in RagStatus.objects.install(organisation)}
    plan = PlanFactory(organisation=organisation)
    recommendation = RecommendationFactory(plan=plan)
    for reference, code, due in [("1.1", "G", 5), ("1.2", "R", 3), ("1.3", "R", 9), ("1.4", "A", 1)]:
        action = ActionFactory(recommendation=recommendation, reference=reference, due_date=datetime.date(2017, due, 1))
        UpdateFactory(action=action, status=scale[code])
    return plan


def test_the_plan_export_has_only_the_rows_the_filter_shows_and_says_so(client, manager, plan):
    client.force_login(manager)
    for fmt, read in (("xlsx", xlsx_rows), ("csv", csv_rows)):
        url = reverse("improvement:plan_export", kwargs={"org": "lewisham", "pk": plan.pk, "fmt": fmt})
        response = client.get(url, {"status": "R"})
        assert [row[0] for row in read(response.content)] == ["1.2", "1.3"], fmt
        assert filename(response).endswith(f"-filtered.{fmt}")
        everything = client.get(url)
        assert [row[0] for row in read(everything.content)] == ["1.1", "1.2", "1.3", "1.4"]
        assert "filtered" not in filename(everything)


def test_the_plan_export_is_in_the_sort_on_screen(client, manager, plan):
    client.force_login(manager)
    url = reverse("improvement:plan_export", kwargs={"org": "lewisham", "pk": plan.pk, "fmt": "csv"})
    response = client.get(url, {"sort": "due"})
    assert [row[0] for row in csv_rows(response.content)] == ["1.4", "1.2", "1.1", "1.3"]
    assert "filtered" not in filename(response)  # sorted, but nothing left out


def test_the_plan_page_links_its_exports_to_what_it_shows(client, manager, plan):
    client.force_login(manager)
    page = client.get(plan.get_absolute_url(), {"status": "R"}, HTTP_HX_REQUEST="true").content.decode()
    assert "export.xlsx?status=R" in page and "Export these 2 .xlsx" in page


@pytest.fixture
def register(organisation):
    services.risk_matrix_install(organisation=organisation)
    RiskFactory(organisation=organisation, number=1, residual_likelihood=3, residual_impact=3)  # High
    RiskFactory(organisation=organisation, number=2, residual_likelihood=1, residual_impact=1)  # Low
    RiskFactory(organisation=organisation, number=3, residual_likelihood=2, residual_impact=3)  # High
    return organisation


def test_the_register_export_has_only_the_band_on_screen(client, manager, register):
    client.force_login(manager)
    for fmt, read in (("xlsx", xlsx_rows), ("csv", csv_rows)):
        url = reverse("governance:risk_export", kwargs={"org": "lewisham", "fmt": fmt})
        response = client.get(url, {"band": "High", "sort": "number"})
        assert [str(row[0]) for row in read(response.content)] == ["1", "3"], fmt
        assert filename(response) == f"lewisham-risk-register-filtered.{fmt}"
    page = client.get(reverse("governance:risk_register", kwargs={"org": "lewisham"}), {"band": "High"})
    assert "export.csv?band=High" in page.content.decode()


@pytest.fixture
def demo_report(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")


def test_the_appendices_hold_numbers_percentages_and_dates(demo_report):
    book = openpyxl.load_workbook(io.BytesIO(report_appendix_workbook(demo_report)))
    dashboard = book["A Performance dashboard"]
    rows = {row[1].value: row for row in dashboard.iter_rows(min_row=2)}
    binary = rows["Reducing Reoffending: YJB Binary Rate"]
    assert isinstance(binary[3].value, float | int | Decimal) and binary[3].number_format == "0.0%"
    assert 0 < binary[3].value < 1  # 39.7% is stored as 0.397
    assert isinstance(binary[2].value, datetime.datetime) and binary[2].number_format == "DD/MM/YYYY"
    risks = book["B Risk register"]
    assert all(isinstance(row[3].value, int) for row in risks.iter_rows(min_row=2))


HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Line one\x0bline two", "\x00\x01\x1f", '=HYPERLINK("x")', "\u202e", "tab\there"]),
).map(lambda t: t.replace("\x00", "") or "x")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXT)
def test_no_export_fails_on_text_word_pastes(organisation, manager, text):
    """Every export writes whatever text a person could have saved: the plan (.xlsx, .csv), the
    register (.xlsx, .csv) and the report's appendices; control characters are dropped from a
    worksheet, which cannot hold them, and kept in a CSV."""
    RagStatus.objects.install(organisation)
    services.risk_matrix_install(organisation=organisation)
    plan = PlanFactory(organisation=organisation)
    ActionFactory(recommendation=RecommendationFactory(plan=plan, text=text), description=text, owner_name=text)
    RiskFactory(organisation=organisation, title=text, description=text, owner=text[:100] or "x")
    report = CommitteeReport.objects.create(
        organisation=organisation,
        committee=text[:200] or "x",
        meeting_date=datetime.date(2017, 6, 28),
        title=text[:200] or "x",
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["appendix_a", "appendix_b", "appendix_c"],
    )
    for fmt in ("xlsx", "csv"):
        assert plan_spreadsheet.plan_export(plan, fmt)
        assert spreadsheet.export(organisation, fmt)
    assert report_appendix_workbook(report)
    plan.delete()
    report.delete()
    organisation.risks.all().delete()
