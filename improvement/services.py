"""Writes of the improvement app: keyword-only functions named <thing>_<verb>."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.choices import PlanStatus
from improvement.models import (
    Action,
    Evidence,
    ImprovementPlan,
    Inspection,
    InspectionJudgement,
    NextStep,
    PlanApproval,
    ProgressUpdate,
    RagStatus,
    Recommendation,
)
from improvement.selectors import plan_snapshot
from yos_tracker import records
from yos_tracker.dates import refuse_future
from yos_tracker.history import Recorded, end_of_day

# --- Progress updates -------------------------------------------------------------------------


@transaction.atomic
def action_update_add(
    *,
    action: Action,
    author,
    date: datetime.date,
    narrative: str,
    status: RagStatus,
    files: Iterable = (),
    links: Iterable[str] = (),
) -> ProgressUpdate:
    """Add a dated update. The same update sent again (a form submitted twice, a feed resent) with
    no evidence of its own is recorded once: the one already recorded is returned."""
    organisation = action.recommendation.plan.organisation
    if status.organisation_id != organisation.pk:
        raise ValidationError({"status": "Choose a status from this organisation's scale."})
    refuse_future(date, what="An update")
    if not files and not links:
        already = ProgressUpdate.objects.same_as(action=action, date=date, status=status, narrative=narrative)
        if already is not None:
            return already  # sent twice: recorded once
    update = ProgressUpdate.objects.create(action=action, author=author, date=date, narrative=narrative, status=status)
    for upload in files:
        Evidence.objects.create(update=update, file=upload, original_name=upload.name[:255], uploaded_by=author)
    for link in links:
        Evidence.objects.create(update=update, link=link, uploaded_by=author)
    return update


@transaction.atomic
def action_update_correct(
    *, update: ProgressUpdate, date: datetime.date, narrative: str, status: RagStatus, reason: str
) -> ProgressUpdate:
    """Correct a recorded update (a typo, a wrong date). The update is changed in place and the
    previous version, who corrected it and why, stay in its history; a correction that changes
    nothing is not one, and leaves no trace."""
    if status.organisation_id != update.status.organisation_id:
        raise ValidationError({"status": "Choose a status from this organisation's scale."})
    refuse_future(date, what="An update")
    if records.changes_applied(update, {"date": date, "narrative": narrative, "status": status}):
        update._change_reason = reason
        update.save()
    return update


# --- Next steps -----------------------------------------------------------------------------


@transaction.atomic
def next_steps_set(*, owner: Recommendation | Action, texts: list[str]) -> None:
    """Make the owner's next steps these texts, in this order; unchanged steps are kept as they are."""
    field = "recommendation" if isinstance(owner, Recommendation) else "action"
    existing = {step.text: step for step in NextStep.objects.filter(**{field: owner})}
    for order, text in enumerate(texts):
        step = existing.pop(text, None)
        if step is None:
            NextStep.objects.create(**{field: owner}, text=text, order=order)
        elif step.order != order:
            step.order = order
            step.save(update_fields=["order"])
    for stale in existing.values():
        stale.delete()


# --- Plans ------------------------------------------------------------------------------------


def plan_add(*, organisation, title: str, period_start: datetime.date, period_end: datetime.date) -> ImprovementPlan:
    """A draft plan with no inspection behind it yet, as a service's own tracker brings one in."""
    plan = ImprovementPlan(organisation=organisation, title=title, period_start=period_start, period_end=period_end)
    plan.full_clean()
    plan.save()
    return plan


def plan_fit_to_actions(*, plan: ImprovementPlan) -> ImprovementPlan:
    """Set the period of a plan made for an import to its actions' dates, from the first start (or
    due) date to the last due (or start) date; a plan whose actions give no dates keeps its own."""
    dates = [
        day
        for pair in Action.objects.filter(recommendation__plan=plan).values_list("start_date", "due_date")
        for day in pair
        if day is not None
    ]
    if dates and records.changes_applied(plan, {"period_start": min(dates), "period_end": max(dates)}):
        plan.full_clean()
        plan.save()
    return plan


