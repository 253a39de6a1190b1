"""Sign-in, landing and switching organisation in headless Chromium against the live server."""

import pytest
from playwright.sync_api import Page, expect

from yos_tracker.choices import Role
from yos_tracker.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_manager_signs_in_and_lands_on_their_organisation(page: Page, live_server, manager):
    sign_in(page, live_server, "manager")
    expect(page).to_have_url(f"{live_server.url}/lewisham/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lewisham Youth Offending Service")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Improvement plan")).to_be_visible()
    expect(page.get_by_text("You are signed in as manager")).to_be_visible()


def test_wrong_password_shows_an_error_and_stays_on_sign_in(page: Page, live_server, manager):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address or user name").fill("manager")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")


def test_regional_user_switches_organisation_and_keeps_the_section(
    page: Page, live_server, organisation, other_organisation, regional
):
    sign_in(page, live_server, "regional")
    expect(page.get_by_role("heading", name="Your organisations")).to_be_visible()
    page.get_by_role("link", name="Lewisham Youth Offending Service").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Performance").click()
    expect(page).to_have_url(f"{live_server.url}/lewisham/performance/")

    page.get_by_role("button", name="Switch organisation").click()
    page.get_by_role("link", name="Bromley Youth Offending Service").click()
    expect(page).to_have_url(f"{live_server.url}/bromley/performance/")
    expect(page.get_by_text("Bromley Youth Offending Service does not track any indicators yet.")).to_be_visible()


def test_board_member_opening_another_organisation_gets_not_found(
    page: Page, live_server, organisation, other_organisation, make_member
):
    make_member(other_organisation, Role.BOARD_MEMBER, "bromley.board")
    sign_in(page, live_server, "bromley.board")
    expect(page).to_have_url(f"{live_server.url}/bromley/")

    response = page.goto(f"{live_server.url}/lewisham/governance/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_text("Lewisham")).to_have_count(0)


def test_navigation_works_from_the_keyboard(page: Page, live_server, manager):
    sign_in(page, live_server, "manager")
    expect(page).to_have_url(f"{live_server.url}/lewisham/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
