"""A manager records a review that lowers a risk's residual likelihood; the heat map follows."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from governance import services
from governance.models import Risk
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def cell(page: Page, which: str, likelihood: int, impact: int):
    return page.locator(f'.heat-map[data-which="{which}"] td[data-likelihood="{likelihood}"][data-impact="{impact}"]')


def test_a_review_moves_the_risk_to_another_cell_of_the_heat_map(page: Page, live_server, manager):
    organisation = manager.memberships.get().organisation
    services.risk_matrix_install(organisation=organisation)
    Risk.objects.create(
        organisation=organisation,
        number=2,
        raised_on=datetime.date(2017, 6, 9),
        title="Partnership analytic capacity",
        description="Speed of improvement at risk",
        owner="GR",
        inherent_likelihood=2,
        inherent_impact=3,
        residual_likelihood=2,
        residual_impact=2,
    )

    sign_in(page, live_server, "manager")
    page.goto(f"{live_server.url}/lewisham/governance/risks/")
    expect(cell(page, "residual", 2, 2)).to_have_attribute("data-count", "1")
    expect(cell(page, "residual", 1, 2)).to_have_attribute("data-count", "0")

    page.get_by_role("link", name="Partnership analytic capacity").click()
    page.get_by_label("Likelihood after mitigation").select_option("1")
    page.get_by_label("Commentary").fill("Partnership analyst in post.")
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_text("Review recorded: risk 2 now scores 2 after mitigation.")).to_be_visible()

    page.get_by_role("link", name="Risk register").click()
    expect(cell(page, "residual", 2, 2)).to_have_attribute("data-count", "0")
    expect(cell(page, "residual", 1, 2)).to_have_attribute("data-count", "1")
    expect(cell(page, "inherent", 2, 3)).to_have_attribute("data-count", "1")  # before mitigation is unchanged
    cell(page, "residual", 1, 2).get_by_role("link").click()
    expect(page.locator('tr[data-risk="2"]')).to_be_visible()
