"""Every page of the project, walked from the URL patterns, asks an anonymous visitor to sign in."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import resolve, reverse

from yos_tracker.tests.urlwalk import walk

# The only pages a visitor may reach without signing in: the sign-in pages themselves
# (including the set-password link a new member is e-mailed, whose token is the credential,
# and signing in with a council account, which answer 404 while it is off), the health check, the
# favicon and static files.
PUBLIC = {
    "favicon",
    "login",
    "logout",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "password_reset_confirm",
    "password_reset_complete",
    "admin:logout",
    "healthz",
    # The API's description: it names its paths, never an organisation's records.
    "api_schema",
    "api_docs",
}


def _is_sent_to_login(response) -> bool:
    if response.status_code not in (301, 302):
        return False
    target = urlsplit(response["Location"]).path
    try:
        return resolve(target).url_name == "login"
    except Exception:  # noqa: BLE001 - a redirect to an unresolvable path is simply not the login page
        return False


ALL_URLS = walk()


def test_the_walk_finds_the_pages_of_every_app():
    names = {u.name for u in ALL_URLS}
    assert {"home", "org_home", "improvement:index", "performance:index", "members:list"} <= names
    assert len(ALL_URLS) > 40  # Django admin's pages are walked too


API = [u for u in ALL_URLS if u.url.startswith("/api/v1/")]


@pytest.mark.parametrize("walked", [u for u in ALL_URLS if u.name not in PUBLIC and u not in API], ids=lambda u: u.name)
@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client, walked):
    response = client.get(walked.url)
    if response.status_code == 405:  # a POST-only address: try the method it accepts
        response = client.post(walked.url)
    assert _is_sent_to_login(response), f"{walked.url} answered {response.status_code} to an anonymous visitor"


@pytest.mark.parametrize("walked", API, ids=lambda u: u.name)
@pytest.mark.django_db
def test_an_anonymous_api_caller_is_answered_401_not_sent_to_a_page(client, walked):
    # An API's caller is a program: it is told to send a key, not redirected to a form.
    assert client.get(walked.url).status_code == 401


@pytest.mark.django_db
def test_public_pages_are_reachable_without_signing_in(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(settings.STATIC_URL + "css/app.css").status_code == 200


def test_the_favicon_is_linked_and_browsers_asking_for_favicon_ico_get_it(client, manager):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/static/favicon.svg")
    client.force_login(manager)
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/", follow=True).content.decode()
