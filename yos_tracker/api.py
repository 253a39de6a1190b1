"""The REST API's shared parts: how a request proves who sends it (a person's token), the one
access policy of the pages applied to /api/v1/<org>/… paths, the rate limit per token, pages of
results, and optimistic locking with ETag / If-Match. Each app's api.py builds on these."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import exceptions, serializers, views, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from yos_tracker.api_access import OrganisationPermission, TokenAuthentication
from yos_tracker.choices import Capability
from yos_tracker.dates import EARLIEST, LATEST, in_reach, recorded_moment

logger = logging.getLogger(__name__)


class OrganisationView(views.APIView):
    """One figure set of an organisation (a dashboard, a register), not a list of records."""

    permission_classes = [OrganisationPermission]
    capabilities = (Capability.VIEW, Capability.EDIT)


class OrganisationViewSet(viewsets.GenericViewSet):
    """A viewset of one organisation's records. `self.organisation` is set by the permission
    before any handler runs; querysets start from `for_org(self.organisation)`."""

    permission_classes = [OrganisationPermission]
    capabilities = (Capability.VIEW, Capability.EDIT)
    # Records are named by number: anything else is not a path here (a 404), never a query.
    lookup_value_regex = "[0-9]+"

    def schema_only(self) -> bool:
        """drf-spectacular builds the schema without a request for an organisation."""
        return getattr(self, "swagger_fake_view", False)


class CodeRelatedField(serializers.SlugRelatedField):
    """A record named by its code. A code holding a NUL character is no record's, and is refused
    before it is looked up: PostgreSQL cannot compare text holding one."""

    def to_internal_value(self, data):
        if "\x00" in str(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value="(a code with a NUL character)")
        return super().to_internal_value(data)


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "Someone else changed this record after you read it; nothing was saved."
    default_code = "conflict"


class PreconditionFailed(exceptions.APIException):
    status_code = 412
    default_detail = "The record has changed since the version in If-Match; nothing was saved."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send If-Match with the record's ETag, so that a newer change is never overwritten."
    default_code = "precondition_required"


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_version(request) -> int:
    """The version the client last read, from If-Match (as the ETag it was given). Required:
    an edit that names no version could overwrite a change it never saw."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    tag = header.split(",")[0].strip().removeprefix("W/").strip('"')
    try:
        return int(tag)
    except ValueError:
        raise PreconditionFailed("If-Match does not name a version of this record.") from None


def query_date(request, name: str) -> datetime.date | None:
    """An optional ISO date from the query string; a bad one is a 400 naming the parameter."""
    text = request.query_params.get(name)
    if not text:
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise exceptions.ValidationError({name: [f"“{text}” is not a date; use YYYY-MM-DD."]}) from None
    if not in_reach(day):
        raise exceptions.ValidationError(
            {name: [f"“{text}” is out of range: use a date from {EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d}."]}
        )
    return day


def query_recorded(request) -> datetime.datetime | None:
    """The optional `recorded` moment: read the records as they had been recorded then (a date
    and time, or a day for its end); a bad one is a 400 naming the parameter."""
    try:
        return recorded_moment(request.query_params.get("recorded"))
    except ValueError as problem:
        raise exceptions.ValidationError({"recorded": [str(problem)]}) from None


RECORDED = OpenApiParameter(
    "recorded",
    OpenApiTypes.DATETIME,
    description="Read the records as they had been recorded at this moment (a date and time, or a day for its "
    "end): values corrected, updates typed or reviews added later are left out. Now by default.",
)


RESULT_COUNTS = inline_serializer(
    "RowsApplied",
    {
        **{name: serializers.IntegerField() for name in ("create", "change", "unchanged")},
        "changes": inline_serializer(
            "RowChanged",
            {
                "item": serializers.IntegerField(help_text="The item's place in the list, from 1."),
                "reference": serializers.CharField(help_text="The record's own reference, e.g. an indicator code."),
                "fields": inline_serializer(
                    "FieldChanged",
                    {
                        "field": serializers.CharField(),
                        "before": serializers.CharField(),
                        "after": serializers.CharField(help_text="“cleared” where the item sent an empty value."),
                    },
                    many=True,
                ),
            },
            many=True,
            help_text="Each stored record the request changed, field by field as before → after. A field an item "
            'leaves out keeps its stored value; only an empty value (null or "") clears it.',
        ),
    },
)
ROW_ERRORS = inline_serializer(
    "RowErrors",
    {
        "errors": inline_serializer(
            "RowError",
            {
                "item": serializers.IntegerField(
                    help_text="The item's place in the list, from 1; 0 for the whole request."
                ),
                "reference": serializers.CharField(help_text="The record's own reference, e.g. an indicator code."),
                "field": serializers.CharField(),
                "message": serializers.CharField(),
            },
            many=True,
        )
    },
)


