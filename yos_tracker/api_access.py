"""Who sends an API request and what they may do, and what it may send: the classes REST
framework's settings name (kept apart from yos_tracker.api, whose imports of REST framework's
views would read these settings while this module is still loading)."""

from django.conf import settings
from rest_framework import authentication, exceptions, pagination, parsers, permissions, throttling

from yos_tracker import limits, page_cache, services
from yos_tracker.scoping import resolve_access


class TokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>` or `Authorization: Bearer <key>`, a key from the person's
    API tokens page or `manage.py api_token`. The request then acts as that person."""

    keywords = (b"token", b"bearer")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in self.keywords:
            return None
        if len(parts) != 2:
            refuse_key(request, "Send the key as “Authorization: Token <key>”, with no spaces in it.")
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            refuse_key(request, "This is not a key this service issued.")
        token = services.api_token_authenticate(key)
        if token is None:
            refuse_key(request, "This key is not known here, or it has been revoked.")
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes a request without a key a 401 (with this challenge) rather than a 403.
        return 'Token realm="api"'


def refuse_key(request, why: str):
    """Refuse a key (401), or, once an address has sent API_BAD_KEY_LIMIT bad keys within a minute,
    every further bad key from it (429), so keys cannot be guessed at the rate limit's pace. A
    good key from the same address is not held back. The address is REST framework's, which
    honours NUM_PROXIES behind a proxy."""
    address = throttling.BaseThrottle().get_ident(request)
    if limits.count(f"api-bad-keys:{address}", 60) > settings.API_BAD_KEY_LIMIT:
        raise exceptions.Throttled(wait=60, detail="Too many keys this service does not know came from your address.")
    raise exceptions.AuthenticationFailed(why)


class OrganisationPermission(permissions.BasePermission):
    """The pages' policy (yos_tracker.scoping): another organisation's path is a 404, a role
    without the capability a 403. A view names what it needs as `capabilities = (read, write)`."""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        access = resolve_access(request.user, view.kwargs["org"])
        view.organisation, view.access = access.organisation, access
        page_cache.writes_belong_to(access.organisation.pk)
        read, write = view.capabilities
        access.require(request.method, read=read, write=write)
        return True


class TokenRateThrottle(throttling.SimpleRateThrottle):
    """Requests per token (API_RATE_LIMIT, e.g. "600/min"), counted in a window from the token's
    first request (yos_tracker.limits), so that every web worker and server counts together."""

    scope = "token"

    def allow_request(self, request, view) -> bool:
        key = self.get_cache_key(request, view)
        return key is None or limits.count(key, self.duration) <= self.num_requests

    def wait(self) -> float:
        return self.duration  # at most: the window started at the token's first request

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view) -> str | None:
        if request.auth is None:
            return None
        # The digest, not the row's id: ids are reused when a database is restored or rolled back.
        return self.cache_format % {"scope": self.scope, "ident": request.auth.digest[:24]}


class Pagination(pagination.PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


# No write the API takes nests deeper than a bulk list of items with an object or two inside.
MAX_JSON_DEPTH = 16


def _depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in children)
    return deepest


class BoundedJSONParser(parsers.JSONParser):
    """JSON, refused (400) when it nests deeper than MAX_JSON_DEPTH: past Python's recursion limit,
    parsing it would otherwise fail as a server error."""

    def parse(self, stream, media_type=None, parser_context=None):
        too_deep = exceptions.ParseError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep is not accepted.")
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise too_deep
        return data
