"""Spreadsheets in and out, shared by every importer and exporter (plans, indicators, risks).

Reading streams (openpyxl's read-only mode for .xlsx, the csv module for .csv); what this module
adds is what people type: headers in any case and under other names, a title above them, blank
rows, trailing spaces, dates in the forms councils use, formulas, and cells that a previous
export escaped against formula injection.

Text that a spreadsheet program would take for a formula (=, +, -, @, a tab or a return first) is
guarded on the way out: a CSV has no styles, so the text gets a leading apostrophe (OWASP's advice
for CSV injection), which the import takes off again; a workbook keeps the text as typed and sets
the cell's "quote prefix" style, Excel's own mark for text typed after an apostrophe, so the cell
shows the text without the apostrophe and is never run as a formula, even when edited.
"""

import csv
import datetime
import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree

import openpyxl
import tablib
from django.core.exceptions import ValidationError
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from yos_tracker import ranges
from yos_tracker.uploads import validate_upload

SPREADSHEET_TYPES = {".xlsx", ".csv"}
# A workbook this small on disk but larger unpacked is a zip bomb, not a plan.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# The most columns a sheet may have values in (a KPI tracker of ten years' months has 130), and
# the most Excel itself has.
MAX_COLUMNS = 1000
EXCEL_COLUMNS = 16_384
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
DATE_FORMATS = [
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y-%m-%d",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%m-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d.%m.%Y",
    "%d %b %y",
    "%Y-%m-%d %H:%M:%S",
]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


class SpreadsheetError(ValidationError):
    """The file as a whole cannot be read (wrong type, damaged, missing columns)."""


class EmptySheet(SpreadsheetError):
    """A sheet with no rows at all."""


@dataclass(frozen=True)
class Column:
    """A column an importer reads: its key, the header it exports, and the other names councils'
    own trackers give it. A column that is not required may be left out of a file."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @property
    def names(self) -> set[str]:
        return {normalise(self.label), *(normalise(alias) for alias in self.aliases)}


def normalise(text) -> str:
    """How headers and labels people type are compared: case, stray spaces, underscores and a
    trailing dot or colon aside ("No." is "no", " RAG status " is "rag status")."""
    return " ".join(str(text if text is not None else "").replace("_", " ").lower().split()).strip(" .:")


@dataclass(frozen=True)
class Percent:
    """A cell that says a percentage: a number Excel shows as one (0.62 formatted as 62%), or the
    text "62%". `points` is the percentage as people read it: 62."""

    points: Decimal

    def __str__(self) -> str:
        return f"{format(self.points.normalize(), 'f')}%"


PERCENT_TEXT = re.compile(r"^\s*(?P<points>[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+)\s*%\s*$")


def percent_of(value) -> Percent | None:
    """The percentage a cell says, if it says one: a Percent already, or text such as "62%" or
    "12.5 %"; None for anything else."""
    if isinstance(value, Percent):
        return value
    if isinstance(value, str) and (match := PERCENT_TEXT.match(value)):
        return Percent(Decimal(match["points"].replace(",", "")))
    return None


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula: its row and column key, where it is ("C8"), the formula, and the
    value the spreadsheet program last worked out for it (None when it never did)."""

    row: int
    key: str
    cell: str
    formula: str
    cached: object


@dataclass(frozen=True)
class FormulaAt:
    """Where a row's value is a formula's (the cell, "C8"): the importer reads the value Excel last
    worked out for it, if the person accepts it (Formula)."""

    cell: str


@dataclass(frozen=True)
class Across:
    """A layout with a column per period ("Apr-23" … "Mar-24", "Q1 2023/24") where the long layout
    has a period column: each cell under a period's header is a row of its own, its period the
    header's. `period` and `value` are the column keys the header and the cell give; `reads` is a
    header's period, or None for a header that names none."""

    period: str
    value: str
    reads: Callable[[object], datetime.date | None]

    def periods(self, cells) -> list[tuple[int, datetime.date]]:
        found = [(i, self.reads(cell.value)) for i, cell in enumerate(cells)]
        return [(i, period) for i, period in found if period is not None]


