"""Writes of the core: memberships (who has which roles in an organisation, who is regional) and API tokens."""

import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from yos_tracker.choices import ORGANISATION_ROLES, Role, roles_in_order
from yos_tracker.models import ApiToken, Member, Membership, Organisation
from yos_tracker.tasks import send_membership_email

LAST_ADMINISTRATOR = "This is the organisation's last administrator; appoint another first."


def _is_last_administrator(*, user, organisation: Organisation) -> bool:
    # Locks the organisation's administrator rows (in the caller's transaction): two
    # administrators stepping down at once cannot both see the other one still there.
    administrators = Membership.objects.for_org(organisation).filter(role=Role.ADMINISTRATOR).select_for_update()
    return set(administrators.values_list("user_id", flat=True)) == {user.pk}


def _roles_checked(roles) -> list[Role]:
    roles = roles_in_order(roles)
    if not roles:
        raise ValidationError({"roles": "Choose at least one role."})
    if not set(roles) <= set(ORGANISATION_ROLES):
        raise ValidationError({"roles": "The regional role is granted on the regional members page."})
    return roles


def _account_for(*, email: str, first_name: str, last_name: str):
    """The account with this address, or a new one (and True) with no password: the e-mail
    carries a link to choose one, so nobody ever learns another person's password."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        return user, False
    user = User(username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip())
    user.set_unusable_password()
    user.save()
    return user, True


@transaction.atomic
def membership_add(
    *, organisation: Organisation, email: str, first_name: str, last_name: str, roles, site_url: str = ""
) -> Member:
    """Give a person one or more roles in the organisation, creating their account if they have none.

    The e-mail names every role. Its links go to `site_url`, the address the person who added
    them was using (SITE_URL when there was none).
    """
    roles = _roles_checked(roles)
    user, new_account = _account_for(email=email, first_name=first_name, last_name=last_name)
    if not new_account and Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"email": "This person already has a role in this organisation; change their roles."})

    # One row per role, each saved on its own so that its history names who granted it.
    memberships = [Membership.objects.create(user=user, organisation=organisation, role=role) for role in roles]
    # One e-mail for the person, naming all their roles there.
    first = memberships[0].pk
    transaction.on_commit(lambda: send_membership_email.delay(first, new_account=new_account, site_url=site_url))
    return Member(user, organisation, tuple(roles))


@transaction.atomic
def membership_change_roles(*, organisation: Organisation, user, roles) -> Member:
    """Set the person's roles in the organisation to exactly `roles`: a row is added for each new
    role and deleted for each dropped one, each with its history."""
    roles = _roles_checked(roles)
    held = list(Membership.objects.for_org(organisation).select_for_update().filter(user=user))
    if not held:
        raise ValidationError("This person has no role in this organisation; add them instead.")
    if Role.ADMINISTRATOR not in roles and _is_last_administrator(user=user, organisation=organisation):
        raise ValidationError({"roles": LAST_ADMINISTRATOR})
    for membership in held:
        if membership.role not in roles:
            membership.delete()
    kept = {membership.role for membership in held}
    for role in roles:
        if role not in kept:
            Membership.objects.create(user=user, organisation=organisation, role=role)
    return Member(user, organisation, tuple(roles))


@transaction.atomic
def membership_remove(*, organisation: Organisation, user) -> None:
    """Take all the person's roles in the organisation away."""
    if _is_last_administrator(user=user, organisation=organisation):
        raise ValidationError(LAST_ADMINISTRATOR)
    for membership in Membership.objects.for_org(organisation).select_for_update().filter(user=user):
        membership.delete()


# --- The regional role -----------------------------------------------------------------------------


@transaction.atomic
def regional_grant(*, email: str, first_name: str, last_name: str, site_url: str = "") -> Membership:
    """Give a person the regional role (reads every organisation), creating their account if they
    have none. Granted by a superuser."""
    user, new_account = _account_for(email=email, first_name=first_name, last_name=last_name)
    if Membership.objects.filter(user=user, role=Role.REGIONAL).exists():
        raise ValidationError({"email": "This person already has the regional role."})
    membership = Membership.objects.create(user=user, organisation=None, role=Role.REGIONAL)
    transaction.on_commit(
        lambda: send_membership_email.delay(membership.pk, new_account=new_account, site_url=site_url)
    )
    return membership


def regional_remove(*, membership: Membership) -> None:
    if membership.role != Role.REGIONAL:
        raise ValidationError("This is not a regional membership.")
    membership.delete()


# --- API tokens ----------------------------------------------------------------------------------

# Marks the key as this application's in logs and secret scanners.
API_TOKEN_PREFIX = "yos_"
# How often a token's "last used" is written: not on every request of a busy feed.
LAST_USED_EVERY = datetime.timedelta(minutes=5)


def api_token_digest(key: str) -> str:
    # The key is 256 random bits, so a fast hash is enough: nothing can be guessed from it.
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_issue(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for this person, and its key: the only time the key exists outside the request."""
    key = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=key[:10], digest=api_token_digest(key))
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(key: str) -> ApiToken | None:
    """The active token with this key, its owner loaded; None for an unknown or revoked key."""
    token = ApiToken.objects.active().select_related("user").filter(digest=api_token_digest(key)).first()
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token
