import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from yos_tracker import services
from yos_tracker.choices import Capability, Role
from yos_tracker.models import Member, Membership
from yos_tracker.scoping import resolve_access
from yos_tracker.tasks import send_membership_email

pytestmark = pytest.mark.django_db


def add(organisation, email="new.person@lewisham.gov.uk", roles=(Role.OFFICER,)):
    return services.membership_add(
        organisation=organisation, email=email, first_name="New", last_name="Person", roles=roles
    )


def roles_of(user, organisation):
    return Membership.objects.roles_of(user, organisation)


def first_row(member):
    return Membership.objects.filter(user=member.user, organisation=member.organisation).order_by("pk").first()


def test_adding_a_new_person_creates_an_account_without_a_password(organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        member = add(organisation, email=" New.Person@Lewisham.gov.uk ")
    user = member.user
    assert user.email == "new.person@lewisham.gov.uk" and user.username == user.email
    assert not user.has_usable_password()
    assert roles_of(user, organisation) == [Role.OFFICER]
    assert len(callbacks) == 1, "the e-mail is queued once the membership is committed"


def test_a_person_is_added_with_several_roles_and_one_email(organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        member = add(organisation, roles=[Role.ADMINISTRATOR, Role.MANAGER])
    assert member.roles == (Role.MANAGER, Role.ADMINISTRATOR)
    assert roles_of(member.user, organisation) == [Role.MANAGER, Role.ADMINISTRATOR]
    assert len(callbacks) == 1, "one e-mail for the person, not one per role"


def test_a_person_needs_at_least_one_role_and_only_organisation_roles(organisation):
    with pytest.raises(ValidationError, match="at least one role"):
        add(organisation, roles=[])
    with pytest.raises(ValidationError, match="regional"):
        add(organisation, roles=[Role.REGIONAL])
    assert not get_user_model().objects.filter(email="new.person@lewisham.gov.uk").exists()


def test_adding_an_existing_person_reuses_their_account(organisation, outsider):
    member = add(organisation, email=outsider.email.upper())
    assert member.user == outsider
    assert get_user_model().objects.filter(email__iexact=outsider.email).count() == 1


def test_a_new_account_is_mailed_a_link_to_choose_a_password(organisation):
    member = add(organisation)
    send_membership_email(first_row(member).pk, new_account=True)
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["new.person@lewisham.gov.uk"]
    assert "role of officer in Lewisham Youth Offending Service" in body
    assert "http://127.0.0.1:8000/accounts/password/set/" in body


def test_the_invitation_names_every_role(organisation):
    member = add(organisation, roles=[Role.MANAGER, Role.ADMINISTRATOR])
    send_membership_email(first_row(member).pk, new_account=True)
    assert "roles of manager and administrator in Lewisham Youth Offending Service" in mail.outbox[0].body


def test_an_existing_account_is_told_to_sign_in_as_usual(organisation, outsider):
    member = add(organisation, email=outsider.email)
    send_membership_email(first_row(member).pk, new_account=False)
    assert "/accounts/password/set/" not in mail.outbox[0].body
    assert "Sign in as usual at http://127.0.0.1:8000/accounts/login/" in mail.outbox[0].body


@pytest.mark.parametrize("issuer", ["", "https://login.microsoftonline.com/a-tenant/v2.0"])
def test_the_mail_offers_the_council_account_only_when_that_sign_in_is_on(organisation, settings, issuer):
    settings.OIDC_OP_ISSUER = issuer
    send_membership_email(first_row(add(organisation)).pk, new_account=True)
    assert ('"Sign in with your council account"' in mail.outbox[0].body) is bool(issuer)


def test_the_mail_is_skipped_if_the_membership_was_removed_meanwhile(organisation):
    assert send_membership_email(123456, new_account=True) == "membership removed before the e-mail was sent"
    assert mail.outbox == []


def test_adding_someone_twice_is_refused(organisation, manager):
    with pytest.raises(ValidationError, match="already has a role"):
        add(organisation, email=manager.email)


def test_changing_roles_adds_and_takes_away_rows_to_match(organisation, administrator, manager):
    member = services.membership_change_roles(
        organisation=organisation, user=manager, roles=[Role.ADMINISTRATOR, Role.MANAGER, Role.OFFICER]
    )
    assert member.roles_label == "Manager, officer and administrator"
    services.membership_change_roles(organisation=organisation, user=manager, roles=[Role.OFFICER])
    assert roles_of(manager, organisation) == [Role.OFFICER]
    assert Membership.history.filter(user=manager, history_type="-").count() == 2, "each role taken away is kept"


def test_a_manager_and_administrator_both_edits_and_manages_members(organisation, manager):
    services.membership_change_roles(organisation=organisation, user=manager, roles=[Role.MANAGER, Role.ADMINISTRATOR])
    access = resolve_access(manager, "lewisham")
    assert access.can_edit and access.can_manage_members and access.can_report
    assert access.roles == (Role.MANAGER, Role.ADMINISTRATOR)
    assert access.role_label == "Manager and administrator"


def test_the_last_administrator_cannot_be_removed_or_demoted(organisation, administrator):
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_remove(organisation=organisation, user=administrator)
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_change_roles(organisation=organisation, user=administrator, roles=[Role.MANAGER])
    assert roles_of(administrator, organisation) == [Role.ADMINISTRATOR]


def test_the_last_administrator_holding_several_roles_may_drop_the_others_but_not_administrator(
    organisation, administrator
):
    services.membership_change_roles(
        organisation=organisation, user=administrator, roles=[Role.MANAGER, Role.ADMINISTRATOR]
    )
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_change_roles(organisation=organisation, user=administrator, roles=[Role.MANAGER])
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_remove(organisation=organisation, user=administrator)
    services.membership_change_roles(organisation=organisation, user=administrator, roles=[Role.ADMINISTRATOR])
    assert roles_of(administrator, organisation) == [Role.ADMINISTRATOR]


def test_an_administrator_can_step_down_once_there_is_another(organisation, administrator):
    add(organisation, email="second.admin@lewisham.gov.uk", roles=[Role.MANAGER, Role.ADMINISTRATOR])
    services.membership_change_roles(organisation=organisation, user=administrator, roles=[Role.MANAGER])
    assert roles_of(administrator, organisation) == [Role.MANAGER]
    services.membership_remove(organisation=organisation, user=administrator)
    assert roles_of(administrator, organisation) == []


def test_an_administrator_of_another_organisation_does_not_count(organisation, other_organisation, administrator):
    add(other_organisation, email=administrator.email, roles=[Role.ADMINISTRATOR])
    add(other_organisation, email="bromley.admin@bromley.gov.uk", roles=[Role.ADMINISTRATOR])
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_remove(organisation=organisation, user=administrator)


def test_a_person_is_read_once_with_all_their_roles(organisation, manager, officer):
    services.membership_change_roles(organisation=organisation, user=manager, roles=[Role.MANAGER, Role.ADMINISTRATOR])
    assert Membership.objects.members(organisation) == sorted(
        [
            Member(manager, organisation, (Role.MANAGER, Role.ADMINISTRATOR)),
            Member(officer, organisation, (Role.OFFICER,)),
        ],
        key=lambda m: (m.user.last_name, m.user.first_name, m.user.email),
    )


# --- The regional role -----------------------------------------------------------------------------


def test_a_superuser_grants_the_regional_role_to_a_new_person(organisation, other_organisation):
    membership = services.regional_grant(email="Lee.Reg@london.gov.uk", first_name="Lee", last_name="Reg")
    assert (membership.organisation, membership.role) == (None, Role.REGIONAL)
    assert not membership.user.has_usable_password()
    for slug in ("lewisham", "bromley"):
        assert resolve_access(membership.user, slug).capabilities == {Capability.VIEW}


def test_the_regional_role_reuses_an_account_and_is_given_once(manager):
    assert services.regional_grant(email=manager.email, first_name="", last_name="").user == manager
    with pytest.raises(ValidationError, match="already has the regional role"):
        services.regional_grant(email=manager.email, first_name="", last_name="")


def test_the_regional_invitation_says_it_reads_every_organisation(organisation):
    membership = services.regional_grant(email="lee.reg@london.gov.uk", first_name="Lee", last_name="Reg")
    send_membership_email(membership.pk, new_account=True)
    assert "regional role" in mail.outbox[0].body and "every organisation" in mail.outbox[0].subject


def test_removing_the_regional_role_leaves_the_persons_own_roles(organisation, manager):
    membership = services.regional_grant(email=manager.email, first_name="", last_name="")
    services.regional_remove(membership=membership)
    assert list(Membership.objects.filter(user=manager).values_list("role", flat=True)) == [Role.MANAGER]
    with pytest.raises(ValidationError):
        services.regional_remove(membership=Membership.objects.get(user=manager))
