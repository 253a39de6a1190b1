"""Helpers tests share: waiting on work done elsewhere (a worker thread or process), posting
a form back as a browser would, and counting the queries a page makes."""

import time

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
