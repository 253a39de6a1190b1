"""The improvement plan as a spreadsheet: one row per action. Export, blank template, and an
all-or-nothing import that previews every change and every error before anything is written."""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from improvement import selectors, services
from improvement.models import Action, ImprovementPlan, ProgressUpdate, RagStatus, Recommendation
from yos_tracker.spreadsheets import RowError, column_problems, parse_date, read_rows, unchanged, write_table

COLUMNS = {
    "reference": "Reference",
    "recommendation": "Recommendation",
    "action": "Action",
    "owner": "Owner",
    "lead": "Lead",
    "start_date": "Start date",
    "due_date": "Due date",
    "status": "Status",
    "latest_update": "Latest update",
    "latest_update_date": "Latest update date",
}
HEADERS = list(COLUMNS.values())
# "3 — The YOS Head of Service should…": the recommendation's reference, a dash, its text.
RECOMMENDATION_CELL = re.compile(r"^\s*(?P<reference>[^\s—–-]+)\s*[—–-]\s*(?P<text>.+)$", re.S)
IMPORT_NARRATIVE = "Status recorded by spreadsheet import."


def recommendation_cell(recommendation: Recommendation) -> str:
    return f"{recommendation.reference} — {recommendation.text}"


# --- Export -----------------------------------------------------------------------------------


def plan_rows(plan: ImprovementPlan, params=None) -> list[list]:
    """One row per action, filtered and sorted as the overview's query string says."""
    latest = {}
    for update in (
        ProgressUpdate.objects.filter(action__recommendation__plan=plan)
        .select_related("status")
        .order_by("action_id", "date", "created_at", "pk")
    ):
        latest[update.action_id] = update  # ordered oldest first, so the last one wins
    rows = []
    actions = selectors.plan_action_filter(plan, params or {}).qs.select_related("recommendation")
    if not (params or {}).get("sort"):  # the plan's own order, as the overview shows it
        actions = actions.order_by("recommendation__order", "order", "pk")
    for action in actions:
        update = latest.get(action.pk)
        rows.append(
            [
                action.reference,
                recommendation_cell(action.recommendation),
                action.description,
                action.owner_display,
                action.lead,
                action.start_date,
                action.due_date,
                update.status.label if update else "",
                update.narrative if update else "",
                update.date if update else None,
            ]
        )
    return rows


def plan_export(plan: ImprovementPlan, fmt: str, params=None) -> bytes:
    return write_table(HEADERS, plan_rows(plan, params), fmt, title="Improvement plan")


def plan_template() -> bytes:
    example = [
        "1.1",
        "1 — The YOS Head of Service should make sure that…",
        "What will be done",
        "Service manager",
        "Team leader",
        datetime.date(2017, 1, 1),
        datetime.date(2017, 3, 31),
        "Amber",
        "What has happened so far",
        datetime.date(2017, 2, 1),
    ]
    return write_table(HEADERS, [example], "xlsx", title="Improvement plan")


# --- Import -----------------------------------------------------------------------------------


@dataclass
class RowChange:
    row: int
    reference: str
    kind: str  # "create", "change" or "unchanged"
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field, old, new)
    new_recommendation: tuple[str, str] | None = None
    update: tuple[datetime.date, RagStatus, str] | None = None
    # What apply() writes:
    recommendation: Recommendation | None = None
    action: Action | None = None
    values: dict = field(default_factory=dict)


@dataclass
class ImportPreview:
    rows: list[RowChange]
    errors: list[RowError]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        c = self.counts
        return f"{c['create']} actions added, {c['change']} changed, {c['updates']} progress updates recorded."

    @property
    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "change": 0, "unchanged": 0, "updates": 0}
        for row in self.rows:
            counts[row.kind] += 1
            counts["updates"] += row.update is not None
        return counts