@dataclass
class SheetRows:
    rows: list[tuple[int, dict[str, object]]]  # (row number as the spreadsheet numbers it, values by key)
    headers: list[str]  # the header row as written
    recognised: dict[str, str]  # normalised header → column key
    unknown: list[str]  # headers neither recognised nor mapped: ignored
    missing: list[Column]  # required columns no header gave
    formulas: list[Formula] = field(default_factory=list)
    periods: list[datetime.date] = field(default_factory=list)  # the period headers, when laid out across


# Headers are looked for in the first rows: trackers often put a title above them.
HEADER_SEARCH_ROWS = 10
# A long run of empty rows ends the data (formatting can stretch a sheet far below it).
EMPTY_RUN_ENDS_DATA = 1000


def read_sheet(
    upload,
    columns: list[Column],
    *,
    mapping: dict[str, str] | None = None,
    max_rows: int,
    progress=None,
    across: Across | None = None,
    sheet: int = 0,
) -> SheetRows:
    """The rows of an uploaded .xlsx or .csv, streamed (a workbook is read in openpyxl's read-only
    mode, so memory stays flat however long the file), as {column key: value}.

    The header row is the first of the first rows that names two of the columns. A header is
    matched by its label or aliases (see normalise), or by `mapping` (normalised header → key, or
    "" to ignore it: a person's answer, or one remembered for the organisation). Blank rows are
    skipped and text trimmed. More than `max_rows` rows of data is refused, as is a file that
    cannot be read, with a SpreadsheetError that says why. `progress(rows)` is told as it goes.

    With `across`, a sheet whose header has no period column but two or more periods' headers is
    read across: each period's cell is a row of its own (see Across), the row numbered as the
    sheet numbers it. A formula's cell is FormulaAt its address, for the importer to resolve.
    A workbook's first sheet is read unless `sheet` names another by its place (see sheet_names).
    """
    validate_upload(upload, allowed=SPREADSHEET_TYPES)
    is_workbook = upload.name.lower().endswith(".xlsx")
    raw_rows = None
    try:
        if is_workbook:
            _refuse_zip_bomb(upload, max_rows)
        _refuse_too_many_rows(upload, max_rows, sheet)
        raw_rows = _workbook_rows(upload, sheet) if is_workbook else _csv_rows(upload)
        header_cells, data = _find_header(raw_rows, columns, mapping or {}, across)
        found = _header(header_cells, columns, mapping or {}, across)
        headers, recognised, periods = found.headers, found.recognised, found.periods
        positions = {recognised[normalise(h)]: i for i, h in enumerate(headers) if normalise(h) in recognised}
        rows, formulas, empty_run = [], [], 0
        for number, cells in data:
            values, has_value = {}, False
            for key, i in positions.items():
                values[key] = _read(cells, i, number, key, formulas)
                has_value = has_value or values[key] not in (None, "")
            entries = [values]
            if periods:
                entries = [
                    {**values, across.period: period, across.value: _read(cells, i, number, across.value, formulas)}
                    for i, period in periods
                ]
                has_value = has_value or any(entry[across.value] not in (None, "") for entry in entries)
            if not has_value:
                empty_run += 1
                if empty_run >= EMPTY_RUN_ENDS_DATA:
                    break
                continue
            empty_run = 0
            if len(rows) + len(entries) > max_rows:
                raise _too_many_rows(max_rows)
            rows += [(number, entry) for entry in entries]
            if progress and len(rows) % 500 < len(entries):
                progress(len(rows))
        if formulas and is_workbook:
            formulas = _with_cached_values(upload, formulas, sheet)
        return SheetRows(rows, headers, recognised, found.unknown, found.missing, formulas, [p for _, p in periods])
    except Exception as error:  # noqa: BLE001 - whatever the parser chokes on, the person needs one message
        raise _unreadable(error) from None
    finally:
        if raw_rows is not None:
            raw_rows.close()  # a file refused part-way is let go now, while the upload is still open


def _unreadable(error: Exception) -> SpreadsheetError:
    """What the person is told of a file the reader could not get through."""
    if isinstance(error, SpreadsheetError):
        return error
    if isinstance(error, UnicodeDecodeError):
        return SpreadsheetError("This CSV file is not UTF-8 text; save it from Excel as “CSV UTF-8”.")
    return SpreadsheetError("This file could not be read as a spreadsheet; is it really an Excel (.xlsx) or CSV file?")


@dataclass
class _Header:
    headers: list[str]
    recognised: dict[str, str]
    unknown: list[str]
    missing: list[Column]
    periods: list[tuple[int, datetime.date]]  # (position, period) of each period's header, read across


