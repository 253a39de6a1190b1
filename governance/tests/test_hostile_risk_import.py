"""The risk register import under hostile input, generated: wrong types, empty and huge cells,
unicode, formulas, impossible levels and numbers. The import answers with row errors naming the
row and writes nothing, or accepts every row and writes exactly those risks, whole; the only
exception it raises is the documented refusal of the file as a whole (a ValidationError: the upload's
type, size or content, or SpreadsheetError), which the import page shows beside the file."""

import contextlib
import csv
import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError

from governance import spreadsheet
from governance.choices import RiskStatus
from governance.models import Risk, RiskReview
from governance.services import risk_matrix_install
from yos_tracker.spreadsheets import FORMULA_PREFIXES, cell_text, read_sheet
from yos_tracker.tests.hostile import CELLS

QUICK = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HEADERS = spreadsheet.HEADERS
TEXT_COLUMNS = ("title", "description", "owner", "category", "mitigations", "status_commentary")
LEVEL_COLUMNS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")

# What people type in each column, valid but for unicode, markup and formulas, so that whole files
# get accepted as well as refused; then a few cells of a row are made hostile: CELLS (wrong types,
# huge, formulas, nan) and numbers that are not numbers.
TEXT = st.one_of(
    st.text(min_size=1, max_size=80),
    st.sampled_from(["<script>alert(1)</script>", '=HYPERLINK("http://evil.example","click")', "Zoë’s “plan” — ✓"]),
)
PLAUSIBLE = {
    "number": st.integers(min_value=1, max_value=10**6),
    "raised_on": st.one_of(
        st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)),
        st.sampled_from(["09/06/2017", "9-Jun-17", "2017-06-09"]),
    ),
    **dict.fromkeys(TEXT_COLUMNS, TEXT),
    **dict.fromkeys(LEVEL_COLUMNS, st.sampled_from(["Low", "Medium", "High", "low", "h", "M", "1", "3", 2, "١"])),
    "inherent_score": st.one_of(st.none(), st.integers(min_value=1, max_value=9)),
    "residual_score": st.one_of(st.none(), st.integers(min_value=1, max_value=9)),
    "last_reviewed": st.one_of(st.none(), st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31))),
    "status": st.sampled_from(["open", "Closed", "completed", "", None]),
    "target_score": st.one_of(st.none(), st.integers(min_value=1, max_value=9)),
    "review_every_days": st.one_of(st.none(), st.integers(min_value=1, max_value=365), st.sampled_from(["Monthly"])),
}
HOSTILE = st.one_of(CELLS, st.sampled_from(["²", "1" * 5000, "9" * 40, "0", "-3", "ü" * 201, "Enormous", "sleeping"]))
ROW = st.fixed_dictionaries({column: PLAUSIBLE[key] for key, column in spreadsheet.LABELS.items()}).flatmap(
    lambda row: st.dictionaries(st.sampled_from(HEADERS), HOSTILE, max_size=3).map(lambda bad: {**row, **bad})
)


