"""The register's export names both scores, likelihood × impact and as recorded; an import reads
the recorded one (under its old name "Score" too) and never the computed one. Text that looks like
a formula goes out and comes back as typed."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from governance import services, spreadsheet
from governance.models import Risk
from governance.tests.factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def risk(organisation):
    services.risk_matrix_install(organisation=organisation)
    # Medium × High is 6; the board's register records it as 2.
    return RiskFactory(organisation=organisation, number=1, inherent_score_recorded=2)


def _sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def _cells(sheet) -> dict[str, object]:
    headers = [cell.value for cell in sheet[1]]
    return dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))


def test_the_export_gives_the_computed_and_the_recorded_score_each_named(organisation, risk):
    row = _cells(_sheet(spreadsheet.export(organisation)))
    assert row["Score before (likelihood × impact)"] == 6
    assert row["Score before as recorded"] == 2
    assert row["Score after (likelihood × impact)"] == 4
    assert row["Score after as recorded"] == 4  # no score recorded apart: the register's is the computed one
    assert "Score before" not in row


def test_the_computed_score_is_not_read_back(organisation, risk):
    sheet = _sheet(spreadsheet.export(organisation))
    column = [cell.value for cell in sheet[1]].index("Score before (likelihood × impact)") + 1
    sheet.cell(row=2, column=column, value=9)  # edited in the file: it is derived, so ignored
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    result = spreadsheet.RISK_IMPORTER.preview(
        organisation=organisation, upload=SimpleUploadedFile("register.xlsx", buffer.getvalue())
    )
    assert result.is_valid and [row.kind for row in result.rows] == ["unchanged"]
    assert result.unknown_headers == []  # and nobody is asked which column it is
    assert not result.needs_columns


def test_an_older_export_headed_score_still_imports_its_recorded_scores(organisation):
    services.risk_matrix_install(organisation=organisation)
    book = openpyxl.Workbook()
    headers = ["No", "Title", "Description and consequences", "Owner", "Likelihood before", "Impact before"]
    book.active.append([*headers, "Score before"])
    book.active.append([1, "Analytic capacity", "d", "GR", 2, 3, 2])
    buffer = io.BytesIO()
    book.save(buffer)
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=SimpleUploadedFile("old.xlsx", buffer.getvalue()))
    risk = Risk.objects.get(organisation=organisation, number=1)
    assert (risk.inherent_score, risk.inherent_score_recorded) == (6, 2)


def test_a_plain_score_header_is_the_recorded_score_before_mitigation(organisation):
    services.risk_matrix_install(organisation=organisation)
    upload = SimpleUploadedFile(
        "register.csv", b"Risk,Description,Risk owner,Likelihood,Impact,Score\r\nStaffing,d,GR,2,3,5\r\n"
    )
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    assert Risk.objects.get(organisation=organisation).inherent_score_recorded == 5


@pytest.mark.parametrize("title", ["=SUM(A1)", "-2 children"])
def test_a_title_that_looks_like_a_formula_exports_as_typed_and_imports_unchanged(organisation, risk, title):
    Risk.objects.filter(pk=risk.pk).update(title=title)
    content = spreadsheet.export(organisation)
    cell = _sheet(content)["C2"]
    assert (cell.value, cell.quotePrefix, cell.data_type) == (title, True, "s")
    result = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=SimpleUploadedFile("r.xlsx", content))
    assert result.is_valid and [row.kind for row in result.rows] == ["unchanged"]
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=SimpleUploadedFile("r.xlsx", content))
    assert Risk.objects.get(pk=risk.pk).title == title