def _header(header_cells, columns: list[Column], mapping: dict[str, str], across: Across | None) -> _Header:
    """What a header row names (see read_sheet)."""
    headers = [str(c.value if c.value is not None else "").strip() for c in header_cells]
    by_name = {name: column.key for column in columns for name in column.names}
    periods = across.periods(header_cells) if across else []
    laid_across = len(periods) >= 2 and across.period not in {
        mapping.get(normalise(h), by_name.get(normalise(h))) for h in headers
    }
    if not laid_across:
        periods = []
    across_headers = {i for i, _ in periods}
    recognised, unknown = {}, []
    for i, header in enumerate(headers):
        wanted = normalise(header)
        if not wanted or i in across_headers:
            continue
        key = mapping.get(wanted, by_name.get(wanted))
        if key:
            recognised[wanted] = key
        elif wanted not in mapping:
            unknown.append(header)
    given = set(recognised.values()) | ({across.period, across.value} if periods else set())
    missing = [c for c in columns if c.required and c.key not in given]
    return _Header(headers, recognised, unknown, missing, periods)


def read_header(upload, columns: list[Column], *, mapping: dict | None = None, across=None, sheet=0) -> SheetRows:
    """What a sheet's header row names (read_sheet's headers, recognised, unknown, missing and
    periods), from its first rows alone: how a workbook's sheets are told apart. An empty sheet
    names nothing; a file that cannot be read, or too wide to, is refused as read_sheet refuses it."""
    shape = sheet_shape(upload, up_to=HEADER_SEARCH_ROWS, sheet=sheet)
    if shape is not None and shape.widest > MAX_COLUMNS:
        raise _too_many_columns()
    raw_rows = _workbook_rows(upload, sheet) if upload.name.lower().endswith(".xlsx") else _csv_rows(upload)
    try:
        header_cells, _ = _find_header(raw_rows, columns, mapping or {}, across)
        found = _header(header_cells, columns, mapping or {}, across)
    except EmptySheet:
        return SheetRows([], [], {}, [], [c for c in columns if c.required])
    except Exception as error:  # noqa: BLE001 - as read_sheet
        raise _unreadable(error) from None
    finally:
        raw_rows.close()
    periods = [period for _, period in found.periods]
    return SheetRows([], found.headers, found.recognised, found.unknown, found.missing, [], periods)


def _read(cells, i: int, number: int, key: str, formulas: list[Formula]):
    """The value of the row's cell i (None past the row's end); a formula's is FormulaAt its cell,
    and the formula is added to `formulas`."""
    cell = cells[i] if i < len(cells) else None
    value = cell.value if cell is not None else None
    if cell is not None and cell.data_type == "f" and isinstance(value, str) and value.startswith("="):
        where = f"{get_column_letter(i + 1)}{number}"
        formulas.append(Formula(number, key, where, value, None))
        return FormulaAt(where)
    return _clean(_as_percent(value, cell), as_typed=cell is not None and cell.quote_prefix)


@dataclass(frozen=True)
class _Cell:
    value: object
    data_type: str = "s"
    number_format: str = "General"
    quote_prefix: bool = False  # the workbook marks the text as typed after an apostrophe


def _as_percent(value, cell):
    """A number the worksheet shows as a percentage (0.62 as 62%) is the percentage people read."""
    if (
        cell is not None
        and isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
        and "%" in (cell.number_format or "")
    ):
        return Percent(Decimal(str(value)) * 100)
    return value


def _workbook_rows(upload, sheet: int = 0):
    upload.seek(0)
    book = openpyxl.load_workbook(upload, read_only=True, data_only=False)
    try:
        for number, row in enumerate(book.worksheets[sheet].iter_rows(), start=1):
            yield number, [_workbook_cell(c) for c in row]
    finally:
        book.close()


def _workbook_cell(cell) -> _Cell:
    style = getattr(cell, "style_array", None)  # a read-only sheet's empty cell has no style
    return _Cell(
        cell.value,
        cell.data_type,
        getattr(cell, "number_format", None) or "General",
        bool(style is not None and style.quotePrefix),
    )


