"""An OpenID Connect provider for the council sign-in tests, run as its own process on loopback.

It stands in for a council's Microsoft Entra ID: the app finds it through its discovery document,
sends the browser to its sign-in form, exchanges the code for tokens (PKCE, client secret), checks
the RS256-signed id_token against its keys and reads the person's claims from its userinfo
endpoint. The protocol itself is authlib's (the authorization code grant, PKCE and OpenID Connect's
id_token), so the app is tested against a provider that refuses what a real one refuses: an
unregistered redirect address, a wrong secret, a reused code, a wrong code verifier.

    python tests/oidc_provider.py ACCOUNTS.json

ACCOUNTS.json maps each sign-in e-mail address to the claims the provider asserts for it (besides
`sub`); every account's password is "password". Clients register themselves as in OpenID Connect
Dynamic Client Registration: POST /register {"redirect_uris": [...]} answers with a client id and
secret. The issuer is http://127.0.0.1:PORT/tenant/v2.0, shaped like Entra's; the process prints
"listening on <issuer>" once it answers.

A client may be registered to be answered wrongly, as a test needs: {"misbehave": {"id_token":
{claim: value, ...}, "userinfo_sub": "..."}} puts those claims in its ID tokens (an "expires_in"
of seconds, negative for a token already expired, sets iat and exp; "CLIENT" stands for the
client's own id, which registering gives) and that `sub` in its userinfo answers.
"""

import html
import json
import os
import secrets
import sys
import time
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from authlib.oauth2 import AuthorizationServer, OAuth2Error, OAuth2Request, ResourceProtector
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenGenerator, BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import grants as oidc_grants
from joserfc.jwk import KeySet, RSAKey

PASSWORD = "password"
TENANT_PATH = "/tenant/v2.0"


@dataclass
class Client:
    client_id: str
    client_secret: str
    redirect_uris: list[str]
    client_metadata: dict = field(default_factory=dict)
    misbehave: dict = field(default_factory=dict)  # see the module's docstring

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope):
        return " ".join(s for s in scope.split() if s in {"openid", "email", "profile"})

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in {"client_secret_post", "client_secret_basic"}

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


@dataclass
class AuthorizationCode:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    email: str
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return None


@dataclass
class Token:
    access_token: str
    client: Client
    email: str
    scope: str
    issued_at: int
    expires_in: int

    def check_client(self, client):
        return client.client_id == self.client.client_id

    def get_scope(self):
        return self.scope

    def get_expires_in(self):
        return self.expires_in

    def is_expired(self):
        return time.time() > self.issued_at + self.expires_in

    def is_revoked(self):
        return False

    def get_user(self):
        return self.email

    def get_client(self):
        return self.client


class Request(OAuth2Request):
    """A WSGI request as authlib reads it: query and form together, headers by their HTTP names."""

    def __init__(self, environ):
        query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = dict(parse_qsl(environ["wsgi.input"].read(length).decode())) if length else {}
        headers = {
            key[5:].replace("_", "-").title(): value for key, value in environ.items() if key.startswith("HTTP_")
        }
        uri = f"http://{environ['HTTP_HOST']}{environ['PATH_INFO']}?{environ.get('QUERY_STRING', '')}"
        super().__init__(environ["REQUEST_METHOD"], uri, headers=headers)
        self.payload = BasicOAuth2Payload({**query, **form})
        self._query, self._form = query, form

    @property
    def args(self):
        return self._query

    @property
    def form(self):
        return self._form


class Provider(AuthorizationServer):
    def __init__(self, accounts: dict[str, dict]):
        super().__init__(scopes_supported=["openid", "email", "profile"])
        self.issuer = ""  # known once the port is
        self.accounts = accounts
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})
        self.clients: dict[str, Client] = {}
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: dict[str, Token] = {}
        self.register_token_generator(
            "default", BearerTokenGenerator(access_token_generator=lambda **_: secrets.token_urlsafe(32))
        )
        self.register_grant(CodeGrant, [CodeChallenge(required=True), OpenIDCode(self)])
        self.userinfo_guard = ResourceProtector()
        self.userinfo_guard.register_token_validator(AccessTokenValidator(self))

    def claims(self, email: str) -> dict:
        return {"sub": f"sub-{email}", **self.accounts[email]}

    def query_client(self, client_id):
        return self.clients.get(client_id)

    def save_token(self, token, request):
        self.tokens[token["access_token"]] = Token(
            access_token=token["access_token"],
            client=request.client,
            email=request.user,
            scope=token["scope"],
            issued_at=int(time.time()),
            expires_in=token["expires_in"],
        )

    def create_oauth2_request(self, request):
        return request if isinstance(request, OAuth2Request) else Request(request)

    def handle_response(self, status, body, headers):
        return status, body, headers

    def send_signal(self, name, *args, **kwargs):
        pass


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_post", "client_secret_basic"]

    def save_authorization_code(self, code, request):
        self.server.codes[code] = AuthorizationCode(
            code=code,
            client_id=request.client.client_id,
            redirect_uri=request.payload.redirect_uri,
            scope=request.scope,
            nonce=request.payload.data.get("nonce"),
            code_challenge=request.payload.data.get("code_challenge"),
            code_challenge_method=request.payload.data.get("code_challenge_method"),
            email=request.user,
        )

    def query_authorization_code(self, code, client):
        found = self.server.codes.get(code)
        return found if found and found.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code):
        self.server.codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.email


