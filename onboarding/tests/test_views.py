"""The New service page (superusers only), Django admin's add form, which sets an organisation up
the same way, and the settings hub: every member reads it, only editors get its links."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from governance.models import RiskMatrix
from improvement.models import RagStatus, ReminderSettings
from onboarding.services import organisation_install
from performance.catalogue import STARTER_INDICATORS
from performance.models import AuditGrade, TrackedIndicator
from yos_tracker.choices import Role
from yos_tracker.models import Membership, Organisation

pytestmark = pytest.mark.django_db

NEW_SERVICE = reverse("services:new")
ADMIN_ADD = "/admin/yos_tracker/organisation/add/"


def hub(org="lewisham"):
    return reverse("onboarding:settings", kwargs={"org": org})


def edit_links(org="lewisham"):
    """The settings hub's links to pages only editors may open."""
    return [
        reverse(name, kwargs={"org": org})
        for name in ("improvement:status_list", "performance:grade_list", "governance:matrix", "governance:kpi7")
    ] + [reverse("improvement:digest", kwargs={"org": org})]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "a-test-password-1")


def service_data(**overrides):
    return {
        "name": "Greenwich Youth Justice Service",
        "slug": "greenwich",
        "local_authority": "Royal Borough of Greenwich",
        "region": "London",
        "rag_scale": "lewisham",
        "audit_scale": "bromley",
        "starter_indicators": "on",
        "first_email": "",
        "first_first_name": "",
        "first_last_name": "",
        "first_roles": ["manager", "admin"],
        **overrides,
    }


def nothing_set_up():
    return (
        Organisation.objects.count(),
        RagStatus.objects.count(),
        AuditGrade.objects.count(),
        RiskMatrix.objects.count(),
        TrackedIndicator.objects.count(),
        ReminderSettings.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )


def rag_codes(slug):
    return list(RagStatus.objects.filter(organisation__slug=slug).values_list("code", flat=True))


# --- The New service page --------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(NEW_SERVICE)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={NEW_SERVICE}"
    assert client.post(NEW_SERVICE, service_data()).status_code == 302
    assert not Organisation.objects.filter(slug="greenwich").exists()


@pytest.mark.parametrize("role_fixture", ["manager", "administrator", "regional"])
def test_people_who_are_not_superusers_get_403(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(NEW_SERVICE).status_code == 403
    assert client.post(NEW_SERVICE, service_data()).status_code == 403
    assert not Organisation.objects.filter(slug="greenwich").exists()


def test_a_superuser_sees_the_form(client, superuser):
    client.force_login(superuser)
    response = client.get(NEW_SERVICE)
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("name", "slug", "rag_scale", "audit_scale", "starter_indicators", "first_email", "first_roles"):
        assert f'name="{field}"' in html


def test_a_superuser_sets_up_a_service_and_lands_on_its_settings(client, superuser, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    data = service_data(
        first_email="sam.khan@greenwich.gov.uk", first_first_name="Sam", first_last_name="Khan", first_roles="admin"
    )
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(NEW_SERVICE, data, follow=True)

    assert response.redirect_chain == [(hub("greenwich"), 302)]
    html = response.content.decode()
    assert "Greenwich Youth Justice Service is set up." in html
    assert "Purple" in html  # the hub shows the scale it chose
    organisation = Organisation.objects.get(slug="greenwich")
    assert (organisation.name, organisation.region) == ("Greenwich Youth Justice Service", "London")
    assert rag_codes("greenwich") == ["G", "A", "R", "P"]
    assert list(AuditGrade.objects.for_org(organisation).values_list("code", flat=True)) == [
        "good",
        "satisfactory",
        "inadequate",
    ]
    assert TrackedIndicator.objects.for_org(organisation).count() == len(STARTER_INDICATORS)
    assert RiskMatrix.objects.filter(organisation=organisation).exists()
    assert ReminderSettings.objects.filter(organisation=organisation).exists()
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user.email, membership.role) == ("sam.khan@greenwich.gov.uk", Role.ADMINISTRATOR)
    assert len(callbacks) == 1  # the first person's e-mail


def test_the_first_person_is_offered_manager_and_administrator_ticked(client, superuser):
    client.force_login(superuser)
    html = client.get(NEW_SERVICE).content.decode()
    assert re.findall(r'<input[^>]*name="first_roles"[^>]*value="(\w+)"[^>]*checked', html) == ["manager", "admin"]


def test_the_first_person_gets_manager_and_administrator_from_the_form(client, superuser):
    client.force_login(superuser)
    data = service_data(first_email="sam.khan@greenwich.gov.uk", first_first_name="Sam", first_last_name="Khan")
    assert client.post(NEW_SERVICE, data).status_code == 302
    sam = get_user_model().objects.get(email="sam.khan@greenwich.gov.uk")
    organisation = Organisation.objects.get(slug="greenwich")
    assert Membership.objects.roles_of(sam, organisation) == [Role.MANAGER, Role.ADMINISTRATOR]


def test_a_first_person_with_no_role_ticked_is_refused(client, superuser):
    client.force_login(superuser)
    data = service_data(first_email="sam.khan@greenwich.gov.uk", first_first_name="Sam", first_last_name="Khan")
    del data["first_roles"]
    response = client.post(NEW_SERVICE, data)
    assert "Choose at least one role for the first person." in response.content.decode()
    assert not Organisation.objects.filter(slug="greenwich").exists()


def test_an_unticked_starter_box_sets_up_a_service_tracking_nothing(client, superuser):
    client.force_login(superuser)
    data = service_data(rag_scale="bromley")
    del data["starter_indicators"]  # an unticked checkbox is not posted at all
    response = client.post(NEW_SERVICE, data)
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="greenwich")
    assert not TrackedIndicator.objects.for_org(organisation).exists()
    assert rag_codes("greenwich") == ["G", "A", "R", "W"]
    assert not Membership.objects.filter(organisation=organisation).exists()


