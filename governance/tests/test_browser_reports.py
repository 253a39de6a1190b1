"""An officer builds a report and watches it render, without reloading, then downloads it."""

import pytest
from playwright.sync_api import Page, expect

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from yos_tracker.choices import Role
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_officer_builds_a_report_sees_it_done_and_downloads_the_pdf(
    page: Page, live_server, celery_worker, organisation, make_member
):
    make_member(organisation, Role.OFFICER, "officer")
    RagStatus.objects.install(organisation)
    ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation)), reference="1.1")

    sign_in(page, live_server, "officer")
    page.goto(f"{live_server.url}/lewisham/reports/")
    page.get_by_role("link", name="New report").click()
    page.locator("#id_committee").fill("Safer Stronger Select Committee")
    page.locator("#id_meeting_date").fill("2017-06-28")
    page.locator("#id_title").fill("Progress of the improvement plan")
    page.locator("#id_period_start").fill("2016-12-01")
    page.locator("#id_period_end").fill("2017-06-28")
    page.locator("#id_purpose").fill("To update the committee.")
    page.get_by_role("button", name="Save report").click()
    expect(page.get_by_role("heading", name="Progress of the improvement plan")).to_be_visible()

    url_before = page.url
    page.get_by_role("button", name="Generate PDF").click()
    row = page.locator("#renders tbody tr").first
    expect(row).to_have_attribute("data-status", "done", timeout=30_000)  # polled in place by htmx
    assert page.url == url_before
    expect(page.get_by_text("No version generated yet.")).to_be_hidden()
    expect(row.get_by_text("Done")).to_be_visible()

    with page.expect_download() as download:
        row.get_by_role("link", name="Download PDF").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith("-report-v1.pdf")
