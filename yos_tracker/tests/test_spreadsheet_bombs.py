"""Files built to exhaust a worker are refused before anything parses them whole: measured in a
process of the test's own, whose peak memory is the reader's alone."""

import io
import json
import os
import subprocess
import sys
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yos_tracker.spreadsheets import MAX_COLUMNS, Column, read_sheet

PEAK_MEMORY_MB = 200
HEADERS = ["Reference", "Recommendation", "Action"]


SHEET = "xl/worksheets/sheet1.xml"
HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _workbook(sheet_data: bytes) -> bytes:
    """A workbook openpyxl writes, its one sheet's cells replaced by `sheet_data` (rows of XML)."""
    made = io.BytesIO()
    openpyxl.Workbook().save(made)
    buffer = io.BytesIO()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            if item.filename != SHEET:
                archive.writestr(item, source.read(item))
        archive.writestr(SHEET, HEAD + b"<sheetData>" + sheet_data + b"</sheetData></worksheet>")
    return buffer.getvalue()


def _one_row(cells: int) -> bytes:
    """A row of `cells` values: a few kilobytes zipped, tens of MB unzipped."""
    return b"<row>" + b"<c><v>1</v></c>" * cells + b"</row>"


READ = """
import json, re, sys
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from yos_tracker.spreadsheets import Column, read_sheet
upload = SimpleUploadedFile(sys.argv[1].rsplit("/", 1)[-1], open(sys.argv[1], "rb").read())
try:
    read_sheet(upload, [Column("a", "Reference"), Column("b", "Action")], max_rows=5000)
    said = "read"
except Exception as error:
    said = " ".join(getattr(error, "messages", [str(error)]))
# This process's own peak (ru_maxrss would carry over the peak of the pytest process it forked from).
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read())[1])
print(json.dumps({"said": said, "peak_mb": peak_kb / 1024}))
"""


@pytest.mark.parametrize(("name", "content"), [("bomb.xlsx", "xlsx"), ("bomb.csv", "csv")])
def test_a_row_of_two_million_cells_is_refused_in_little_memory(tmp_path, name, content):
    body = _workbook(_one_row(2_000_000)) if content == "xlsx" else b"1," * 2_000_000
    path = tmp_path / name
    path.write_bytes(body)
    assert len(body) < 5_000_000  # within a form upload
    answer = subprocess.run(
        [sys.executable, "-c", READ, str(path)], capture_output=True, text=True, timeout=120, env=os.environ.copy()
    )
    result = json.loads(answer.stdout.strip().splitlines()[-1])
    assert result["said"].startswith(f"This sheet has cells in more than {MAX_COLUMNS:,} columns")
    assert result["peak_mb"] < PEAK_MEMORY_MB


def _text(value: str) -> bytes:
    return f'<c t="inlineStr"><is><t>{value}</t></is></c>'.encode()


def test_a_sheet_whose_formatting_reaches_excels_last_column_is_still_read():
    """Formatted empty cells are no reason to refuse: only values count, up to Excel's own width."""
    formatted = b'<c s="0"/>' * 16_000
    rows = b"<row>" + _text("Reference") + _text("Action") + formatted + b"</row>"
    rows += b"<row>" + _text("1.1") + _text("Audit every assessment") + formatted + b"</row>"
    upload = SimpleUploadedFile("formatted.xlsx", _workbook(rows))
    sheet = read_sheet(upload, [Column("a", "Reference"), Column("b", "Action")], max_rows=10)
    assert [values for _, values in sheet.rows] == [{"a": "1.1", "b": "Audit every assessment"}]
