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
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from governance.models import CommitteeReport
from governance.reporting import render_pdf
from improvement import spreadsheet as plan_spreadsheet
from improvement.models import Action, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from performance import spreadsheet as audit_spreadsheet
from performance import spreadsheet as values_spreadsheet
from performance.models import AuditGrade, CaseAudit, Indicator, Measurement, TrackedIndicator
from performance.models.references import validate_case_reference
from yos_tracker.spreadsheets import _clean, escape_cell, parse_date
from yos_tracker.tests.hostile import CELLS

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
@example("'=1+2")  # text that starts with the export's own quote keeps it
@example("''")
@example("'\nline")
def test_exported_cells_never_start_a_formula_and_read_back_unchanged(text):
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert _clean(escaped) == text.strip()


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
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    try:
        upload = _workbook(rows)
    except (ValueError, TypeError, IllegalCharacterError):  # Excel itself cannot hold such a file
        return
    before = Action.objects.count()
    result = plan_spreadsheet.PLAN_IMPORTER.apply(organisation=organisation, upload=upload, user=manager, plan=plan)
    if result.errors:
        assert Action.objects.count() == before
        assert all(e.row >= 2 and e.column in plan_spreadsheet.HEADERS and e.message for e in result.errors)
    else:
        assert Action.objects.count() == before + sum(1 for r in result.rows if r.kind == "create")


@pytest.mark.django_db
def test_plan_cells_longer_than_their_columns_are_row_errors(organisation, manager):
    # Were DataErrors on PostgreSQL (server errors) at confirmation; SQLite kept them whole.
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    rows = [
        ["r" * 21, "1 — Do it", "Act", "", "", None, None, "", "", None],
        ["1.2", "1 — Do it", "Act", "o" * 201, "l" * 201, None, None, "", "", None],
        ["1.3", "r" * 21 + " — Do it", "Act", "", "", None, None, "", "", None],
    ]
    result = plan_spreadsheet.PLAN_IMPORTER.apply(
        organisation=organisation, upload=_workbook(rows), user=manager, plan=plan
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Reference", "Ensure this value has at most 20 characters (it has 21)."),
        (3, "Owner", "Ensure this value has at most 200 characters (it has 201)."),
        (3, "Lead", "Ensure this value has at most 200 characters (it has 201)."),
        (4, "Recommendation", "Ensure this value has at most 20 characters (it has 21)."),
    ]
    assert not Action.objects.filter(recommendation__plan=plan).exists()


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_refused_clearly(organisation):
    plan = PlanFactory(organisation=organisation)
    for name, content in [("plan.xlsx", b"%PDF-1.7 a pdf"), ("plan.xlsx", b""), ("plan.csv", b"\x00\x01\x02binary")]:
        with pytest.raises(ValidationError) as refused:
            plan_spreadsheet.PLAN_IMPORTER.preview(
                organisation=organisation, upload=SimpleUploadedFile(name, content), plan=plan
            )
        assert refused.value.messages[0]


@pytest.mark.django_db
def test_a_zip_bomb_is_refused(organisation):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))  # 60 MB of zeros, tiny on disk
    assert len(buffer.getvalue()) < 1024 * 1024
    with pytest.raises(ValidationError, match="unpacks to more than 50 MB"):
        plan_spreadsheet.PLAN_IMPORTER.preview(
            organisation=organisation,
            upload=SimpleUploadedFile("plan.xlsx", buffer.getvalue()),
            plan=PlanFactory(organisation=organisation),
        )


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused(organisation, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match=r"the limit is 1\.0"):
        plan_spreadsheet.PLAN_IMPORTER.preview(
            organisation=organisation,
            upload=SimpleUploadedFile("plan.csv", b"a" * 4096),
            plan=PlanFactory(organisation=organisation),
        )


