"""Signing in with a password, by user name or by the e-mail address an invitation was sent to."""

import pytest
from django.urls import reverse

from yos_tracker.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a long and private phrase"


@pytest.fixture
def person():
    user = UserFactory(username="lewisham.manager", email="Sam.Lee@lewisham.gov.uk")
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(client, name: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": name, "password": password})


def test_the_sign_in_page_asks_for_the_e_mail_address_the_invitation_named(client):
    html = client.get(reverse("login")).content.decode()
    assert "E-mail address or user name" in html and ">Username<" not in html


@pytest.mark.parametrize("name", ["lewisham.manager", "sam.lee@lewisham.gov.uk", " Sam.Lee@Lewisham.gov.uk "])
def test_a_person_signs_in_by_user_name_or_by_e_mail_address(client, person, name):
    assert _sign_in(client, name).status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_wrong_password_is_refused_whichever_name_is_used(client, person):
    for name in ("lewisham.manager", "sam.lee@lewisham.gov.uk"):
        response = _sign_in(client, name, "not the password")
        assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_an_address_two_accounts_share_signs_neither_in(client, person):
    UserFactory(username="sam.lee.2", email="sam.lee@lewisham.gov.uk")
    assert _sign_in(client, "sam.lee@lewisham.gov.uk").status_code == 200
    assert "_auth_user_id" not in client.session
    assert _sign_in(client, "lewisham.manager").status_code == 302  # the user name still does


def test_five_failures_lock_the_account_however_it_is_named(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for name in (
        "lewisham.manager",
        "sam.lee@lewisham.gov.uk",
        "SAM.LEE@lewisham.gov.uk",
        " Sam.Lee@LEWISHAM.gov.uk",
        "lewisham.manager",
    ):
        _sign_in(client, name, "a guess")
    locked = _sign_in(client, "sam.lee@lewisham.gov.uk")  # the right password, too late
    assert locked.status_code == 429 and "_auth_user_id" not in client.session
