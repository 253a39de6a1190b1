"""Steps browser tests share: signing in and out as a person would."""

from playwright.sync_api import Page

from yos_tracker.tests.factories import PASSWORD


def sign_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address or user name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def sign_out(page: Page) -> None:
    page.locator("#user-menu").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