def rows_applied(importer, request, organisation, *, key: str) -> Response:
    """A bulk write: the list under `key` goes through the importer's plan and checks, the ones
    a spreadsheet of the same records gets, and is written all or nothing."""
    try:
        data = request.data
    except exceptions.ParseError as error:
        return _refused(key, str(error.detail))
    rows = data.get(key) if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        return _refused(key, f"Send the {importer.noun} as a list of objects under “{key}”.")
    if len(rows) > settings.API_BULK_MAX_ROWS:
        return _refused(key, f"Send at most {settings.API_BULK_MAX_ROWS:,} {importer.noun} at once.")
    try:
        choices = importer.feed_choices(data)
    except ValueError as error:
        return _refused(key, str(error))
    # A nested value is not a cell: left out, so its column reads as missing and is reported so.
    rows = [{name: value for name, value in row.items() if not isinstance(value, dict | list)} for row in rows]
    result = importer.apply_rows(organisation=organisation, rows=rows, user=request.user, choices=choices)
    if result.errors:
        errors = [
            {"item": e.row, "reference": e.reference, "field": e.column, "message": e.message} for e in result.errors
        ]
        return Response({"errors": errors}, status=400)
    changed = [
        {
            "item": row.row,
            "reference": row.reference or row.label,
            "fields": [{"field": what, "before": before, "after": after} for what, before, after in row.changes],
        }
        for row in result.rows
        if row.kind == "change"
    ]
    return Response({**result.counts, "changes": changed})


def _refused(key: str, message: str) -> Response:
    """The request as a whole refused, in the shape of row errors (item 0: no one item)."""
    return Response({"errors": [{"item": 0, "reference": "", "field": key, "message": message}]}, status=400)


def validation_detail(error: ValidationError):
    """A service's ValidationError as DRF reports errors: by field where it names them."""
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
    return {"non_field_errors": error.messages}


DATABASE_DOWN = {"detail": "The database could not be reached, so nothing was read or written: try again shortly."}


def exception_handler(exc, context):
    """DRF's, plus the services' own ValidationError as a 400 with its messages, not a 500, as is a
    number too large to look up; and a database that cannot be reached as a 503 in JSON."""
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(validation_detail(exc))
    if isinstance(exc, OverflowError):  # a number past what the database stores (SQLite's 64 bits)
        exc = exceptions.ValidationError({"detail": "A number in the request is out of range."})
    if isinstance(exc, OperationalError | InterfaceError):
        logger.exception("API request to %s: the database could not be reached", context["request"].path)
        return Response(DATABASE_DOWN, status=503)
    return drf_exception_handler(exc, context)


class TokenScheme(OpenApiAuthenticationExtension):
    """Describes the key in the schema, so the documentation page and generated clients send it."""

    target_class = TokenAuthentication
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A key from your API tokens page; `Token <key>` is accepted too.",
        }


PROBLEM = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
FIELD_ERRORS = {
    "type": "object",
    "description": "Each field (or non_field_errors) with its messages.",
    "additionalProperties": True,
}
ANSWERS = {
    "401": "No key, or one not known here or revoked.",
    "403": "Your role in this organisation cannot do this.",
    "404": "No such organisation or record for this key: another organisation's is not found either.",
    "429": "Too many requests with this key; wait as Retry-After says.",
}


def error_responses(result, generator, request, public):
    """A drf-spectacular postprocessing hook: the refusals every operation may answer with, in
    the schema, so that clients (and the schema tests) know them."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"], schemas["FieldErrors"] = PROBLEM, FIELD_ERRORS

    def body(name: str) -> dict:
        return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}

    for item in result["paths"].values():
        for operation in item.values():
            responses = operation["responses"]
            responses.setdefault("400", {"description": "The request is not valid.", "content": body("FieldErrors")})
            for code, description in ANSWERS.items():
                responses.setdefault(code, {"description": description, "content": body("Problem")})
    return result
