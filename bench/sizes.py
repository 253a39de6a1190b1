"""Bytes of HTML as the application sends them: asked for plainly, and by a browser that accepts
gzip (GZipMiddleware then compresses, padding each response against BREACH)."""

from django.test import Client


def page_bytes(client: Client, url: str) -> tuple[int, int]:
    """(bytes uncompressed, bytes gzip-compressed) of the page."""
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert plain.status_code == packed.status_code == 200, (url, plain.status_code, packed.status_code)
    assert packed.get("Content-Encoding") == "gzip", (url, "not compressed")
    return len(plain.content), len(packed.content)
