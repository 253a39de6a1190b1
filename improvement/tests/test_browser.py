"""A manager records progress in the browser and the plan's roll-up follows."""

import pytest
from playwright.sync_api import Page, expect

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_manager_moves_an_action_from_amber_to_green_and_the_rollup_changes(page: Page, live_server, manager):
    organisation = manager.memberships.get().organisation
    RagStatus.objects.install(organisation)
    scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    plan = PlanFactory(organisation=organisation, title="HMIP improvement plan")
    rec = RecommendationFactory(plan=plan, reference="4")
    done = ActionFactory(recommendation=rec, reference="4(a)")
    UpdateFactory(action=done, status=scale["G"])
    moving = ActionFactory(
        recommendation=rec, reference="4(g)", description="Quarterly performance report to the board"
    )
    UpdateFactory(action=moving, status=scale["A"])

    sign_in(page, live_server, "manager")
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    rollup = page.locator("#plan-rollup")
    expect(rollup.locator('[data-status="G"]')).to_have_text("1")
    expect(rollup.locator('[data-status="A"]')).to_have_text("1")

    page.get_by_role("link", name="Quarterly performance report to the board").click()
    expect(page.get_by_text("Current status:")).to_be_visible()
    page.get_by_text("Add a progress update").click()
    page.locator("#id_date").fill("2017-06-01")
    page.get_by_label("Green — Completed").check()
    page.get_by_label("Activities to date").fill("Report presented to the board in June.")
    url_before = page.url
    page.get_by_role("button", name="Add update").click()

    # htmx swaps the progress panel in place: same page, no reload.
    expect(page.get_by_text("Your update is added.")).to_be_visible()
    assert page.url == url_before
    expect(page.locator("#action-progress .rag-badge").first).to_have_text("Green")
    expect(page.get_by_text("Report presented to the board in June.")).to_be_visible()

    page.get_by_role("link", name="HMIP improvement plan").click()
    expect(rollup.locator('[data-status="G"]')).to_have_text("2")
    expect(rollup.locator('[data-status="A"]')).to_have_text("0")
    expect(page.locator('tr[data-action="4(g)"] .rag-badge')).to_have_text("Green")


def test_filters_update_the_list_without_a_reload_and_keep_a_shareable_url(page: Page, live_server, manager):
    organisation = manager.memberships.get().organisation
    RagStatus.objects.install(organisation)
    scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    plan = PlanFactory(organisation=organisation)
    rec = RecommendationFactory(plan=plan)
    UpdateFactory(action=ActionFactory(recommendation=rec, reference="2.1"), status=scale["G"])
    UpdateFactory(action=ActionFactory(recommendation=rec, reference="2.2"), status=scale["R"])

    sign_in(page, live_server, "manager")
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    page.get_by_label("Status", exact=True).select_option("R")
    expect(page.locator('tr[data-action="2.1"]')).to_have_count(0)
    expect(page.locator('tr[data-action="2.2"]')).to_be_visible()
    assert "status=R" in page.url

    page.goto(page.url)  # the shared link shows the same view
    expect(page.locator('tr[data-action="2.1"]')).to_have_count(0)
