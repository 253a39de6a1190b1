"""Strict parsing of environment variables for settings.

A value that cannot be understood is an error at start-up, never a silent default:
`DEBUG=ture` must not quietly mean False on a production box.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = env_str(name).lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {os.environ[name]!r}")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def require_together(*names: str) -> None:
    """Variables that mean something only together: all set, or none."""
    missing = [name for name in names if not env_str(name)]
    if missing and len(missing) < len(names):
        raise ImproperlyConfigured(f"{', '.join(names)} go together: set {', '.join(missing)} too, or none of them")


# Entra ID's issuers shared by every tenant: accounts of any organisation pass them, and each
# organisation's administrators may give an account whatever e-mail address they like.
SHARED_ENTRA_TENANTS = {"common", "organizations", "consumers"}


def oidc_issuer(name: str) -> str:
    """An OpenID Connect issuer address, without a trailing slash ("" when unset). It must use
    https://, except on this machine itself (a provider run for development), and be one
    organisation's own issuer."""
    value = env_str(name).rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if not parts.hostname or parts.scheme not in {"https", "http"}:
        raise ImproperlyConfigured(f"{name} must be a web address such as https://example.org/, not {value!r}")
    if parts.scheme == "http" and parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise ImproperlyConfigured(f"{name} must use https:// (plain http only on this machine), not {value!r}")
    tenant = parts.path.strip("/").split("/")[0]
    if parts.hostname == "login.microsoftonline.com" and tenant in SHARED_ENTRA_TENANTS:
        raise ImproperlyConfigured(
            f"{name} must be your own tenant's issuer, https://login.microsoftonline.com/<tenant id>/v2.0: "
            f"“{tenant}” accepts the accounts of every Microsoft tenant"
        )
    return value


# What settings fall back to while DEBUG is on; never accepted with DEBUG off.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY_MIN_LENGTH = 50  # Django's own deploy check asks for at least 50 characters


def secret_key(*, debug: bool) -> str:
    """SECRET_KEY from the environment. With DEBUG off it must be set, at least 50 characters and
    not the development key: a short or known key lets anyone forge sessions and reset links."""
    key = env_str("SECRET_KEY")
    if debug:
        return key or DEVELOPMENT_SECRET_KEY
    advice = "make one with: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    if not key:
        raise ImproperlyConfigured(f"SECRET_KEY must be set when DEBUG is off; {advice}")
    if key == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(f"SECRET_KEY is the development key, which is public; {advice}")
    if len(key) < SECRET_KEY_MIN_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} characters when DEBUG is off "
            f"(it has {len(key)}); {advice}"
        )
    return key
