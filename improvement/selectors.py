"""Reads that build the improvement pages, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from improvement.filters import ActionFilter
from improvement.models import (
    Action,
    FrameworkScore,
    ImprovementPlan,
    InspectionFramework,
    ProgressUpdate,
    RagStatus,
    Recommendation,
    ReminderSent,
)
from improvement.reminders import Digest, digests
from improvement.rollups import Rollup, rollup
from yos_tracker.history import (
    CHANGED,
    Moment,
    children_as_recorded,
    history_rows,
    known_by,
    overlaid,
    recorded_versions,
)


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass
class ActionRow:
    """An action as the overview shows it; text formatted once here, not per row in the template
    (a plan of hundreds of actions spent most of its time in date and text filters)."""

    action: Action
    status: RagStatus | None

    @property
    def due(self) -> str:
        return _day(self.action.due_date) or "—"

    @property
    def last_update(self) -> str:
        return _day(self.action.last_update_on) or "never"

    @property
    def summary(self) -> str:
        text = self.action.description
        return text if len(text) <= 140 else text[:139] + "…"

    @property
    def is_overdue(self) -> bool:
        return self.action.is_overdue

    @property
    def is_stale(self) -> bool:
        return self.action.is_stale


@dataclass
class RecommendationBlock:
    recommendation: Recommendation
    rows: list[ActionRow]
    rollup: Rollup


@dataclass
class PlanOverview:
    plan: ImprovementPlan
    scale: list[RagStatus]
    rollup: Rollup
    blocks: list[RecommendationBlock]
    filter: ActionFilter
    grouped: bool  # sorted by reference: actions shown under their recommendations

    @property
    def rows(self) -> list[ActionRow]:
        return [row for block in self.blocks for row in block.rows]

    @property
    def shown(self) -> int:
        return len(self.rows)

    @property
    def filtered(self) -> bool:
        return is_filtered(self.filter)


def plan_actions(plan: ImprovementPlan, as_of: datetime.date | None = None, recorded: Moment = None):
    """The plan's actions with their progress annotations (see ActionQuerySet.with_progress);
    with `as_of`, the actions on the plan that day with the progress they had then; with
    `recorded`, the actions and updates as they had been recorded at that moment (a document
    re-rendered as it was presented): their wording, owners and dates then, by the same rules."""
    status_order = RagStatus.objects.filter(pk=OuterRef("current_status_pk")).values("order")[:1]
    source = Action.objects.all() if recorded is None else recorded_versions(Action, recorded)
    actions = source.filter(recommendation__plan=plan)
    if as_of is not None:
        actions = actions.existing_at(as_of, recorded=recorded)
    return actions.with_progress(
        today=timezone.localdate(), stale_after_days=plan.stale_after_days, as_of=as_of, recorded=recorded
    ).annotate(current_status_order=Subquery(status_order))


def plan_rollup(plan: ImprovementPlan, as_of: datetime.date | None = None, recorded: Moment = None) -> Rollup:
    """How many of the plan's actions are in each status of its organisation's scale (as at a day,
    as recorded at a moment)."""
    scale = list(RagStatus.objects.for_org(plan.organisation))
    actions = plan_actions(plan, as_of, recorded)
    return rollup(scale=scale, status_pks=actions.values_list("current_status_pk", flat=True))


def plan_action_filter(plan: ImprovementPlan, params, scale=None, recommendations=None) -> ActionFilter:
    """The plan's actions as the overview's filters and sort (in the query string) choose them:
    the page and its exports read the same rows."""
    scale = scale if scale is not None else list(RagStatus.objects.for_org(plan.organisation))
    recommendations = recommendations if recommendations is not None else plan.recommendations.all()
    themes = sorted({rec.theme for rec in recommendations if rec.theme})
    return ActionFilter(params, queryset=plan_actions(plan).select_related("owner"), scale=scale, themes=themes)


def is_filtered(action_filter) -> bool:
    """Whether the filters leave some rows out (sorting alone does not)."""
    form = action_filter.form
    return form.is_valid() and any(value for name, value in form.cleaned_data.items() if name != "sort")


def plan_overview(plan: ImprovementPlan, params) -> PlanOverview:
    scale = list(RagStatus.objects.for_org(plan.organisation))
    by_pk = {status.pk: status for status in scale}
    recommendations = list(plan.recommendations.prefetch_related("next_steps"))

    action_filter = plan_action_filter(plan, params, scale, recommendations)
    actions = list(action_filter.qs)
    # Roll-ups cover every action, whatever the filters: they are the board's figures. Unfiltered,
    # the rows shown are every action, so their progress is not read a second time.
    if action_filter.form.is_valid() and not is_filtered(action_filter):
        pairs = [(action.recommendation_id, action.current_status_pk) for action in actions]
    else:
        pairs = list(plan_actions(plan).values_list("recommendation_id", "current_status_pk"))
    by_recommendation: dict[int, list] = {}
    for recommendation_pk, status_pk in pairs:
        by_recommendation.setdefault(recommendation_pk, []).append(status_pk)
    per_recommendation = {
        rec.pk: rollup(scale=scale, status_pks=by_recommendation.get(rec.pk, [])) for rec in recommendations
    }
    sort = action_filter.form.cleaned_data.get("sort") if action_filter.form.is_valid() else None
    grouped = sort in (None, "", "reference")

    rows_by_rec: dict[int, list[ActionRow]] = {}
    for action in actions:
        rows_by_rec.setdefault(action.recommendation_id, []).append(
            ActionRow(action, by_pk.get(action.current_status_pk))
        )

    if grouped:
        blocks = [
            RecommendationBlock(rec, rows_by_rec.get(rec.pk, []), per_recommendation[rec.pk]) for rec in recommendations
        ]
    else:
        rec_by_pk = {rec.pk: rec for rec in recommendations}
        for action in actions:
            action.recommendation = rec_by_pk[action.recommendation_id]
        blocks = [
            RecommendationBlock(
                recommendation=None,
                rows=[ActionRow(a, by_pk.get(a.current_status_pk)) for a in actions],
                rollup=rollup(scale=scale, status_pks=[s for _, s in pairs]),
            )
        ]
    return PlanOverview(
        plan=plan,
        scale=scale,
        rollup=rollup(scale=scale, status_pks=[s for _, s in pairs]),
        blocks=blocks,
        filter=action_filter,
        grouped=grouped,
    )


def action_timeline(action: Action) -> list[ProgressUpdate]:
    """The action's updates, newest first, with their status, author and evidence, and each one's
    `corrections`: who corrected it, when and why, and what it said before, newest first (none
    for an update never corrected). Whoever may read the action may read these."""
    updates = list(
        ProgressUpdate.objects.filter(action=action).select_related("status", "author").prefetch_related("evidence")
    )
    corrections: dict[int, list] = {}
    for row in history_rows(ProgressUpdate.history.filter(action_id=action.pk)):
        if row.action == CHANGED:
            corrections.setdefault(row.record, []).append(row)
    for update in updates:
        update.corrections = corrections.get(update.pk, [])
    return updates


@dataclass
class DigestRecipient:
    user: object
    digest: Digest
    sent_at: datetime.datetime | None  # this week's digest, if it has gone


def digest_recipients(*, organisation, today: datetime.date) -> list[DigestRecipient]:
    """Who this week's digest goes to, with what each receives and whether it has gone."""
    pending = digests(organisation=organisation, today=today)
    users = get_user_model().objects.in_bulk(list(pending))
    sent = dict(
        ReminderSent.objects.for_org(organisation)
        .filter(week_starting=ReminderSent.week_of(today))
        .values_list("user_id", "sent_at")
    )
    recipients = [DigestRecipient(users[pk], digest, sent.get(pk)) for pk, digest in pending.items()]
    return sorted(recipients, key=lambda r: (r.user.last_name, r.user.first_name, r.user.username))


