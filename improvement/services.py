"""Writes of the improvement app, and the plan roll-up rule."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.choices import PlanStatus
from improvement.models import (
    Action,
    Evidence,
    ImprovementPlan,
    NextStep,
    ProgressUpdate,
    RagStatus,
    Recommendation,
)
from yos_tracker.dates import refuse_future

# --- Roll-up --------------------------------------------------------------------------------


@dataclass
class RollupSegment:
    status: RagStatus | None  # None: actions with no update yet
    count: int
    percent: float


@dataclass
class Rollup:
    """How many actions are in each status: 'proportions of improvement plan actions'."""

    total: int
    segments: list[RollupSegment] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """e.g. '32 actions: 30 Green, 2 Amber'."""
        noun = "action" if self.total == 1 else "actions"
        parts = [f"{s.count} {s.status.label if s.status else 'no update'}" for s in self.segments if s.count]
        return f"{self.total} {noun}: {', '.join(parts)}" if parts else f"{self.total} {noun}"

    def count_for(self, code: str) -> int:
        return sum(s.count for s in self.segments if s.status and s.status.code == code)


def rollup(*, scale: Iterable[RagStatus], status_pks: Iterable[int | None]) -> Rollup:
    """Count actions per status of the organisation's scale, in the scale's order; actions
    with no update yet are counted apart, after the scale."""
    scale = list(scale)
    counts: dict[int | None, int] = {}
    for pk in status_pks:
        counts[pk] = counts.get(pk, 0) + 1
    total = sum(counts.values())

    def percent(n: int) -> float:
        return round(100 * n / total, 1) if total else 0.0

    segments = [RollupSegment(status, counts.get(status.pk, 0), percent(counts.get(status.pk, 0))) for status in scale]
    unknown = total - sum(s.count for s in segments)
    if unknown:
        segments.append(RollupSegment(None, unknown, percent(unknown)))
    return Rollup(total=total, segments=segments)


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
    organisation = action.recommendation.plan.organisation
    if status.organisation_id != organisation.pk:
        raise ValidationError({"status": "Choose a status from this organisation's scale."})
    refuse_future(date, what="An update")
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
    previous version, who corrected it and why, stay in its history."""
    if status.organisation_id != update.status.organisation_id:
        raise ValidationError({"status": "Choose a status from this organisation's scale."})
    refuse_future(date, what="An update")
    update.date, update.narrative, update.status = date, narrative, status
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


@transaction.atomic
def plan_approve(*, plan: ImprovementPlan, approved_by: str, approved_on: datetime.date) -> ImprovementPlan:
    """Record the board's sign-off of a plan."""
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError("A closed plan cannot be approved again.")
    if approved_on > timezone.localdate():
        raise ValidationError({"approved_on": "The approval date cannot be in the future."})
    plan.status = PlanStatus.APPROVED
    plan.approved_by = approved_by.strip()
    plan.approved_on = approved_on
    plan.full_clean()
    plan.save()
    return plan