class _Planner:
    """Works out, row by row, what an import would do, without writing anything."""

    def __init__(self, plan: ImprovementPlan):
        self.plan = plan
        self.scale = list(RagStatus.objects.for_org(plan.organisation))
        self.recommendations = {r.reference.lower(): r for r in plan.recommendations.all()}
        self.by_cell = {_normalise(recommendation_cell(r)): r for r in self.recommendations.values()}
        self.new_recommendations: dict[str, tuple[str, str]] = {}
        self.actions = {
            (a.recommendation_id, a.reference.lower()): a
            for a in Action.objects.filter(recommendation__plan=plan).select_related("owner")
        }
        self.latest = {}
        for update in ProgressUpdate.objects.filter(action__recommendation__plan=plan).order_by(
            "date", "created_at", "pk"
        ):
            self.latest[update.action_id] = update
        User = get_user_model()
        self.members = {}
        for user in User.objects.filter(memberships__organisation=plan.organisation):
            self.members.setdefault(_normalise(user.get_full_name()), user)
        self.seen: dict[tuple[str, str], int] = {}
        self.errors: list[RowError] = []
        self.today = timezone.localdate()

    def status(self, text) -> RagStatus | None:
        wanted = _normalise(text)
        for status in self.scale:
            if wanted in (_normalise(status.code), _normalise(status.label), _normalise(status.meaning)):
                return status
        return None

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, COLUMNS[column], message))

    def check_length(self, row: int, column: str, model, name: str, text: str) -> None:
        if problems := column_problems(model, name, text):
            self.error(row, column, " ".join(problems))

    def plan_row(self, number: int, values: dict) -> RowChange | None:
        errors_before = len(self.errors)
        reference = _text(values.get("reference"))
        if not reference:
            self.error(number, "reference", "Every action needs a reference, such as 4(g) or 1.2.")

        recommendation, new_rec = self.match_recommendation(number, _text(values.get("recommendation")))
        rec_key = recommendation.reference.lower() if recommendation else (new_rec[0].lower() if new_rec else "")
        key = (rec_key, reference.lower())
        if reference and rec_key:
            if key in self.seen:
                self.error(number, "reference", f"Action {reference} appears twice (also row {self.seen[key]}).")
            self.seen[key] = number

        dates = {}
        for column in ("start_date", "due_date", "latest_update_date"):
            try:
                dates[column] = parse_date(values.get(column))
            except ValueError as problem:
                self.error(number, column, str(problem))
        if dates.get("start_date") and dates.get("due_date") and dates["due_date"] < dates["start_date"]:
            self.error(number, "due_date", "The due date is before the start date.")
        if dates.get("latest_update_date") and dates["latest_update_date"] > self.today:
            self.error(number, "latest_update_date", "An update cannot be dated in the future.")

        status = None
        status_text = _text(values.get("status"))
        if status_text:
            status = self.status(status_text)
            if status is None:
                allowed = ", ".join(f"{s.code} ({s.label})" for s in self.scale)
                self.error(number, "status", f"“{status_text}” is not a status of this plan's scale: {allowed}.")

        action = self.actions.get((recommendation.pk, reference.lower())) if recommendation and reference else None
        description = _text(values.get("action"))
        if not description and action is None:
            self.error(number, "action", "Describe the action.")
        self.check_length(number, "reference", Action, "reference", reference)
        if new_rec:
            self.check_length(number, "recommendation", Recommendation, "reference", new_rec[0])
        self.check_length(number, "owner", Action, "owner_name", _text(values.get("owner")))
        self.check_length(number, "lead", Action, "lead", _text(values.get("lead")))
        if len(self.errors) > errors_before:
            return None

        owner_text = _text(values.get("owner"))
        owner_user = self.members.get(_normalise(owner_text)) if owner_text else None
        wanted = {
            "description": description or (action.description if action else ""),
            "owner": owner_user,
            "owner_name": "" if owner_user else owner_text,
            "lead": _text(values.get("lead")),
            "start_date": dates["start_date"],
            "due_date": dates["due_date"],
        }
        change = RowChange(
            row=number,
            reference=reference,
            kind="create" if action is None else "unchanged",
            new_recommendation=new_rec,
            recommendation=recommendation,
            action=action,
            values=wanted,
        )
        if action is not None:
            for name, new in wanted.items():
                old = getattr(action, name)
                if not unchanged(old, new):
                    change.changes.append((Action._meta.get_field(name).verbose_name, _show(old), _show(new)))
            if change.changes:
                change.kind = "change"
        change.update = self.plan_update(
            number, action, status, _text(values.get("latest_update")), dates.get("latest_update_date")
        )
        if change.update and change.kind == "unchanged":
            change.kind = "change"
        return change

    def plan_update(self, number, action, status, narrative, date):
        current = self.latest.get(action.pk) if action else None
        if not (status or narrative or date):
            return None
        status = status or (current.status if current else None)
        if status is None:
            self.error(number, "status", "Give a status with the update.")
            return None
        narrative = narrative or IMPORT_NARRATIVE
        date = date or self.today
        if (
            current
            and (current.date, current.status_id) == (date, status.pk)
            and unchanged(current.narrative, narrative)
        ):
            return None
        return (date, status, narrative)

    def match_recommendation(self, number: int, cell: str):
        if not cell:
            self.error(number, "recommendation", "Name the recommendation, e.g. “3 — The YOS Head of Service should…”.")
            return None, None
        found = self.by_cell.get(_normalise(cell))
        if found:
            return found, None
        match = RECOMMENDATION_CELL.match(cell)
        reference = match["reference"] if match else cell.split()[0]
        if reference.lower() in self.recommendations:
            return self.recommendations[reference.lower()], None
        if not match:
            self.error(
                number,
                "recommendation",
                f"“{cell[:60]}” is not a recommendation of this plan; start a new one with its reference, "
                "a dash and its text, e.g. “4 — The board should…”.",
            )
            return None, None
        new = (match["reference"], match["text"].strip())
        self.new_recommendations.setdefault(new[0].lower(), new)
        return None, self.new_recommendations[new[0].lower()]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _normalise(value) -> str:
    return " ".join(_text(value).lower().split())


