"""Members and roles pages: administrators manage; other roles read the list and are told whom
to ask, and get 403 on every change; outsiders 404. A superuser keeps the regional role."""

import re
from html import unescape

import pytest
from django.urls import reverse

from yos_tracker.choices import Role
from yos_tracker.models import Membership
from yos_tracker.tests.factories import UserFactory
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten, wait_for

pytestmark = pytest.mark.django_db


def url(name, org="lewisham", **kwargs):
    return reverse(f"members:{name}", kwargs={"org": org, **kwargs})


def html_text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))


def roles_of(user, organisation):
    return Membership.objects.roles_of(user, organisation)


def test_administrator_sees_the_members_and_the_controls(client, administrator, manager):
    client.force_login(administrator)
    response = client.get(url("list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert manager.email in html
    assert url("add") in html and url("remove", user_pk=manager.pk) in html


@pytest.mark.parametrize("role_fixture", ["manager", "board_member", "officer"])
def test_other_roles_read_the_list_with_the_administrators_named_and_no_controls(
    client, request, role_fixture, administrator, organisation, make_member
):
    second = make_member(organisation, Role.ADMINISTRATOR, "second-admin")
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.get(url("list"))
    html = response.content.decode()
    assert response.status_code == 200
    names = sorted([administrator, second], key=lambda u: (u.last_name, u.first_name))
    text = html_text(html)
    assert f"Ask {names[0].get_full_name()} or {names[1].get_full_name()} to add members" in text
    assert f'href="mailto:{administrator.email}"' in html
    assert administrator.email in html  # the list itself
    assert url("add") not in html and url("remove", user_pk=administrator.pk) not in html
    assert 'method="post"' not in html.replace('action="/accounts/logout/"', "").split("<main")[1]


@pytest.mark.parametrize("role_fixture", ["manager", "board_member", "officer"])
def test_other_roles_may_not_change_members(client, request, role_fixture, administrator):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(url("add")).status_code == 403
    assert client.post(url("add"), {"email": "a@b.org", "roles": "officer"}).status_code == 403
    assert client.get(url("edit", user_pk=administrator.pk)).status_code == 403
    assert client.post(url("remove", user_pk=administrator.pk)).status_code == 403
    assert client.post(url("list")).status_code == 403


def test_a_manager_and_administrator_edits_records_and_manages_members(client, organisation, make_member):
    both = make_member(organisation, Role.MANAGER, "jo")
    make_member(organisation, Role.ADMINISTRATOR, "jo")
    client.force_login(both)
    assert client.get(url("add")).status_code == 200
    assert client.get(reverse("improvement:plan_create", kwargs={"org": "lewisham"})).status_code == 200
    home = client.get(reverse("org_home", kwargs={"org": "lewisham"})).content.decode()
    assert "manager and administrator" in home


def test_administrator_adds_a_member_with_several_roles(client, administrator, django_capture_on_commit_callbacks):
    client.force_login(administrator)
    data = {
        "email": "pat.jones@lewisham.gov.uk",
        "first_name": "Pat",
        "last_name": "Jones",
        "roles": ["officer", "admin"],
    }
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url("add"), data, follow=True)
    assert len(callbacks) == 1  # the welcome e-mail, queued on commit
    assert response.redirect_chain[-1][0] == url("list")
    html = response.content.decode()
    assert "Pat Jones is now officer and administrator" in html
    assert html.count("pat.jones@lewisham.gov.uk") == 2  # the message and one row in the list
    pat = Membership.objects.filter(user__email="pat.jones@lewisham.gov.uk").first().user
    assert roles_of(pat, administrator.memberships.get().organisation) == [Role.OFFICER, Role.ADMINISTRATOR]


def test_a_member_needs_at_least_one_role(client, administrator):
    client.force_login(administrator)
    response = client.post(url("add"), {"email": "pat.jones@lewisham.gov.uk", "first_name": "Pat", "last_name": "J"})
    assert response.status_code == 200
    assert "Choose at least one role." in response.content.decode()
    assert not Membership.objects.filter(user__email="pat.jones@lewisham.gov.uk").exists()


@pytest.mark.celery
def test_the_invitation_links_to_the_address_the_administrator_used(
    client, celery_worker, administrator, settings, mailoutbox
):
    settings.ALLOWED_HOSTS = ["yos.lewisham.gov.uk"]
    settings.SITE_URL = "http://127.0.0.1:8000"  # the default, never set on this server
    client.force_login(administrator)
    data = {"email": "pat.jones@lewisham.gov.uk", "first_name": "Pat", "last_name": "Jones", "roles": "officer"}
    client.post(url("add"), data, HTTP_HOST="yos.lewisham.gov.uk", secure=True)
    [message] = wait_for(lambda: mailoutbox)
    assert "https://yos.lewisham.gov.uk/accounts/password/set/" in message.body
    assert "127.0.0.1" not in message.body


def test_errors_show_next_to_the_field(client, administrator):
    client.force_login(administrator)
    response = client.post(url("add"), {"email": "not-an-address", "first_name": "", "roles": "officer"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert 'id="error_1_id_email"' in html and 'aria-invalid="true"' in html


def test_administrator_of_another_organisation_gets_404_for_our_members(
    client, other_organisation, make_member, manager, organisation
):
    client.force_login(make_member(other_organisation, Role.ADMINISTRATOR, "bromley-admin"))
    assert client.get(url("list")).status_code == 404
    # Even through their own organisation's address, our member is not theirs to see.
    assert client.get(url("edit", org="bromley", user_pk=manager.pk)).status_code == 404
    assert client.post(url("remove", org="bromley", user_pk=manager.pk)).status_code == 404
    assert roles_of(manager, organisation) == [Role.MANAGER]


def test_the_change_form_ticks_the_roles_held_and_saves_several(client, administrator, manager, organisation):
    client.force_login(administrator)
    form = client.get(url("edit", user_pk=manager.pk)).content.decode()
    ticked = re.findall(r'<input[^>]*name="roles"[^>]*value="(\w+)"[^>]*checked', form)
    assert ticked == ["manager"]
    response = client.post(url("edit", user_pk=manager.pk), {"roles": ["manager", "admin"]}, follow=True)
    assert f"{manager.get_full_name()} is now manager and administrator." in response.content.decode()
    assert roles_of(manager, organisation) == [Role.MANAGER, Role.ADMINISTRATOR]


def test_changing_roles_is_kept_in_history(client, administrator, manager):
    client.force_login(administrator)
    client.post(url("edit", user_pk=manager.pk), {"roles": ["board"]})
    html = client.get(url("history", user_pk=manager.pk)).content.decode()
    assert 'Role given: <span class="fw-semibold">Board member</span>' in html
    assert 'Role taken away: <span class="fw-semibold">Manager</span>' in html
    assert administrator.get_full_name() in html


def test_a_role_changed_in_place_before_several_roles_still_reads_in_history(client, administrator, manager):
    membership = Membership.objects.get(user=manager)
    membership.role = Role.BOARD_MEMBER  # how a role was changed before a person could hold several
    membership.save()
    client.force_login(administrator)
    html = client.get(url("history", user_pk=manager.pk)).content.decode()
    assert "<del>Manager</del>" in html and "<ins>Board member</ins>" in html
    assert 'Role given: <span class="fw-semibold">Manager</span>' in html


def test_demoting_the_last_administrator_explains_why_not(client, administrator, organisation):
    client.force_login(administrator)
    response = client.post(url("edit", user_pk=administrator.pk), {"roles": ["manager"]})
    assert "last administrator" in response.content.decode()
    assert roles_of(administrator, organisation) == [Role.ADMINISTRATOR]


def test_removing_the_last_administrator_explains_why_not(client, administrator, organisation):
    client.force_login(administrator)
    response = client.post(url("remove", user_pk=administrator.pk), follow=True)
    assert "last administrator" in response.content.decode()
    assert roles_of(administrator, organisation) == [Role.ADMINISTRATOR]


def test_removing_a_member_takes_all_their_roles(client, administrator, manager, organisation, make_member):
    make_member(organisation, Role.OFFICER, "manager")
    client.force_login(administrator)
    response = client.post(url("remove", user_pk=manager.pk), follow=True)
    assert f"{manager.get_full_name()} no longer has access" in response.content.decode()
    assert roles_of(manager, organisation) == []


def test_the_members_page_makes_as_many_queries_for_ten_members_as_for_two(
    client, administrator, organisation, make_member
):
    roles = [Role.MANAGER, Role.BOARD_MEMBER, Role.OFFICER]
    client.force_login(administrator)
    few, many = queries_with_two_rows_and_ten(
        client, url("list"), lambda n: make_member(organisation, roles[n % 3], f"member{n}")
    )
    assert many == few


# --- The regional role -----------------------------------------------------------------------------

REGIONAL = reverse("regional_members")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_a_superuser_grants_the_regional_role_in_the_app(
    client, superuser, organisation, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    assert reverse("regional_members") in client.get(reverse("home"), follow=True).content.decode()  # the menu
    data = {"email": "lee.reg@london.gov.uk", "first_name": "Lee", "last_name": "Reg"}
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(REGIONAL, data, follow=True)
    assert len(callbacks) == 1
    html = response.content.decode()
    assert "Lee Reg now reads every organisation" in html and "lee.reg@london.gov.uk" in html
    assert Membership.objects.get(user__email="lee.reg@london.gov.uk").role == Role.REGIONAL


def test_a_superuser_removes_the_regional_role(client, superuser, regional):
    client.force_login(superuser)
    membership = Membership.objects.get(user=regional)
    response = client.post(reverse("regional_remove", kwargs={"pk": membership.pk}), follow=True)
    assert "no longer has the regional role" in response.content.decode()
    assert not Membership.objects.filter(user=regional).exists()


def test_the_regional_page_removes_only_regional_memberships(client, superuser, manager):
    client.force_login(superuser)
    own = Membership.objects.get(user=manager)
    assert client.post(reverse("regional_remove", kwargs={"pk": own.pk})).status_code == 404
    assert Membership.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("role_fixture", ["administrator", "regional"])
def test_only_a_superuser_may_open_or_post_the_regional_page(client, request, role_fixture, regional):
    client.force_login(request.getfixturevalue(role_fixture))
    membership = Membership.objects.get(user=regional)
    assert client.get(REGIONAL).status_code == 403
    assert client.post(REGIONAL, {"email": "x@y.org", "first_name": "X", "last_name": "Y"}).status_code == 403
    assert client.post(reverse("regional_remove", kwargs={"pk": membership.pk})).status_code == 403
    assert Membership.objects.filter(role=Role.REGIONAL).count() == 1
    assert reverse("regional_members") not in client.get(reverse("home"), follow=True).content.decode()
