"""Our own pages for requests that go wrong, in the layout, with a way back."""

import socket

import pytest
from django.db import connection
from django.test import Client

from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db


def test_a_request_that_cannot_be_understood_gets_our_page_with_a_way_home(client, manager):
    client.force_login(manager)
    response = client.get("/lewisham/", HTTP_HOST="not-this-site.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert "That request could not be understood" in page and 'href="/"' in page
    assert "YOS Improvement Tracker" in page  # the layout, not a bare line of text


def test_an_api_path_that_is_not_there_answers_in_json(client):
    response = client.get("/api/v1/lewisham/no-such-thing/")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == {"detail": "Not found."}


def test_a_page_that_is_not_there_is_our_page(client, manager):
    client.force_login(manager)
    response = client.get("/lewisham/no-such-page/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


@pytest.fixture
def cut_database(transactional_db):
    """cut_database(): the next connection the app opens goes to a port where no database listens,
    a real refusal; put back after the test."""
    saved = dict(connection.settings_dict)

    def cut() -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            closed_port = probe.getsockname()[1]
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port)

    yield cut
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="refuses a PostgreSQL connection")
def test_the_api_answers_json_when_the_database_is_down(manager, cut_database):
    _, key = api_token_issue(user=manager, name="Power BI")
    cut_database()
    response = Client(raise_request_exception=False).get("/api/v1/lewisham/plans/", HTTP_AUTHORIZATION=f"Token {key}")
    assert (response.status_code, response["Content-Type"]) == (503, "application/json")
    assert "The database could not be reached" in response.json()["detail"]


# --- Malformed input is refused, never a server error ---------------------------------------------


@pytest.fixture
def api(manager):
    _, key = api_token_issue(user=manager, name="Script")
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {key}")


@pytest.mark.parametrize("depth", [17, 1000, 100_000])
def test_json_nested_too_deep_is_refused_with_400(api, depth):
    body = "[" * depth + "]" * depth
    response = api.post("/api/v1/lewisham/measurements/bulk/", body, content_type="application/json")
    assert response.status_code == 400
    assert "JSON nested more than 16 levels deep is not accepted." in response.content.decode()


def test_a_number_too_large_to_look_up_is_never_a_server_error(api):
    response = api.get("/api/v1/lewisham/updates/?plan=99999999999999999999999")
    if connection.vendor == "sqlite":  # its integers are 64 bits: the lookup cannot be made
        assert response.status_code == 400
        assert response.json() == {"detail": "A number in the request is out of range."}
    else:  # PostgreSQL compares it, and nothing matches
        assert response.status_code == 200 and response.json()["count"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "/lewisham/performance/indicators/A%00B/",
        "/lewisham/governance/risks/?owner=a%00b",
        "/api/v1/lewisham/plans/%00/",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, manager, url):
    client.force_login(manager)
    client.raise_request_exception = False
    assert client.get(url).status_code == 400
