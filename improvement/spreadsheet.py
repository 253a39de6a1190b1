"""The improvement plan as a spreadsheet: one row per action. Export, blank template, and the
plan importer (yos_tracker.imports): tolerant of the trackers councils keep, it previews every
change and every error, naming the row and the action, before anything is written."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

from improvement import selectors, services
from improvement.choices import Priority
from improvement.models import Action, ImprovementPlan, ProgressUpdate, RagStatus, RagStatusAlias, Recommendation
from yos_tracker import records
from yos_tracker.imports import (
    Choices,
    Importer,
    ImportResult,
    Labels,
    PlannedRow,
    RowError,
    dates_of,
    members_by_name,
    names_of,
)
from yos_tracker.ranges import ORDERS
from yos_tracker.records import carried, same_value
from yos_tracker.spreadsheets import Column, cell_text, column_problems, normalise, write_table

# The export's headers, and the names councils' own trackers give the same columns.
COLUMNS = [
    Column("reference", "Reference", ("ref", "ref no", "ref.", "no", "no.", "number", "action ref", "action no", "#")),
    Column("recommendation", "Recommendation", ("recommendation ref", "objective", "area for improvement", "theme")),
    Column("action", "Action", ("actions", "action description", "description", "what will be done", "task")),
    Column("owner", "Owner", ("action owner", "owner(s)", "responsible", "responsible officer", "who"), required=False),
    Column("lead", "Lead", ("lead agency", "partner lead", "lead officer", "board lead"), required=False),
    Column("start_date", "Start date", ("start", "date started", "from"), required=False),
    Column(
        "due_date",
        "Due date",
        ("target date", "deadline", "due", "completion date", "by when", "timescale", "target completion"),
        required=False,
    ),
    Column("status", "Status", ("rag", "rag status", "rag rating", "status (rag)", "progress rag"), required=False),
    Column(
        "latest_update",
        "Latest update",
        ("progress update", "progress", "comments", "update", "commentary", "latest progress", "progress to date"),
        required=False,
    ),
    Column(
        "latest_update_date", "Latest update date", ("update date", "date of update", "last updated"), required=False
    ),
    Column(
        "success_measure",
        "Success measure",
        ("expected evidence", "evidence of success", "success criteria", "measure of success", "how will we know"),
        required=False,
    ),
    Column("priority", "Priority", ("priority level", "urgency"), required=False),
]
PRIORITIES = {normalise(name): value for value, label in Priority.choices for name in (value, label)}
HEADERS = [column.label for column in COLUMNS]
LABELS = {column.key: column.label for column in COLUMNS}
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
                action.success_measure,
                action.get_priority_display(),
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
        "What will show it has worked",
        "High",
    ]
    return write_table(HEADERS, [example], "xlsx", title="Improvement plan")


# --- Import -----------------------------------------------------------------------------------


@dataclass
class ActionPlan:
    """What the import writes for one row."""

    reference: str
    recommendation: Recommendation | None
    new_recommendation: tuple[str, str] | None  # (reference, text) of one the import creates
    action: Action | None
    values: dict
    update: tuple[datetime.date, RagStatus, str] | None


class PlanImporter(Importer):
    key = "plan"
    noun = "actions"
    sheet_title = "an action plan"
    sheet_words = ("action", "actions", "plan", "improvement")
    columns = COLUMNS

    def reference(self, values: dict) -> str:
        return cell_text(values.get("reference"))

    def scope_objects(self, organisation, ids: dict) -> dict:
        return {"plan": ImprovementPlan.objects.get_for_org(organisation, pk=ids["plan"])}

    def template(self) -> bytes:
        return plan_template()

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices, plan) -> None:
        planner = _Planner(plan, result, choices)
        for number, values in rows:
            planner.plan_row(number, values)
        result.labels = planner.labels.questions()
        result.label_choices = [(s.code, f"{s.label} — {s.meaning}" if s.meaning else s.label) for s in planner.scale]
        result.notes += [
            f"Will create recommendation {ref}: “{text[:120]}”." for ref, text in planner.new_recommendations.values()
        ]

    def write(self, result: ImportResult, *, organisation, user, plan) -> None:
        created: dict[str, Recommendation] = {}
        next_order = max((r.order for r in plan.recommendations.all()), default=0)
        action_order = Action.objects.filter(recommendation__plan=plan).count()
        for row in result.rows:
            step: ActionPlan = row.payload
            recommendation = step.recommendation
            if recommendation is None:
                reference, text = step.new_recommendation
                if reference.lower() not in created:
                    next_order = ORDERS.nearest(next_order + 1)
                    created[reference.lower()] = services.recommendation_add(
                        plan=plan, reference=reference, text=text, order=next_order
                    )
                recommendation = created[reference.lower()]
            action = step.action
            if action is None:
                action_order = ORDERS.nearest(action_order + 1)
                action = services.action_add(
                    recommendation=recommendation, reference=step.reference, order=action_order, **step.values
                )
            elif row.kind == "change":
                services.action_change(action=action, **step.values)
            if step.update:
                date, status, narrative = step.update
                services.action_update_add(action=action, author=user, date=date, status=status, narrative=narrative)

    def remember_labels(self, *, organisation, choices: Choices) -> None:
        scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
        for label, code in choices.labels.items():
            if code in scale:
                records.upsert(
                    RagStatusAlias.objects, organisation=organisation, alias=label, defaults={"status": scale[code]}
                )


PLAN_IMPORTER = PlanImporter()


class _Planner:
    """Works out, row by row, what an import would do, without writing anything."""

    def __init__(self, plan: ImprovementPlan, result: ImportResult, choices: Choices):
        self.plan, self.result, self.choices = plan, result, choices
        self.scale = list(RagStatus.objects.for_org(plan.organisation))
        names = {}  # normalised code, label or meaning → code
        for status in self.scale:
            for name in (status.code, status.label, status.meaning):
                if name:
                    names.setdefault(normalise(name), status.code)
        for alias in RagStatusAlias.objects.for_org(plan.organisation).select_related("status"):
            names.setdefault(alias.alias, alias.status.code)
        self.labels = Labels({status.code: status for status in self.scale}, names, choices, "status")
        self.recommendations = list(plan.recommendations.all())
        self.by_reference = {r.reference.lower(): r for r in self.recommendations}
        self.by_text = {normalise(r.text): r for r in self.recommendations}
        self.by_cell = {normalise(recommendation_cell(r)): r for r in self.recommendations}
        self.text_differs: set[int] = set()  # recommendations found by reference, the file's text another
        self.new_recommendations: dict[str, tuple[str, str]] = {}  # lower-case reference → (reference, text)
        self.actions = {
            (a.recommendation_id, a.reference.lower()): a
            for a in Action.objects.filter(recommendation__plan=plan).select_related("owner")
        }
        self.latest = {}
        for update in ProgressUpdate.objects.filter(action__recommendation__plan=plan).order_by(
            "date", "created_at", "pk"
        ):
            self.latest[update.action_id] = update
        self.members = members_by_name(plan.organisation)
        self.seen: dict[tuple[str, str], int] = {}
        self.today = timezone.localdate()

    def status(self, number: int, reference: str, text: str) -> RagStatus | None:
        status, problem = self.labels.read(text, number)
        if problem:
            self.error(number, reference, "status", problem)
        return status

    def error(self, row: int, reference: str, column: str, message: str) -> None:
        self.result.errors.append(RowError(row, LABELS[column], message, reference))

    def check_length(self, row: int, reference: str, column: str, model, name: str, text: str) -> None:
        if problems := column_problems(model, name, text):
            self.error(row, reference, column, " ".join(problems))

    def plan_row(self, number: int, values: dict) -> None:
        errors_before = len(self.result.errors)
        reference = cell_text(values.get("reference"))
        if not reference:
            self.error(number, "", "reference", "every action needs a reference, such as 4(g) or 1.2")

        recommendation, new_rec = self.match_recommendation(number, reference, cell_text(values.get("recommendation")))
        rec_key = recommendation.reference.lower() if recommendation else (new_rec[0].lower() if new_rec else "")
        key = (rec_key, reference.lower())
        if reference and rec_key:
            if key in self.seen:
                self.error(
                    number, reference, "reference", f"action {reference} appears twice (also row {self.seen[key]})"
                )
            self.seen[key] = number

        dates = dates_of(
            values,
            ("start_date", "due_date", "latest_update_date"),
            LABELS,
            lambda column, message: self.error(number, reference, column, message),
        )
        if dates.get("start_date") and dates.get("due_date") and dates["due_date"] < dates["start_date"]:
            self.error(number, reference, "due_date", "the due date is before the start date")
        if dates.get("latest_update_date") and dates["latest_update_date"] > self.today:
            self.error(number, reference, "latest_update_date", "an update cannot be dated in the future")

        status_text = cell_text(values.get("status"))
        status = self.status(number, reference, status_text) if status_text else None

        action = self.actions.get((recommendation.pk, reference.lower())) if recommendation and reference else None
        description = cell_text(values.get("action"))
        if not description and action is None:
            self.error(number, reference, "action", "describe the action")
        self.check_length(number, reference, "reference", Action, "reference", reference)
        if new_rec:
            self.check_length(number, reference, "recommendation", Recommendation, "reference", new_rec[0])
        self.check_length(number, reference, "owner", Action, "owner_name", cell_text(values.get("owner")))
        self.check_length(number, reference, "lead", Action, "lead", cell_text(values.get("lead")))
        priority = normalise(values.get("priority"))  # blank: the action's own, or Medium for a new one
        if priority and priority not in PRIORITIES:
            given = cell_text(values.get("priority"))
            self.error(number, reference, "priority", f"“{given}” is not a priority: High, Medium or Low")
        if len(self.result.errors) > errors_before:
            return

        wanted = {"description": description or (action.description if action else "")}
        if "owner" in values:
            wanted |= self.owner(cell_text(values.get("owner")), action)
        wanted |= {key: cell_text(values.get(key)) for key in carried(values, ("lead", "success_measure"))}
        if priority:
            wanted["priority"] = PRIORITIES[priority]
        wanted |= {key: dates[key] for key in carried(values, ("start_date", "due_date"))}
        changes = _shown_changes(action, wanted) if action is not None else []
        update = self.plan_update(
            number, reference, action, status, cell_text(values.get("latest_update")), dates.get("latest_update_date")
        )
        if len(self.result.errors) > errors_before:
            return
        if update:
            changes.append(("New update", "", f"{update[1].label} on {update[0]:%d/%m/%Y}: {update[2][:100]}"))
        kind = "create" if action is None else ("change" if changes else "unchanged")
        if new_rec:
            detail = f"under the new recommendation {new_rec[0]}"
        else:
            detail = f"under recommendation {recommendation.reference}" if action is None else ""
        if update and not dates.get("latest_update_date"):
            dated = f"no update date given: dated {update[0]:%d/%m/%Y}, the import's date"
            detail = "; ".join(filter(None, [detail, dated]))
        self.result.rows.append(
            PlannedRow(
                number,
                reference,
                kind,
                detail,
                changes,
                ActionPlan(reference, recommendation, new_rec, action, wanted, update),
            )
        )

    def owner(self, text: str, action: Action | None) -> dict:
        """An owner cell as the action stores it: a member of the service named by their name,
        user name or e-mail address (the owner the action has, as the export writes them,
        first), or else the name or role as written; the owner the action has, named as the
        export names it, stays as it is."""
        if action is not None and action.owner_id and normalise(text) in names_of(action.owner):
            return {"owner": action.owner}  # the account it has; a name kept beside it stays too
        if action is not None and not action.owner_id and same_value(action.owner_name, text):
            return {"owner": None, "owner_name": action.owner_name}  # as written before, even if a member's name
        person = self.members.get(normalise(text)) if text else None
        return {"owner": person, "owner_name": "" if person else text}

    def plan_update(self, number, reference, action, status, narrative, date):
        current = self.latest.get(action.pk) if action else None
        if not (status or narrative or date):
            return None
        status = status or (current.status if current else None)
        if status is None:
            self.error(number, reference, "status", "give a status with the update")
            return None
        narrative = narrative or IMPORT_NARRATIVE
        date = date or self.today
        if (
            current
            and (current.date, current.status_id) == (date, status.pk)
            and same_value(current.narrative, narrative)
        ):
            return None
        return (date, status, narrative)

    def match_recommendation(self, number: int, reference: str, cell: str):
        """The recommendation a row names: "3 — text" as the export writes it, its reference, or
        its text alone (a tracker's plain title); one the plan does not have is created."""
        if not cell:
            self.error(
                number,
                reference,
                "recommendation",
                "name the recommendation, e.g. “3 — The YOS Head of Service should…”",
            )
            return None, None
        wanted = normalise(cell)
        found = self.by_cell.get(wanted) or self.by_text.get(wanted) or self.by_reference.get(cell.lower())
        match = RECOMMENDATION_CELL.match(cell)
        if found is None and match:
            found = self.by_reference.get(match["reference"].lower())
            if found is not None and found.pk not in self.text_differs:
                # Found by its reference alone: say so, in case the file means another one.
                self.text_differs.add(found.pk)
                self.result.notes.append(
                    f"Row {number}: recommendation {found.reference} is “{found.text[:80]}” in the plan; "
                    f"the file calls it “{match['text'].strip()[:80]}”. The plan's wording is kept."
                )
        if found:
            return found, None
        if match:  # "ref — text": one new recommendation per reference
            key = match["reference"].lower()
            self.new_recommendations.setdefault(key, (match["reference"], match["text"].strip()))
            return None, self.new_recommendations[key]
        # A plain title is one this import already creates, or is numbered after the plan's own.
        for new in self.new_recommendations.values():
            if normalise(new[1]) == wanted:
                return None, new
        new = (self.next_reference(), cell)
        self.new_recommendations[new[0].lower()] = new
        return None, new

    def next_reference(self) -> str:
        """After the highest numbered recommendation, the plan's or one this import creates."""
        taken = {*self.by_reference, *self.new_recommendations}
        n = max((int(ref) for ref in taken if ref.isdecimal() and len(ref) < 6), default=0) + 1
        while str(n) in taken:
            n += 1
        return str(n)


def _shown_changes(action: Action, wanted: dict) -> list[tuple[str, str, str]]:
    """What a row changes in an action, as (what, before, after); the owner, an account or a name
    as written, is one line; a priority by its label."""
    shown = []
    for change in records.changes(action, wanted):
        if change.name == "priority":
            shown.append((change.label, Priority(change.before).label, Priority(change.after).label))
        elif change.name not in ("owner", "owner_name"):
            shown.append(change.row)
        elif not any(what == "Owner" for what, _, _ in shown):
            after = wanted.get("owner") or wanted.get("owner_name", "")
            shown.append(records.FieldChange("owner", "Owner", action.owner_display, after).row)
    return shown
