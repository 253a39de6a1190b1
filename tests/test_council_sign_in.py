"""Signing in with a council account, through the test provider's real redirect flow: the Django
test client plays the browser on the app's side, requests on the provider's."""

import json
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model

from tests.conftest import ACCOUNTS, PROVIDER, CouncilProvider, turn_on_council_sign_in
from tests.oidc_provider import PASSWORD
from yos_tracker import services
from yos_tracker.choices import Role
from yos_tracker.models import Membership
from yos_tracker.tests.factories import PASSWORD as APP_PASSWORD
from yos_tracker.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

BUTTON = "Sign in with your council account"


def sign_in_with_council_account(client, login: str, *, start: str = "/oidc/authenticate/", decision="allow"):
    """The app sends the browser to the provider, the person signs in there, and the provider sends
    them back to the app's callback; the app's answer, redirects followed."""
    to_provider = client.get(start)
    assert to_provider.status_code == 302, to_provider
    at_provider = requests.post(
        to_provider["Location"],
        data={"email": login, "password": PASSWORD, "decision": decision},
        allow_redirects=False,
        timeout=5,
    )
    assert at_provider.status_code == 302, at_provider.text
    back = urlsplit(at_provider.headers["Location"])
    assert back.path == "/oidc/callback/"
    return client.get(f"{back.path}?{back.query}", follow=True)


def signed_in_user(client):
    return get_user_model().objects.filter(pk=client.session.get("_auth_user_id")).first()


def refusal(response) -> str:
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert signed_in_user(response.client) is None
    return " ".join(str(message) for message in response.context["messages"])


@pytest.fixture
def pat(organisation):
    user = UserFactory(username="pat", email="pat.jones@lewisham.gov.uk", first_name="Pat", last_name="Jones")
    MembershipFactory(user=user, organisation=organisation, role=Role.MANAGER)
    return user


def test_a_member_signs_in_with_their_council_account_and_lands_on_their_organisation(client, council_sign_in, pat):
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert response.redirect_chain[-1][0] == "/lewisham/"
    assert signed_in_user(client) == pat


def test_the_page_asked_for_before_signing_in_is_where_the_person_lands(client, council_sign_in, pat):
    response = sign_in_with_council_account(
        client, "pat.jones@lewisham.gov.uk", start="/oidc/authenticate/?next=/lewisham/governance/"
    )
    assert response.redirect_chain[-1][0] == "/lewisham/governance/"


def test_the_sign_in_page_offers_the_council_account_and_keeps_the_page_asked_for(client, council_sign_in):
    page = client.get("/accounts/login/?next=/lewisham/governance/").content.decode()
    assert BUTTON in page
    assert 'href="/oidc/authenticate/?next=/lewisham/governance/"' in page


def test_an_unverified_email_address_is_refused_with_a_message(client, council_sign_in, organisation):
    MembershipFactory(user=UserFactory(username="sam", email="sam.lee@lewisham.gov.uk"), organisation=organisation)
    response = sign_in_with_council_account(client, "sam.lee@lewisham.gov.uk")
    assert "Your council account did not confirm your e-mail address (sam.lee@lewisham.gov.uk)" in refusal(response)


@pytest.mark.parametrize(
    ("login", "trusted", "signs_in"),
    [
        ("alex.khan@lewisham.gov.uk", False, False),  # Entra ID by default: it says nothing, so no
        ("alex.khan@lewisham.gov.uk", True, True),  # OIDC_TRUST_EMAIL: its silence is enough
        ("sam.lee@lewisham.gov.uk", True, False),  # but a provider that says "not verified" is believed
    ],
)
def test_an_address_counts_as_verified_when_the_provider_says_so_or_is_trusted_and_silent(
    client, council_sign_in, organisation, settings, login, trusted, signs_in
):
    settings.OIDC_TRUST_EMAIL = trusted
    user = UserFactory(username=login.partition("@")[0], email=login)
    MembershipFactory(user=user, organisation=organisation)
    response = sign_in_with_council_account(client, login)
    assert (signed_in_user(client) == user) is signs_in
    if not signs_in:
        assert "did not confirm your e-mail address" in refusal(response)


def test_an_unknown_address_is_refused_with_a_message_and_no_account_is_made(client, council_sign_in, pat):
    accounts = get_user_model().objects.count()
    response = sign_in_with_council_account(client, "chris.doe@lewisham.gov.uk")
    assert (
        "Your council account (chris.doe@lewisham.gov.uk) is not known here: "
        "ask your service's administrator to invite you." in refusal(response)
    )
    assert get_user_model().objects.count() == accounts


def test_an_invited_person_who_has_not_chosen_a_password_signs_in(client, council_sign_in, organisation):
    invited = {"email": "Chris.Doe@lewisham.gov.uk", "first_name": "Chris", "last_name": "Doe", "roles": [Role.OFFICER]}
    membership = services.membership_add(organisation=organisation, **invited)
    assert not membership.user.has_usable_password()
    response = sign_in_with_council_account(client, "chris.doe@lewisham.gov.uk")
    assert response.redirect_chain[-1][0] == "/lewisham/"
    assert signed_in_user(client) == membership.user


def test_roles_the_provider_claims_change_nothing(client, council_sign_in, organisation):
    jo = UserFactory(username="jo", email="jo.bloggs@lewisham.gov.uk")
    MembershipFactory(user=jo, organisation=organisation, role=Role.BOARD_MEMBER)
    sign_in_with_council_account(client, "jo.bloggs@lewisham.gov.uk")
    assert signed_in_user(client) == jo
    jo.refresh_from_db()
    assert (jo.is_staff, jo.is_superuser, jo.groups.count()) == (False, False, 0)
    assert list(Membership.objects.filter(user=jo).values_list("role", flat=True)) == [Role.BOARD_MEMBER]
    assert client.get("/lewisham/members/add/").status_code == 403


