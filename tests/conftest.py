"""The OpenID Connect provider that council sign-in is tested against (tests/oidc_provider.py): one
process for the whole session, and the settings that point the app at it for one test."""

import json
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from yos_tracker.sso import CouncilAccountBackend

PROVIDER = Path(__file__).resolve().parent / "oidc_provider.py"
BACKEND = f"{CouncilAccountBackend.__module__}.{CouncilAccountBackend.__qualname__}"

# The people the provider knows, by the address they sign in with there, and what it says of each.
ACCOUNTS = {
    # A member of Lewisham; the provider writes her address in its own letter case.
    "pat.jones@lewisham.gov.uk": {"email": "Pat.Jones@Lewisham.gov.uk", "email_verified": True, "name": "Pat Jones"},
    "sam.lee@lewisham.gov.uk": {"email": "sam.lee@lewisham.gov.uk", "email_verified": False, "name": "Sam Lee"},
    # As Entra ID answers: an address, and nothing said of its verification.
    "alex.khan@lewisham.gov.uk": {"email": "alex.khan@lewisham.gov.uk", "name": "Alex Khan"},
    "chris.doe@lewisham.gov.uk": {"email": "chris.doe@lewisham.gov.uk", "email_verified": True, "name": "Chris Doe"},
    # A provider that claims to hand out the app's roles.
    "jo.bloggs@lewisham.gov.uk": {
        "email": "jo.bloggs@lewisham.gov.uk",
        "email_verified": True,
        "name": "Jo Bloggs",
        "roles": ["admin", "administrator"],
        "groups": ["yos-administrators"],
    },
}


@dataclass(frozen=True)
class CouncilProvider:
    issuer: str

    def register(self, site: str, misbehave: dict | None = None) -> dict:
        """A client whose only redirect address is `site`'s callback, as an Entra admin registers the
        app; `misbehave` says what the provider is to answer it wrongly (tests/oidc_provider.py)."""
        asked = {"redirect_uris": [f"{site}/oidc/callback/"], "misbehave": misbehave or {}}
        answer = requests.post(f"{self.issuer}/register", json=asked, timeout=5)
        answer.raise_for_status()
        return answer.json()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    accounts = tmp_path_factory.mktemp("oidc") / "accounts.json"
    accounts.write_text(json.dumps(ACCOUNTS))
    process = subprocess.Popen([sys.executable, str(PROVIDER), str(accounts)], stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline() if ready else ""
        assert line.startswith("listening on "), f"the test provider did not start: {line!r}"
        yield CouncilProvider(issuer=line.removeprefix("listening on ").strip())
    finally:
        process.terminate()
        process.wait(timeout=10)


def turn_on_council_sign_in(settings, provider: CouncilProvider, site: str, misbehave: dict | None = None) -> dict:
    """What the three environment variables do in production, for this test only; the client."""
    client = provider.register(site, misbehave)
    settings.OIDC_OP_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = client["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = client["client_secret"]
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    return client


@pytest.fixture
def council_sign_in(settings, oidc_provider):
    """Council sign-in on, for the Django test client (whose site is http://testserver)."""
    turn_on_council_sign_in(settings, oidc_provider, "http://testserver")
    return oidc_provider


@pytest.fixture
def council_sign_in_live_server(settings, oidc_provider, live_server):
    """Council sign-in on, for a browser on the live server."""
    turn_on_council_sign_in(settings, oidc_provider, live_server.url)
    return oidc_provider
