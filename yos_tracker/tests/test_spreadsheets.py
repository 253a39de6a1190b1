"""Reading a spreadsheet, whatever its importer: the row limit, counted before a workbook is
parsed, and the header row found under a title."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from yos_tracker.spreadsheets import HEADER_SEARCH_ROWS, Column, SpreadsheetError, count_rows, read_sheet
from yos_tracker.tests.workbooks import workbook

COLUMNS = [Column("reference", "Reference", ("ref",)), Column("title", "Title"), Column("note", "Note", required=False)]


def _xlsx(rows, headers=("Ref", "Title")) -> SimpleUploadedFile:
    return SimpleUploadedFile("sheet.xlsx", workbook(list(headers), rows))


def _csv(lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile("sheet.csv", ("\r\n".join(lines) + "\r\n").encode())


def test_rows_are_counted_by_the_cells_that_hold_a_value_and_no_further_than_asked():
    upload = _xlsx([["1", "One"], [None, None], ["2", "Two"], [None, None], ["3", "Three"]])
    assert count_rows(upload, up_to=100) == 4  # the header and three rows; blank rows are not counted
    assert count_rows(upload, up_to=2) == 3  # stops one past the limit
    assert count_rows(_csv(["Ref,Title", "1,One", ",", "2,Two"]), up_to=100) == 3


def test_a_file_that_cannot_be_counted_is_left_to_the_reader():
    assert count_rows(SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04 not really"), up_to=10) is None
    with pytest.raises(SpreadsheetError, match="not a valid Excel"):
        read_sheet(SimpleUploadedFile("sheet.xlsx", b"PK\x03\x04 not really"), COLUMNS, max_rows=10)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_row_limit_takes_exactly_that_many_rows_and_refuses_one_more(kind):
    def upload(count):
        rows = [[str(n), f"Row {n}"] for n in range(count)]
        return _xlsx(rows) if kind == "xlsx" else _csv(["Ref,Title", *(",".join(r) for r in rows)])

    assert len(read_sheet(upload(20), COLUMNS, max_rows=20).rows) == 20
    with pytest.raises(SpreadsheetError, match=r"more than 20 rows of data.*parts of up to 20 rows"):
        read_sheet(upload(21 + HEADER_SEARCH_ROWS), COLUMNS, max_rows=20)  # past the count allowing a title
    with pytest.raises(SpreadsheetError, match="more than 20 rows of data"):
        read_sheet(upload(21), COLUMNS, max_rows=20)  # within it: refused while reading


def test_the_header_row_is_found_under_a_title_and_rows_are_numbered_as_the_sheet_numbers_them():
    upload = _xlsx(
        [[None, None], ["Ref", "Title", "Note"], ["1", "One", "  kept  "]], headers=("Our tracker", None, None)
    )
    sheet = read_sheet(upload, COLUMNS, max_rows=10)
    assert sheet.headers == ["Ref", "Title", "Note"]
    assert sheet.rows == [(4, {"reference": "1", "title": "One", "note": "kept"})]
