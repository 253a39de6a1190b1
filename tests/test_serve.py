"""`make serve` (scripts/serve.sh) on this clone: the demo served as production serves it, with
DEBUG off, hashed static files and gunicorn, and signed in to in Chromium."""

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

BASE_DIR = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    keep = {"PATH", "HOME", "LANG", "TMPDIR"}
    env = {k: v for k, v in os.environ.items() if k in keep} | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "SECRET_KEY_FILE": str(tmp_path / "secret_key"),
        "PORT": str(port),
        "WORKERS": "1",
    }
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=BASE_DIR, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # migrating, collecting static files and loading the demo take a while
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.5)
        else:
            pytest.fail("make serve did not answer: " + (tmp_path / "serve.log").read_text())
        yield url, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_make_serve_serves_the_demo_with_debug_off(served, page: Page):
    url, folder = served
    assert len((folder / "secret_key").read_text().strip()) >= 50  # made for the clone, kept beside it
    page.goto(f"{url}/accounts/login/")
    stylesheet = page.locator('link[rel="stylesheet"][href*="/static/css/app."]').get_attribute("href")
    assert stylesheet.count(".") >= 2  # collectstatic's hashed name: production static files
    page.fill("input[name=username]", "lewisham.manager")
    page.fill("input[name=password]", "yos-demo-2026")
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert "/lewisham/" in page.url
    # DEBUG off: an unknown page is the plain "not found" page, not Django's technical one.
    response = page.goto(f"{url}/lewisham/no-such-page/")
    assert response.status == 404 and "URLconf" not in page.content()
