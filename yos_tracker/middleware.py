"""Response headers Django does not set itself, and requests refused before any view sees them."""

from django.core.exceptions import SuspiciousOperation

# No inline or remote script: every script is a file under /static/. Styles allow inline
# attributes because RAG colours are data (style="--rag-colour: …"), and htmx adds its own
# small stylesheet. Charts are inline SVG, so nothing else is needed.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

    return middleware


def refuse_nul_characters(get_response):
    """A NUL character in the path or the query is refused as a bad request (400): PostgreSQL cannot
    hold one in a string, so any lookup with it would otherwise fail as a server error."""

    def middleware(request):
        query = (text for name, values in request.GET.lists() for text in (name, *values))
        if "\x00" in request.path or any("\x00" in text for text in query):
            raise SuspiciousOperation("A NUL character in the request's address")
        return get_response(request)

    return middleware