def _csv_rows(upload):
    upload.seek(0)
    text = io.TextIOWrapper(upload, encoding="utf-8-sig", newline="")
    try:
        for number, row in enumerate(csv.reader(text), start=1):
            if any("\x00" in value for value in row):  # PostgreSQL cannot store a NUL
                raise SpreadsheetError("This does not look like a .csv text file.")
            yield number, [_Cell(value) for value in row]
    finally:
        text.detach()


def _find_header(raw_rows, columns: list[Column], mapping: dict[str, str], across: Across | None = None):
    """The header row's cells (see read_sheet) and an iterator over the rows after it: the first
    of the first rows that names two columns, or one column and two periods (laid across)."""
    names = {name for column in columns for name in column.names} | {k for k, v in mapping.items() if v}

    def is_header(cells) -> bool:
        named = sum(normalise(c.value) in names for c in cells)
        return named >= 2 or (named >= 1 and across is not None and len(across.periods(cells)) >= 2)

    looked_at = []
    for number, cells in raw_rows:
        looked_at.append((number, cells))
        if is_header(cells) or len(looked_at) >= HEADER_SEARCH_ROWS:
            break
    if not looked_at:
        raise EmptySheet("This file is empty.")
    chosen = next((i for i, (_, cells) in enumerate(looked_at) if is_header(cells)), 0)

    def rest():
        yield from looked_at[chosen + 1 :]
        yield from raw_rows

    return looked_at[chosen][1], rest()


def _with_cached_values(upload, formulas: list[Formula], sheet: int) -> list[Formula]:
    """The values Excel saved for the formula cells (a second, streamed, pass)."""
    wanted = {(f.row, f.cell): f for f in formulas}
    rows_wanted = {f.row for f in formulas}
    found = {}
    upload.seek(0)
    book = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    try:
        for number, row in enumerate(book.worksheets[sheet].iter_rows(), start=1):
            if number > max(rows_wanted):
                break
            if number not in rows_wanted:
                continue
            for i, cell in enumerate(row):
                key = (number, f"{get_column_letter(i + 1)}{number}")
                if key in wanted:
                    found[key] = _as_percent(cell.value, cell)
    finally:
        book.close()
    return [Formula(f.row, f.key, f.cell, f.formula, _clean(found.get((f.row, f.cell)))) for f in formulas]


def _too_many_rows(max_rows: int) -> SpreadsheetError:
    return SpreadsheetError(
        f"This file has more than {max_rows:,} rows of data, more than one import takes. "
        f"Import it in parts of up to {max_rows:,} rows."
    )


def _refuse_zip_bomb(upload, max_rows: int) -> None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SpreadsheetError(
                    f"This workbook unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB, far more than "
                    f"{max_rows:,} rows need: import it in parts, or check it is the right file."
                )
    except zipfile.BadZipFile:
        raise SpreadsheetError("This file is not a valid Excel (.xlsx) workbook.") from None


SHEET_XML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP_XML = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _refuse_too_many_rows(upload, max_rows: int, sheet: int) -> None:
    """Refuse a workbook past the row or the column limit (allowing for a title above the
    headers) before openpyxl reads it: openpyxl reads a workbook's whole table of text before its
    first row, and the whole of a row before its first cell, so 200,000 rows take seconds and tens
    of MB, and a row of a million cells gigabytes; counting takes a fraction of a second and
    little memory."""
    allowed = max_rows + HEADER_SEARCH_ROWS
    shape = sheet_shape(upload, up_to=allowed, sheet=sheet)
    if shape is not None and shape.widest > MAX_COLUMNS:
        raise _too_many_columns()
    if shape is not None and shape.rows > allowed:
        raise _too_many_rows(max_rows)


def _too_many_columns() -> SpreadsheetError:
    return SpreadsheetError(
        f"This sheet has cells in more than {MAX_COLUMNS:,} columns, more than any import reads: check it is the "
        "right file, or delete the columns past the last one in use."
    )


def count_rows(upload, *, up_to: int, sheet: int = 0) -> int | None:
    """The rows holding a value in a workbook's sheet (the first unless said) or a CSV's
    non-blank lines, counting no further than up_to + 1; None when the file cannot be counted
    this way (it is then left to the reader, which says what is wrong with it)."""
    shape = sheet_shape(upload, up_to=up_to, sheet=sheet)
    return shape.rows if shape is not None else None