def _show(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if hasattr(value, "get_full_name"):
        return value.get_full_name()
    return str(value)


def plan_import_preview(plan: ImprovementPlan, upload) -> ImportPreview:
    """What importing this file would do; raises SpreadsheetError if it cannot be read at all."""
    planner = _Planner(plan)
    rows = [change for number, values in read_rows(upload, COLUMNS) if (change := planner.plan_row(number, values))]
    return ImportPreview(rows=rows, errors=planner.errors)


@transaction.atomic
def plan_import_apply(plan: ImprovementPlan, upload, *, author) -> ImportPreview:
    """Apply the file: all of it, or — if any row is in error — none of it."""
    preview = plan_import_preview(plan, upload)
    if not preview.is_valid:
        return preview
    created_recs: dict[str, Recommendation] = {}
    next_order = max((r.order for r in plan.recommendations.all()), default=0)
    action_order = Action.objects.filter(recommendation__plan=plan).count()
    for change in preview.rows:
        recommendation = change.recommendation
        if recommendation is None:
            ref, text = change.new_recommendation
            if ref.lower() not in created_recs:
                next_order += 1
                created_recs[ref.lower()] = Recommendation.objects.create(
                    plan=plan, reference=ref, text=text, order=next_order
                )
            recommendation = created_recs[ref.lower()]
        action = change.action
        if action is None:
            action_order += 1
            action = Action.objects.create(
                recommendation=recommendation, reference=change.reference, order=action_order, **change.values
            )
        elif change.changes:
            for name, value in change.values.items():
                setattr(action, name, value)
            action.save()
        if change.update:
            date, status, narrative = change.update
            services.action_update_add(action=action, author=author, date=date, status=status, narrative=narrative)
    return preview
