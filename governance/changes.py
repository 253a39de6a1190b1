"""What has changed since a version of a report was presented: every record entered or changed
afterwards that the report reads, each with who made the change, when, and what it changed (the
history table's rows, yos_tracker.history).

A record counts when it is one the report shows: a value, target, comparator or judgement for a
period up to the report's end, a case record dated by then (Appendix A); an update of the plan in
force dated by then, an action, recommendation or next step of that plan; the inspection's
judgements; a risk raised by then and a review dated by then (Appendix B); a self-assessment dated
by then (Appendix D); the report's own narrative; and, for a youth justice plan, its board, their
attendance, the pooled budget, the logic models' ratings and its sign-off. So the list is what a
version "with later corrections" would read differently; nothing later about after the period is
in it.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from governance.models import (
    Attendance,
    BoardMember,
    CommitteeReport,
    LogicOutcomeReview,
    PartnerContribution,
    PlanSignOff,
    Risk,
    RiskReview,
    SelfAssessment,
    StandardRating,
)
from improvement.models import (
    Action,
    ImprovementPlan,
    InspectionJudgement,
    NextStep,
    ProgressUpdate,
    Recommendation,
)
from performance.models import (
    Comparator,
    IndicatorJudgement,
    Measurement,
    QualifyingOutcome,
    Reoffence,
    Target,
    TrackedIndicator,
)
from yos_tracker.history import HistoryRow, history_rows


@dataclass(frozen=True)
class Source:
    label: str  # what people call the record: "Value", "Progress update"
    model: type
    section: str | None  # the report section that shows it (None: any report)
    plan_only: bool = False  # only a youth justice plan shows it


def _sources(report: CommitteeReport, plan: ImprovementPlan | None) -> list[tuple[Source, Q]]:
    """Each kind of record the report reads, with which of the organisation's it reads."""
    organisation, end = report.organisation, report.period_end
    plan_q = Q(pk__in=[]) if plan is None else Q(action__recommendation__plan=plan)
    sources = [
        (Source("The report itself", CommitteeReport, None), Q(id=report.pk)),
        (Source("Value", Measurement, "appendix_a"), Q(organisation=organisation, period__lte=end)),
        (Source("Target", Target, "appendix_a"), Q(organisation=organisation, applies_from__lte=end)),
        (Source("Comparator", Comparator, "appendix_a"), Q(organisation=organisation, period__lte=end)),
        (
            Source("Rating by judgement", IndicatorJudgement, "appendix_a"),
            Q(organisation=organisation, period__lte=end),
        ),
        (Source("Indicator tracked", TrackedIndicator, "appendix_a"), Q(organisation=organisation)),
        (
            Source("Qualifying outcome", QualifyingOutcome, "appendix_a"),
            Q(case__organisation=organisation, date__lte=end),
        ),
        (Source("Reoffence", Reoffence, "appendix_a"), Q(case__organisation=organisation, offence_date__lte=end)),
        (Source("Progress update", ProgressUpdate, None), plan_q & Q(date__lte=end)),
        (Source("Action", Action, None), Q(pk__in=[]) if plan is None else Q(recommendation__plan=plan)),
        (Source("Recommendation", Recommendation, "recommendations"), Q(pk__in=[]) if plan is None else Q(plan=plan)),
        (
            Source("Next step", NextStep, "recommendations"),
            Q(pk__in=[]) if plan is None else Q(recommendation__plan=plan),
        ),
        (Source("Inspection judgement", InspectionJudgement, "inspection"), Q(inspection__organisation=organisation)),
        (Source("Risk", Risk, "appendix_b"), Q(organisation=organisation, raised_on__lte=end)),
        (Source("Self-assessment", SelfAssessment, "appendix_d"), Q(organisation=organisation, date__lte=end)),
        (
            Source("Self-assessment rating", StandardRating, "appendix_d"),
            Q(assessment__organisation=organisation, assessment__date__lte=end),
        ),
        (Source("Board member", BoardMember, None, plan_only=True), Q(board__organisation=organisation)),
        (
            Source("Attendance", Attendance, None, plan_only=True),
            Q(meeting__board__organisation=organisation, meeting__date__lte=end),
        ),
        (Source("Pooled budget", PartnerContribution, None, plan_only=True), Q(organisation=organisation)),
        (
            Source("Logic model rating", LogicOutcomeReview, None, plan_only=True),
            Q(outcome__model__organisation=organisation, date__lte=end),
        ),
        (Source("Sign-off", PlanSignOff, None, plan_only=True), Q(report=report)),
    ]
    return [
        (source, query)
        for source, query in sources
        if (source.section is None or report.includes(source.section) or report.is_plan)
        and (not source.plan_only or report.is_plan)
    ]


def changes_since(
    report: CommitteeReport, recorded: datetime.datetime, until: datetime.datetime | None = None
) -> list[HistoryRow]:
    """Every record the report reads that was entered or changed after the moment `recorded` (and
    by `until`, if given), newest first: who, when, what, and each field's before and after."""
    plan = ImprovementPlan.objects.for_org(report.organisation).in_force(report.period_end)
    found: list[HistoryRow] = []
    for source, query in _sources(report, plan):
        later = source.model.history.filter(query, history_date__gt=recorded)
        if until is not None:
            later = later.filter(history_date__lte=until)
        changed = set(later.values_list("id", flat=True))
        if not changed:
            continue
        # Each change is shown against the version before it, which may be older than `recorded`.
        for row in history_rows(source.model.history.filter(id__in=changed), subjects=True, created=True):
            if row.when > recorded and (until is None or row.when <= until):
                row.subject = f"{source.label}: {row.subject}"
                found.append(row)
    if report.includes("appendix_b") or report.is_plan:
        found += _reviews_since(report, recorded, until)
    return sorted(found, key=lambda row: row.when, reverse=True)


def _reviews_since(report, recorded, until) -> list[HistoryRow]:
    """Risk reviews are added, never changed: each recorded since is one change."""
    reviews = RiskReview.objects.for_org(report.organisation).filter(
        recorded_at__gt=recorded, date__lte=report.period_end
    )
    if until is not None:
        reviews = reviews.filter(recorded_at__lte=until)
    return [
        HistoryRow(
            when=review.recorded_at,
            who=(review.reviewer.get_full_name() or review.reviewer.username) if review.reviewer else "System",
            action="Created",
            subject=f"Risk review: risk {review.risk.number}, dated {review.date:%d/%m/%Y}, scores "
            f"{review.inherent_score} before and {review.residual_score} after mitigation",
            record=review.pk,
        )
        for review in reviews.select_related("risk", "reviewer")
    ]