@transaction.atomic
def plan_approve(
    *,
    plan: ImprovementPlan,
    approved_by: str,
    approved_on: datetime.date,
    role: str = "",
    note: str = "",
    user=None,
) -> PlanApproval:
    """Record a sign-off of the plan: a new record each time, never a change to an earlier one,
    with the plan as it stood that day frozen in it. The plan shows its latest sign-off."""
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError("A closed plan cannot be approved again.")
    refuse_future(approved_on, what="An approval", field="approved_on")
    # The plan as recorded by the end of the day it was signed off, or, signed off on a past day
    # and recorded only now, with what was entered since about earlier work as first entered.
    now = timezone.now()
    recorded = Recorded(end_of_day(approved_on), now) if end_of_day(approved_on) < now else Recorded(now)
    approval = PlanApproval(
        plan=plan,
        approved_by=approved_by.strip(),
        role=role.strip(),
        approved_on=approved_on,
        note=note.strip(),
        recorded_by=user,
        snapshot=plan_snapshot(plan, approved_on, recorded),
    )
    approval.full_clean()
    approval.save()
    latest = plan.approvals.order_by("-approved_on", "-pk").first()
    plan.status, plan.approved_by, plan.approved_on = PlanStatus.APPROVED, latest.approved_by, latest.approved_on
    plan.full_clean()
    plan.save()
    return approval


# --- Recommendations and actions, as an import writes them ---------------------------------------


def recommendation_add(*, plan: ImprovementPlan, reference: str, text: str, order: int) -> Recommendation:
    recommendation = Recommendation(plan=plan, reference=reference, text=text, order=order)
    recommendation.full_clean()
    recommendation.save()
    return recommendation


def action_add(*, recommendation: Recommendation, reference: str, order: int, **fields) -> Action:
    """An action as an import adds it. Its fields are validated; its constraints (a reference
    once per recommendation, due on or after start) and its links are left to the database,
    which holds them anyway: the importer has reported them by row before writing, and checking
    them here again costs three queries an action, half of a 1,000-row import's time."""
    action = Action(recommendation=recommendation, reference=reference, order=order, **fields)
    action.full_clean(exclude=["recommendation", "owner"], validate_constraints=False)
    action.save()
    return action


def action_change(*, action: Action, **fields) -> Action:
    """Change the fields given of an action: nothing is saved when they already say what is
    stored; otherwise its version moves on, so a form opened before is refused."""
    if records.changes_applied(action, fields):
        action.full_clean()
        action.save()
    return action


@transaction.atomic
def inspection_ratings_save(*, inspection: Inspection, ratings: dict, findings: dict | None = None) -> Inspection:
    """Record the inspectorate's rating of each standard (ratings: {standard: (level, narrative)}) and
    its findings on each standard it gives no rating (findings: {standard: (strengths, areas for
    improvement, narrative)}, a Short Quality Screening's themes); a standard in neither is no
    longer judged. Where the framework scores, the overall rating is the one its bands give the
    total (None until every scored standard is rated)."""
    findings = findings or {}
    judged = {
        standard: {"level": level, "narrative": narrative, "strengths": "", "areas_for_improvement": ""}
        for standard, (level, narrative) in ratings.items()
    } | {
        standard: {"level": None, "narrative": narrative, "strengths": strengths, "areas_for_improvement": areas}
        for standard, (strengths, areas, narrative) in findings.items()
    }
    inspection.judgements.exclude(standard__in=list(judged)).delete()
    for standard, values in judged.items():
        InspectionJudgement(inspection=inspection, standard=standard, **values).clean()
        records.upsert(InspectionJudgement.objects, inspection=inspection, standard=standard, defaults=values)
    if inspection.framework.is_scored and records.changes_applied(
        inspection, {"overall_judgement": inspection.score().overall}
    ):
        inspection.save(update_fields=["overall_judgement"])
    return inspection
