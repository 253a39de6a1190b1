"""Property tests for the layouts people give an export before they import it again. A sheet written
in the export layout, then altered the way councils alter one (each header renamed to another name
its column goes by, the columns in another order, a title or two above the header, blank rows
between the rows), reads the same as the sheet it was made from: the same values by key in the
same order, the same columns recognised, none missing. In .xlsx and in .csv, for every importer.

The altered copy is made from the written file, as a person would make it in Excel: a workbook's
cells keep their values and number formats (a date stays a date, 41% stays a percentage), a CSV's
its text."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from governance import spreadsheet as risk_spreadsheet
from improvement import spreadsheet as plan_spreadsheet
from performance import spreadsheet as performance_spreadsheet
from performance import tracker_import
from yos_tracker.spreadsheets import Column, Formatted, Percent, normalise, read_sheet, write_table

EXAMPLES = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COLUMN_LISTS = pytest.mark.parametrize(
    "columns",
    [
        pytest.param(plan_spreadsheet.COLUMNS, id="plan"),
        pytest.param(performance_spreadsheet.MEASUREMENT_COLUMNS, id="measurements"),
        pytest.param(performance_spreadsheet.AUDIT_COLUMNS, id="audits"),
        pytest.param(risk_spreadsheet.COLUMNS, id="risks"),
        pytest.param(tracker_import.COLUMNS, id="cases"),
    ],
)
FORMATS = pytest.mark.parametrize("fmt", ["xlsx", "csv"])

# --- What an export holds -------------------------------------------------------------------------

# Printable text in any script, with line breaks and stray spaces (a worksheet cannot hold control
# characters, so an export drops them: that is a change, and not what these tests are about).
TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn"), blacklist_characters="\ufeff") | st.just("\n"),
    min_size=1,
    max_size=30,
)
AWKWARD = st.sampled_from(
    [
        "  Board to agree the YJ plan  ",
        "Ångström – café, naïve “quotes”",
        "Line one\nline two",
        "=SUM(A1:A3)",
        "-5 on last month",
        "+44 20 7946 0000",
        "@risk",
        "'=1",
        "n/a",
        "1.10",
        "31/03/2024",
    ]
)
TEXT = st.one_of(TYPED, AWKWARD).filter(str.strip)
DAYS = st.dates(datetime.date(2000, 1, 1), datetime.date(2035, 12, 31))
WHOLE = st.integers(min_value=-1000, max_value=10**9)
DECIMAL = st.decimals(min_value=-1000, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
PERCENT = st.decimals(min_value=0, max_value=100, places=1).map(Formatted.percent)
FILLED = st.one_of(TEXT, DAYS, WHOLE, DECIMAL, PERCENT)
BLANK = st.sampled_from([None, "", "   "])


def cell(column: Column):
    """A value the export writes under the column: anything, or blank where the column may be left out."""
    return FILLED if column.required else st.one_of(BLANK, FILLED)


def as_read(value, fmt: str):
    """The value read_sheet gives back for a cell write_table wrote: a CSV holds text (dates as
    31/03/2024, percentages as "41.2%"); a workbook numbers, dates and percentages. Text is trimmed."""
    if fmt == "csv":
        if isinstance(value, Formatted):
            value = value.text
        elif isinstance(value, datetime.date):
            value = value.strftime("%d/%m/%Y")
        return "" if value is None else str(value).strip()
    if isinstance(value, Formatted):
        return Percent(value.value * 100)
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return value.strip() if value else None  # a workbook keeps no empty text
    return value


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@st.composite
def exports(draw, columns: list[Column]) -> list[list]:
    """Rows as an export writes them (a value per column, in the columns' order), each with a value."""
    row = st.tuples(*(cell(column) for column in columns)).map(list)
    return draw(st.lists(row.filter(lambda values: not all(map(is_blank, values))), min_size=1, max_size=6))


# --- How people alter it --------------------------------------------------------------------------


def titles(columns: list[Column]):
    """What people put above a header: a title, a date, a marking, random text, or the name of one
    column alone (one cell names one column at most, so a title can never pass for a header)."""
    names = [name for column in columns for name in (column.label, *column.aliases)]
    return st.one_of(
        st.sampled_from(["Youth Justice Service — improvement plan", "Printed 31/03/2024", "OFFICIAL-SENSITIVE"]),
        st.sampled_from(names),
        TEXT,
    )


# A blank row: nothing at all (an empty line in a CSV), or cells with nothing but spaces in them.
BLANK_ROWS = st.sampled_from(["absent", "empty cells", "spaces"])


@st.composite
def layouts(draw, columns: list[Column], rows: int) -> dict:
    """An altered layout: a name each column goes by, the columns' new order, what is above the
    header (0-3 titles, some followed by a blank row: at most 6 rows, so the header stays within
    the first rows the reader looks in), and the blank rows before each row of data and after the last."""
    cases = [str, str.upper, str.capitalize]
    above = []
    for title in draw(st.lists(titles(columns), max_size=3)):
        above.append(("title", title))
        above += [("blank", kind) for kind in draw(st.lists(BLANK_ROWS, max_size=1))]
    return {
        "headers": [
            draw(st.sampled_from(cases))(draw(st.sampled_from((column.label, *column.aliases)))) for column in columns
        ],
        "order": draw(st.permutations(range(len(columns)))),
        "above": above,
        "gaps": [draw(st.lists(BLANK_ROWS, max_size=2)) for _ in range(rows + 1)],
        "bom": draw(st.booleans()),
    }


def altered(content: bytes, fmt: str, layout: dict) -> tuple[bytes, list[int]]:
    """The written sheet laid out as `layout` says, and the row numbers its rows of data are now at."""
    grid = _workbook_grid(content) if fmt == "xlsx" else _csv_grid(content)
    header, data = grid[0], grid[1:]
    width, blank = len(header), (None, "General", False)
    order = layout["order"]
    lines = [*layout["above"], ("header", [(layout["headers"][i], "General", False) for i in order])]
    landed = []
    for gap, cells in zip(layout["gaps"], data, strict=False):
        lines += [("blank", kind) for kind in gap]
        cells = cells + [blank] * (width - len(cells))
        lines.append(("data", [cells[i] for i in order]))
        landed.append(len(lines))
    lines += [("blank", kind) for kind in layout["gaps"][-1]]
    if fmt == "xlsx":
        return _write_workbook(lines, width), landed
    return _write_csv(lines, width, bom=layout["bom"]), landed


def _workbook_grid(content: bytes) -> list[list[tuple]]:
    """Each cell's (value, number format, quote prefix): what moving a cell in Excel moves with it."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [[(c.value, c.number_format, c.quotePrefix) for c in row] for row in sheet.iter_rows()]


def _csv_grid(content: bytes) -> list[list[tuple]]:
    return [
        [(value, "General", False) for value in row] for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))
    ]


def _write_workbook(lines: list, width: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for number, (kind, content) in enumerate(lines, start=1):
        if kind == "title":
            sheet.cell(number, 1, content).font = Font(bold=True, size=14)
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        elif kind == "blank" and content != "absent":
            for column in range(1, width + 1):
                sheet.cell(number, column, "" if content == "empty cells" else "  ")
        elif kind in ("header", "data"):
            for column, (value, number_format, quoted) in enumerate(content, start=1):
                if value is not None:
                    cell = sheet.cell(number, column, value)
                    cell.number_format = number_format
                    if quoted:  # text typed after an apostrophe stays text
                        cell.data_type, cell.quotePrefix = "s", True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_csv(lines: list, width: int, *, bom: bool) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    for kind, content in lines:
        if kind == "title":
            writer.writerow([content] + [""] * (width - 1))  # as Excel saves a merged title
        elif kind == "blank":
            writer.writerow({"absent": [], "empty cells": [""] * width, "spaces": [" "] * width}[content])
        else:
            writer.writerow(["" if value is None else value for value, *_ in content])
    return text.getvalue().encode("utf-8-sig" if bom else "utf-8")  # Excel's "CSV UTF-8" has the mark


def upload(content: bytes, fmt: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"tracker.{fmt}", content)


# --- The properties -------------------------------------------------------------------------------


@COLUMN_LISTS
@FORMATS
@EXAMPLES
@given(data=st.data())
def test_an_export_renamed_reordered_titled_and_spaced_out_reads_the_same(columns, fmt, data):
    rows = data.draw(exports(columns), label="rows")
    layout = data.draw(layouts(columns, len(rows)), label="layout")
    exported = write_table([column.label for column in columns], rows, fmt, title="Export")
    changed, landed = altered(exported, fmt, layout)

    before = read_sheet(upload(exported, fmt), columns, max_rows=10_000)
    after = read_sheet(upload(changed, fmt), columns, max_rows=10_000)

    # The export itself reads back as written, so the comparison below is not of two empty reads.
    as_written = [{column.key: as_read(value, fmt) for column, value in zip(columns, row, strict=True)} for row in rows]
    assert [values for _, values in before.rows] == as_written
    assert [values for _, values in after.rows] == [values for _, values in before.rows]
    assert [number for number, _ in after.rows] == landed  # row errors name the row people see
    renamed = {normalise(name): column.key for column, name in zip(columns, layout["headers"], strict=True)}
    assert after.recognised == renamed
    assert sorted(after.recognised.values()) == sorted(before.recognised.values())
    assert after.missing == before.missing == []
    assert after.unknown == before.unknown == []