@dataclass(frozen=True)
class Shape:
    rows: int  # rows holding a value, counted no further than up_to + 1
    widest: int  # values in the widest row (to its last, in a CSV; every cell, past Excel's columns)


def sheet_shape(upload, *, up_to: int, sheet: int = 0) -> Shape | None:
    """How many rows hold a value, and how wide the widest is: a workbook's counted from its
    sheet's XML, one cell at a time (a cell is let go once read), a CSV's line by line. None when
    the file cannot be counted this way, a workbook unpacking past MAX_UNPACKED_BYTES among them
    (the reader then says what is wrong with it)."""
    upload.seek(0)
    rows = widest = 0
    try:
        if not upload.name.lower().endswith(".xlsx"):
            text = io.TextIOWrapper(upload, encoding="utf-8-sig", newline="")
            try:
                for row in csv.reader(text):
                    last = next((i for i in range(len(row) - 1, -1, -1) if row[i].strip()), None)
                    if last is not None:
                        rows, widest = rows + 1, max(widest, last + 1)
                    if rows > up_to or widest > MAX_COLUMNS:
                        break
            finally:
                text.detach()
            return Shape(rows, widest)
        with zipfile.ZipFile(upload) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                return None
            with archive.open(_worksheet_paths(archive)[sheet][1]) as xml:
                row, cells, valued = None, 0, 0
                for event, element in ElementTree.iterparse(xml, events=("start", "end")):
                    if event == "start":
                        if element.tag == f"{SHEET_XML}row":
                            row, cells, valued = element, 0, 0
                        continue
                    if element.tag == f"{SHEET_XML}c" and row is not None:
                        cells += 1
                        valued += any(e.tag in (f"{SHEET_XML}v", f"{SHEET_XML}is") for e in element)
                        del row[-1]  # this cell, read: a row of a million cells never stands whole
                    elif element.tag == f"{SHEET_XML}row":
                        # Formatting leaves empty cells about, but never more than Excel has columns.
                        width = cells if cells > EXCEL_COLUMNS else valued
                        rows, widest = rows + (valued > 0), max(widest, width)
                        element.clear()
                        row = None
                        if rows > up_to or widest > MAX_COLUMNS:
                            break
            return Shape(rows, widest)
    except (
        KeyError,
        IndexError,
        StopIteration,
        ElementTree.ParseError,
        AttributeError,
        zipfile.BadZipFile,
        UnicodeError,
        csv.Error,
    ):
        return None
    finally:
        upload.seek(0)


