"""WCAG 2.2 AA, as axe-core checks it, on every page template each role opens: Lewisham's demo
pages from the URL walk (so a new page is covered), each form with its errors showing, import
previews, and a new service's empty pages. And on a phone every page fits its width, its tables
stacked into labelled cards rather than scrolling sideways.

The demo is loaded and committed once for the module (it takes seconds), and served by a live
server of the module's own: pytest-django's would make every test transactional, flushing the
demo after the first. Tests run inside a transaction as usual and reach the server with session
cookies made along with the demo; the module then puts the database back exactly as it found it
(Django's serialized rollback, by hand), so the tests after it see the migrated data.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import modify_settings, override_settings
from django.urls import resolve, reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from improvement.models import Action
from onboarding.demo import DEMO_ROLES
from onboarding.tests.test_workbook import AUDITS, FOUR_SHEETS, workbook
from tests.demo_pages import ORG_PATTERNS, WALKER, lewisham_ids, load_demo_with_every_kind_of_record, valid_url
from yos_tracker import page_cache
from yos_tracker.choices import Capability
from yos_tracker.tests.urlwalk import walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE = Path(settings.BASE_DIR) / "static" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Markup a form shows when it refuses what was sent (crispy's field and form errors).
ERRORS_SHOWN = ".is-invalid, .invalid-feedback, .alert-danger, .errorlist"
INPUT_FORM = "main form[method=post][novalidate]"
DEMO_USERS = [f"{org}.{role}" for org in ("lewisham", "southwark") for role in DEMO_ROLES]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@dataclass(frozen=True)
class OrgPage:
    url: str
    read: Capability  # what a person needs to open it (org_view's)


Pages = dict[str, list[OrgPage]]  # page template → the pages that render it


@dataclass(frozen=True)
class DemoSite:
    url: str
    lewisham: Pages  # every organisation page, with Lewisham's records
    southwark: Pages  # a new service's pages that name no record and take no input: its empty lists
    sessions: dict[str, str]  # demo user name → session key


def _session(username: str) -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _page_template(response) -> str | None:
    """The template of a whole HTML page; None for a download, a fragment or a refusal."""
    html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
    if not (html and b"<html" in response.content):
        return None
    names = [template.name for template in response.templates]
    return names[names.index("base.html") - 1]  # the page's own, which extends it


def _lewisham_pages(walker: Client) -> Pages:
    pages = defaultdict(list)
    ids = lewisham_ids()
    for pattern in ORG_PATTERNS:
        url = valid_url(walker, pattern, ids)
        template = _page_template(walker.get(url)) if url else None
        if template:
            pages[template].append(OrgPage(url, pattern.callback.org_view_capabilities[0]))
    return dict(pages)


def _southwark_pages(walker: Client) -> Pages:
    pages = defaultdict(list)
    for pattern in ORG_PATTERNS:
        if pattern.keywords == ["org"]:
            url = reverse(pattern.name, kwargs={"org": "southwark"})
            response = walker.get(url)
            template = _page_template(response)
            if template and not re.search(r"<form [^>]*method=\"post\"[^>]*novalidate", response.content.decode()):
                pages[template].append(OrgPage(url, pattern.callback.org_view_capabilities[0]))
    return dict(pages)


def _restore(snapshot: str) -> None:
    # Unwatched, as a restore is: the snapshot brings the page cache's versions back with it.
    with page_cache.unwatched():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    fast_hashing = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(
            # Files, as every test's are (conftest's media_root), even when the shell names a bucket.
            STORAGES={**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}},
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
            PASSWORD_HASHERS=fast_hashing,
        ),
        modify_settings(ALLOWED_HOSTS={"append": "localhost"}),
    ):
        snapshot = connection.creation.serialize_db_to_string()
        try:
            load_demo_with_every_kind_of_record()
            walker = Client()
            walker.force_login(get_user_model().objects.get(username=WALKER))
            lewisham, southwark = _lewisham_pages(walker), _southwark_pages(walker)
            sessions = {username: _session(username) for username in [*DEMO_USERS, WALKER]}
            server = LiveServer("localhost")
            try:
                yield DemoSite(server.url, lewisham, southwark, sessions)
            finally:
                server.stop()
        finally:
            _restore(snapshot)


@pytest.fixture(scope="module")
def axe_page(browser, demo_site):
    """One page for the module, with axe-core in every document it opens. The browser runs an
    init script itself, outside the page's CSP (which refuses inline script), so the pages are
    checked under their own policy, as people get them, with no bypass_csp; and it saves
    injecting a 650 kB script tag into each page."""
    context = browser.new_context()
    context.add_init_script(path=AXE)
    yield context.new_page()
    context.close()


def sign_in_as(page: Page, site: DemoSite, username: str) -> None:
    page.context.clear_cookies()
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": site.sessions[username], "url": site.url}
    page.context.add_cookies([cookie])


def _settle(page: Page) -> None:
    """Wait for what htmx loads with the page (the organisation home's data quality). A locator,
    not wait_for_function, whose predicate the page's CSP refuses to evaluate (no unsafe-eval)."""
    expect(page.locator("[data-hx-trigger=load], .htmx-request")).to_have_count(0)


def axe_violations(page: Page, where: str) -> list[str]:
    _settle(page)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in results["violations"]
    ]