def test_a_first_email_without_a_name_is_refused_beside_the_name(client, superuser):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(NEW_SERVICE, service_data(first_email="sam.khan@greenwich.gov.uk"))
    html = response.content.decode()
    assert response.status_code == 200
    assert escape("Give the first person's name as well as their address.") in html
    assert 'id="error_1_id_first_first_name"' in html
    assert 'aria-describedby="id_first_first_name_error"' in html
    assert nothing_set_up() == before
    assert not get_user_model().objects.filter(email="sam.khan@greenwich.gov.uk").exists()


def test_a_reserved_slug_is_refused_beside_the_slug(client, superuser):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(NEW_SERVICE, service_data(slug="admin"))
    html = response.content.decode()
    assert response.status_code == 200
    assert escape("“admin” is used by the application itself; choose another slug.") in html
    assert 'id="error_1_id_slug"' in html
    assert nothing_set_up() == before


@pytest.mark.parametrize("slug", ["Lewisham", "ADMIN", "green_wich"])
def test_a_slug_that_is_not_lower_case_letters_digits_and_hyphens_is_refused(client, superuser, organisation, slug):
    # "Lewisham" would otherwise sit beside "lewisham", and "ADMIN" pass the reserved-slug check.
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(NEW_SERVICE, service_data(slug=slug))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Use lower-case letters and digits, with single hyphens between words." in html
    assert 'id="error_1_id_slug"' in html
    assert nothing_set_up() == before


