"""Hostile input, generated: wrong types, empty and huge cells, unicode, formulas, files that are
not what they say. Importers answer with row errors or a clear refusal, never a crash, and write
nothing unless every row is good."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from improvement import spreadsheet as plan_spreadsheet
from improvement.models import Action
from improvement.services import rag_scale_install
from improvement.tests.factories import PlanFactory
from performance.models.audits import validate_case_reference
from yos_tracker.spreadsheets import _clean, escape_cell, parse_date

CELLS = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.text(alphabet="=+-@\t\r'\"<>&;,", max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.just('=HYPERLINK("http://evil.example","click")'),
    st.just("x" * 32_000),
)
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@QUICK
@given(st.one_of(st.text(max_size=50), st.integers(), st.floats(allow_nan=True), st.none(), st.dates()))
def test_dates_parse_or_explain(value):
    try:
        result = parse_date(value)
    except ValueError as error:
        assert str(error)
    else:
        assert result is None or isinstance(result, datetime.date)


@QUICK
@given(st.text(min_size=1, max_size=200))
def test_exported_cells_never_start_a_formula_and_read_back_unchanged(text):
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert _clean(escaped) == _clean(text)


@QUICK
@given(st.text(alphabet=st.characters(whitelist_categories=["Lu", "Ll", "Zs"]), min_size=1, max_size=40))
def test_a_name_is_never_accepted_as_a_case_reference(name):
    with pytest.raises(ValidationError):
        validate_case_reference(name)


def _workbook(rows) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(plan_spreadsheet.HEADERS)
    for row in rows:
        sheet.append([v.replace("\x00", "") if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue())


@pytest.mark.django_db
@QUICK
@given(st.lists(st.lists(CELLS, min_size=10, max_size=10), min_size=1, max_size=6))
def test_the_plan_import_reports_or_accepts_but_never_crashes_or_half_writes(organisation, manager, rows):
    rag_scale_install(organisation=organisation)
    plan = PlanFactory(organisation=organisation)
    try:
        upload = _workbook(rows)
    except (ValueError, TypeError, IllegalCharacterError):  # Excel itself cannot hold such a file
        return
    before = Action.objects.count()
    result = plan_spreadsheet.plan_import_apply(plan, upload, author=manager)
    if result.errors:
        assert Action.objects.count() == before
        assert all(e.row >= 2 and e.column in plan_spreadsheet.HEADERS and e.message for e in result.errors)
    else:
        assert Action.objects.count() == before + sum(1 for r in result.rows if r.kind == "create")


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_refused_clearly(organisation):
    plan = PlanFactory(organisation=organisation)
    for name, content in [("plan.xlsx", b"%PDF-1.7 a pdf"), ("plan.xlsx", b""), ("plan.csv", b"\x00\x01\x02binary")]:
        with pytest.raises(ValidationError) as refused:
            plan_spreadsheet.plan_import_preview(plan, SimpleUploadedFile(name, content))
        assert refused.value.messages[0]


@pytest.mark.django_db
def test_a_zip_bomb_is_refused(organisation):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))  # 60 MB of zeros, tiny on disk
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(ValidationError, match="unpacks to far more"):
        plan_spreadsheet.plan_import_preview(
            PlanFactory(organisation=organisation), SimpleUploadedFile("plan.xlsx", buffer.getvalue())
        )


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused(organisation, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match=r"the limit is 1\.0"):
        plan_spreadsheet.plan_import_preview(
            PlanFactory(organisation=organisation), SimpleUploadedFile("plan.csv", b"a" * 4096)
        )


@pytest.mark.django_db
def test_control_characters_in_a_narrative_do_not_break_the_export(organisation, manager):
    from improvement.tests.factories import ActionFactory, RecommendationFactory, UpdateFactory

    rag_scale_install(organisation=organisation)
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), description="Pasted\x1ffrom\x0bWord")
    UpdateFactory(action=action)
    exported = plan_spreadsheet.plan_export(plan, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert sheet.cell(row=2, column=3).value == "PastedfromWord"
