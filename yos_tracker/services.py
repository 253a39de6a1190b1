"""Writes of the core: memberships (who has which role in an organisation) and API tokens."""

import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from yos_tracker.choices import Role
from yos_tracker.models import ApiToken, Membership, Organisation
from yos_tracker.tasks import send_membership_email


def _is_last_administrator(membership: Membership) -> bool:
    if membership.role != Role.ADMINISTRATOR:
        return False
    others = Membership.objects.for_org(membership.organisation).filter(role=Role.ADMINISTRATOR)
    return not others.exclude(pk=membership.pk).exists()


@transaction.atomic
def membership_add(
    *, organisation: Organisation, email: str, first_name: str, last_name: str, role: Role, site_url: str = ""
) -> Membership:
    """Give a person a role in the organisation, creating their account if they have none.

    A new account gets no password: the e-mail carries a link to choose one, so nobody ever
    learns another person's password. Its links go to `site_url`, the address the person who
    added them was using (SITE_URL when there was none).
    """
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    new_account = user is None
    if new_account:
        user = User(username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip())
        user.set_unusable_password()
        user.save()
    elif Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"email": "This person already has a role in this organisation."})

    membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    transaction.on_commit(
        lambda: send_membership_email.delay(membership.pk, new_account=new_account, site_url=site_url)
    )
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: Role) -> Membership:
    if role != Role.ADMINISTRATOR and _is_last_administrator(membership):
        raise ValidationError({"role": "This is the organisation's last administrator; appoint another first."})
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    if _is_last_administrator(membership):
        raise ValidationError("This is the organisation's last administrator; appoint another first.")
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