def form_error_violations(page: Page, where: str) -> list[str]:
    """The page's first input form sent with its required fields empty shows its errors, and
    those must pass too. A form whose fields are all optional is left alone: sending it saves."""
    form = page.locator(f"{INPUT_FORM}:has([required])").first
    if not form.count():
        return []
    form.evaluate(
        "f => f.querySelectorAll('[required]').forEach(e => e.type === 'radio' || e.type === 'checkbox'"
        " ? (e.checked = false) : (e.value = ''))"
    )
    if form.get_attribute("data-hx-post"):
        form.evaluate(
            "f => new Promise(done => {"
            " document.body.addEventListener('htmx:afterSettle', done, {once: true}); f.requestSubmit(); })"
        )
    else:
        with page.expect_navigation():
            form.evaluate("f => f.requestSubmit()")
    assert page.locator(ERRORS_SHOWN).count(), f"{where}: its form sent empty shows no error"
    return axe_violations(page, f"{where} with its form's errors")


def open_page(page: Page, site: DemoSite, url: str) -> None:
    response = page.goto(site.url + url)
    assert response.status == 200, f"{url} answered {response.status}"
    assert page.url == site.url + url, f"{url} sent the browser to {page.url}: not signed in?"
    _settle(page)


def walk_with_axe(page: Page, site: DemoSite, pages: Pages, org: str) -> tuple[list[str], list[str]]:
    """Each demo role of org opens the first page of each template their role may open; axe
    checks it, and its form's errors. Main content an earlier role was shown is not checked again
    (each role's header is, on its first page): most of what an officer sees, a board member saw.
    Returns the pages checked and the violations found."""
    checked, violations, seen = [], [], set()
    for suffix, role in DEMO_ROLES.items():
        username = f"{org}.{suffix}"
        sign_in_as(page, site, username)
        header_checked = False
        for template_pages in pages.values():
            url = next((p.url for p in template_pages if p.read in role.capabilities), None)
            if url is None:
                continue
            open_page(page, site, url)
            content = CSRF.sub("", page.inner_html("main"))
            if content in seen and header_checked:
                continue
            seen.add(content)
            header_checked = True
            where = f"{url} as {username}"
            violations += axe_violations(page, where)
            violations += form_error_violations(page, where)
            checked.append(where)
    return checked, violations


def test_every_page_template_passes_axe_for_every_role_with_its_form_errors(axe_page, demo_site):
    checked, violations = walk_with_axe(axe_page, demo_site, demo_site.lewisham, "lewisham")
    assert len(checked) >= 60, checked
    assert violations == [], "\n".join(violations)


