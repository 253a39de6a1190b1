"""Signing in with a council account: OpenID Connect, as Microsoft Entra ID speaks it.

The provider only proves who a person is. They are matched by a verified e-mail address to an
account the app already has (a member, or a person invited who has not chosen a password yet);
their memberships and roles are the app's own, whatever the provider claims. Nobody gets an
account by signing in.

The ID token is checked as OpenID Connect Core 3.1.3.7 says (mozilla-django-oidc checks only its
signature and nonce): issued by the provider the app trusts, for this app (and authorised for it
where it names several audiences), not expired nor issued in the future. The userinfo answer is
used only when its `sub` is the ID token's (5.3.2). Each refusal is a message on the sign-in page.
"""

import functools
import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

logger = logging.getLogger(__name__)
# Clocks differ a little between the provider and this server; a token is not refused for that.
CLOCK_SKEW_SECONDS = 60
WRONG_APP = (
    "Your council's sign-in answer was meant for another application, so it was refused: try again, or ask "
    "your service's administrator."
)
NOT_CHECKED = (
    "Your council's sign-in answer could not be checked, so you are not signed in: try again, or sign in with "
    "your password."
)

# mozilla-django-oidc's settings for the provider's endpoints, and the names the provider's
# discovery document gives them.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def is_configured() -> bool:
    return bool(settings.OIDC_OP_ISSUER)


@functools.cache
def provider_metadata(issuer: str) -> dict:
    """The issuer's discovery document, fetched once per process (a failure is not kept, so the
    next sign-in asks again). Its signing keys are not kept here: they rotate, and the backend
    fetches them for each sign-in."""
    response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    return response.json()


def check_provider_answers() -> None:
    """Raise requests.RequestException unless the provider answers now: the discovery document is
    kept once fetched, so without this a provider that has gone down would be found out only by
    the person's browser, sent to it."""
    url = f"{settings.OIDC_OP_ISSUER}/.well-known/openid-configuration"
    requests.get(url, timeout=settings.OIDC_TIMEOUT).raise_for_status()


class Refused(SuspiciousOperation):
    """A sign-in the app refuses; the person has been told why."""


def oidc_setting(attr: str, *default):
    """A setting as mozilla-django-oidc asks for it, with the endpoints taken from discovery."""
    if attr in DISCOVERED:
        return provider_metadata(settings.OIDC_OP_ISSUER)[DISCOVERED[attr]]
    return import_from_settings(attr, *default)


def is_council_sign_in(request, credentials) -> bool:
    """For django-axes (AXES_WHITELIST_CALLABLE): the provider's answer coming back, not a
    password typed here."""
    return request.path == reverse("oidc_authentication_callback")


def email_is_verified(claims: dict) -> bool:
    """The provider vouches for the address: it says so (email_verified true), or it says nothing
    either way and is trusted (OIDC_TRUST_EMAIL, for Entra ID). An explicit false always refuses."""
    said = claims.get("email_verified")
    return said is True or (said is None and settings.OIDC_TRUST_EMAIL)


class CouncilAccountBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)
    # The parent's get_user forgets that an account can be switched off; ModelBackend's signs
    # such a person out at their next request.
    get_user = ModelBackend.get_user

    def __init__(self, *args, **kwargs):
        # Not the parent's, which looks the endpoints up at once: Django builds every listed
        # backend for each password sign-in too, and those must not wait on the provider.
        self.UserModel = get_user_model()

    def authenticate(self, request, nonce=None, **kwargs):
        # Only the callback view passes a nonce (the one it kept for this sign-in).
        if request is None or nonce is None:
            return None
        super().__init__()
        try:
            return super().authenticate(request, nonce=nonce, **kwargs)
        except Refused:
            return None
        except SuspiciousOperation as refusal:  # the parent's: a token it cannot verify, or another nonce
            logger.warning("Council sign-in refused: %s", refusal)
            messages.error(request, NOT_CHECKED)
            return None

    def refuse(self, why: str, message: str):
        logger.warning("Council sign-in refused: %s", why)
        messages.error(self.request, message)
        raise Refused(why)

    def get_payload_data(self, token, key) -> dict:
        """The ID token's claims, once its signature, algorithm, issuer, audience and times check out."""
        client_id = self.OIDC_RP_CLIENT_ID
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=client_id,
                issuer=provider_metadata(settings.OIDC_OP_ISSUER)["issuer"],
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["iss", "aud", "sub", "exp", "iat"]},
            )
        except jwt.ExpiredSignatureError:
            self.refuse(
                "the ID token has expired",
                "Your council's sign-in answer had expired by the time it reached this site, so you are not "
                "signed in: try again.",
            )
        except jwt.InvalidAudienceError:
            self.refuse("the ID token is for another audience", WRONG_APP)
        except jwt.InvalidIssuerError:
            self.refuse(
                "the ID token is from another issuer",
                "Your council's sign-in answer came from a sign-in service this site does not trust, so it was "
                "refused: ask your service's administrator.",
            )
        except jwt.InvalidTokenError as problem:
            self.refuse(f"the ID token does not check out: {problem}", NOT_CHECKED)
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != client_id:
            self.refuse("the ID token is authorised for another party", WRONG_APP)
        return claims

    def get_userinfo(self, access_token, id_token, payload) -> dict:
        claims = super().get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload["sub"]:
            self.refuse(
                "the userinfo answer is about another subject than the ID token",
                "Your council's sign-in service described someone other than the person who signed in, so you "
                "are not signed in: ask your service's administrator.",
            )
        return claims

    def verify_claims(self, claims: dict) -> bool:
        email = claims.get("email")
        if email and email_is_verified(claims):
            return True
        shown = f" ({email})" if email else ""
        messages.error(
            self.request,
            f"Your council account did not confirm your e-mail address{shown}, so it cannot sign you in here: "
            "ask your service's administrator, or sign in with your password.",
        )
        return False

    def filter_users_by_claims(self, claims: dict) -> list:
        """The one account with this e-mail address, in any letter case; none when there is no
        such account, several (refused rather than guessed), or it is switched off. Each refusal
        says why on the sign-in page."""
        email = claims["email"]
        users = list(self.UserModel.objects.filter(email__iexact=email)[:2])
        if not users:
            refusal = (
                f"Your council account ({email}) is not known here: ask your service's administrator to invite you."
            )
        elif len(users) > 1:
            refusal = (
                f"More than one account here has the e-mail address {email}, so your council account cannot "
                "tell which is yours: ask your service's administrator."
            )
        elif not users[0].is_active:
            refusal = f"Your account here ({email}) is switched off: ask your service's administrator."
        else:
            return users
        messages.error(self.request, refusal)
        return []
