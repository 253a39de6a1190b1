"""The case audits list comes fifty to a page, while its grade split and its exports still cover
every audit of its filters."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from performance.models import AuditGrade, CaseAudit
from yos_tracker.tests.helpers import queries_to_open

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"performance:{name}", kwargs={"org": "lewisham", **kwargs})


def add_audits(organisation, grade, count, case_type="custody", start=0):
    """count audits, one a month going back from December 2025, so audit n is the (n+1)th newest."""
    CaseAudit.objects.bulk_create(
        CaseAudit(
            organisation=organisation,
            month=datetime.date(2025 - n // 12, 12 - n % 12, 1),
            case_reference=f"LW-{n:04d}",
            case_type=case_type,
            overall=grade,
        )
        for n in range(start, start + count)
    )


@pytest.fixture
def good(organisation):
    return {g.code: g for g in AuditGrade.objects.install(organisation, "lewisham")}["good"]


def references(response):
    return [row.audit.case_reference for row in response.context["audits"]]


def overall_total(response):
    overall = response.context["distribution"][-1]
    return sum(count for _, count, _ in overall.counts)


def page_links(html):
    nav = re.search(r'<nav aria-label="Audit pages">(.*?)</nav>', html, re.S).group(1)
    return dict((label, href.replace("&amp;", "&")) for href, label in re.findall(r'href="([^"]*)"[^>]*>([^<]*)<', nav))


def test_page_two_shows_the_fifty_first_to_hundredth_newest_and_the_split_still_counts_all(
    client, board_member, organisation, good
):
    add_audits(organisation, good, 120)
    client.force_login(board_member)
    response = client.get(url("audit_list"), {"page": "2"})
    assert references(response) == [f"LW-{n:04d}" for n in range(50, 100)]
    assert overall_total(response) == 120
    html = response.content.decode()
    assert "Showing 51–100 of 120 audits" in html
    assert '<a class="page-link" href="?page=2" aria-current="page">Page 2 of 3</a>' in html
    assert page_links(html)["Previous"] == "?page=1"
    assert page_links(html)["Next"] == "?page=3"


def test_the_page_links_keep_the_filters_and_the_split_counts_what_they_match(client, board_member, organisation, good):
    add_audits(organisation, good, 110)
    add_audits(organisation, good, 30, case_type="court_order", start=110)
    client.force_login(board_member)
    response = client.get(url("audit_list"), {"case_type": "custody", "page": "2"})
    assert overall_total(response) == 110
    links = page_links(response.content.decode())
    assert set(links) == {"Previous", "Page 2 of 3", "Next"}
    assert all("case_type=custody" in href for href in links.values())
    assert links["Next"] == "?case_type=custody&page=3"


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("", 1), ("0", 1), ("-4", 1), ("99999", 3), ("2.5", 1)])
def test_a_page_number_that_does_not_exist_shows_the_nearest_that_does(
    client, board_member, organisation, good, asked, shown
):
    add_audits(organisation, good, 120)
    client.force_login(board_member)
    response = client.get(url("audit_list"), {"page": asked})
    assert response.status_code == 200
    assert response.context["audits"].number == shown


def test_a_list_of_one_page_has_no_page_navigation(client, board_member, organisation, good):
    add_audits(organisation, good, 50)
    client.force_login(board_member)
    html = client.get(url("audit_list")).content.decode()
    assert "Showing 1–50 of 50 audits" in html
    assert "Audit pages" not in html


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_export_links_of_a_later_page_leave_out_the_page(client, board_member, organisation, good, fmt):
    add_audits(organisation, good, 120)
    client.force_login(board_member)
    html = client.get(url("audit_list"), {"case_type": "custody", "page": "3"}).content.decode()
    assert f'href="{url("audit_export", fmt=fmt)}?case_type=custody"' in html


def exported_references(download, fmt):
    """The case references of an export's rows (the second column, under a header row)."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    else:
        rows = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    return [row[1] for row in rows[1:]]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_export_asked_for_with_a_page_holds_every_audit_of_the_filter(
    client, board_member, organisation, good, fmt
):
    add_audits(organisation, good, 120)
    add_audits(organisation, good, 5, case_type="court_order", start=120)
    client.force_login(board_member)
    download = client.get(url("audit_export", fmt=fmt), {"case_type": "custody", "page": "2"})
    assert sorted(exported_references(download, fmt)) == [f"LW-{n:04d}" for n in range(120)]


def test_the_list_makes_as_many_queries_for_three_pages_of_audits_as_for_two_audits(
    client, board_member, organisation, good
):
    client.force_login(board_member)
    add_audits(organisation, good, 2)
    few = queries_to_open(client, url("audit_list") + "?page=2")
    add_audits(organisation, good, 118, start=2)
    assert queries_to_open(client, url("audit_list") + "?page=2") == few
