"""The API's schema and its documentation page: served by the app itself from vendored files
(councils' intranets reach no CDN), and drawn in Chromium under the app's own CSP."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect


def test_the_schema_is_openapi_3_and_describes_the_token(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    assert all(path.startswith("/api/v1/{org}/") for path in schema["paths"])


def test_the_documentation_page_loads_only_files_the_app_serves(client):
    page = client.get("/api/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/") and not source.startswith("//") for source in sources)
    for source in sources:
        path = source.split("?")[0]
        if path.startswith(settings.STATIC_URL):
            assert (settings.BASE_DIR / "static" / path.removeprefix(settings.STATIC_URL)).is_file(), path
    assert "<script>" not in page  # the CSP allows no inline script: its start-up is a file too


@pytest.mark.browser
def test_the_documentation_page_lists_the_operations_in_chromium(page: Page, live_server):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/{org}/measurements/bulk/")).to_be_visible()
    # The description's placeholders are shown, not swallowed as HTML tags.
    expect(page.locator(".info .description")).to_contain_text("under /api/v1/{organisation}/.")
    expect(page.locator(".info .description")).to_contain_text("Authorization: Token {key}")
    assert errors == []
