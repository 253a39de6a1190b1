"""Lewisham with one record of every kind that has a ranged integer or date (yos_tracker.ranges),
and what is stored outside a range: what the tests of values at the bounds and of extreme writes
build on."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from governance.choices import FIVE_BY_FIVE_RISK_MATRIX, Agency, AttendanceStatus
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardAction,
    BoardMember,
    CommitteeReport,
    LogicModel,
    LogicOutcome,
    LogicOutcomeReview,
    Meeting,
    PlanSignOff,
    RiskReview,
    SelfAssessment,
)
from governance.models.reports import ReportKind
from governance.services import risk_matrix_install
from governance.tests.factories import RiskFactory
from improvement.models import InspectionFramework, NextStep, PlanApproval, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from onboarding.services import organisation_install
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Cohort,
    Comparator,
    IndicatorJudgement,
    QualifyingOutcome,
    RatingStep,
    Reoffence,
    RollupRun,
)
from performance.tests.factories import MeasurementFactory, TargetFactory, indicator, outcome_kind
from yos_tracker.choices import Role
from yos_tracker.ranges import ranges_of
from yos_tracker.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

APPS = ("improvement", "performance", "governance")
# Shared by every service and loaded by migrations: not one service's records.
REFERENCE_DATA = {"InspectionFramework", "JudgementLevel", "Standard", "IndicatorCategory"}


def ranged_models() -> list[type[models.Model]]:
    return [model for name in APPS for model in apps.get_app_config(name).get_models() if ranges_of(model)]


def out_of_range() -> list[str]:
    """Every stored value outside its field's range, as model, field and value."""
    found = []
    for model in ranged_models():
        for field, limits in ranges_of(model).items():
            past = models.Q(**{f"{field}__lt": limits.lowest}) | models.Q(**{f"{field}__gt": limits.highest})
            for pk, value in model._base_manager.filter(past).values_list("pk", field):
                found.append(f"{model._meta.label} {pk}: {field} {value}")
    return found


def build():
    """Lewisham, a manager (the owner of its action) and a superuser, and a record of every kind."""
    organisation = OrganisationFactory(name="Lewisham Youth Offending Service", slug="lewisham")
    risk_matrix_install(organisation=organisation, definition=FIVE_BY_FIVE_RISK_MATRIX)  # levels up to 5
    organisation_install(organisation=organisation)
    manager = MembershipFactory(
        user=UserFactory(username="manager", email="manager@lewisham.example"),
        organisation=organisation,
        role=Role.MANAGER,
    ).user
    get_user_model().objects.create_superuser("walker", "walker@example.org", "x")

    plan = PlanFactory(organisation=organisation)
    recommendation = RecommendationFactory(plan=plan)
    action = ActionFactory(recommendation=recommendation, owner=manager)
    UpdateFactory(action=action)
    NextStep.objects.create(action=action, text="Audit again", planned_by=datetime.date(2017, 9, 1))
    PlanApproval.objects.create(plan=plan, approved_by="YJMB", approved_on=datetime.date(2017, 2, 1))
    framework = InspectionFramework.objects.get(code="hmip-2018")
    organisation.inspections.create(
        framework=framework,
        inspection_type="full_joint",
        fieldwork_start=datetime.date(2016, 11, 1),
        fieldwork_end=datetime.date(2016, 11, 30),
        published_on=datetime.date(2017, 2, 1),
    )

    risk = RiskFactory(organisation=organisation, target_score=4, inherent_score_recorded=7, residual_score_recorded=5)
    RiskReview.objects.create(
        risk=risk,
        date=datetime.date(2017, 9, 1),
        inherent_likelihood=2,
        inherent_impact=3,
        residual_likelihood=2,
        residual_impact=2,
    )
    board = Board.objects.create(
        organisation=organisation, name="Management board", terms_of_reference_review=datetime.date(2018, 1, 1)
    )
    member = BoardMember.objects.create(
        board=board,
        name="Chair",
        agency=Agency.INDEPENDENT_CHAIR,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    meeting = Meeting.objects.create(board=board, date=datetime.date(2017, 6, 1))
    AgendaItem.objects.create(meeting=meeting, order=1, title="Welcome")
    Attendance.objects.create(meeting=meeting, member=member, status=AttendanceStatus.PRESENT)
    green = RagStatus.objects.for_org(organisation).get(code="G")
    BoardAction.objects.create(
        board=board,
        meeting=meeting,
        description="Report back",
        owner="Chair",
        due_date=datetime.date(2017, 9, 1),
        status=green,
    )
    SelfAssessment.objects.create(
        organisation=organisation, framework=framework, date=datetime.date(2017, 5, 1), title="Self-assessment"
    )
    CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        title="Improvement plan",
        meeting_date=datetime.date(2017, 11, 7),
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 10, 31),
    )
    yj_plan = CommitteeReport.objects.create(
        organisation=organisation,
        kind=ReportKind.YJ_PLAN,
        committee="Youth Justice Board",
        title="Youth Justice Plan 2019/20",
        plan_year=2019,
        meeting_date=datetime.date(2019, 6, 30),
        period_start=datetime.date(2018, 4, 1),
        period_end=datetime.date(2019, 3, 31),
    )
    PlanSignOff.objects.create(report=yj_plan, step="agreed", date=datetime.date(2019, 6, 30), name="Chair")
    outcome = LogicOutcome.objects.create(
        model=LogicModel.objects.create(organisation=organisation, name="Intake team"), text="Every child screened"
    )
    LogicOutcomeReview.objects.create(outcome=outcome, date=datetime.date(2017, 6, 1), status=green)

    custody = indicator("CUSTODY_COUNT")
    MeasurementFactory(organisation=organisation, indicator=custody)
    TargetFactory(organisation=organisation, indicator=custody)
    Comparator.objects.create(
        organisation=organisation, indicator=custody, period=datetime.date(2017, 3, 1), kind="london", value=Decimal(20)
    )
    IndicatorJudgement.objects.create(
        organisation=organisation,
        indicator=indicator("REOFF_BINARY"),
        period=datetime.date(2017, 1, 1),
        step=RatingStep.objects.for_org(organisation).first(),
    )
    good = AuditGrade.objects.for_org(organisation).first()
    CaseAudit.objects.create(
        organisation=organisation,
        month=datetime.date(2017, 5, 1),
        case_reference="LW-1",
        case_type="court_order",
        overall=good,
    )
    case = Case.objects.create(organisation=organisation, reference="LW-17-001")
    QualifyingOutcome.objects.create(
        case=case, date=datetime.date(2017, 1, 10), kind=outcome_kind(organisation), gravity=3
    )
    Reoffence.objects.create(
        case=case,
        offence_date=datetime.date(2017, 4, 1),
        proven_date=datetime.date(2017, 5, 1),
        offence_type="theft",
        gravity=3,
    )
    Cohort.objects.create(
        organisation=organisation,
        name="2017 cohort",
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 12, 31),
        feeds_dashboard=True,
    )
    RollupRun.objects.create(organisation=organisation, month=datetime.date(2017, 5, 1), trigger="manual")
    return organisation, manager


def push_to(bound: str) -> None:
    """Every ranged value of every service's records at its lowest or its highest ("lowest",
    "highest"), written past the forms as only the database's constraints check it."""
    for model in ranged_models():
        if model._meta.object_name not in REFERENCE_DATA:
            model._base_manager.update(**{f: getattr(r, bound) for f, r in ranges_of(model).items()})
