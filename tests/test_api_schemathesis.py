"""The API against its own OpenAPI schema, with schemathesis: requests generated from the schema
(query strings, bodies, headers), sent with a manager's token to the organisation's real records.
No answer is a server error, and every answer matches what the schema says of it."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import api_world

APP = get_wsgi_application()
# The schema as the app serves it to clients: what they generate code from is what is tested.
schema = schemathesis.openapi.from_wsgi("/api/schema/", APP)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# One test per operation, each with a node id of its own ("GET /api/v1/{org}/cases/"): schemathesis's
# own parametrize gives them all one id, and pytest-xdist, which schedules by id, then runs one.
OPERATIONS = {operation.label: operation for operation in (found.ok() for found in schema.get_all_operations())}


@pytest.fixture
def connection_kept():
    """As Django's own test client does: the end of a request sent straight to the WSGI app must
    not close the test's connection, whose transaction holds the test's records (PostgreSQL
    closes it; SQLite's in-memory database never does)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def world(db, settings, connection_kept):
    settings.API_RATE_LIMIT = "100000/min"  # hundreds of requests in a few seconds, on one key
    return api_world.build()


@pytest.mark.parametrize("label", OPERATIONS)
def test_every_operation_answers_as_its_schema_says(label, world):
    @given(case=OPERATIONS[label].as_strategy())
    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def answers_as_its_schema_says(case):
        # The organisation's real records, so that requests reach the handlers rather than a 404.
        for name in case.path_parameters or {}:
            value = world.ids[name]
            if isinstance(value, dict):
                resource = case.path.split("{id}")[0].rstrip("/").rsplit("/", 1)[1]
                value = value[resource]
            case.path_parameters[name] = value
        # Uncompressed: the WSGI client does not unpack gzip (tests/test_compression.py covers it).
        headers = {**world.auth_header("manager"), "Accept-Encoding": "identity"}
        case.call_and_validate(app=APP, headers=headers, checks=CHECKS)

    answers_as_its_schema_says()