def _worksheet_paths(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(name, path in the archive) of a workbook's worksheets, in the workbook's order (chart
    sheets, which hold no cells, left out: openpyxl's worksheets are the same)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relationships = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relationships}
    paths = []
    for sheet in workbook.iterfind(f"{SHEET_XML}sheets/{SHEET_XML}sheet"):
        target = targets[sheet.get(f"{RELATIONSHIP_XML}id")]
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if "/worksheets/" in f"/{path}":
            paths.append((sheet.get("name"), path))
    return paths


def sheet_names(upload, *, max_rows: int) -> list[str]:
    """The names of an upload's sheets, in order: a workbook's worksheets, or a CSV's file name (one
    sheet). Refused with a SpreadsheetError as read_sheet refuses it."""
    validate_upload(upload, allowed=SPREADSHEET_TYPES)
    if not upload.name.lower().endswith(".xlsx"):
        return [upload.name]
    _refuse_zip_bomb(upload, max_rows)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = [name for name, _ in _worksheet_paths(archive)]
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, UnicodeError):
        raise SpreadsheetError("This file is not a valid Excel (.xlsx) workbook.") from None
    finally:
        upload.seek(0)
    if not names:
        raise SpreadsheetError("This workbook has no sheets of cells.")
    return names


def _quoted(value: str) -> bool:
    """Starts with the quote an export puts before a leading =, +, -, @, tab or return, or before
    text that itself starts with such a quote (so that "'=1" survives a round trip). A worksheet
    gives a return back as a line feed, as XML does."""
    return value[:1] == QUOTE and value[1:2] in (*FORMULA_PREFIXES, QUOTE, "\n")


def _clean(value, *, as_typed: bool = False):
    """Trim text, and undo the quote a CSV export (or an export of before the quote prefix style)
    put before it; a cell with the quote prefix style holds its text as typed, quote and all."""
    if isinstance(value, str):
        if not as_typed and _quoted(value):
            value = value[1:]
        return value.strip()
    return value


def cell_text(value) -> str:
    """A cell as text, trimmed: a blank is "", and a whole number Excel keeps as 3.0 is "3"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# What trackers write in a cell that has no figure yet, besides leaving it blank.
NO_VALUE = {"n/a", "na", "n.a", "-", "–", "—", "not available", "tbc", "awaited", "no data"}


def says_no_value(value) -> bool:
    """Whether a cell holds no figure: blank, or a word for "not available" ("n/a", "-")."""
    return normalise(value) in NO_VALUE or cell_text(value) == ""


def column_problems(model, name: str, value) -> list[str]:
    """What the database column `model.name` would refuse in `value` (text longer than the
    column, a number beyond it or its range): an importer reports these as row errors instead of
    failing when it writes."""
    if out_of_range := ranges.problems(model, name, value):
        return out_of_range  # in the field's own words, on every database
    try:
        model._meta.get_field(name).run_validators(value)
    except ValidationError as problem:
        return problem.messages
    return []


def parse_date(value) -> datetime.date | None:
    """31/03/2017, 31-Mar-17, 2017-03-31, an Excel date cell or an Excel day number; blank is None."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if 1 <= value <= 100000:
            return EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise ValueError(f"{value} is not a date")
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - only the date is kept
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date; write it as 31/03/2017")


def _needs_guard(value) -> bool:
    """Text a spreadsheet program would run as a formula, or that starts with the guard's quote."""
    return isinstance(value, str) and (value.startswith(FORMULA_PREFIXES) or _quoted(value))


def escape_cell(value):
    """Stop a spreadsheet program from running a CSV cell as a formula (CSV/formula injection)."""
    if _needs_guard(value):
        return QUOTE + value
    return value


DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0%"


@dataclass(frozen=True)
class Formatted:
    """A number with the format a worksheet shows it in (a percentage is given as 41.0 for 41%)."""

    value: Decimal | int | float | None
    number_format: str = "General"

    @classmethod
    def percent(cls, value) -> "Formatted":
        return cls(None if value is None else Decimal(value) / 100, PERCENT_FORMAT)

    @property
    def text(self):
        """As a CSV holds it: a percentage with its sign ("41.2%"), so that it reads back as one."""
        if self.value is None or "%" not in self.number_format:
            return self.value
        return str(Percent(Decimal(self.value) * 100))


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]


def _text(value: str) -> str:
    # Control characters (Word's soft line break, \x0b) cannot be stored in a worksheet.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _guard(cell) -> None:
    """Keep text that looks like a formula as text: as a string, with the quote prefix style."""
    if _needs_guard(cell.value):
        cell.data_type = "s"  # openpyxl takes a string starting with = for a formula
        cell.quotePrefix = True


def write_workbook(sheets: list[Sheet]) -> bytes:
    """A workbook of the sheets, for every export: text guarded against formulas (see the module's
    note) and cleaned of characters a worksheet cannot hold, numbers as numbers (in their format),
    dates as dates."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        worksheet = book.create_sheet(title=sheet.title[:31])
        worksheet.append(sheet.headers)
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([_cell_value(v) for v in row])
            for cell, value in zip(worksheet[worksheet.max_row], row, strict=False):
                if isinstance(value, Formatted):
                    cell.number_format = value.number_format
                elif isinstance(value, datetime.date):
                    cell.number_format = DATE_FORMAT
                elif isinstance(value, str):
                    _guard(cell)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_value(value):
    if isinstance(value, Formatted):
        return value.value
    if isinstance(value, str):
        return _text(value)
    return value


def write_table(headers: list[str], rows: list[list], fmt: str, title: str = "Sheet1") -> bytes:
    """One table as a workbook (.xlsx, see write_workbook) or CSV (dates as 31/03/2017, text
    escaped against formulas)."""
    if fmt == "xlsx":
        return write_workbook([Sheet(title, headers, rows)])
    dataset = tablib.Dataset(headers=headers, title=title[:31])
    for row in rows:
        row = [v.text if isinstance(v, Formatted) else v for v in row]
        row = [v.strftime("%d/%m/%Y") if isinstance(v, datetime.date) else v for v in row]
        dataset.append([escape_cell("" if v is None else v) for v in row])
    return dataset.export("csv").encode("utf-8-sig")


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