@contextlib.contextmanager
def _rolled_back():
    """Each generated example starts from the same database, so a failure replays exactly."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _xlsx(rows: list[dict]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:  # Excel cannot hold control characters; a .csv can, and is tested with them
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in (row[h] for h in HEADERS)])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("register.xlsx", buffer.getvalue())


def _csv(rows: list[dict]) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(["" if row[h] is None else str(row[h]) for h in HEADERS])
    return SimpleUploadedFile("register.csv", buffer.getvalue().encode("utf-8"))


def _upload(fmt: str, rows: list[dict]) -> SimpleUploadedFile | None:
    if fmt == "csv":
        return _csv(rows)
    try:
        return _xlsx(rows)
    except (ValueError, TypeError, IllegalCharacterError):  # Excel itself cannot hold such a file
        return None


def _row(**changes) -> dict:
    """A good row, but for the changes (keyed as the columns' keys)."""
    fields = {
        "number": 1,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Analytic capacity",
        "description": "d",
        "owner": "GR",
        "inherent_likelihood": "Low",
        "inherent_impact": "High",
        "residual_likelihood": "Low",
        "residual_impact": "Low",
        "status": "open",
        **changes,
    }
    return {label: fields.get(key) for key, label in spreadsheet.LABELS.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@QUICK
@given(rows=st.lists(ROW, min_size=1, max_size=6, unique_by=lambda row: str(row["No"])))
@example(rows=[_row()])  # a good row is imported
@example(rows=[_row(title="x" * 32_000)])  # longer than the 200 characters a title holds
@example(rows=[_row(owner="ü" * 101)])  # the owner holds 100
@example(rows=[_row(number=10**12)])  # beyond PostgreSQL's integer
@example(rows=[_row(number=2**63)])  # beyond SQLite's
@example(rows=[_row(number=-3)])  # a risk number is never negative
@example(rows=[_row(inherent_likelihood="²")])  # a digit to str.isdigit(), not to int()
@example(rows=[_row(residual_impact="1" * 5000)])  # too many digits for int()
@example(rows=[_row(inherent_score="²")])
@example(rows=[_row(description="x" * 3000 + "\x00")])  # a NUL past the first 2 KB that uploads check
def test_the_risk_import_reports_or_accepts_but_never_crashes_or_half_writes(organisation, fmt, rows):
    risk_matrix_install(organisation=organisation)
    upload = _upload(fmt, rows)
    if upload is None:
        return
    with _rolled_back():
        risks, reviews = Risk.objects.count(), RiskReview.objects.count()
        try:
            result = spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
        except ValidationError as refused:  # the documented refusal of the file as a whole
            assert refused.messages[0]
            assert (Risk.objects.count(), RiskReview.objects.count()) == (risks, reviews)
            return
        event("row errors" if result.errors else "accepted")
        if result.errors:
            assert (Risk.objects.count(), RiskReview.objects.count()) == (risks, reviews)
            assert all(e.row >= 2 and e.column in HEADERS and e.message for e in result.errors)
            return
        assert len(result.rows) == len(read_sheet(upload, spreadsheet.COLUMNS, max_rows=100).rows)
        assert Risk.objects.count() == risks + result.counts["create"]
        assert RiskReview.objects.count() == reviews
        sheet = dict(read_sheet(upload, spreadsheet.COLUMNS, max_rows=100).rows)
        for row in result.rows:  # under the number the preview gave it (a row may give none)
            stored = Risk.objects.for_org(organisation).get(number=row.payload.fields["number"])
            for key in TEXT_COLUMNS:  # kept whole: never cut to fit a column
                assert getattr(stored, key) == cell_text(sheet[row.row].get(key)), (row.row, key)


@pytest.mark.django_db
def test_a_row_the_database_cannot_hold_is_a_row_error_naming_the_column(organisation):
    risk_matrix_install(organisation=organisation)
    upload = _xlsx([_row(title="x" * 201), _row(number=2, owner="o" * 101), _row(number=-1), _row(number=2**63)])
    result = spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    assert {(e.row, e.column) for e in result.errors} == {(2, "Title"), (3, "Owner"), (4, "No"), (5, "No")}
    assert "at most 200 characters" in next(e.message for e in result.errors if e.column == "Title")
    assert not Risk.objects.exists()


@pytest.mark.django_db
def test_digits_that_are_not_numbers_are_row_errors(organisation):
    risk_matrix_install(organisation=organisation)
    upload = _xlsx([_row(inherent_likelihood="²"), _row(number=2, residual_impact="1" * 5000)])
    result = spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    assert {(e.row, e.column) for e in result.errors} == {(2, "Likelihood before"), (3, "Impact after")}
    assert not Risk.objects.exists()


@pytest.mark.django_db
def test_a_csv_with_a_nul_past_its_first_2_kb_is_refused_as_not_text(organisation):
    risk_matrix_install(organisation=organisation)
    # Uploads are checked for text in their first 2 KB; PostgreSQL cannot store a NUL anywhere.
    upload = _csv([_row(description="x" * 3000 + "\x00")])
    with pytest.raises(ValidationError, match=r"does not look like a \.csv text file"):
        spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=upload)


# --- Export, then import ---------------------------------------------------------------------

# Text as the forms store it: stripped, no NUL (Django's form fields refuse it), within the column.
STORED_TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=100).map(
    str.strip
)


def _imported(text: str) -> str:
    # A worksheet cannot hold control characters: the export drops them (see write_table). Its XML
    # stores a line break as "\n" whatever the browser posted ("\r\n"), as every XML reader does.
    text = ILLEGAL_CHARACTERS_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


@pytest.mark.django_db
@QUICK
@given(texts=st.fixed_dictionaries({key: STORED_TEXT for key in TEXT_COLUMNS}))
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "title": "'=1+2"})  # a quote the export must keep
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "mitigations": "'Tis done"})
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "category": "_x0041_"})  # Excel's own escape, as text
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "description": "line\r\nnext\rlast"})
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "status_commentary": "\x08\r0"})  # a return, once escaped
@example(texts={**dict.fromkeys(TEXT_COLUMNS, "x"), "owner": '=HYPERLINK("http://evil.example","x")'})
def test_an_exported_register_imports_with_its_text_unchanged_and_no_cell_is_a_formula(
    organisation, other_organisation, texts
):
    texts = {**texts, "title": texts["title"] or "t", "description": texts["description"] or "d"}
    texts["owner"] = texts["owner"] or "o"
    with _rolled_back():
        risk_matrix_install(organisation=organisation)
        risk_matrix_install(organisation=other_organisation)
        Risk.objects.create(
            organisation=organisation,
            number=7,
            raised_on=datetime.date(2017, 6, 9),
            inherent_likelihood=2,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=2,
            status=RiskStatus.OPEN,
            **texts,
        )
        exported = spreadsheet.export(organisation)

        sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                # Text that looks like a formula is kept as typed, as text with the quote prefix style.
                assert cell.data_type != "f", cell.value
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                    assert cell.quotePrefix, cell.value

        result = spreadsheet.RISK_IMPORTER.apply(
            organisation=other_organisation, upload=SimpleUploadedFile("r.xlsx", exported)
        )
        expected = {key: _imported(value) for key, value in texts.items()}
        if not expected["title"] or not expected["description"] or not expected["owner"]:
            # Only control characters: nothing is left once the worksheet drops them.
            assert result.errors
            return
        assert not result.errors, result.errors
        imported = Risk.objects.for_org(other_organisation).get(number=7)
        assert {key: getattr(imported, key) for key in TEXT_COLUMNS} == expected