def test_a_new_services_empty_pages_pass_axe_for_every_role(axe_page, demo_site):
    checked, violations = walk_with_axe(axe_page, demo_site, demo_site.southwark, "southwark")
    assert len(checked) >= 15, checked
    assert violations == [], "\n".join(violations)


def _unreadable_file(page: Page) -> bytes:
    """A CSV with every column the import page names, one it does not, and values none can read."""
    labels = page.locator("main p", has_text="Upload an .xlsx").locator("strong").all_inner_texts()
    assert labels, "the import page names no columns"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*labels, "Mystery column"])
    writer.writerow(["?"] * (len(labels) + 1))
    return out.getvalue().encode()


def _preview(page: Page, name: str, content: bytes) -> None:
    page.locator("main input[type=file]").set_input_files({"name": name, "mimeType": "", "buffer": content})
    with page.expect_navigation():
        page.get_by_role("button", name="Preview the import").click()


def test_import_previews_pass_axe_with_their_questions_errors_and_rows(axe_page, demo_site):
    sign_in_as(axe_page, demo_site, "lewisham.manager")
    violations = []
    imports = [page.url for page in demo_site.lewisham["imports/page.html"]]
    for url in imports:
        axe_page.goto(demo_site.url + url)
        _preview(axe_page, "unreadable.csv", _unreadable_file(axe_page))
        assert axe_page.locator(".import-questions, .import-errors").count(), f"{url} found the file readable"
        violations += axe_violations(axe_page, f"{url}, previewing an unreadable file")

    plan_import = next(url for url in imports if resolve(url).url_name == "plan_import")
    plan_export = reverse("improvement:plan_export", kwargs={**resolve(plan_import).kwargs, "fmt": "xlsx"})
    export = axe_page.request.get(demo_site.url + plan_export)
    axe_page.goto(demo_site.url + plan_import)
    _preview(axe_page, "plan.xlsx", export.body())
    assert axe_page.locator(".import-unchanged li").count()
    violations += axe_violations(axe_page, f"{plan_import}, previewing the plan's own export")

    # The register's own export with a risk retitled (same record?) and another's owner changed
    # and category cleared (before → after).
    register = openpyxl.load_workbook(io.BytesIO(axe_page.request.get(demo_site.url + _risk_export()).body()))
    rows = list(register.active.iter_rows(min_row=2))
    rows[0][2].value = "A risk of another register"
    rows[1][4].value, rows[1][5].value = "KC", None
    edited = io.BytesIO()
    register.save(edited)
    axe_page.goto(demo_site.url + reverse("governance:risk_import", kwargs={"org": "lewisham"}))
    _preview(axe_page, "register.xlsx", edited.getvalue())
    assert axe_page.locator(".import-questions input[name=same]").count() == 1
    assert axe_page.locator(".import-preview .import-change").count() >= 2
    violations += axe_violations(axe_page, "the risk import, asking whether a row is the same risk")
    assert violations == [], "\n".join(violations)


def test_the_workbook_preview_passes_axe_with_each_sheets_questions_and_errors(axe_page, demo_site):
    sign_in_as(axe_page, demo_site, "lewisham.manager")
    graded = [*AUDITS, ["Apr 2024", "LW-2024-003", "Court order", "Good", "Good", "Good", "Good", "Requires work"]]
    sheets = {**FOUR_SHEETS, "Audits": graded, "Sheet6": [["Title", "Owner"], ["Estates", "AB"]]}
    axe_page.goto(demo_site.url + reverse("onboarding:workbook", kwargs={"org": "lewisham"}))
    axe_page.locator("main input[type=file]").set_input_files(
        {"name": "tracker.xlsx", "mimeType": "", "buffer": workbook(sheets).read()}
    )
    with axe_page.expect_navigation():
        axe_page.get_by_role("button", name="Preview the workbook").click()
    assert axe_page.locator(".workbook-sheets .bg-warning-subtle").count() == 1  # Sheet6, asked about
    assert axe_page.locator(".workbook-part .import-questions").count() == 2  # a grade word; Sheet6's columns
    assert axe_page.locator(".workbook-part .import-errors").count() == 1
    violations = axe_violations(axe_page, "the workbook preview, asking which sheet is which")
    assert violations == [], "\n".join(violations)


