"""A new service, from nothing to its first committee report, in the browser alone: no Django
admin, no shell. A superuser sets the service up and names its first manager; the manager starts
the improvement plan with three actions, tracks two indicators with targets and values, records
a risk, and generates the committee report's PDF."""

import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from yos_tracker.tests.browser import sign_in, sign_out
from yos_tracker.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

# The service starts now: its plan runs this calendar year, and its first report covers it to date.
TODAY = timezone.localdate()
YEAR_START, YEAR_END = TODAY.replace(month=1, day=1).isoformat(), TODAY.replace(month=12, day=31).isoformat()
DUE = (TODAY + datetime.timedelta(days=60)).isoformat()


def _fill(page: Page, fields: dict[str, str]) -> None:
    for selector, value in fields.items():
        page.locator(selector).fill(value)


def test_a_new_service_reaches_its_first_committee_report_without_admin_or_shell(
    page: Page, live_server, celery_worker, django_user_model
):
    django_user_model.objects.create_superuser("founder", "founder@example.org", PASSWORD)
    UserFactory(username="pat", email="pat.jones@southwark.gov.uk", first_name="Pat", last_name="Jones")

    # The superuser sets up the service and names its first manager.
    sign_in(page, live_server, "founder")
    page.get_by_role("link", name="Set up the first one").click()
    _fill(
        page,
        {
            "#id_name": "Southwark Youth Justice Service",
            "#id_slug": "southwark",
            "#id_local_authority": "London Borough of Southwark",
            "#id_first_email": "pat.jones@southwark.gov.uk",
            "#id_first_first_name": "Pat",
            "#id_first_last_name": "Jones",
        },
    )
    page.get_by_label("Bromley's: Green completed").check()
    page.get_by_label("Track the YJB's national measures").uncheck()
    page.get_by_role("button", name="Set up the service").click()
    expect(page.get_by_text("Southwark Youth Justice Service is set up.")).to_be_visible()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    sign_out(page)

    # The manager: a plan with three actions.
    sign_in(page, live_server, "pat")
    expect(page).to_have_url(f"{live_server.url}/southwark/")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Improvement plan").click()
    page.get_by_role("link", name="Start a plan").click()
    _fill(page, {"#id_title": "HMIP improvement plan", "#id_period_start": YEAR_START})
    page.locator("#id_period_end").fill(YEAR_END)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="HMIP improvement plan")).to_be_visible()
    page.get_by_role("link", name="Add a recommendation").click()
    _fill(
        page,
        {
            "#id_reference": "1",
            "#id_text": "The YOS Head of Service should make sure that plans address the risk of harm.",
        },
    )
    page.get_by_role("button", name="Save").click()
    for reference, description in [
        ("1.1", "Audit risk management plans monthly"),
        ("1.2", "Train case managers in AssetPlus"),
        ("1.3", "Report audit results to the board"),
    ]:
        page.get_by_role("link", name="Add an action").click()
        page.locator("#id_recommendation").select_option(index=1)
        _fill(page, {"#id_reference": reference, "#id_description": description, "#id_due_date": DUE})
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", name=f"Action {reference}")).to_be_visible()
        page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="HMIP improvement plan").click()
    expect(page.locator("tr[data-action]")).to_have_count(3)

    # Two indicators, each with a target, then their values.
    nav.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Choose indicators and targets").click()
    for code, target in [("CUSTODY_COUNT", "30"), ("REMAND_NIGHTS", "400")]:
        entry = page.locator(f"li#{code}")
        entry.get_by_role("button", name="Track").click()
        expect(page.get_by_text("is on the dashboard")).to_be_visible()
        page.locator(f"li#{code}").get_by_role("link", name="Targets").click()
        _fill(page, {"#id_target-applies_from": YEAR_START, "#id_target-value": target, "#id_target-tolerance": "5"})
        page.get_by_role("button", name="Add the target").click()
        expect(page.get_by_text("The target is saved.")).to_be_visible()
        page.get_by_role("link", name="Indicators").click()
    nav.get_by_role("link", name="Performance").click()
    page.get_by_role("link", name="Enter values").click()
    page.get_by_label("A day in the month").fill(TODAY.isoformat())
    page.get_by_role("button", name="Go").click()
    grid = page.locator("#entry-grid")
    grid.locator('tr[data-indicator="CUSTODY_COUNT"] input[name$="-value"]').fill("23")
    grid.locator('tr[data-indicator="REMAND_NIGHTS"] input[name$="-value"]').fill("512")
    grid.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Saved 2 values for {TODAY:%B %Y}.")).to_be_visible()
    nav.get_by_role("link", name="Performance").click()
    expect(page.locator(".dashboard-table tbody tr")).to_have_count(2)

    # One risk.
    nav.get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Risk register").click()
    page.get_by_role("link", name="Add a risk").click()
    _fill(
        page,
        {
            "#id_title": "Analytic capacity",
            "#id_description": "Too few analysts to produce the board's data.",
            "#id_owner": "PJ",
        },
    )
    for field, level in [
        ("inherent_likelihood", "3"),
        ("inherent_impact", "3"),
        ("residual_likelihood", "2"),
        ("residual_impact", "2"),
    ]:
        page.locator(f"#id_{field}").select_option(level)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Risk 1 is saved.")).to_be_visible()

    # The committee report, rendered to PDF.
    nav.get_by_role("link", name="Reports").click()
    page.get_by_role("link", name="New report").click()
    _fill(
        page,
        {
            "#id_committee": "Children and Young People Scrutiny Commission",
            "#id_meeting_date": (TODAY + datetime.timedelta(days=28)).isoformat(),
            "#id_title": "Youth justice improvement plan: progress",
            "#id_period_start": YEAR_START,
            "#id_period_end": TODAY.isoformat(),
            "#id_purpose": "To update the commission on the plan.",
        },
    )
    page.get_by_role("button", name="Save report").click()
    page.get_by_role("button", name="Generate PDF").click()
    row = page.locator("#renders tbody tr").first
    expect(row).to_have_attribute("data-status", "done", timeout=60_000)
    with page.expect_download() as download:
        row.get_by_role("link", name="Download PDF").click()
    with open(download.value.path(), "rb") as file:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages)
    assert "Youth justice improvement plan: progress" in text
    assert "Audit risk management plans monthly" in text
    assert "Analytic capacity" in text
