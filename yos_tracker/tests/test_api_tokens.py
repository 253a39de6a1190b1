"""API tokens: issued to a person, sent as Token or Bearer, kept only as a digest, listed and
revoked on the person's own page, limited in rate, and printed by `manage.py api_token`."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from yos_tracker.choices import Role
from yos_tracker.models import ApiToken
from yos_tracker.services import api_token_digest, api_token_issue, api_token_revoke


def _plans(key: str, scheme: str = "Token", org: str = "lewisham"):
    return Client().get(f"/api/v1/{org}/plans/", HTTP_AUTHORIZATION=f"{scheme} {key}")


def test_a_token_is_kept_only_as_its_digest(manager):
    token, key = api_token_issue(user=manager, name="Power BI")
    assert key.startswith("yos_") and len(key) > 40
    assert token.digest == api_token_digest(key) and key not in token.digest
    assert key.startswith(token.prefix)


@pytest.mark.parametrize("scheme", ["Token", "Bearer", "bearer"])
def test_a_key_is_accepted_as_token_or_bearer(manager, scheme):
    _, key = api_token_issue(user=manager, name="Script")
    assert _plans(key, scheme).status_code == 200


def test_a_request_acts_as_the_tokens_person_and_records_its_use(manager):
    token, key = api_token_issue(user=manager, name="Script")
    assert _plans(key).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_key_is_refused_with_401(manager):
    token, key = api_token_issue(user=manager, name="Script")
    api_token_revoke(token=token)
    response = _plans(key)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_an_unknown_key_and_a_malformed_header_are_refused_with_401(manager):
    assert _plans("yos_not-a-key").status_code == 401
    response = Client().get("/api/v1/lewisham/plans/", HTTP_AUTHORIZATION="Token two parts")
    assert response.status_code == 401


def test_the_key_of_a_person_whose_account_is_switched_off_is_refused(manager):
    _, key = api_token_issue(user=manager, name="Script")
    manager.is_active = False
    manager.save()
    assert _plans(key).status_code == 401


def test_a_page_session_does_not_open_the_api(client, manager):
    client.force_login(manager)
    assert client.get("/api/v1/lewisham/plans/").status_code == 401


def test_requests_beyond_the_rate_limit_are_refused_with_429_per_token(manager, settings):
    settings.API_RATE_LIMIT = "2/min"  # counted by key, so no earlier test's requests count here
    _, first = api_token_issue(user=manager, name="One")
    _, second = api_token_issue(user=manager, name="Two")
    assert [_plans(first).status_code for _ in range(3)] == [200, 200, 429]
    assert "Retry-After" in _plans(first)
    assert _plans(second).status_code == 200  # another token counts apart


# --- The person's own page ------------------------------------------------------------------------


def test_a_person_makes_a_token_and_sees_its_key_once(client, manager):
    client.force_login(manager)
    response = client.post(reverse("api_tokens"), {"name": "Power BI dashboard"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key in response.content.decode()
    assert ApiToken.objects.get(user=manager).digest == api_token_digest(key)
    again = client.get(reverse("api_tokens")).content.decode()
    assert "Power BI dashboard" in again and key not in again


def test_the_page_lists_only_the_persons_own_tokens(client, manager, board_member):
    api_token_issue(user=board_member, name="Board member's script")
    api_token_issue(user=manager, name="Manager's feed")
    client.force_login(manager)
    page = client.get(reverse("api_tokens")).content.decode()
    assert "Manager&#x27;s feed" in page and "Board member" not in page


def test_a_person_revokes_their_token_and_its_key_stops_working(client, manager):
    token, key = api_token_issue(user=manager, name="Script")
    client.force_login(manager)
    response = client.post(reverse("api_token_revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 302
    assert _plans(key).status_code == 401


def test_nobody_can_revoke_another_persons_token(client, manager, board_member):
    token, key = api_token_issue(user=board_member, name="Script")
    client.force_login(manager)
    assert client.post(reverse("api_token_revoke", kwargs={"pk": token.pk})).status_code == 404
    assert _plans(key).status_code == 200


def test_the_command_prints_a_working_key(manager):
    out = io.StringIO()
    call_command("api_token", manager.username, "--name", "Nightly feed", stdout=out)
    key = out.getvalue().strip()
    assert _plans(key).status_code == 200
    assert ApiToken.objects.get(user=manager).name == "Nightly feed"


def test_the_command_refuses_an_unknown_person(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("api_token", "nobody")


def test_an_address_sending_bad_keys_is_refused_after_the_limit_but_a_good_key_still_works(manager, settings):
    settings.API_BAD_KEY_LIMIT = 3
    _, good = api_token_issue(user=manager, name="Script")
    assert [_plans(f"guess-{n}").status_code for n in range(5)] == [401, 401, 401, 429, 429]
    assert _plans("guess-5").json()["detail"].startswith("Too many keys this service does not know came from your")
    assert _plans(good).status_code == 200


def test_a_token_acts_with_every_role_its_person_holds(administrator, organisation, make_member):
    _, key = api_token_issue(user=administrator, name="Feed")

    def post_update():
        client = Client(HTTP_AUTHORIZATION=f"Token {key}")
        return client.post("/api/v1/lewisham/updates/", {}, content_type="application/json").status_code

    assert post_update() == 403  # an administrator alone does not edit records
    make_member(organisation, Role.MANAGER, "admin")  # the administrator becomes a manager too
    assert post_update() == 400  # let through to the update's own checks
