"""A manager rates a logic model's outcome Red in the browser; the diagram shows it, at desktop
width and on a phone."""

import pytest
from playwright.sync_api import Page, expect

from governance.models import LogicModel, LogicOutcome
from improvement.models import RagStatus
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_an_outcome_rated_red_shows_red_in_the_diagram(page: Page, live_server, manager):
    organisation = manager.memberships.get().organisation
    red = next(status for status in RagStatus.objects.install(organisation, "lewisham") if status.code == "R")
    model = LogicModel.objects.create(organisation=organisation, name="Intake team", inputs="Operational Manager")
    LogicOutcome.objects.create(model=model, text="Every child is screened for speech and language needs")

    sign_in(page, live_server, "manager")
    page.goto(f"{live_server.url}{model.get_absolute_url()}")
    outcome = page.locator(".logic-model .lm-outcomes li", has_text="Every child is screened")
    expect(outcome.locator(".rag-badge")).to_have_text("Not yet rated")

    row = page.get_by_role("row", name="Every child is screened")
    row.get_by_label("RAG rating").select_option(value=str(red.pk))
    row.get_by_label("Why").fill("Screening not yet routine")
    row.get_by_role("button", name="Rate").click()
    expect(page.get_by_text("is rated Red on")).to_be_visible()
    expect(outcome.locator(".rag-badge")).to_have_text("Red")

    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        expect(outcome.locator(".rag-badge")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
