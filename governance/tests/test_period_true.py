"""A committee report tells the truth about its period: re-rendered after later updates, actions,
plans, risks, reviews, self-assessments and values, it shows the same tables."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from governance import reporting, selectors
from governance.models import CommitteeReport, Risk, RiskReview, SelfAssessment
from governance.tests.factories import RiskFactory
from improvement import services as improvement_services
from improvement.models import Action, ImprovementPlan, InspectionFramework, ProgressUpdate, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from performance.choices import OffenceType
from performance.models import Case, Indicator, Measurement, QualifyingOutcome, Reoffence
from performance.tests.factories import outcome_kind

pytestmark = pytest.mark.django_db

AFTER = datetime.date(2017, 9, 1)  # after the June 2017 report's period


def tables(html: str) -> list[str]:
    """Every table of the report as its text, whitespace folded."""
    found = re.findall(r"<table\b.*?</table>", html, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table)).strip() for table in found]


@pytest.fixture
def report(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")


def test_a_report_rendered_again_after_later_records_shows_the_same_tables(report, manager):
    organisation = report.organisation
    before = tables(reporting.render_html(report))
    plan = ImprovementPlan.objects.for_org(organisation).in_force(report.period_end)
    green = RagStatus.objects.get(organisation=organisation, code="G")

    # Later progress on every action, a later action and a later recommendation, and a plan that
    # starts later and is in force today.
    for action in Action.objects.filter(recommendation__plan=plan):
        improvement_services.action_update_add(
            action=action, author=manager, date=AFTER, narrative="Done.", status=green
        )
    late_recommendation = RecommendationFactory(plan=plan, reference="99", text="A recommendation added later.")
    ActionFactory(recommendation=late_recommendation, reference="99.1", start_date=AFTER, due_date=AFTER)
    improvement_services.next_steps_set(owner=plan.recommendations.first(), texts=["A step written in 2018."])
    PlanFactory(organisation=organisation, title="The next plan", period_start=AFTER, period_end=AFTER.replace(2019))
    # A later risk, and later reviews that move the register's scores.
    RiskFactory(organisation=organisation, number=99, raised_on=AFTER, title="Raised later")
    for risk in Risk.objects.for_org(organisation):
        RiskReview.objects.create(
            risk=risk, date=AFTER, inherent_likelihood=3, inherent_impact=3, residual_likelihood=3, residual_impact=3
        )
        Risk.objects.filter(pk=risk.pk).update(residual_likelihood=3, residual_impact=3, last_reviewed=AFTER)
    # A later self-assessment and later values.
    SelfAssessment.objects.create(
        organisation=organisation,
        framework=InspectionFramework.objects.get(code="hmip-2018"),
        date=AFTER,
        title="Later",
    )
    for indicator in Indicator.objects.filter(tracked_by__organisation=organisation)[:5]:
        Measurement.objects.update_or_create(
            organisation=organisation, indicator=indicator, period=AFTER, defaults={"value": Decimal(1)}
        )

    # A live-tracker reoffence proven after the period, and a child whose outcome came after it.
    tracked = Case.objects.for_org(organisation).order_by("pk").first()
    Reoffence.objects.create(
        case=tracked,
        offence_date=datetime.date(2017, 5, 1),
        proven_date=AFTER,
        offence_type=OffenceType.ROBBERY,
        violent=True,
    )
    later = Case.objects.create(organisation=organisation, reference="LW-LT-9999")
    QualifyingOutcome.objects.create(case=later, date=AFTER, kind=outcome_kind(organisation))

    after = tables(reporting.render_html(report))
    assert after == before
    assert len(before) >= 5 and "A recommendation added later" not in " ".join(after)
    assert any("2017 live tracker: binary rate" in table for table in before)


def test_the_plan_in_force_on_a_day_is_the_one_whose_period_covers_it(organisation):
    old = PlanFactory(organisation=organisation, period_start=datetime.date(2017, 1, 1))
    new = PlanFactory(
        organisation=organisation, period_start=datetime.date(2019, 1, 1), period_end=datetime.date(2019, 12, 31)
    )
    plans = ImprovementPlan.objects.for_org(organisation)
    assert plans.in_force(datetime.date(2017, 6, 28)) == old
    assert plans.in_force(datetime.date(2019, 6, 28)) == new
    assert plans.in_force(datetime.date(2018, 6, 28)) == old  # overrunning its end, still the latest started
    assert plans.in_force(datetime.date(2016, 6, 28)) is None


def test_an_action_has_the_status_of_its_latest_update_on_or_before_the_day(organisation):
    RagStatus.objects.install(organisation)
    scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    action = ActionFactory(recommendation=RecommendationFactory(plan=PlanFactory(organisation=organisation)))
    UpdateFactory(action=action, date=datetime.date(2017, 3, 1), status=scale["A"])
    UpdateFactory(action=action, date=datetime.date(2017, 8, 1), status=scale["G"])
    actions = Action.objects.filter(pk=action.pk)
    june = actions.with_progress(today=AFTER, stale_after_days=60, as_of=datetime.date(2017, 6, 28)).get()
    assert (june.current_status_pk, june.last_update_on) == (scale["A"].pk, datetime.date(2017, 3, 1))
    assert not june.is_overdue  # due 30/06/2017: not yet, on 28 June
    july = actions.with_progress(today=AFTER, stale_after_days=60, as_of=datetime.date(2017, 7, 15)).get()
    assert july.current_status_pk == scale["A"].pk and july.is_overdue
    now = actions.with_progress(today=AFTER, stale_after_days=60).get()
    assert now.current_status_pk == scale["G"].pk and not now.is_overdue


def test_an_action_added_later_is_not_on_the_plan_of_an_earlier_day(organisation):
    plan = PlanFactory(organisation=organisation)
    recommendation = RecommendationFactory(plan=plan)
    backfilled = ActionFactory(recommendation=recommendation, start_date=datetime.date(2017, 1, 1))
    later = ActionFactory(recommendation=recommendation, start_date=AFTER, due_date=AFTER)
    undated = ActionFactory(recommendation=recommendation, start_date=None)
    on_plan = set(Action.objects.filter(recommendation__plan=plan).existing_at(datetime.date(2017, 6, 28)))
    # Entered today, the backfilled action starts by its own date; the undated one has no date
    # saying it was there then; the later one starts afterwards.
    assert on_plan == {backfilled}
    assert ProgressUpdate.objects.count() == 0 and later and undated


def test_the_register_of_a_day_scores_each_risk_at_its_latest_review_by_then(organisation):
    risk = RiskFactory(organisation=organisation, raised_on=datetime.date(2017, 1, 5))  # 2×3 before, 2×2 after
    RiskReview.objects.create(
        risk=risk,
        date=datetime.date(2017, 4, 1),
        inherent_likelihood=3,
        inherent_impact=3,
        residual_likelihood=1,
        residual_impact=2,
    )
    RiskReview.objects.create(
        risk=risk,
        date=datetime.date(2017, 8, 1),
        inherent_likelihood=1,
        inherent_impact=1,
        residual_likelihood=1,
        residual_impact=1,
    )
    RiskFactory(organisation=organisation, raised_on=AFTER)
    (then,) = selectors.risks_as_of(organisation, datetime.date(2017, 6, 28))
    assert (then.pk, then.inherent_score, then.residual_score, then.last_reviewed) == (
        risk.pk,
        9,
        2,
        datetime.date(2017, 4, 1),
    )
    (first,) = selectors.risks_as_of(organisation, datetime.date(2017, 2, 1))
    assert (first.inherent_score, first.residual_score, first.last_reviewed) == (6, 4, None)  # as first recorded
    risk.refresh_from_db()
    assert risk.inherent_score == 6  # nothing was saved


def test_the_self_assessment_in_force_is_the_latest_made_by_the_day(organisation):
    framework = InspectionFramework.objects.get(code="hmip-2018")
    spring = SelfAssessment.objects.create(
        organisation=organisation, framework=framework, date=datetime.date(2017, 3, 1), title="Spring"
    )
    SelfAssessment.objects.create(organisation=organisation, framework=framework, date=AFTER, title="Autumn")
    assert selectors.assessment_in_force(organisation, datetime.date(2017, 6, 28)) == spring
    assert selectors.assessment_in_force(organisation, datetime.date(2017, 1, 1)) is None