def _risk_export() -> str:
    return reverse("governance:risk_export", kwargs={"org": "lewisham", "fmt": "xlsx"})


# Every RAG badge's box, where the page's width and any sideways-scrolling box it sits in cut it.
BADGES_CUT = """() => [...document.querySelectorAll('.rag-badge')]
  .filter(badge => badge.getClientRects().length).flatMap(badge => {
  const box = badge.getBoundingClientRect();
  const scroller = badge.closest('.table-responsive');
  const edge = scroller ? scroller.getBoundingClientRect() : {left: 0, right: innerWidth};
  const whole = box.left >= Math.max(0, edge.left) && box.right <= Math.min(innerWidth, edge.right);
  return whole ? [] : [`${badge.textContent} at ${box.left}–${box.right}`];
})"""
TABLES_SCROLLED = """() => [...document.querySelectorAll('.table-responsive')]
  .filter(box => box.scrollWidth > box.clientWidth).map(box => box.querySelector('caption, th')?.textContent)"""


def test_the_dashboard_an_action_page_and_the_risk_register_fit_a_phone_with_every_rag_badge_whole(browser, demo_site):
    action = Action.objects.filter(recommendation__plan__organisation__slug="lewisham").annotate(n=Count("updates"))
    pages = [
        reverse("performance:index", kwargs={"org": "lewisham"}),
        reverse("improvement:action_detail", kwargs={"org": "lewisham", "pk": action.order_by("-n", "pk").first().pk}),
        reverse("governance:risk_register", kwargs={"org": "lewisham"}),
    ]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    sign_in_as(phone, demo_site, "lewisham.manager")
    for url in pages:
        phone.goto(demo_site.url + url)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, f"{url} scrolls sideways"
        assert phone.locator(".rag-badge").count()
        assert phone.evaluate(BADGES_CUT) == [], f"{url} cuts off RAG badges"
        assert phone.evaluate(TABLES_SCROLLED) == [], f"{url} hides table columns in a sideways scroll"
    context.close()


# Every element wider than the screen that is not inside a box that scrolls on purpose, named
# by its tag, classes and text, so a failure says where to look.
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('main *, header *, nav *')]
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 0.5)
  .filter(e => ![...e.querySelectorAll('*')].some(c => c.getBoundingClientRect().right > innerWidth + 0.5))
  .slice(0, 3)
  .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent.trim().slice(0, 40)}"`)"""


# The instance's own pages outside any organisation that name no record: home, one's account,
# setting up a service, the regional role (not Django admin's, nor the API's, nor signing out).
INSTANCE_PAGES = [
    u.url
    for u in walk()
    if not u.keywords and not u.url.startswith(("/lewisham/", "/admin/", "/api/", "/oidc/", "/accounts/logout/"))
]


def test_every_page_of_the_url_walk_fits_a_phone_and_hides_no_column_in_a_sideways_scroll(browser, demo_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    sign_in_as(phone, demo_site, WALKER)  # a superuser: every page, with every control
    pages = [*INSTANCE_PAGES, *(page.url for pages in demo_site.lewisham.values() for page in pages)]
    too_wide = []
    for url in pages:
        response = phone.goto(demo_site.url + url)
        if not response.headers["content-type"].startswith("text/html"):
            continue
        _settle(phone)
        if phone.evaluate("document.documentElement.scrollWidth") > 390:
            too_wide.append(f"{url}: {phone.evaluate(WIDER_THAN_SCREEN)}")
        elif scrolled := phone.evaluate(TABLES_SCROLLED):
            too_wide.append(f"{url}: the table {scrolled} scrolls sideways")
    context.close()
    assert len(pages) >= 90, pages
    assert too_wide == [], "\n".join(too_wide)
