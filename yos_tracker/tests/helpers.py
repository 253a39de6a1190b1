"""Helpers tests share: waiting on work done elsewhere (a worker thread or process), posting
a form back as a browser would, and counting the queries a page makes."""

import time
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext


def wait_for(condition, timeout: float = 15.0, interval: float = 0.05):
    """Poll until condition() is truthy (work done by a worker thread); fail after timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Condition not met within {timeout} s")


def form_data(response) -> dict:
    """What the browser would post back: the form's current values, hidden version included."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [v.pk if hasattr(v, "pk") else v for v in value] if isinstance(value, list | tuple) else value
    return data


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") not in ("checkbox", "radio", "submit", "file"):
            self.values[attrs["name"]] = attrs.get("value") or ""


def rendered_inputs(html: str) -> dict:
    """What a browser posts of a page's text, number and hidden inputs: each as the page renders
    it, and only those the page shows (a form's field the page leaves out is not posted)."""
    parser = _Inputs()
    parser.feed(html)
    return parser.values


def queries_to_open(client, url: str) -> int:
    """The queries opening url makes, counted on a second visit: the first fills the process's
    caches (content types, the organisation's scales), which a growing list must not be blamed for."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def queries_with_two_rows_and_ten(client, url: str, add_row) -> tuple[int, int]:
    """The queries opening url makes with two rows, and again with ten; add_row(n) adds row n."""
    for n in range(2):
        add_row(n)
    few = queries_to_open(client, url)
    for n in range(2, 10):
        add_row(n)
    return few, queries_to_open(client, url)