class OpenIDCode(oidc_grants.OpenIDCode):
    def __init__(self, provider: Provider):
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce, request):
        return any(code.nonce == nonce for code in self.provider.codes.values())

    def resolve_client_private_key(self, client):
        return KeySet([self.provider.key])

    def get_client_claims(self, client):
        claims = {"iss": self.provider.issuer, "aud": [client.client_id]}
        asked = json.dumps(client.misbehave.get("id_token", {}))
        wrong = json.loads(asked.replace('"CLIENT"', json.dumps(client.client_id)))
        if "expires_in" in wrong:
            now = int(time.time())
            claims["exp"] = now + wrong.pop("expires_in")
            claims["iat"] = claims["exp"] - 3600
        return {**claims, **wrong}

    def get_encode_header(self, client):
        return {"alg": "RS256", "kid": self.provider.key.kid}

    def generate_user_info(self, user, scope):
        return self.provider.claims(user)


class AccessTokenValidator(BearerTokenValidator):
    def __init__(self, provider: Provider):
        super().__init__()
        self.provider = provider

    def authenticate_token(self, token_string):
        return self.provider.tokens.get(token_string)


SIGN_IN_FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to your council</title></head>
<body><h1>Sign in to your council</h1>{error}
<form method="post" action="{action}">
<label for="email">E-mail address</label> <input id="email" name="email" type="email">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit" name="decision" value="allow">Sign in</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form></body></html>"""


def _sign_in_page(query: str, error: str = "") -> tuple[int, str, list]:
    action = html.escape(f"{TENANT_PATH}/authorize?{query}")
    page = SIGN_IN_FORM.format(action=action, error=f"<p role='alert'>{html.escape(error)}</p>" if error else "")
    return 200, page, [("Content-Type", "text/html; charset=utf-8")]


def authorize(provider: Provider, environ) -> tuple[int, object, list]:
    request = Request(environ)
    try:
        grant = provider.get_consent_grant(request)
    except OAuth2Error as error:
        return provider.handle_error_response(request, error)
    if request.method == "GET":
        return _sign_in_page(environ["QUERY_STRING"])
    if request.form.get("decision") == "deny":
        return provider.create_authorization_response(request, grant_user=None, grant=grant)
    email = request.form.get("email", "")
    if email not in provider.accounts or request.form.get("password") != PASSWORD:
        return _sign_in_page(environ["QUERY_STRING"], "That e-mail address and password do not match.")
    return provider.create_authorization_response(request, grant_user=email, grant=grant)


def userinfo(provider: Provider, environ) -> tuple[int, object, list]:
    request = Request(environ)
    try:
        token = provider.userinfo_guard.validate_request(["openid"], request)
    except OAuth2Error as error:
        return provider.handle_error_response(request, error)
    claims = provider.claims(token.get_user())
    if "userinfo_sub" in token.client.misbehave:
        claims["sub"] = token.client.misbehave["userinfo_sub"]
    return 200, claims, [("Content-Type", "application/json")]


def register(provider: Provider, environ) -> tuple[int, object, list]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    asked = json.loads(environ["wsgi.input"].read(length))
    redirect_uris = asked["redirect_uris"]
    client = Client(
        secrets.token_urlsafe(12), secrets.token_urlsafe(32), redirect_uris, misbehave=asked.get("misbehave", {})
    )
    provider.clients[client.client_id] = client
    body = {"client_id": client.client_id, "client_secret": client.client_secret, "redirect_uris": redirect_uris}
    return 201, body, [("Content-Type", "application/json")]


def discovery(provider: Provider) -> dict:
    return {
        "issuer": provider.issuer,
        "authorization_endpoint": f"{provider.issuer}/authorize",
        "token_endpoint": f"{provider.issuer}/token",
        "userinfo_endpoint": f"{provider.issuer}/userinfo",
        "jwks_uri": f"{provider.issuer}/keys",
        "registration_endpoint": f"{provider.issuer}/register",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "code_challenge_methods_supported": ["S256"],
    }


def application(provider: Provider):
    routes = {
        ("GET", "/.well-known/openid-configuration"): lambda environ: (200, discovery(provider), []),
        ("GET", "/keys"): lambda environ: (200, KeySet([provider.key]).as_dict(private=False), []),
        ("GET", "/authorize"): lambda environ: authorize(provider, environ),
        ("POST", "/authorize"): lambda environ: authorize(provider, environ),
        ("POST", "/token"): lambda environ: provider.create_token_response(Request(environ)),
        ("GET", "/userinfo"): lambda environ: userinfo(provider, environ),
        ("POST", "/register"): lambda environ: register(provider, environ),
    }

    def app(environ, start_response):
        path = environ["PATH_INFO"].removeprefix(TENANT_PATH)
        route = routes.get((environ["REQUEST_METHOD"], path))
        status, body, headers = route(environ) if route else (404, {"error": "not_found"}, [])
        if isinstance(body, dict):
            body = json.dumps(body)
            headers = [*headers, ("Content-Type", "application/json")]
        start_response(f"{status} {'OK' if status < 400 else 'Error'}", list(headers))
        return [body.encode()]

    return app


class ThreadingServer(ThreadingMixIn, WSGIServer):
    # Chromium opens spare connections it may never use; one thread each keeps them from
    # blocking the next request.
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main() -> None:
    # Loopback only, and authlib refuses plain HTTP unless told this is not production.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    with open(sys.argv[1]) as file:
        provider = Provider(json.load(file))
    server = make_server(
        "127.0.0.1", 0, application(provider), server_class=ThreadingServer, handler_class=QuietHandler
    )
    provider.issuer = f"http://127.0.0.1:{server.server_port}{TENANT_PATH}"
    print(f"listening on {provider.issuer}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
