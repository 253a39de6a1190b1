"""Signing in with a council account in Debian's Chromium: from the app's sign-in page through the
test provider's own sign-in form and back, as a council's member of staff does it."""

import pytest
from playwright.sync_api import Page, expect

from tests.oidc_provider import PASSWORD
from yos_tracker.choices import Role
from yos_tracker.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.browser


def sign_in_at_the_provider(page: Page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Sign in with your council account").click()
    expect(page.get_by_role("heading", name="Sign in to your council")).to_be_visible()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation(url=f"{live_server.url}/**"):
        page.get_by_role("button", name="Sign in").click()


def test_a_member_signs_in_with_their_council_account_and_reaches_their_organisation(
    page: Page, live_server, council_sign_in_live_server, organisation
):
    pat = UserFactory(username="pat", email="pat.jones@lewisham.gov.uk", first_name="Pat", last_name="Jones")
    MembershipFactory(user=pat, organisation=organisation, role=Role.MANAGER)
    page.set_default_timeout(5_000)

    sign_in_at_the_provider(page, live_server, "pat.jones@lewisham.gov.uk")
    expect(page).to_have_url(f"{live_server.url}/lewisham/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lewisham Youth Offending Service")
    expect(page.locator("#user-menu")).to_contain_text("Pat Jones")


def test_a_person_the_app_does_not_know_is_told_so_on_the_sign_in_page(
    page: Page, live_server, council_sign_in_live_server, organisation
):
    page.set_default_timeout(5_000)
    sign_in_at_the_provider(page, live_server, "chris.doe@lewisham.gov.uk")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("status")).to_contain_text(
        "Your council account (chris.doe@lewisham.gov.uk) is not known here: "
        "ask your service's administrator to invite you."
    )
