"""The slipping rules (overdue, stale) and the roll-up, tested directly."""

import datetime

import pytest

from improvement.models import Action, RagStatus
from improvement.rollups import rollup
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2017, 7, 15)


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation, stale_after_days=60)


@pytest.fixture
def scale(plan):
    return {s.code: s for s in RagStatus.objects.for_org(plan.organisation)}


def progress(action, today=TODAY):
    plan = action.recommendation.plan
    return Action.objects.with_progress(today=today, stale_after_days=plan.stale_after_days).get(pk=action.pk)


def action_in(plan, **kwargs):
    return ActionFactory(recommendation=RecommendationFactory(plan=plan), **kwargs)


class TestOverdue:
    def test_past_due_and_not_complete_is_overdue(self, plan, scale):
        action = action_in(plan, due_date=datetime.date(2017, 6, 30))
        UpdateFactory(action=action, status=scale["A"], date=datetime.date(2017, 7, 1))
        assert progress(action).is_overdue

    def test_past_due_but_complete_is_not_overdue(self, plan, scale):
        action = action_in(plan, due_date=datetime.date(2017, 6, 30))
        UpdateFactory(action=action, status=scale["G"], date=datetime.date(2017, 7, 1))
        assert not progress(action).is_overdue

    def test_due_today_is_not_yet_overdue(self, plan):
        assert not progress(action_in(plan, due_date=TODAY)).is_overdue

    def test_past_due_with_no_update_is_overdue(self, plan):
        assert progress(action_in(plan, due_date=datetime.date(2017, 7, 14))).is_overdue

    def test_no_due_date_is_never_overdue(self, plan):
        assert not progress(action_in(plan, due_date=None)).is_overdue

    def test_it_is_the_latest_update_that_counts(self, plan, scale):
        action = action_in(plan, due_date=datetime.date(2017, 6, 30))
        UpdateFactory(action=action, status=scale["G"], date=datetime.date(2017, 5, 1))
        UpdateFactory(action=action, status=scale["R"], date=datetime.date(2017, 6, 1))  # reopened
        assert progress(action).is_overdue
        assert progress(action).current_status_pk == scale["R"].pk


class TestStale:
    def test_no_update_for_more_than_the_plans_days_is_stale(self, plan, scale):
        action = action_in(plan, due_date=None)
        UpdateFactory(action=action, status=scale["A"], date=TODAY - datetime.timedelta(days=61))
        assert progress(action).is_stale

    def test_an_update_exactly_that_many_days_ago_is_not_yet_stale(self, plan, scale):
        action = action_in(plan, due_date=None)
        UpdateFactory(action=action, status=scale["A"], date=TODAY - datetime.timedelta(days=60))
        assert not progress(action).is_stale

    def test_complete_actions_are_never_stale(self, plan, scale):
        action = action_in(plan)
        UpdateFactory(action=action, status=scale["G"], date=TODAY - datetime.timedelta(days=400))
        assert not progress(action).is_stale

    def test_before_the_first_update_it_counts_from_the_start_date(self, plan):
        assert progress(action_in(plan, start_date=TODAY - datetime.timedelta(days=61), due_date=None)).is_stale
        assert not progress(action_in(plan, start_date=TODAY - datetime.timedelta(days=59), due_date=None)).is_stale

    def test_the_number_of_days_is_the_plans(self, plan, scale):
        plan.stale_after_days = 14
        plan.save()
        action = action_in(plan, due_date=None)
        UpdateFactory(action=action, status=scale["A"], date=TODAY - datetime.timedelta(days=15))
        assert progress(action).is_stale


class TestRollup:
    def test_counts_follow_the_scale_order_and_no_update_comes_last(self, plan, scale):
        ordered = list(scale.values())
        result = rollup(scale=ordered, status_pks=[scale["G"].pk, scale["G"].pk, scale["A"].pk, None])
        assert [(s.status.code if s.status else None, s.count) for s in result.segments] == [
            ("G", 2),
            ("A", 1),
            ("R", 0),
            ("W", 0),
            (None, 1),
        ]
        assert result.total == 4
        assert [s.percent for s in result.segments] == [50.0, 25.0, 0.0, 0.0, 25.0]

    def test_summary_reads_like_the_committee_reports(self, plan, scale):
        result = rollup(scale=list(scale.values()), status_pks=[scale["G"].pk] * 30 + [scale["A"].pk] * 2)
        assert result.summary == "32 actions: 30 Green, 2 Amber"

    def test_an_empty_plan_rolls_up_to_nothing(self, plan, scale):
        result = rollup(scale=list(scale.values()), status_pks=[])
        assert result.total == 0 and result.summary == "0 actions"
        assert all(s.count == 0 and s.percent == 0 for s in result.segments)

    def test_scales_are_data_lewisham_has_purple(self, other_organisation):
        statuses = RagStatus.objects.install(other_organisation, "lewisham")
        assert [s.label for s in statuses] == ["Green", "Amber", "Red", "Purple"]
        purple = statuses[3]
        result = rollup(scale=statuses, status_pks=[purple.pk])
        assert result.summary == "1 action: 1 Purple"
        assert purple.is_off_track and not purple.is_complete
