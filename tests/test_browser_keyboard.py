"""A manager who uses only the keyboard adds a progress update to an action, then writes a
committee report, generates its PDF and downloads it: Tab, Shift+Tab, Enter, Space and the
arrow keys, typing into whatever Tab reached, never the mouse. Every stop shows where focus is."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory

pytestmark = pytest.mark.browser

# The focused element, and whether it is drawn with a focus indicator: an outline (the
# browser's own ring) or Bootstrap's focus shadow.
FOCUSED = """() => {
  const element = document.activeElement, style = getComputedStyle(element);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  const name = element.labels?.[0]?.textContent || element.getAttribute('aria-label') || element.textContent || '';
  return {name: name.trim().slice(0, 60), tag: element.tagName, shown: element !== document.body && ring};
}"""
# Dates typed into the browser's date fields, digit by digit: each with its day and month alike,
# as the field takes them day first or month first with the browser's own locale (Debian's
# headless Chromium is American whatever the page's locale).
UPDATED, PERIOD_START, MEETING = "06062017", "01012017", "07072017"


class Keyboard:
    """Moves focus as a keyboard user does and keeps every place focus stopped on the way."""

    def __init__(self, page: Page):
        self.page = page
        self.stops: list[dict] = []

    def tab_to(self, selector: str, *, backwards: bool = False, presses: int = 60) -> None:
        for _ in range(presses):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            self.stops.append(self.page.evaluate(FOCUSED))
            if self.page.evaluate("selector => document.activeElement.matches(selector)", selector):
                return
        raise AssertionError(f"Tab did not reach {selector}; it stopped at {self.stops[-presses:]}")

    def type_into(self, selector: str, text: str) -> None:
        self.tab_to(selector)
        self.page.keyboard.type(text)

    def unseen(self) -> list[dict]:
        return [stop for stop in self.stops if not stop["shown"]]


def sign_in_as(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_keyboard_user_adds_a_progress_update_and_generates_a_committee_report(
    page: Page, live_server, celery_worker, manager
):
    organisation = manager.memberships.get().organisation
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), description="Report audits to the board")
    UpdateFactory(action=action, status=RagStatus.objects.for_org(organisation).get(code="A"))
    sign_in_as(page, live_server, manager)
    keys = Keyboard(page)

    # The first Tab offers the skip link, which takes focus past the navigation.
    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    keys.tab_to(".skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    keys.tab_to("summary")  # the form, folded away below the action's updates so far
    page.keyboard.press("Enter")
    expect(page.locator("details:has(form)")).to_have_attribute("open", "")
    keys.type_into("input[type=date]", UPDATED)
    keys.tab_to("input[type=radio]")
    page.keyboard.press("Space")
    for _ in range(5):  # the arrow keys move through the scale, choosing as they go
        if "Green" in page.evaluate(FOCUSED)["name"]:
            break
        page.keyboard.press("ArrowDown")
    keys.type_into("textarea", "Audit results reported to the board in June.")
    keys.tab_to("button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your update is added.")).to_be_visible()
    expect(page.locator("#action-progress .rag-badge").first).to_have_text("Green")
    expect(page.locator("#action-progress article").first).to_contain_text("06/06/2017")

    page.goto(f"{live_server.url}/lewisham/reports/")
    keys.tab_to("a[href$='/reports/new/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    keys.type_into("#id_committee", "Safer Stronger Select Committee")
    keys.type_into("#id_meeting_date", MEETING)
    keys.type_into("#id_title", "Progress of the improvement plan")
    keys.type_into("#id_period_start", PERIOD_START)
    keys.type_into("#id_period_end", MEETING)
    keys.tab_to("button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Progress of the improvement plan")).to_be_visible()

    keys.tab_to("form[data-hx-post] button")
    page.keyboard.press("Enter")
    row = page.locator("#renders tbody tr").first
    expect(row).to_have_attribute("data-status", "done", timeout=30_000)
    keys.tab_to("#renders a")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith("-report-v1.pdf")

    assert len(keys.stops) > 20
    assert keys.unseen() == [], "focus is not visible at these stops"
