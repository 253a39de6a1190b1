"""Every API operation, generated from the OpenAPI schema so that a new endpoint is covered:
a member reads it (200), another organisation's token gets 404 and no token 401, and a board
member (who may only read) is refused any write with 403, before anything is written."""

import re

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from tests import api_world

SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
OPERATIONS = [(path, method.upper()) for path, item in SCHEMA["paths"].items() for method in item]


@pytest.fixture
def world(db):
    return api_world.build()


def _url(path: str, world) -> str:
    def value(match):
        name = match.group(1)
        if name != "id":
            return str(world.ids[name])
        resource = path[: match.start()].rstrip("/").rsplit("/", 1)[1]
        return str(world.ids["id"][resource])

    return re.sub(r"\{(\w+)\}", value, path)


def _call(method: str, url: str, **headers):
    return Client().generic(method, url, data="{}", content_type="application/json", **headers)


def test_the_schema_lists_an_operation_of_each_app():
    assert {"/api/v1/{org}/plans/", "/api/v1/{org}/measurements/bulk/", "/api/v1/{org}/risks/"} <= set(SCHEMA["paths"])
    assert {method for _, method in OPERATIONS} >= {"GET", "POST", "PATCH"}


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_every_operation_answers_each_person_as_the_policy_says(world, path, method):
    # One world per operation, every person checked against it: building it is most of the cost.
    url = _url(path, world)
    if method == "GET":
        member = _call(method, url, **world.auth("manager"))
        assert member.status_code == 200, member.content[:300]
    else:
        board = _call(method, url, **world.auth("board"))
        assert board.status_code == 403
        assert "board member" in board.json()["detail"]
    assert _call(method, url, **world.auth("outsider")).status_code == 404
    anonymous = _call(method, url)
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"].startswith("Token")


def test_a_record_named_by_anything_but_its_number_is_not_found(world):
    response = _call("GET", "/api/v1/lewisham/plans/first/", **world.auth("manager"))
    assert response.status_code == 404