def test_two_accounts_with_the_address_are_refused_rather_than_guessed(client, council_sign_in, pat):
    UserFactory(username="pat-again", email="PAT.JONES@lewisham.gov.uk")
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert "More than one account here has the e-mail address Pat.Jones@Lewisham.gov.uk" in refusal(response)


def test_a_switched_off_account_is_refused_with_a_message(client, council_sign_in, pat):
    pat.is_active = False
    pat.save()
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert "Your account here (Pat.Jones@Lewisham.gov.uk) is switched off" in refusal(response)


def test_an_account_switched_off_after_signing_in_is_signed_out_at_the_next_page(client, council_sign_in, pat):
    sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    get_user_model().objects.filter(pk=pat.pk).update(is_active=False)
    assert client.get("/lewisham/")["Location"].startswith("/accounts/login/")


def test_a_person_who_cancels_at_the_provider_is_told_so(client, council_sign_in, pat):
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk", decision="deny")
    assert "Your council account did not sign you in" in refusal(response)


def test_a_provider_refusing_the_apps_secret_is_a_message_not_a_server_error(client, council_sign_in, pat, settings):
    settings.OIDC_RP_CLIENT_SECRET = "not-the-secret"
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert "Your council's sign-in service did not answer as expected" in refusal(response)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_provider_that_is_down_is_a_message_and_passwords_still_work(client, council_sign_in, pat, settings):
    settings.OIDC_OP_ISSUER = f"http://127.0.0.1:{closed_port()}/tenant/v2.0"
    response = client.get("/oidc/authenticate/", follow=True)
    assert "Your council's sign-in service did not answer as expected" in refusal(response)

    response = client.post("/accounts/login/", {"username": "pat", "password": APP_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/lewisham/"


def test_refused_council_sign_ins_do_not_lock_out_the_office_they_come_from(client, settings, council_sign_in, pat):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in_with_council_account(client, "chris.doe@lewisham.gov.uk")
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert signed_in_user(client) == pat
    assert response.redirect_chain[-1][0] == "/lewisham/"


def test_without_configuration_there_is_no_button_and_the_addresses_are_not_found(client, pat):
    assert BUTTON not in client.get("/accounts/login/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


# --- The ID token and the userinfo answer, checked as OpenID Connect Core 3.1.3.7 and 5.3.2 say ---

WRONG_APP = "Your council's sign-in answer was meant for another application, so it was refused"


@pytest.mark.parametrize(
    ("misbehave", "refused_with"),
    [
        ({"id_token": {"aud": ["another-app"]}}, WRONG_APP),
        ({"id_token": {"aud": ["CLIENT", "another-app"]}}, WRONG_APP),  # several audiences, and no azp
        ({"id_token": {"azp": "another-app"}}, WRONG_APP),
        ({"id_token": {"iss": "http://127.0.0.1:9/another-tenant/v2.0"}}, "a sign-in service this site does not trust"),
        ({"id_token": {"expires_in": -600}}, "had expired by the time it reached this site"),
        ({"id_token": {"iat": 4102444800}}, "could not be checked"),  # issued in 2100
        ({"userinfo_sub": "sub-someone-else"}, "described someone other than the person who signed in"),
    ],
    ids=["another-audience", "several-audiences", "another-azp", "another-issuer", "expired", "future", "sub"],
)
def test_an_answer_the_provider_gets_wrong_is_refused_with_a_message(
    client, settings, oidc_provider, pat, misbehave, refused_with
):
    turn_on_council_sign_in(settings, oidc_provider, "http://testserver", misbehave)
    response = sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert refused_with in refusal(response)


def test_several_audiences_are_taken_when_the_token_is_authorised_for_this_app(client, settings, oidc_provider, pat):
    misbehave = {"id_token": {"aud": ["CLIENT", "another-app"], "azp": "CLIENT"}}
    turn_on_council_sign_in(settings, oidc_provider, "http://testserver", misbehave)
    sign_in_with_council_account(client, "pat.jones@lewisham.gov.uk")
    assert signed_in_user(client) == pat


def test_a_sign_in_answer_that_comes_back_twice_is_a_message_not_an_error_page(client, council_sign_in, pat):
    to_provider = client.get("/oidc/authenticate/")
    at_provider = requests.post(
        to_provider["Location"],
        data={"email": "pat.jones@lewisham.gov.uk", "password": PASSWORD, "decision": "allow"},
        allow_redirects=False,
        timeout=5,
    )
    callback = at_provider.headers["Location"].removeprefix("http://testserver")
    client.get(callback)
    client.logout()
    replayed = client.get(callback, follow=True)
    assert "That sign-in answer has already been used or was not started here" in refusal(replayed)


def test_a_provider_that_goes_down_after_discovery_is_a_message_not_a_browser_error(client, settings, tmp_path, pat):
    accounts = tmp_path / "accounts.json"
    accounts.write_text(json.dumps(ACCOUNTS))
    process = subprocess.Popen([sys.executable, str(PROVIDER), str(accounts)], stdout=subprocess.PIPE, text=True)
    try:
        issuer = process.stdout.readline().removeprefix("listening on ").strip()
        turn_on_council_sign_in(settings, CouncilProvider(issuer), "http://testserver")
        assert client.get("/oidc/authenticate/")["Location"].startswith(issuer)  # discovered, and kept
    finally:
        process.terminate()
        process.wait(timeout=10)
    response = client.get("/oidc/authenticate/", follow=True)
    assert "Your council's sign-in service did not answer as expected" in refusal(response)
