"""The case audits page offers its export, and what it exports imports back unchanged."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance.models import AuditGrade, CaseAudit
from performance.spreadsheet import AUDIT_IMPORTER

pytestmark = pytest.mark.django_db
MARCH = datetime.date(2017, 3, 1)


def url(name, **kwargs):
    return reverse(f"performance:{name}", kwargs={"org": "lewisham", **kwargs})


@pytest.fixture
def grades(organisation):
    grades = {g.code: g for g in AuditGrade.objects.install(organisation, "lewisham")}
    for reference, grade in (("LW-101", "good"), ("LW-102", "poor")):
        CaseAudit.objects.create(
            organisation=organisation,
            month=MARCH,
            case_reference=reference,
            case_type="court_order",
            overall=grades[grade],
            notes='=HYPERLINK("http://example.invalid")',
        )
    return grades


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_audits_page_links_to_its_export_with_its_filters(client, board_member, grades, fmt):
    client.force_login(board_member)
    page = client.get(url("audit_list"), {"overall": grades["poor"].pk}).content.decode()
    assert f'href="{url("audit_export", fmt=fmt)}?overall={grades["poor"].pk}"' in page


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_downloaded_audits_import_back_unchanged(client, manager, organisation, grades, fmt):
    client.force_login(manager)
    download = client.get(url("audit_export", fmt=fmt))
    assert download.status_code == 200
    result = AUDIT_IMPORTER.preview(
        organisation=organisation, upload=SimpleUploadedFile(f"audits.{fmt}", download.content), user=manager
    )
    assert result.is_valid, [str(e) for e in result.errors]
    assert sorted((row.label, row.kind) for row in result.rows) == [
        (label, "unchanged") for label in sorted(row.label for row in result.rows)
    ]
    assert len(result.rows) == 2
