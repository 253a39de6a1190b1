"""Text that looks like a formula: a workbook keeps it as typed, with Excel's quote prefix style;
a CSV puts an apostrophe before it; both read back as the text that was exported."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yos_tracker.spreadsheets import Column, read_sheet, write_table
from yos_tracker.tests.workbooks import workbook

COLUMNS = [Column("reference", "Reference"), Column("title", "Title")]
LOOKS_LIKE_A_FORMULA = ["=SUM(A1)", "-2 children", "+44 20 7946 0000", "@risk", "'=1"]


def _titles(content: bytes, fmt: str) -> list[str]:
    rows = read_sheet(SimpleUploadedFile(f"export.{fmt}", content), COLUMNS, max_rows=100).rows
    return [values["title"] for _, values in rows]


def _exported(fmt: str) -> bytes:
    rows = [[str(n), text] for n, text in enumerate([*LOOKS_LIKE_A_FORMULA, "Plain"], start=1)]
    return write_table(["Reference", "Title"], rows, fmt)


def test_a_workbook_holds_the_text_as_typed_with_the_quote_prefix_style():
    sheet = openpyxl.load_workbook(io.BytesIO(_exported("xlsx"))).active
    cells = {cell.value: cell for cell in sheet["B"][1:]}
    for text in LOOKS_LIKE_A_FORMULA:
        cell = cells[text]  # no apostrophe added before it
        assert cell.quotePrefix, text
        assert cell.data_type == "s", text  # text, never a formula
    assert not cells["Plain"].quotePrefix


def test_a_csv_keeps_the_apostrophe_guard():
    lines = _exported("csv").decode("utf-8-sig").splitlines()
    assert lines[1] == "1,'=SUM(A1)"
    assert lines[2] == "2,'-2 children"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_text_that_looks_like_a_formula_reads_back_unchanged(fmt):
    assert _titles(_exported(fmt), fmt) == [*LOOKS_LIKE_A_FORMULA, "Plain"]


def test_a_workbook_from_before_the_quote_prefix_style_still_reads_without_its_apostrophe():
    older = workbook(["Reference", "Title"], [["1", "'=SUM(A1)"], ["2", "'-2 children"]])
    assert _titles(older, "xlsx") == ["=SUM(A1)", "-2 children"]