# --- Sign-off snapshots ----------------------------------------------------------------------


def plan_snapshot(plan: ImprovementPlan, as_of: datetime.date, recorded: Moment = None) -> dict:
    """The plan as it stood on a day, frozen as data: each recommendation with its actions and
    the status each had then (the plan's own as-of rules: plan_actions), their wording and
    statuses as recorded at the moment `recorded` (None: now)."""
    scale = {status.pk: status for status in RagStatus.objects.for_org(plan.organisation)}
    actions = list(plan_actions(plan, as_of, recorded).order_by("recommendation__order", "order", "id"))
    on_plan = {action.recommendation_id for action in actions}
    snapshot = {"as_of": as_of.isoformat(), "recommendations": []}
    recommendations = overlaid(list(known_by(plan.recommendations.all(), recorded)), recorded, ("reference", "text"))
    for rec in recommendations:
        if rec.pk not in on_plan:
            continue
        snapshot["recommendations"].append(
            {
                "id": rec.pk,
                "reference": rec.reference,
                "text": rec.text,
                "actions": [
                    {
                        "id": a.id,
                        "reference": a.reference,
                        "description": a.description,
                        "due_date": a.due_date.isoformat() if a.due_date else None,
                        "status": _status_data(scale.get(a.current_status_pk)),
                    }
                    for a in actions
                    if a.recommendation_id == rec.pk
                ],
            }
        )
    return snapshot


