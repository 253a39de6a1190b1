import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from yos_tracker import services
from yos_tracker.choices import Role
from yos_tracker.models import Membership
from yos_tracker.tasks import send_membership_email

pytestmark = pytest.mark.django_db


def add(organisation, email="new.person@lewisham.gov.uk", role=Role.OFFICER):
    return services.membership_add(
        organisation=organisation, email=email, first_name="New", last_name="Person", role=role
    )


def test_adding_a_new_person_creates_an_account_without_a_password(organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        membership = add(organisation, email=" New.Person@Lewisham.gov.uk ")
    user = membership.user
    assert user.email == "new.person@lewisham.gov.uk" and user.username == user.email
    assert not user.has_usable_password()
    assert membership.role == Role.OFFICER
    assert len(callbacks) == 1, "the e-mail is queued once the membership is committed"


def test_adding_an_existing_person_reuses_their_account(organisation, outsider):
    membership = add(organisation, email=outsider.email.upper())
    assert membership.user == outsider
    assert get_user_model().objects.filter(email__iexact=outsider.email).count() == 1


def test_a_new_account_is_mailed_a_link_to_choose_a_password(organisation):
    membership = add(organisation)
    send_membership_email(membership.pk, new_account=True)
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["new.person@lewisham.gov.uk"]
    assert "officer in Lewisham Youth Offending Service" in body
    assert "http://127.0.0.1:8000/accounts/password/set/" in body


def test_an_existing_account_is_told_to_sign_in_as_usual(organisation, outsider):
    membership = add(organisation, email=outsider.email)
    send_membership_email(membership.pk, new_account=False)
    assert "/accounts/password/set/" not in mail.outbox[0].body
    assert "Sign in as usual at http://127.0.0.1:8000/accounts/login/" in mail.outbox[0].body


@pytest.mark.parametrize("issuer", ["", "https://login.microsoftonline.com/a-tenant/v2.0"])
def test_the_mail_offers_the_council_account_only_when_that_sign_in_is_on(organisation, settings, issuer):
    settings.OIDC_OP_ISSUER = issuer
    send_membership_email(add(organisation).pk, new_account=True)
    assert ('"Sign in with your council account"' in mail.outbox[0].body) is bool(issuer)


def test_the_mail_is_skipped_if_the_membership_was_removed_meanwhile(organisation):
    assert send_membership_email(123456, new_account=True) == "membership removed before the e-mail was sent"
    assert mail.outbox == []


def test_adding_someone_twice_is_refused(organisation, manager):
    with pytest.raises(ValidationError, match="already has a role"):
        add(organisation, email=manager.email)


def test_the_last_administrator_cannot_be_removed_or_demoted(organisation, administrator):
    membership = Membership.objects.get(user=administrator)
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_remove(membership=membership)
    with pytest.raises(ValidationError, match="last administrator"):
        services.membership_change_role(membership=membership, role=Role.MANAGER)
    assert Membership.objects.get(pk=membership.pk).role == Role.ADMINISTRATOR


def test_an_administrator_can_step_down_once_there_is_another(organisation, administrator):
    add(organisation, email="second.admin@lewisham.gov.uk", role=Role.ADMINISTRATOR)
    membership = Membership.objects.get(user=administrator)
    services.membership_change_role(membership=membership, role=Role.MANAGER)
    assert Membership.objects.get(pk=membership.pk).role == Role.MANAGER