def test_a_name_already_taken_is_refused_beside_the_name(client, superuser, organisation):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(NEW_SERVICE, service_data(name=organisation.name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error_1_id_name"' in html
    assert "already exists" in html
    assert nothing_set_up() == before


def test_an_unknown_scale_is_refused(client, superuser):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(NEW_SERVICE, service_data(rag_scale="purple-only"))
    assert response.status_code == 200
    assert 'id="error_1_id_rag_scale"' in response.content.decode()
    assert nothing_set_up() == before


# --- Django admin ----------------------------------------------------------------------------------


def admin_data(**overrides):
    return {
        "name": "Bexley Youth Justice Service",
        "slug": "bexley",
        "local_authority": "London Borough of Bexley",
        "region": "London",
        "rag_scale": "lewisham",
        "audit_scale": "bromley",
        "starter_indicators": "on",
        # The management form of the memberships inline.
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "_save": "Save",
        **overrides,
    }


def test_admins_add_form_offers_the_set_up_choices(client, superuser):
    client.force_login(superuser)
    html = client.get(ADMIN_ADD).content.decode()
    for field in ("rag_scale", "audit_scale", "starter_indicators"):
        assert f'name="{field}"' in html


def test_an_organisation_added_in_admin_is_set_up_with_the_chosen_scales(client, superuser):
    client.force_login(superuser)
    response = client.post(ADMIN_ADD, admin_data())
    assert response.status_code == 302, response.content.decode()
    organisation = Organisation.objects.get(slug="bexley")
    assert rag_codes("bexley") == ["G", "A", "R", "P"]
    assert list(AuditGrade.objects.for_org(organisation).values_list("code", flat=True)) == [
        "good",
        "satisfactory",
        "inadequate",
    ]
    assert RiskMatrix.objects.get(organisation=organisation).bands.count() == 3
    assert TrackedIndicator.objects.for_org(organisation).count() == len(STARTER_INDICATORS)
    assert ReminderSettings.objects.filter(organisation=organisation).exists()


def test_an_organisation_added_in_admin_without_starters_tracks_nothing(client, superuser):
    client.force_login(superuser)
    data = admin_data(rag_scale="bromley")
    del data["starter_indicators"]
    assert client.post(ADMIN_ADD, data).status_code == 302
    organisation = Organisation.objects.get(slug="bexley")
    assert rag_codes("bexley") == ["G", "A", "R", "W"]
    assert not TrackedIndicator.objects.for_org(organisation).exists()


def test_admin_keeps_the_memberships_given_inline(client, superuser, manager):
    client.force_login(superuser)
    data = admin_data(
        **{
            "memberships-TOTAL_FORMS": "1",
            "memberships-0-user": str(manager.pk),
            "memberships-0-role": Role.BOARD_MEMBER.value,
        }
    )
    assert client.post(ADMIN_ADD, data).status_code == 302
    membership = Membership.objects.get(organisation__slug="bexley")
    assert (membership.user, membership.role) == (manager, Role.BOARD_MEMBER)
    assert rag_codes("bexley") == ["G", "A", "R", "P"]


def test_admin_refuses_a_reserved_slug_and_creates_nothing(client, superuser):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(ADMIN_ADD, admin_data(slug="admin"))
    assert response.status_code == 200
    assert escape("“admin” is used by the application itself; choose another slug.") in response.content.decode()
    assert nothing_set_up() == before


@pytest.mark.parametrize("slug", ["Lewisham", "ADMIN"])
def test_admin_refuses_a_slug_with_capitals(client, superuser, organisation, slug):
    client.force_login(superuser)
    before = nothing_set_up()
    response = client.post(ADMIN_ADD, admin_data(slug=slug))
    assert response.status_code == 200
    assert "Use lower-case letters and digits, with single hyphens between words." in response.content.decode()
    assert nothing_set_up() == before


def test_editing_an_organisation_in_admin_changes_only_what_was_edited(client, superuser, organisation):
    # The fixture's organisation has no set-up at all: saving it must not install one.
    before = nothing_set_up()
    client.force_login(superuser)
    change = f"/admin/yos_tracker/organisation/{organisation.pk}/change/"
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "local_authority": "Lewisham Council",
        "region": "London",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    assert client.post(change, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.local_authority == "Lewisham Council"
    assert nothing_set_up() == before


# --- The settings hub ------------------------------------------------------------------------------


def test_a_board_member_reads_the_settings_without_edit_links(client, board_member, organisation):
    organisation_install(organisation=organisation, rag_scale="lewisham")
    client.force_login(board_member)
    response = client.get(hub())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Purple" in html and "Not satisfactory" in html  # its scales, to read
    for link in edit_links():
        assert f'href="{link}"' not in html
    # The pages every member may read are still linked.
    assert f'href="{reverse("performance:catalogue", kwargs={"org": "lewisham"})}"' in html
    assert "See the catalogue" in html


def test_a_manager_gets_the_edit_links(client, manager, organisation):
    organisation_install(organisation=organisation)
    client.force_login(manager)
    response = client.get(hub())
    html = response.content.decode()
    assert response.status_code == 200
    for link in edit_links():
        assert f'href="{link}"' in html
    assert "Choose indicators and targets" in html
    # Members are an administrator's to manage, not a manager's.
    assert f'href="{reverse("members:list", kwargs={"org": "lewisham"})}"' not in html


def test_an_administrator_gets_the_members_link_but_not_the_edit_links(client, administrator, organisation):
    client.force_login(administrator)
    html = client.get(hub()).content.decode()
    assert f'href="{reverse("members:list", kwargs={"org": "lewisham"})}"' in html
    for link in edit_links():
        assert f'href="{link}"' not in html


def test_the_hub_counts_people_not_roles(client, administrator, organisation, make_member):
    make_member(organisation, Role.MANAGER, "admin")  # the administrator is a manager too
    client.force_login(administrator)
    assert "1 person has a role here." in client.get(hub()).content.decode()


def test_the_hub_says_what_an_organisation_without_set_up_lacks(client, board_member):
    client.force_login(board_member)
    response = client.get(hub())
    html = response.content.decode()
    assert response.status_code == 200
    assert "None yet." in html and "No matrix yet." in html


def test_a_member_of_another_organisation_gets_404(client, outsider, organisation):
    client.force_login(outsider)
    assert client.get(hub()).status_code == 404


def test_anonymous_people_are_sent_to_sign_in_from_the_hub(client, organisation):
    response = client.get(hub())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_short_name_left_empty_is_made_from_the_services_name(client, superuser):
    client.force_login(superuser)
    response = client.post(NEW_SERVICE, service_data(slug="", name="Royal Borough of Greenwich Youth Justice Service"))
    assert response.status_code == 302
    assert Organisation.objects.get(name__startswith="Royal Borough").slug == "royal-borough-of-greenwich"