def _status_data(status: RagStatus | None) -> dict | None:
    if status is None:
        return None
    return {"code": status.code, "label": status.label, "colour": status.colour, "meaning": status.meaning}


@dataclass
class SnapshotChange:
    reference: str
    what: str  # "added", "removed", "status", "description", "due date"
    before: str = ""
    after: str = ""


# What a snapshot says of an action, compared field by field: (what, how it reads).
SNAPSHOT_FIELDS = [
    ("reference", lambda a: a["reference"]),
    ("status", lambda a: a["status"]["label"] if a["status"] else "No update"),
    ("description", lambda a: a["description"]),
    ("due date", lambda a: _day(datetime.date.fromisoformat(a["due_date"])) if a["due_date"] else "—"),
]


def snapshot_changes(before: dict, after: dict) -> list[SnapshotChange]:
    """What changed between two snapshots of a plan, action by action (matched by the record, so
    a renumbered action is a change of reference, not a removal and an addition)."""

    def actions(snapshot):
        return {a["id"]: a for rec in snapshot["recommendations"] for a in rec["actions"]}

    old, new = actions(before), actions(after)
    changes = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (new.get(k) or old.get(k))["reference"]):
        was, now = old.get(key), new.get(key)
        if was is None:
            changes.append(SnapshotChange(now["reference"], "added", after=now["description"]))
        elif now is None:
            changes.append(SnapshotChange(was["reference"], "removed", before=was["description"]))
        else:
            changes += [
                SnapshotChange(now["reference"], what, read(was), read(now))
                for what, read in SNAPSHOT_FIELDS
                if read(was) != read(now)
            ]
    return changes


# --- Standards rated against a framework ---------------------------------------------------------


@dataclass
class RatedStandards:
    """A framework's standards, grouped by domain, each with its rating (None: not rated), and the
    total they score."""

    framework: InspectionFramework
    domains: list  # [(domain, [(standard, rating or None)])]
    score: FrameworkScore

    @property
    def any_rated(self) -> bool:
        return any(rating for _, rows in self.domains for _, rating in rows)


def rated_standards(framework: InspectionFramework, ratings) -> RatedStandards:
    """ratings: the framework's rating objects (an inspection's judgements, a self-assessment's
    ratings), each with standard_id and level. Every standard of a scored framework is listed;
    of an unscored one, those rated."""
    by_standard = {r.standard_id: r for r in ratings}
    grouped: dict[str, list] = {}
    for standard in framework.standards.all():
        # A scored framework shows its gaps; a 2012–18 inspection judged only some of its areas.
        if framework.is_scored or standard.pk in by_standard:
            grouped.setdefault(standard.domain, []).append((standard, by_standard.get(standard.pk)))
    return RatedStandards(
        framework=framework,
        domains=list(grouped.items()),
        score=framework.score({pk: r.level for pk, r in by_standard.items()}),
    )


def inspection_ratings(inspection, recorded: Moment = None) -> RatedStandards:
    """The inspection's judgements by standard (as recorded at the moment `recorded`, if given)."""
    return rated_standards(inspection.framework, children_as_recorded(inspection.judgements, recorded, "level"))
