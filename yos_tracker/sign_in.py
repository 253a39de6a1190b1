"""Signing in with a password: by user name, or by the e-mail address an invitation went to."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def account_named(name: str):
    """The account a sign-in names: by its user name, or by its e-mail address (a person invited by
    e-mail is told to sign in with it; older accounts, and the demo's, have user names of their
    own). An address held by more than one account names nobody."""
    User = get_user_model()
    user = User._default_manager.filter(username=name).first()
    if user is None:
        by_address = list(User._default_manager.filter(email__iexact=name.strip())[:2])
        user = by_address[0] if len(by_address) == 1 else None
    return user


def attempted_account(request, credentials) -> str:
    """What django-axes counts failed sign-ins against: the account, however it was named, so
    that writing its address in other cases or by user name gains no further attempts."""
    name = (credentials or {}).get("username") or request.POST.get("username", "")
    user = account_named(name)
    return f"account {user.pk}" if user else name.strip().lower()


class UserNameOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = account_named(username)
        if user is None:
            get_user_model()().set_password(password)  # the same work as a real check, so timing tells nothing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
