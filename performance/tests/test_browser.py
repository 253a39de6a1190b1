"""A board member reads the dashboard and opens an indicator, in Chromium."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from performance.tests.factories import MeasurementFactory, TargetFactory, TrackedFactory, indicator
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_board_member_sees_rag_badges_and_sparklines_then_an_indicators_chart(page: Page, live_server, board_member):
    organisation = board_member.memberships.get().organisation
    for code, values, target in [("CUSTODY_COUNT", [44, 38, 31, 23], 30), ("REMAND_NIGHTS", [300, 340, 390, 420], 250)]:
        TrackedFactory(organisation=organisation, indicator=indicator(code))
        TargetFactory(organisation=organisation, indicator=indicator(code), value=target, tolerance=10)
        for month, value in enumerate(values, start=1):
            MeasurementFactory(
                organisation=organisation, indicator=indicator(code), period=datetime.date(2017, month, 1), value=value
            )

    sign_in(page, live_server, "board")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Performance").click()
    custody = page.locator('tr[data-indicator="CUSTODY_COUNT"]')
    expect(custody.locator(".rag-badge")).to_have_text("Green")
    expect(page.locator('tr[data-indicator="REMAND_NIGHTS"] .rag-badge')).to_have_text("Red")
    expect(custody.locator("svg.sparkline polyline")).to_have_count(1)
    expect(custody.get_by_text("Better")).to_be_visible()

    custody.get_by_role("link").click()
    # The chart is an image named by its title and every value it draws.
    chart = page.get_by_role("img", name=f"{indicator('CUSTODY_COUNT').name}: Lewisham: 01/2017 44, 02/2017 38")
    expect(chart).to_be_visible()
    expect(page.get_by_role("cell", name="Apr 2017")).to_be_visible()
