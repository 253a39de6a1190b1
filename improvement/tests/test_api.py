"""The improvement plan in the API: a progress update posted as the token's person, and plans
and actions shown with their status as it stood on a day."""

import datetime

import pytest
from django.test import Client

from improvement.models import ProgressUpdate, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.services import api_token_issue

BASE = "/api/v1/lewisham"


@pytest.fixture
def action(organisation):
    RagStatus.objects.install(organisation)
    return ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation)))


@pytest.fixture
def api(manager):
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Case system')[1]}")


def _post(api, **fields):
    return api.post(f"{BASE}/updates/", fields, content_type="application/json")


def test_a_posted_update_is_the_actions_status_and_its_author_is_the_tokens_person(api, action, manager):
    response = _post(
        api, action=action.pk, date="2017-05-02", narrative="Audit done", status="G", links=["https://x.org/a"]
    )
    assert response.status_code == 201
    assert response.json()["status"]["code"] == "G" and response.json()["author"] == manager.get_full_name()
    update = ProgressUpdate.objects.get()
    assert (update.author, update.evidence.get().link) == (manager, "https://x.org/a")
    assert update.history.first().history_user == manager
    listed = api.get(f"{BASE}/plans/{action.recommendation.plan_id}/actions/").json()["results"][0]
    assert (listed["current_status"]["code"], listed["last_update_on"]) == ("G", "2017-05-02")


def test_an_update_dated_in_the_future_is_refused_with_the_services_message(api, action):
    response = _post(api, action=action.pk, date="2999-01-01", narrative="Soon", status="G")
    assert response.status_code == 400
    assert "future" in str(response.json())
    assert not ProgressUpdate.objects.exists()


def test_an_update_cannot_name_another_organisations_action_or_an_unknown_status(api, action, other_organisation):
    RagStatus.objects.install(other_organisation)
    theirs = ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=other_organisation)))
    response = _post(api, action=theirs.pk, date="2017-05-02", narrative="x", status="Q")
    assert response.status_code == 400
    assert set(response.json()) == {"action", "status"}


def test_a_status_code_holding_a_nul_character_is_refused_not_looked_up(api, action):
    """PostgreSQL cannot compare text holding a NUL; schemathesis sent one and got a 500."""
    response = _post(api, action=action.pk, date="2017-05-02", narrative="x", status="G\x00")
    assert response.status_code == 400 and set(response.json()) == {"status"}


def test_actions_and_the_roll_up_as_at_a_day_show_the_status_they_had_then(api, action):
    UpdateFactory(action=action, date=datetime.date(2017, 3, 1))  # Amber from March
    plan = action.recommendation.plan_id
    before = api.get(f"{BASE}/plans/{plan}/actions/", {"as_of": "2017-02-28"}).json()["results"][0]
    after = api.get(f"{BASE}/plans/{plan}/actions/", {"as_of": "2017-03-31"}).json()["results"][0]
    assert (before["current_status"], after["current_status"]["code"]) == (None, "A")
    rollup = api.get(f"{BASE}/plans/{plan}/", {"as_of": "2017-02-28"}).json()["rollup"]
    assert rollup["summary"] == "1 action: 1 no update"


def test_a_date_that_is_not_one_is_a_400_naming_the_parameter(api, action):
    response = api.get(f"{BASE}/plans/{action.recommendation.plan_id}/actions/", {"as_of": "last week"})
    assert response.status_code == 400 and "as_of" in response.json()


@pytest.mark.parametrize("day", ["0001-01-01", "1997-12-31", "9999-12-31"])
def test_a_date_outside_what_can_be_looked_at_is_a_400_naming_the_parameter_and_its_range(api, action, day):
    response = api.get(f"{BASE}/plans/{action.recommendation.plan_id}/", {"as_of": day})
    assert response.status_code == 400
    assert response.json()["as_of"] == [f"“{day}” is out of range: use a date from 1998-01-01 to 9998-12-31."]


def test_actions_filter_by_status_code(api, action):
    UpdateFactory(action=action)
    ActionFactory(recommendation=action.recommendation)
    url = f"{BASE}/plans/{action.recommendation.plan_id}/actions/"
    assert [a["id"] for a in api.get(url, {"status": "A"}).json()["results"]] == [action.pk]
    assert len(api.get(url, {"status": "none"}).json()["results"]) == 1
