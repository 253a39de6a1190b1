import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from yos_tracker.choices import Capability, Role
from yos_tracker.models import Membership, Organisation
from yos_tracker.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_holds_each_role_once_per_organisation(manager, organisation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=manager, organisation=organisation, role=Role.MANAGER)


def test_regional_role_has_no_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(role=Role.REGIONAL)


def test_other_roles_need_an_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(organisation=None, role=Role.MANAGER)


def test_constraint_messages_reach_forms(manager, organisation):
    duplicate = Membership(user=manager, organisation=organisation, role=Role.MANAGER)
    with pytest.raises(ValidationError, match="already has this role in this organisation"):
        duplicate.full_clean()


def test_slugs_the_application_uses_are_refused():
    organisation = OrganisationFactory.build(slug="admin")
    with pytest.raises(ValidationError, match="used by the application"):
        organisation.full_clean()


@pytest.mark.parametrize(
    "role, capabilities",
    [
        (Role.MANAGER, {Capability.VIEW, Capability.EDIT, Capability.REPORT}),
        (Role.BOARD_MEMBER, {Capability.VIEW}),
        (Role.OFFICER, {Capability.VIEW, Capability.REPORT}),
        (Role.ADMINISTRATOR, {Capability.VIEW, Capability.MANAGE_MEMBERS}),
        (Role.REGIONAL, {Capability.VIEW}),
    ],
)
def test_what_each_role_may_do(role, capabilities):
    assert Role(role).capabilities == capabilities


def test_organisations_and_memberships_keep_history(organisation):
    organisation.region = "South East"
    organisation.save()
    assert [h.region for h in organisation.history.all()] == ["South East", "London"]


def test_for_member_ignores_inactive_users(organisation):
    user = UserFactory(is_active=False)
    MembershipFactory(user=user, organisation=organisation)
    assert not Organisation.objects.for_member(user).exists()
