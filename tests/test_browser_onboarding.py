"""A new service, from nothing to its first committee report, in the browser alone: no Django
admin, no shell. A superuser sets the service up and names its first manager; the manager starts
the improvement plan with three actions, tracks two indicators with targets and values, records
a risk, and generates the committee report's PDF. And a service's only person, manager and
administrator at once, does a month's first work in the page loads its steps need, counted."""

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


def _southwark_set_up_by_a_superuser(page: Page, live_server, django_user_model, fields: dict | None = None) -> None:
    """A superuser sets up Southwark with Bromley's RAG scale, tracking nothing yet, and names Pat
    its first person, who is manager and administrator unless told otherwise; then signs out."""
    django_user_model.objects.create_superuser("founder", "founder@example.org", PASSWORD)
    UserFactory(username="pat", email="pat.jones@southwark.gov.uk", first_name="Pat", last_name="Jones")
    sign_in(page, live_server, "founder")
    page.get_by_role("link", name="Set up the first one").click()
    _fill(
        page,
        {
            "#id_name": "Southwark Youth Justice Service",
            "#id_local_authority": "London Borough of Southwark",
            "#id_first_email": "pat.jones@southwark.gov.uk",
            "#id_first_first_name": "Pat",
            "#id_first_last_name": "Jones",
            **(fields or {}),
        },
    )
    for role in ("manager", "admin"):
        expect(page.locator(f"input[name=first_roles][value={role}]")).to_be_checked()
    page.get_by_label("Bromley's: Green completed").check()
    page.get_by_label("Track the YJB's national measures").uncheck()
    page.get_by_role("button", name="Set up the service").click()
    expect(page.get_by_text("Southwark Youth Justice Service is set up.")).to_be_visible()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    sign_out(page)


def test_a_new_service_reaches_its_first_committee_report_without_admin_or_shell(
    page: Page, live_server, celery_worker, django_user_model
):
    # The superuser sets up the service and names its first manager.
    _southwark_set_up_by_a_superuser(page, live_server, django_user_model, {"#id_slug": "southwark"})

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
    grid = page.locator("#entry-grid")
    this_month = f'td[data-period="{TODAY:%Y-%m}-01"] input[name$="-value"]'
    grid.locator(f'tr[data-indicator="CUSTODY_COUNT"] {this_month}').fill("23")
    grid.locator(f'tr[data-indicator="REMAND_NIGHTS"] {this_month}').fill("512")
    grid.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved 2 values for")).to_be_visible()
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


# The ten monthly counts the new service tracks at once, and two of them it enters three months of.
TEN = [
    "FTE_COUNT",
    "FTE_LAC_COUNT",
    "CUSTODY_COUNT",
    "CUSTODY_LAC_COUNT",
    "REMAND_NIGHTS",
    "REMAND_YOUNG_PEOPLE",
    "MH_IDENTIFIED",
    "MH_CAMHS_ASSESSMENT",
    "SL_IDENTIFIED",
    "SL_ASSESSMENT",
]
ENTERED = {"CUSTODY_COUNT": ["4", "3", "5"], "REMAND_NIGHTS": ["120", "96", "140"]}


class PageLoads:
    """Counts the documents the browser loads in its window: a link followed, a form sent (with
    the page its answer redirects to, one load), never what htmx swaps in place."""

    def __init__(self, page: Page):
        self.count = 0
        page.on("framenavigated", lambda frame: self._loaded(page, frame))

    def _loaded(self, page: Page, frame) -> None:
        self.count += frame == page.main_frame

    def since(self, mark: int) -> int:
        return self.count - mark


def test_a_new_services_only_person_tracks_enters_minutes_and_invites_in_the_page_loads_the_steps_need(
    page: Page, live_server, celery_worker, django_user_model
):
    _southwark_set_up_by_a_superuser(page, live_server, django_user_model)

    sign_in(page, live_server, "pat")
    expect(page.get_by_text("You are signed in as manager and administrator")).to_be_visible()
    loads = PageLoads(page)
    nav = page.get_by_role("navigation", name="Main")

    # 1. Ten indicators tracked at once: the catalogue, the ticks, one button.
    mark = loads.count
    nav.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Choose indicators and targets").click()
    for code in TEN:
        page.locator(f"#pick-{code}").check()
    page.get_by_role("button", name="Track selected").first.click()
    expect(page.get_by_text("10 indicators tracked.")).to_be_visible()
    assert loads.since(mark) == 3

    # 2. Three months of two indicators' values, entered on one page and saved in place.
    mark = loads.count
    nav.get_by_role("link", name="Performance").click()
    page.get_by_role("link", name="Enter values").click()
    grid = page.locator("#entry-grid")
    months = grid.locator("thead th").all_inner_texts()[1:]
    assert len(months) == 3 and months[-1] == f"{TODAY:%B %Y}"
    for code, values in ENTERED.items():
        cells = grid.locator(f'tr[data-indicator="{code}"] input[name$="-value"]')
        expect(cells).to_have_count(3)
        for cell, value in zip(cells.all(), values, strict=True):
            cell.fill(value)
    grid.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved 6 values for")).to_be_visible()
    assert loads.since(mark) == 2

    # 3. The board, its first member, a meeting, and who came: a deputy in the member's place.
    mark = loads.count
    nav.get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Add the management board").click()
    page.locator("#id_name").fill("Youth Justice Management Board")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add a member").click()
    page.locator("#id_name").fill("Ann Lee")
    page.locator("#id_agency").select_option(label="Police")
    page.locator("#id_role").fill("Borough Commander")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record a meeting").click()
    page.locator("#id_date").fill(TODAY.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Record who attended below.")).to_be_visible()
    page.locator("select[name^=status_]").select_option(label="Deputy sent")
    page.locator("input[name^=deputy_name_]").fill("Inspector Sam Okafor")
    page.locator("select[name^=deputy_agency_]").select_option(label="Police")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text(f"The attendance of {TODAY:%d/%m/%Y} is saved.")).to_be_visible()
    expect(page.locator("input[name^=deputy_name_]")).to_have_value("Inspector Sam Okafor")
    assert loads.since(mark) == 8

    # 4. A second member invited.
    mark = loads.count
    nav.get_by_role("link", name="Governance").click()
    page.get_by_role("link", name="Members and roles").click()
    page.get_by_role("link", name="Add a member").click()
    _fill(page, {"#id_email": "kim.odu@southwark.gov.uk", "#id_first_name": "Kim", "#id_last_name": "Odu"})
    page.get_by_label("Officer", exact=False).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("an e-mail is on its way to kim.odu@southwark.gov.uk")).to_be_visible()
    assert loads.since(mark) == 4
