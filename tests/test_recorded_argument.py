"""Pages and the API that show a past period take the same optional argument as a re-rendered
report: `recorded`, the moment to read the records as they had been recorded at. A value
corrected, an update typed or a review added after that moment is left out."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from governance import services as governance_services
from governance.tests.factories import RiskFactory
from improvement import services as improvement_services
from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from performance import services as performance_services
from performance.tests.factories import TrackedFactory, indicator
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


@pytest.fixture
def before_and_after(organisation, manager):
    """A value of 44 for June 2017, recorded; the moment; then the value corrected to 99."""
    TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
    record = {"organisation": organisation, "indicator": indicator("CUSTODY_COUNT"), "period": JUNE, "user": manager}
    performance_services.measurement_record(**record, value=44)
    moment = timezone.now()
    performance_services.measurement_record(**record, value=99)
    return moment


@pytest.fixture
def api(manager):
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Reader')[1]}")


def _custody(rows) -> str:
    return next(row for row in rows if row["indicator"] == "CUSTODY_COUNT")["value"]


def test_the_dashboard_reads_the_values_as_recorded_at_a_moment(client, manager, before_and_after):
    client.force_login(manager)
    now = client.get("/lewisham/performance/", {"period": "2017-06-01"}).content.decode()
    then = client.get(
        "/lewisham/performance/", {"period": "2017-06-01", "recorded": before_and_after.isoformat()}
    ).content.decode()
    row = lambda html: html[html.index('data-indicator="CUSTODY_COUNT"') :][:2000]  # noqa: E731
    assert ">99<" in row(now) and ">44<" in row(then)
    assert "as their records had been recorded on" in then and "as their records had been recorded on" not in now
    assert client.get("/lewisham/performance/", {"recorded": "yesterday"}).status_code == 404


def test_the_api_dashboard_takes_the_moment_and_refuses_one_that_is_not(api, before_and_after):
    url = "/api/v1/lewisham/dashboard/"
    assert float(_custody(api.get(url, {"period": "2017-06-01"}).json()["rows"])) == 99
    then = api.get(url, {"period": "2017-06-01", "recorded": before_and_after.isoformat()})
    assert float(_custody(then.json()["rows"])) == 44
    refused = api.get(url, {"recorded": "not-a-moment"})
    assert refused.status_code == 400 and "recorded" in refused.json()


def test_the_api_plan_roll_up_and_actions_read_updates_as_recorded(api, organisation, manager):
    scale = {s.code: s for s in RagStatus.objects.install(organisation)}
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan))
    improvement_services.action_update_add(
        action=action, author=manager, date=datetime.date(2017, 3, 1), status=scale["G"], narrative="Done."
    )
    moment = timezone.now()
    improvement_services.action_update_add(
        action=action, author=manager, date=datetime.date(2017, 3, 2), status=scale["R"], narrative="Slipped."
    )
    then = {"as_of": "2017-06-30", "recorded": moment.isoformat()}
    assert api.get(f"/api/v1/lewisham/plans/{plan.pk}/", {"as_of": "2017-06-30"}).json()["rollup"]["summary"] == (
        "1 action: 1 Red"
    )
    assert api.get(f"/api/v1/lewisham/plans/{plan.pk}/", then).json()["rollup"]["summary"] == "1 action: 1 Green"
    listed = api.get(f"/api/v1/lewisham/plans/{plan.pk}/actions/", then).json()["results"]
    assert [a["current_status"]["code"] for a in listed] == ["G"]


def test_the_api_register_reads_reviews_as_recorded(api, organisation, manager):
    governance_services.risk_matrix_install(organisation=organisation)
    risk = RiskFactory(organisation=organisation, raised_on=datetime.date(2017, 1, 9))
    moment = timezone.now()
    governance_services.risk_review_record(
        risk=risk,
        reviewer=manager,
        date=datetime.date(2017, 6, 20),
        inherent_likelihood=3,
        inherent_impact=3,
        residual_likelihood=3,
        residual_impact=3,
    )
    url = "/api/v1/lewisham/risks/"
    assert api.get(url, {"as_of": "2017-06-30"}).json()[0]["residual"]["score"] == 9
    then = api.get(url, {"as_of": "2017-06-30", "recorded": moment.isoformat()}).json()
    assert then[0]["residual"]["score"] == 4


def test_a_moment_with_an_offset_postgresql_refuses_is_read_in_utc(api, organisation, manager):
    """Python reads offsets up to 24 hours; PostgreSQL compares only to 16 (schemathesis sent +16:03)."""
    scale = {s.code: s for s in RagStatus.objects.install(organisation)}
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan))
    improvement_services.action_update_add(
        action=action, author=manager, date=datetime.date(2017, 3, 1), status=scale["G"], narrative="Done."
    )
    later = (timezone.now() + datetime.timedelta(days=2)).astimezone(
        datetime.timezone(datetime.timedelta(hours=16, minutes=3))
    )
    answer = api.get(f"/api/v1/lewisham/plans/{plan.pk}/", {"recorded": later.isoformat()})
    assert answer.status_code == 200 and answer.json()["rollup"]["summary"] == "1 action: 1 Green"
