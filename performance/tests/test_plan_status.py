"""The dashboard's improvement-plan proportions: month by month, each as at its month's end, for
every status of the organisation's scale, adding up to 100%."""

import datetime
from decimal import Decimal

import pytest

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from performance import rollup
from performance.models import Indicator, Measurement, TrackedIndicator
from performance.tests.factories import indicator

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


@pytest.fixture
def lewisham_plan(organisation):
    """Lewisham's scale (with Purple); of four actions one is Green and one Purple by the end of
    June, one is Amber only from July, and one has no update."""
    scale = {s.code: s for s in RagStatus.objects.install(organisation, "lewisham")}
    rec = RecommendationFactory(plan=PlanFactory(organisation=organisation))
    UpdateFactory(action=ActionFactory(recommendation=rec), status=scale["G"], date=datetime.date(2017, 5, 2))
    UpdateFactory(action=ActionFactory(recommendation=rec), status=scale["P"], date=datetime.date(2017, 6, 30))
    UpdateFactory(action=ActionFactory(recommendation=rec), status=scale["A"], date=datetime.date(2017, 7, 3))
    ActionFactory(recommendation=rec)
    return scale


def percentages(organisation, month) -> dict[str, Decimal]:
    return {
        m.indicator.code: m.value
        for m in Measurement.objects.for_org(organisation).filter(period=month).select_related("indicator")
    }


def test_a_months_proportions_are_as_at_its_last_day_and_cover_every_status(organisation, lewisham_plan):
    rollup.plan_status_rollup(organisation=organisation, month=JUNE)
    shares = percentages(organisation, JUNE)
    assert shares == {
        "IP_GREEN": Decimal("25"),
        "IP_AMBER": Decimal("0"),  # its update is dated in July
        "IP_RED": Decimal("0"),
        "IP_PURPLE": Decimal("25"),
        "IP_NO_UPDATE": Decimal("50"),
    }
    assert sum(shares.values()) == 100


def test_each_month_keeps_its_own_proportions(organisation, lewisham_plan):
    for month in (datetime.date(2017, 5, 1), JUNE, datetime.date(2017, 7, 1)):
        rollup.plan_status_rollup(organisation=organisation, month=month)
    assert percentages(organisation, datetime.date(2017, 5, 1))["IP_GREEN"] == 25
    assert percentages(organisation, datetime.date(2017, 5, 1))["IP_NO_UPDATE"] == 75
    assert percentages(organisation, datetime.date(2017, 7, 1))["IP_AMBER"] == 25
    assert all(sum(percentages(organisation, m).values()) == 100 for m in (JUNE, datetime.date(2017, 7, 1)))


def test_a_status_the_organisation_added_gets_an_indicator_of_its_own(organisation, lewisham_plan):
    blue = RagStatus.objects.create(organisation=organisation, code="B", label="Blue", colour="#1d70b8", order=9)
    action = ActionFactory(recommendation=lewisham_plan["G"].organisation.plans.get().recommendations.get())
    UpdateFactory(action=action, status=blue, date=datetime.date(2017, 6, 5))
    rollup.plan_status_rollup(organisation=organisation, month=JUNE)
    own = Indicator.objects.get(organisation=organisation, code="IP_STATUS_B")
    assert own.name == "% of improvement plan actions rated Blue"
    assert percentages(organisation, JUNE)["IP_STATUS_B"] == 20
    assert sum(percentages(organisation, JUNE).values()) == 100


def test_an_organisation_that_shows_the_proportions_is_shown_every_one(organisation, lewisham_plan):
    TrackedIndicator.objects.create(organisation=organisation, indicator=indicator("IP_GREEN"), order=0)
    rollup.plan_status_rollup(organisation=organisation, month=JUNE)
    tracked = set(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True))
    assert tracked == {"IP_GREEN", "IP_AMBER", "IP_RED", "IP_PURPLE", "IP_NO_UPDATE"}


def test_an_organisation_that_does_not_show_them_tracks_nothing_new(organisation, lewisham_plan):
    rollup.plan_status_rollup(organisation=organisation, month=JUNE)
    assert not TrackedIndicator.objects.for_org(organisation).exists()


def test_no_update_yet_is_recorded_as_nothing_once_every_action_has_one(organisation):
    green = RagStatus.objects.install(organisation)[0]
    UpdateFactory(
        action=ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation))),
        status=green,
        date=datetime.date(2017, 6, 1),
    )
    rollup.plan_status_rollup(organisation=organisation, month=JUNE)
    assert percentages(organisation, JUNE)["IP_NO_UPDATE"] == 0
