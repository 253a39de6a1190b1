"""Pages and the API go out compressed to a browser that accepts it, with BREACH guarded: each
compressed response is padded with a random number of bytes, so its size gives no secret away."""

import gzip

import pytest
from django.urls import reverse

from improvement.tests.factories import PlanFactory
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db


def test_a_page_is_sent_compressed_and_reads_the_same(client, manager):
    client.force_login(manager)
    url = reverse("performance:index", kwargs={"org": "lewisham"})
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 3
    html = gzip.decompress(packed.content).decode()
    assert html.replace(_csrf(html), "") == plain.content.decode().replace(_csrf(plain.content.decode()), "")


def test_the_same_page_compressed_twice_differs_in_size(client, manager):
    client.force_login(manager)
    url = reverse("performance:index", kwargs={"org": "lewisham"})
    sizes = {len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(6)}
    assert len(sizes) > 1


def test_the_api_is_sent_compressed(client, manager, organisation):
    PlanFactory.create_batch(3, organisation=organisation)
    _, key = api_token_issue(user=manager, name="Script")
    response = client.get("/api/v1/lewisham/plans/", HTTP_AUTHORIZATION=f"Token {key}", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).startswith(b"{")


def _csrf(html: str) -> str:
    """The page's CSRF token, masked afresh on each response."""
    start = html.find('name="csrfmiddlewaretoken" value="')
    if start == -1:
        return "\0"
    start += len('name="csrfmiddlewaretoken" value="')
    return html[start : html.index('"', start)]
