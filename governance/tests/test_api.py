"""Governance in the API: the risk register with its computed scores, as it stood on a day too,
and report renders requested by someone who may report and downloaded once done."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from governance import services
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from governance.tests.factories import RiskFactory
from yos_tracker.services import api_token_issue

BASE = "/api/v1/lewisham"


def _api(user):
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=user, name='Script')[1]}")


def test_risks_come_with_likelihood_times_impact_and_the_band_of_the_matrix(organisation, board_member):
    services.risk_matrix_install(organisation=organisation)
    RiskFactory(organisation=organisation, inherent_likelihood=3, inherent_impact=3)
    risk = _api(board_member).get(f"{BASE}/risks/").json()[0]
    assert risk["inherent"]["score"] == 9 and risk["residual"]["score"] == 4
    assert risk["inherent"]["band"]["label"] == "High"


def test_the_register_as_at_a_day_has_the_scores_of_the_reviews_made_by_then(organisation, manager):
    services.risk_matrix_install(organisation=organisation)
    risk = RiskFactory(organisation=organisation)
    services.risk_review_record(
        risk=risk,
        reviewer=manager,
        date=datetime.date(2017, 9, 1),
        inherent_likelihood=3,
        inherent_impact=3,
        residual_likelihood=1,
        residual_impact=1,
    )
    api = _api(manager)
    then = api.get(f"{BASE}/risks/", {"as_of": "2017-07-01"}).json()[0]
    now = api.get(f"{BASE}/risks/").json()[0]
    assert (then["residual"]["score"], now["residual"]["score"]) == (4, 1)


def test_a_service_without_a_matrix_has_an_empty_register(organisation, manager):
    assert _api(manager).get(f"{BASE}/risks/").json() == []


@pytest.fixture
def report(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        title="Improvement plan progress",
        meeting_date=datetime.date(2017, 11, 7),
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 10, 31),
    )


def test_an_officer_requests_a_render_and_each_request_is_a_new_version(
    report, officer, django_capture_on_commit_callbacks
):
    api = _api(officer)
    with django_capture_on_commit_callbacks():
        first = api.post(f"{BASE}/reports/{report.pk}/renders/")
        second = api.post(f"{BASE}/reports/{report.pk}/renders/")
    assert (first.status_code, first.json()["version"], second.json()["version"]) == (202, 1, 2)
    assert [r["version"] for r in api.get(f"{BASE}/reports/{report.pk}/renders/").json()] == [2, 1]


def test_a_render_is_downloaded_once_done_and_not_before(report, board_member):
    render = ReportRender.objects.create(report=report, version=1)
    api = _api(board_member)
    assert api.get(f"{BASE}/renders/{render.pk}/file/").status_code == 404
    render.status = RenderStatus.DONE
    render.file.save("r.pdf", ContentFile(b"%PDF-1.7 done"))
    response = api.get(f"{BASE}/renders/{render.pk}/file/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 done"


def test_a_failed_render_is_queued_again_by_retry(report, officer, django_capture_on_commit_callbacks):
    render = ReportRender.objects.create(report=report, version=1, status=RenderStatus.FAILED, failure="Worker lost")
    with django_capture_on_commit_callbacks() as queued:
        response = _api(officer).post(f"{BASE}/renders/{render.pk}/retry/")
    assert (response.status_code, response.json()["status"], len(queued)) == (202, "queued", 1)
