"""Members and roles pages: administrators manage, other roles get 403, outsiders 404."""

import pytest
from django.urls import reverse

from yos_tracker.choices import Role
from yos_tracker.models import Membership
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten, wait_for

pytestmark = pytest.mark.django_db


def url(name, org="lewisham", **kwargs):
    return reverse(f"members:{name}", kwargs={"org": org, **kwargs})


def test_administrator_sees_the_members(client, administrator, manager):
    client.force_login(administrator)
    response = client.get(url("list"))
    assert response.status_code == 200
    assert manager.email in response.content.decode()


@pytest.mark.parametrize("role_fixture", ["manager", "board_member", "officer"])
def test_other_roles_may_not_manage_members(client, request, role_fixture, administrator):
    client.force_login(request.getfixturevalue(role_fixture))
    target = Membership.objects.get(user=administrator)
    assert client.get(url("list")).status_code == 403
    assert client.post(url("add"), {"email": "a@b.org"}).status_code == 403
    assert client.post(url("remove", pk=target.pk)).status_code == 403


def test_administrator_adds_a_member(client, administrator, django_capture_on_commit_callbacks):
    client.force_login(administrator)
    data = {"email": "pat.jones@lewisham.gov.uk", "first_name": "Pat", "last_name": "Jones", "role": "officer"}
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url("add"), data, follow=True)
    assert len(callbacks) == 1  # the welcome e-mail, queued on commit
    assert response.redirect_chain[-1][0] == url("list")
    assert "Pat Jones is now officer" in response.content.decode()
    assert Membership.objects.get(user__email="pat.jones@lewisham.gov.uk").role == Role.OFFICER


@pytest.mark.celery
def test_the_invitation_links_to_the_address_the_administrator_used(
    client, celery_worker, administrator, settings, mailoutbox
):
    settings.ALLOWED_HOSTS = ["yos.lewisham.gov.uk"]
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default, never set on this server
    client.force_login(administrator)
    data = {"email": "pat.jones@lewisham.gov.uk", "first_name": "Pat", "last_name": "Jones", "role": "officer"}
    client.post(url("add"), data, HTTP_HOST="yos.lewisham.gov.uk", secure=True)
    [message] = wait_for(lambda: mailoutbox)
    assert "https://yos.lewisham.gov.uk/accounts/password/set/" in message.body
    assert "127.0.0.1" not in message.body


def test_errors_show_next_to_the_field(client, administrator):
    client.force_login(administrator)
    response = client.post(url("add"), {"email": "not-an-address", "first_name": "", "role": "officer"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert 'id="error_1_id_email"' in html and 'aria-invalid="true"' in html


def test_administrator_of_another_organisation_gets_404_for_our_members(
    client, other_organisation, make_member, manager
):
    client.force_login(make_member(other_organisation, Role.ADMINISTRATOR, "bromley-admin"))
    ours = Membership.objects.get(user=manager)
    assert client.get(url("list")).status_code == 404
    # Even through their own organisation's address, our membership is not theirs to see.
    assert client.get(url("edit", org="bromley", pk=ours.pk)).status_code == 404
    assert client.post(url("remove", org="bromley", pk=ours.pk)).status_code == 404
    assert Membership.objects.filter(pk=ours.pk).exists()


def test_changing_a_role_is_kept_in_history(client, administrator, manager):
    client.force_login(administrator)
    membership = Membership.objects.get(user=manager)
    client.post(url("edit", pk=membership.pk), {"role": "board"})
    response = client.get(url("history", pk=membership.pk))
    html = response.content.decode()
    assert "<del>Manager</del>" in html and "<ins>Board member</ins>" in html
    assert administrator.get_full_name() in html


def test_removing_the_last_administrator_explains_why_not(client, administrator):
    client.force_login(administrator)
    own = Membership.objects.get(user=administrator)
    response = client.post(url("remove", pk=own.pk), follow=True)
    assert "last administrator" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_members_page_makes_as_many_queries_for_ten_members_as_for_two(
    client, administrator, organisation, make_member
):
    roles = [Role.MANAGER, Role.BOARD_MEMBER, Role.OFFICER]
    client.force_login(administrator)
    few, many = queries_with_two_rows_and_ten(
        client, url("list"), lambda n: make_member(organisation, roles[n % 3], f"member{n}")
    )
    assert many == few
