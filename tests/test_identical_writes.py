"""An input identical to what is stored changes nothing, whichever service takes it
(yos_tracker.records): saved again, a meeting, a self-assessment, an inspection's ratings, a
rating by judgement and the shared catalogue write no history; a progress update sent twice is
recorded once, by the page and by the API."""

import datetime
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from governance import services as governance_services
from governance.choices import Agency
from governance.models import Board, BoardMember, Meeting, SelfAssessment
from improvement import services as improvement_services
from improvement.models import Inspection, InspectionFramework, ProgressUpdate, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from performance import services as performance_services
from performance.models import RatingStep
from performance.tests.factories import indicator
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db


def history_rows() -> int:
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def test_a_meeting_saved_again_as_it_was_writes_nothing(organisation):
    board = Board.objects.create(organisation=organisation, name="Youth Justice Management Board")
    police = BoardMember.objects.create(board=board, name="Borough Commander", agency=Agency.POLICE, statutory=True)
    saved = governance_services.meeting_save(
        meeting=Meeting(board=board, date=datetime.date(2019, 5, 22)),
        agenda=["Performance report", "Risk register"],
        attendance={police.pk: "present"},
    )
    before = history_rows()
    again = Meeting.objects.get(pk=saved.pk)
    governance_services.meeting_save(
        meeting=again, agenda=["Performance report", "Risk register"], attendance={police.pk: "present"}
    )
    assert history_rows() == before


def test_a_self_assessment_and_an_inspections_ratings_saved_again_write_nothing(organisation):
    framework = InspectionFramework.objects.get(code="hmip-2018")
    good = framework.levels.get(label="Good")
    standards = list(framework.standards.all()[:2])
    inspection = Inspection.objects.create(organisation=organisation, framework=framework, inspection_type="full_joint")
    improvement_services.inspection_ratings_save(inspection=inspection, ratings={s: (good, "Seen") for s in standards})
    fields = {"organisation": organisation, "framework": framework, "date": datetime.date(2019, 3, 1), "title": "Q4"}
    assessment = governance_services.self_assessment_save(
        **fields, assessment=None, ratings={s: (good, "Strong", "Minutes") for s in standards}
    )
    before = history_rows()
    improvement_services.inspection_ratings_save(inspection=inspection, ratings={s: (good, "Seen") for s in standards})
    governance_services.self_assessment_save(
        **fields,
        assessment=SelfAssessment.objects.get(pk=assessment.pk),
        ratings={s: (good, "Strong", "Minutes") for s in standards},
    )
    assert history_rows() == before


def test_a_rating_by_judgement_given_again_writes_nothing(organisation, manager):
    step = RatingStep.objects.install(organisation)[0]
    rating = {"organisation": organisation, "indicator": indicator("CUSTODY_COUNT"), "step": step, "note": "As judged"}
    performance_services.indicator_judgement_record(**rating, period=datetime.date(2017, 6, 1), user=manager)
    before = history_rows()
    performance_services.indicator_judgement_record(**rating, period=datetime.date(2017, 6, 15), user=manager)
    assert history_rows() == before


def test_syncing_the_catalogue_again_writes_nothing():
    call_command("sync_catalogue", stdout=io.StringIO())
    before = history_rows()
    call_command("sync_catalogue", stdout=io.StringIO())
    assert history_rows() == before


@pytest.fixture
def action(organisation):
    RagStatus.objects.install(organisation)
    return ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation)))


def test_an_update_submitted_twice_on_its_page_is_recorded_once(client, manager, action):
    green = RagStatus.objects.get(organisation=action.recommendation.plan.organisation, code="G")
    client.force_login(manager)
    page = reverse("improvement:action_detail", kwargs={"org": "lewisham", "pk": action.pk})
    data = {"date": "2017-06-01", "status": green.pk, "narrative": "Audit complete.\r\nNext: police data."}
    for _ in range(2):
        assert client.post(page, data).status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 1


def test_an_update_sent_twice_through_the_api_is_recorded_once_and_the_second_answer_says_so(manager, action):
    api = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Feed')[1]}")
    body = {"action": action.pk, "date": "2017-06-01", "status": "G", "narrative": "Audit complete."}
    first = api.post("/api/v1/lewisham/updates/", body, content_type="application/json")
    second = api.post("/api/v1/lewisham/updates/", body, content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert ProgressUpdate.objects.filter(action=action).count() == 1
