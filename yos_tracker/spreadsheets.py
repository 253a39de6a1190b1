"""Spreadsheets in and out, shared by every importer and exporter (plans, indicators, risks).

Reading goes through tablib (openpyxl for .xlsx); what this module adds is what people type:
headers in any case, blank rows, trailing spaces, dates in the forms councils use, and cells
that a previous export escaped against formula injection.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
import tablib
from django.core.exceptions import ValidationError
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from yos_tracker.uploads import validate_upload

SPREADSHEET_TYPES = {".xlsx", ".csv"}
# A workbook this small on disk but larger unpacked is a zip bomb, not a plan.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
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


@dataclass(frozen=True)
class RowError:
    row: int  # as numbered in the spreadsheet: the header is row 1
    column: str
    message: str


class SpreadsheetError(ValidationError):
    """The file as a whole cannot be read (wrong type, damaged, missing columns)."""


def read_rows(upload, columns: dict[str, str], optional: set[str] = frozenset()) -> list[tuple[int, dict[str, object]]]:
    """Rows of an uploaded .xlsx or .csv as {key: value}, for columns {key: header}.

    Headers are matched ignoring case and surrounding spaces; unknown columns are ignored;
    blank rows are skipped; strings are trimmed. Raises SpreadsheetError with a clear message.
    """
    validate_upload(upload, allowed=SPREADSHEET_TYPES)
    name = upload.name.lower()
    content = upload.read()
    upload.seek(0)
    try:
        if name.endswith(".xlsx"):
            _refuse_zip_bomb(content)
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        else:
            text = content.decode("utf-8-sig")
            if "\x00" in text:  # validate_upload checks the first 2 KB only, and PostgreSQL cannot store a NUL
                raise SpreadsheetError("This does not look like a .csv text file.")
            dataset = tablib.Dataset().load(text, format="csv")
    except SpreadsheetError:
        raise
    except UnicodeDecodeError:
        raise SpreadsheetError("This CSV file is not UTF-8 text; save it from Excel as “CSV UTF-8”.") from None
    except Exception:  # noqa: BLE001 - whatever the parser chokes on, the person needs one message
        raise SpreadsheetError(
            "This file could not be read as a spreadsheet; is it really an Excel (.xlsx) or CSV file?"
        ) from None

    headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    wanted = {label.lower(): key for key, label in columns.items()}
    missing = [label for key, label in columns.items() if label.lower() not in headers and key not in optional]
    if missing:
        raise SpreadsheetError(f"These columns are missing from the first row: {', '.join(missing)}.")
    positions = {wanted[h]: i for i, h in enumerate(headers) if h in wanted}

    rows = []
    for number, raw in enumerate(dataset, start=2):
        values = {key: _clean(raw[i]) if i < len(raw) else None for key, i in positions.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append((number, values))
    return rows


def _refuse_zip_bomb(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SpreadsheetError("This workbook unpacks to far more than a spreadsheet should; it was refused.")
    except zipfile.BadZipFile:
        raise SpreadsheetError("This file is not a valid Excel (.xlsx) workbook.") from None


def _quoted(value: str) -> bool:
    """Starts with the quote an export puts before a leading =, +, -, @, tab or return, or before
    text that itself starts with such a quote (so that "'=1" survives a round trip). A worksheet
    gives a return back as a line feed, as XML does."""
    return value[:1] == QUOTE and value[1:2] in (*FORMULA_PREFIXES, QUOTE, "\n")


def _clean(value):
    if isinstance(value, str):
        # Undo the export's quote, then trim.
        if _quoted(value):
            value = value[1:]
        return value.strip()
    return value


def unchanged(stored, imported) -> bool:
    """Whether an imported cell says what is stored. Browsers post a line break as CRLF and a
    worksheet gives it back as LF: the same text, not a change to report or write."""
    if isinstance(stored, str) and isinstance(imported, str):
        return _line_feeds(stored) == _line_feeds(imported)
    return stored == imported


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def column_problems(model, name: str, value) -> list[str]:
    """What the database column `model.name` would refuse in `value` (text longer than the
    column, a number beyond it): an importer reports these as row errors instead of failing
    when it writes."""
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


def escape_cell(value):
    """Stop a spreadsheet program from running a cell as a formula (CSV/formula injection)."""
    if isinstance(value, str) and (value.startswith(FORMULA_PREFIXES) or _quoted(value)):
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


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]


def _text(value: str) -> str:
    # Control characters (Word's soft line break, \x0b) cannot be stored in a worksheet.
    return escape_cell(ILLEGAL_CHARACTERS_RE.sub("", value))


def write_workbook(sheets: list[Sheet]) -> bytes:
    """A workbook of the sheets, for every export: text escaped against formulas and cleaned of
    characters a worksheet cannot hold, numbers as numbers (in their format), dates as dates."""
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
        row = [v.value if isinstance(v, Formatted) else v for v in row]
        row = [v.strftime("%d/%m/%Y") if isinstance(v, datetime.date) else v for v in row]
        dataset.append([escape_cell("" if v is None else v) for v in row])
    return dataset.export("csv").encode("utf-8-sig")


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
