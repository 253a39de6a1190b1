"""The one scoping mechanism: who reaches which organisation, and who may write there."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from yos_tracker.choices import Capability, Role
from yos_tracker.models import Organisation
from yos_tracker.scoping import org_view, resolve_access
from yos_tracker.tests.factories import MembershipFactory, UserFactory


@org_view()
def read_and_edit_view(request):
    return HttpResponse(f"{request.organisation.slug}:{request.access.role}")


@org_view(write=Capability.REPORT)
def report_view(request):
    return HttpResponse("ok")


def call(view, user, method="get", org="lewisham"):
    request = getattr(RequestFactory(), method)(f"/{org}/")
    request.user = user
    return view(request, org=org)


class TestResolveAccess:
    def test_member_gets_their_role_and_its_capabilities(self, organisation, manager):
        access = resolve_access(manager, "lewisham")
        assert access.organisation == organisation
        assert access.role == Role.MANAGER
        assert access.can(Capability.EDIT) and not access.can(Capability.MANAGE_MEMBERS)

    def test_it_returns_404_for_another_organisation(self, organisation, outsider):
        with pytest.raises(Http404):
            resolve_access(outsider, "lewisham")

    def test_it_returns_404_for_an_organisation_that_does_not_exist(self, manager):
        with pytest.raises(Http404):
            resolve_access(manager, "nowhere")

    def test_regional_user_reads_every_organisation_but_writes_none(self, organisation, other_organisation, regional):
        for slug in ("lewisham", "bromley"):
            access = resolve_access(regional, slug)
            assert access.role == Role.REGIONAL
            assert access.capabilities == {Capability.VIEW}

    def test_own_role_wins_over_regional_and_capabilities_combine(self, organisation, regional):
        MembershipFactory(user=regional, organisation=organisation, role=Role.OFFICER)
        access = resolve_access(regional, "lewisham")
        assert access.role == Role.OFFICER
        assert access.can(Capability.REPORT)

    def test_superuser_may_do_everything(self, organisation):
        admin = UserFactory(username="root", is_superuser=True, is_staff=True)
        assert resolve_access(admin, "lewisham").capabilities == frozenset(Capability)

    def test_inactive_member_has_no_access(self, organisation, manager):
        manager.is_active = False
        manager.save()
        with pytest.raises(Http404):
            resolve_access(manager, "lewisham")


class TestOrgView:
    def test_member_reads(self, board_member):
        assert call(read_and_edit_view, board_member).content == b"lewisham:board"

    def test_write_needs_edit_by_default(self, board_member, manager):
        with pytest.raises(PermissionDenied):
            call(read_and_edit_view, board_member, "post")
        assert call(read_and_edit_view, manager, "post").status_code == 200

    def test_a_view_can_name_another_write_capability(self, officer, board_member):
        assert call(report_view, officer, "post").status_code == 200
        with pytest.raises(PermissionDenied):
            call(report_view, board_member, "post")

    def test_outsider_gets_404_before_any_role_check(self, organisation, outsider):
        assert call(read_and_edit_view, outsider, "post").status_code == 404

    def test_another_organisations_page_is_the_apps_own_not_found_page_even_in_development(
        self, client, settings, organisation, outsider
    ):
        settings.DEBUG = True  # Django's debug page would list the URL patterns
        client.force_login(outsider)
        response = client.get("/lewisham/improvement/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Page not found" in html and "There is no page at this address" in html
        assert "URLconf" not in html and "No such organisation" not in html

    def test_anonymous_is_sent_to_sign_in(self, organisation):
        from django.contrib.auth.models import AnonymousUser

        response = call(read_and_edit_view, AnonymousUser())
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


class TestForMember:
    def test_members_see_only_their_organisations(self, organisation, other_organisation, manager):
        assert list(Organisation.objects.for_member(manager)) == [organisation]

    def test_regional_user_sees_all(self, organisation, other_organisation, regional):
        assert set(Organisation.objects.for_member(regional)) == {organisation, other_organisation}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member of both", "regional"])
def test_a_page_reads_the_services_a_person_may_open_once_for_its_scope_and_its_navigation(
    client, organisation, other_organisation, who, regional
):
    if who == "regional":
        user = regional
    else:
        user = UserFactory(username="both")
        for service in (organisation, other_organisation):
            MembershipFactory(user=user, organisation=service, role=Role.MANAGER)
    client.force_login(user)
    client.get("/lewisham/")  # the session's first request reads more
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/lewisham/improvement/").content.decode()
    services_read = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT DISTINCT "governance_organisation"')
        or q["sql"].startswith('SELECT "governance_organisation"')
    ]
    assert len(services_read) == 1
    assert 'href="/bromley/improvement/"' in html  # the switcher still lists the other service
