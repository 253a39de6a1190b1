"""Every page is valid HTML, as the W3C Nu Html Checker (vnu) reads it: Lewisham's demo pages from
the URL walk as each of its roles and the regional lead see them, a new service's empty pages, the
pages outside any organisation (the sign-in pages as a visitor) and the error pages. Warnings are
allowed; errors are not.

The pages are rendered in-process, written to files and checked by one vnu run: a Java start takes
seconds. htmx fragments are not documents and are left out; the pages that include them are
checked. Django admin's and the API's pages are Django's and DRF's markup, not ours.

vnu is installed by `make setup` (npm's vnu-jar, pinned in the Makefile) into .tools/. Without it
or Java the test is skipped, except in CI (the CI variable set), where it fails.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from onboarding.demo import DEMO_ROLES
from tests.demo_pages import ORG_PATTERNS, WALKER, lewisham_ids, load_demo_with_every_kind_of_record, valid_url
from yos_tracker.tests.urlwalk import walk
from yos_tracker.views import server_error

VNU = Path(settings.BASE_DIR) / ".tools" / "vnu-jar" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The manager first: a page the manager is not shown as a page (a download, a redirect, a POST-only
# address) is not fetched for the others.
LEWISHAM = ["lewisham.manager", *(f"lewisham.{suffix}" for suffix in DEMO_ROLES if suffix != "manager"), "regional"]
NOT_OURS = ("/admin/", "/api/")
DOCUMENT = re.compile(rb"\s*<!doctype html>", re.IGNORECASE)
HEADER = re.compile(rb"<header>.*?</header>", re.DOTALL)
# A CSRF token is masked afresh in each response.
TOKEN = re.compile(rb"[A-Za-z0-9]{64}")


def _checker_missing() -> str | None:
    if not shutil.which("java"):
        return "Java is not installed (Debian: default-jre-headless)"
    if not VNU.is_file():
        return f"the Nu Html Checker is not installed ({VNU.relative_to(settings.BASE_DIR)}): run `make setup`"
    return None


MISSING = _checker_missing()
# A deeply nested page can overflow the default thread stack (vnu's own advice).
CHECK = [shutil.which("java") or "java", "-Xss1m", "-jar", str(VNU), "--format", "json", "--errors-only", "--stdout"]


@dataclass
class Document:
    html: bytes  # as sent, so that vnu's line numbers are the page's
    places: list[str]  # the addresses, and who opened them, that rendered it


@dataclass
class Pages:
    documents: dict[bytes, Document] = field(default_factory=dict)
    headers: set[bytes] = field(default_factory=set)

    def add(self, where: str, response) -> bool:
        """Keeps a whole HTML document; True if it was one. Most pages differ from person to person
        only in the header (their name, role and menu), so each header is checked once and each
        page's body once."""
        if not (response.get("Content-Type", "").startswith("text/html") and DOCUMENT.match(response.content)):
            return False
        key = TOKEN.sub(b"", response.content)
        header = HEADER.search(key)
        if header and header.group() in self.headers:
            key = HEADER.sub(b"", key, count=1)
        elif header:
            self.headers.add(header.group())
        self.documents.setdefault(key, Document(response.content, [])).places.append(where)
        return True

    @property
    def count(self) -> int:
        return sum(len(document.places) for document in self.documents.values())


def _signed_in(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _lewisham_pages(pages: Pages) -> None:
    walker, ids = _signed_in(WALKER), lewisham_ids()
    people = {username: _signed_in(username) for username in LEWISHAM}
    for pattern in ORG_PATTERNS:
        url = valid_url(walker, pattern, ids)
        assert url, f"No Lewisham object found for {pattern.name}: add its parent keyword to demo_pages.PARENTS"
        for username, client in people.items():
            response = client.get(url)
            if not pages.add(f"{url} as {username}", response) and username == LEWISHAM[0]:
                break


def _southwark_pages(pages: Pages) -> None:
    """A new service's pages, with nothing recorded yet: the templates' "none yet" branches."""
    manager = _signed_in("southwark.manager")
    for pattern in ORG_PATTERNS:
        if pattern.keywords == ["org"]:
            url = reverse(pattern.name, kwargs={"org": "southwark"})
            pages.add(f"{url} as southwark.manager", manager.get(url))


def _pages_outside_organisations(pages: Pages) -> None:
    """Home, the account pages and setting up a service, as the superuser and as a manager; the
    sign-in pages as a visitor."""
    people = {WALKER: _signed_in(WALKER), "lewisham.manager": _signed_in("lewisham.manager"), "a visitor": Client()}
    for walked in walk():
        if not walked.url.startswith(("/lewisham/", *NOT_OURS)):
            for username, client in people.items():
                pages.add(f"{walked.url} as {username}", client.get(walked.url))


def _error_pages(pages: Pages) -> None:
    manager, board_member = _signed_in("lewisham.manager"), _signed_in("lewisham.board")
    refused = board_member.post(reverse("performance:measurement_entry", kwargs={"org": "lewisham"}))
    errors = {
        "400 (a host not served)": manager.get("/lewisham/", HTTP_HOST="not-this-site.example"),
        "403 (a board member's write)": refused,
        "404": manager.get("/lewisham/no-such-page/"),
        "500": server_error(RequestFactory().get("/lewisham/")),
    }
    for where, response in errors.items():
        assert pages.add(where, response), f"the {where} page is not a whole HTML document"


def _vnu_errors(pages: Pages, folder: Path) -> list[str]:
    places = {}
    for number, document in enumerate(pages.documents.values()):
        path = folder / f"page-{number:04d}.html"
        path.write_bytes(document.html)
        places[path.name] = document.places
    # The folder, not each file: vnu checks every .html file in it, in one Java process.
    result = subprocess.run([*CHECK, str(folder)], capture_output=True, text=True, timeout=300, check=False)
    assert result.stdout, f"vnu gave no report (exit {result.returncode}): {result.stderr[-2000:]}"
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        where = places.get(Path(message.get("url", "?")).name, [message.get("url", "?")])
        also = f" (and {len(where) - 1} more)" if len(where) > 1 else ""
        errors.append(
            f"{where[0]}{also}, line {message.get('lastLine', '?')}: {message['message']}\n"
            f"    {message.get('extract', '')!r}"
        )
    return errors


# Skipped before the database is built; in CI a missing checker fails instead.
@pytest.mark.skipif(bool(MISSING) and not os.environ.get("CI"), reason=str(MISSING))
@pytest.mark.django_db(transaction=True)
def test_every_page_is_valid_html(tmp_path):
    assert not MISSING, f"CI must check the pages' HTML, but {MISSING}"
    load_demo_with_every_kind_of_record()
    pages = Pages()
    _lewisham_pages(pages)
    _southwark_pages(pages)
    _pages_outside_organisations(pages)
    _error_pages(pages)
    assert len(pages.documents) >= 60, sorted(document.places[0] for document in pages.documents.values())
    assert any("/accounts/login/ as a visitor" in document.places for document in pages.documents.values())

    folder = tmp_path / "pages"  # apart from the media files the demo's evidence puts in tmp_path
    folder.mkdir()
    errors = _vnu_errors(pages, folder)
    assert errors == [], f"{len(errors)} errors in {len(pages.documents)} of {pages.count} pages:\n" + "\n".join(errors)
