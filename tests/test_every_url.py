"""Every organisation page, generated from the URL patterns so new pages are covered: fetched by
a member of another organisation it answers 404, and any write to it by a board member 403. A
board member is never shown a form they could not submit, and opening a page writes nothing.

Object URLs are filled in with a real object of Lewisham's demo data: for each pattern the test
tries the first Lewisham record of every organisation-scoped model until a superuser gets the
page, then checks the other people against that address.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.demo_pages import (
    ORG_PATTERNS,
    WALKER,
    is_shared_record,
    lewisham_ids,
    load_demo_with_every_kind_of_record,
    valid_url,
)

# Tables a page may write while it is only read: the session, and the sign-in throttle.
BOOKKEEPING_TABLES = ("django_session", "axes_")
POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>", re.IGNORECASE)


@pytest.fixture
def demo(transactional_db):
    load_demo_with_every_kind_of_record()


def test_every_organisation_page_is_404_to_other_organisations_and_read_only_to_board_members(demo):
    User = get_user_model()
    superuser, insider, outsider = Client(), Client(), Client()
    superuser.force_login(User.objects.get(username=WALKER))
    insider.force_login(User.objects.get(username="lewisham.board"))
    outsider.force_login(User.objects.get(username="bromley.board"))
    checked = []
    ids = lewisham_ids()
    for pattern in ORG_PATTERNS:
        url = valid_url(superuser, pattern, ids)
        assert url, f"No Lewisham object found for {pattern.name}: add its parent keyword to PARENTS"
        assert outsider.get(url).status_code == 404, f"{url} shown to another organisation"
        assert outsider.post(url).status_code == 404, f"{url} accepts a write from another organisation"
        assert insider.post(url).status_code == 403, f"{url} accepts a write from a board member"
        as_theirs = url.replace("/lewisham/", "/bromley/", 1)
        if as_theirs != url and any(ch.isdigit() for ch in url) and not is_shared_record(url):
            # Through their own organisation's address: not found, or (for pages their role may not
            # open at all, whatever the id) forbidden; neither says anything of Lewisham's record.
            assert outsider.get(as_theirs).status_code in (403, 404), f"{as_theirs}: Lewisham's object under Bromley"
        checked.append(pattern.name)
    assert len(checked) >= 50


def _writes(queries) -> list[str]:
    statements = [q["sql"] for q in queries]
    return [
        sql[:120]
        for sql in statements
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and not any(table in sql for table in BOOKKEEPING_TABLES)
    ]


def test_no_page_writes_when_it_is_only_opened_and_board_members_see_no_form_they_cannot_submit(demo):
    """GET is safe: opening a page (the risk register used to install a matrix) changes no record.
    And a board member reads pages without forms they would only be refused on saving: edit pages
    answer 403, and read pages show no write form (signing out is the one form for everyone)."""
    User = get_user_model()
    superuser, board_member = Client(), Client()
    superuser.force_login(User.objects.get(username=WALKER))
    board_member.force_login(User.objects.get(username="lewisham.board"))
    ids = lewisham_ids()
    writing, offering = [], []
    for pattern in ORG_PATTERNS:
        url = valid_url(superuser, pattern, ids)
        with CaptureQueriesContext(connection) as queries:
            superuser.get(url)
        writing += [f"{url}: {sql}" for sql in _writes(queries.captured_queries)]
        response = board_member.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            forms = [f for f in POST_FORM.findall(response.content.decode()) if "/accounts/logout/" not in f]
            offering += [f"{url}: {form}" for form in forms]
    assert writing == []
    assert offering == [], "\n".join(offering)
