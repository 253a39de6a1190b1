"""The settings hub: what each part of a service's configuration holds now, in one read each."""

from dataclasses import dataclass

from governance.choices import BOARD_ATTENDANCE_KPI
from governance.models import PartnerContribution, RiskMatrix
from improvement.choices import PlanStatus
from improvement.models import ImprovementPlan, RagStatus, ReminderSettings
from performance.models import AuditGrade, OutcomeKind, RatingStep, TrackedIndicator
from yos_tracker.models import Membership


@dataclass
class SettingsSummary:
    statuses: list
    grades: list
    outcome_kinds: list
    rating_steps: list
    matrix: RiskMatrix | None
    tracked: int
    local_indicators: int
    contribution_years: list[str]
    kpi7_tracked: bool
    reminders: ReminderSettings | None
    members: int


def settings_summary(organisation) -> SettingsSummary:
    tracked = TrackedIndicator.objects.for_org(organisation)
    return SettingsSummary(
        statuses=list(RagStatus.objects.for_org(organisation)),
        grades=list(AuditGrade.objects.for_org(organisation)),
        outcome_kinds=list(OutcomeKind.objects.for_org(organisation)),
        rating_steps=list(RatingStep.objects.for_org(organisation)),
        matrix=RiskMatrix.objects.prefetch_related("bands").filter(organisation=organisation).first(),
        tracked=tracked.count(),
        local_indicators=organisation.local_indicators.count(),
        contribution_years=sorted(
            set(PartnerContribution.objects.for_org(organisation).values_list("year", flat=True)), reverse=True
        ),
        kpi7_tracked=tracked.filter(indicator__code=BOARD_ATTENDANCE_KPI).exists(),
        reminders=ReminderSettings.objects.filter(organisation=organisation).first(),
        # People, not roles: a manager who is also administrator is one person.
        members=Membership.objects.for_org(organisation).values("user").distinct().count(),
    )


def workbook_plans(organisation) -> list[ImprovementPlan]:
    """The plans a workbook's actions may go into: those not closed, the latest first."""
    plans = ImprovementPlan.objects.for_org(organisation).exclude(status=PlanStatus.CLOSED)
    return list(plans.order_by("-period_start", "-pk"))