@pytest.mark.django_db
def test_control_characters_in_a_narrative_do_not_break_the_export(organisation, manager):
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), description="Pasted\x1ffrom\x0bWord")
    UpdateFactory(action=action)
    exported = plan_spreadsheet.plan_export(plan, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert sheet.cell(row=2, column=3).value == "PastedfromWord"


def _csv(header: str, rows) -> SimpleUploadedFile:
    import csv as csv_module

    buffer = io.StringIO()
    writer = csv_module.writer(buffer)
    writer.writerow(header.split(","))
    for row in rows:
        writer.writerow(["" if v is None else str(v).replace("\x00", "") for v in row])
    return SimpleUploadedFile("upload.csv", buffer.getvalue().encode("utf-8"))


@pytest.mark.django_db
@QUICK
@given(st.lists(st.lists(CELLS, min_size=7, max_size=7), min_size=1, max_size=5))
def test_the_indicator_import_reports_or_accepts_but_never_crashes_or_half_writes(organisation, manager, rows):
    TrackedIndicator.objects.get_or_create(
        organisation=organisation, indicator=Indicator.objects.get(code="CUSTODY_COUNT")
    )
    rows = [["CUSTODY_COUNT", *row[1:]] if i % 2 else row for i, row in enumerate(rows)]  # some rows name a real code
    before = Measurement.objects.count()
    upload = _csv(",".join(c.label for c in values_spreadsheet.MEASUREMENT_COLUMNS), rows)
    try:
        result = values_spreadsheet.MEASUREMENT_IMPORTER.apply(organisation=organisation, upload=upload, user=manager)
    except ValidationError as refused:  # the file as a whole, e.g. not UTF-8 text
        assert refused.messages[0]
        return
    if result.errors:
        assert Measurement.objects.count() == before
        assert all(e.row >= 2 and e.message for e in result.errors)


@pytest.mark.django_db
def test_an_indicator_value_whose_note_or_source_outgrows_its_column_is_a_row_error(organisation, manager):
    # Was a DataError on PostgreSQL (a server error) at confirmation; SQLite kept it whole.
    TrackedIndicator.objects.create(organisation=organisation, indicator=Indicator.objects.get(code="CUSTODY_COUNT"))
    rows = [
        ["CUSTODY_COUNT", "01/03/2017", 23, None, None, "n" * 501, None],
        ["CUSTODY_COUNT", "01/04/2017", 24, None, None, "n" * 500, "s" * 201],
    ]
    upload = _csv(",".join(c.label for c in values_spreadsheet.MEASUREMENT_COLUMNS), rows)
    result = values_spreadsheet.MEASUREMENT_IMPORTER.apply(organisation=organisation, upload=upload, user=manager)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Note", "Ensure this value has at most 500 characters (it has 501)."),
        (3, "Source", "Ensure this value has at most 200 characters (it has 201)."),
    ]
    assert not Measurement.objects.exists()


@pytest.mark.django_db
@QUICK
@given(st.lists(st.lists(CELLS, min_size=9, max_size=9), min_size=1, max_size=5))
def test_the_case_audit_import_reports_or_accepts_but_never_crashes_or_half_writes(organisation, manager, rows):
    AuditGrade.objects.install(organisation)
    before = CaseAudit.objects.count()
    upload = _csv(",".join(c.label for c in audit_spreadsheet.AUDIT_COLUMNS), rows)
    try:
        result = audit_spreadsheet.AUDIT_IMPORTER.apply(organisation=organisation, upload=upload, user=manager)
    except ValidationError as refused:
        assert refused.messages[0]
        return
    if result.errors:
        assert CaseAudit.objects.count() == before
    for audit in CaseAudit.objects.all():  # whatever got in is pseudonymous
        validate_case_reference(audit.case_reference)


@pytest.mark.django_db
def test_html_in_user_text_is_printed_as_text_in_the_pdf_and_kept_as_text_in_exports(organisation, manager):
    import datetime as dt

    from pypdf import PdfReader

    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    hostile = "<script>alert('x')</script><b>bold</b>"
    ActionFactory(recommendation=RecommendationFactory(plan=plan, text=hostile), description=hostile)
    report = CommitteeReport.objects.create(
        organisation=organisation,
        committee="Committee",
        meeting_date=dt.date(2017, 6, 28),
        title=hostile,
        period_start=dt.date(2017, 1, 1),
        period_end=dt.date(2017, 6, 28),
        purpose=hostile,
        sections=["recommendations", "appendix_c"],
    )
    pdf, _ = render_pdf(report)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "<script>alert('x')</script><b>bold</b>" in text  # shown literally, not interpreted
    exported = plan_spreadsheet.plan_export(plan, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert sheet.cell(row=2, column=3).value == hostile
