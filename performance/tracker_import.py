"""The live tracker's importer (yos_tracker.imports): a case-management extract, one row per
qualifying outcome or reoffence, each naming its case by pseudonymous reference. Every row is
checked before anything is written: a name or a date of birth as a reference, a reoffence dated
before the case's first qualifying outcome, an offence or outcome type the tracker does not
know, a date that is not one. A word for an outcome type the service does not name is asked
about once and the answer remembered, as statuses are."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from performance import services
from performance.choices import VIOLENT_OFFENCES, OffenceType
from performance.models import Case, OutcomeKind, QualifyingOutcome, Reoffence
from performance.models.cohorts import GRAVITY, reoffence_problem
from performance.models.references import validate_case_reference
from yos_tracker import records
from yos_tracker.imports import Choices, Importer, ImportResult, Labels, LabelWords, PlannedRow, RowError, dates_of
from yos_tracker.spreadsheets import Column, cell_text, column_problems, normalise, write_table

OUTCOME, REOFFENCE = "outcome", "reoffence"
COLUMNS = [
    Column(
        "reference",
        "Case reference",
        ("reference", "ref", "case ref", "case id", "child ref", "pseudonym", "pseudonymous reference", "yjs id"),
    ),
    Column("event", "Record", ("event", "record type", "type of record", "entry")),
    Column("date", "Date", ("outcome date", "offence date", "date of offence", "date of outcome", "event date")),
    Column("kind", "Type", ("outcome type", "offence type", "offence", "disposal", "outcome", "offence group")),
    Column("proven_date", "Proven date", ("date proven", "conviction date", "disposal date", "proven"), required=False),
    Column("gravity", "Gravity", ("gravity score", "seriousness"), required=False),
    Column("violent", "Violent", ("violent?", "violence"), required=False),
    Column("team", "Team", ("yot team", "unit"), required=False),
    Column(
        "case_manager", "Case manager", ("case worker", "caseworker", "practitioner", "yot officer"), required=False
    ),
]
LABELS = {column.key: column.label for column in COLUMNS}
# What services.case_event_record takes of a row.
CASE_EVENT_FIELDS = ("reference", "event", "date", "kind", "proven_date", "gravity", "violent", "team", "case_manager")
EVENTS = {
    **dict.fromkeys(["outcome", "qualifying outcome", "substantive outcome", "index outcome"], OUTCOME),
    **dict.fromkeys(["reoffence", "re-offence", "reoffending", "further offence", "offence"], REOFFENCE),
}
YES, NO = {"yes", "y", "true", "1", "violent"}, {"no", "n", "false", "0", "non-violent", "not violent"}
OUTCOME_WORDS = LabelWords(
    heading="Outcome types this service does not name",
    help="Say once which outcome type each word means; it is remembered for this service's case records. Leave one "
    "unmatched and its rows stay in error.",
)


def _names(choices) -> dict[str, str]:
    """Normalised code or label → code, for (code, label) pairs."""
    names = {}
    for value, label in choices:
        names[normalise(value)] = value
        names[normalise(value.replace("_", " "))] = value
        names[normalise(label)] = value
    return names


# What case-management extracts call the YJB's outcome types, for a service that still offers them.
OUTCOME_ALIASES = {
    **dict.fromkeys(["youth caution", "youth conditional caution", "ycc", "yc"], "caution"),
    **dict.fromkeys(["court", "court order", "sentence", "conviction at court"], "conviction"),
    **dict.fromkeys(["custody release", "released from custody", "dto release"], "custody_release"),
}
OFFENCE_NAMES = {
    **_names(OffenceType.choices),
    **dict.fromkeys(["vatp", "violence", "assault"], OffenceType.VIOLENCE),
    **dict.fromkeys(["theft", "shoplifting", "handling"], OffenceType.THEFT),
    **dict.fromkeys(["drugs", "possession with intent to supply", "pwits"], OffenceType.DRUGS),
    **dict.fromkeys(["weapon", "knife", "bladed article", "offensive weapon"], OffenceType.WEAPONS),
}


@dataclass
class EventStep:
    """What the import writes for one row."""

    reference: str
    event: str
    date: datetime.date
    kind: str
    proven_date: datetime.date | None
    gravity: int | None
    violent: bool
    team: str
    case_manager: str
    given: tuple[str, ...] = ()  # the event's own fields the row carries: what a stored event may change to
    record: QualifyingOutcome | Reoffence | None = None  # the stored event the row names, if any

    def event_fields(self) -> dict:
        """The stored event's fields this row says (an outcome has only its gravity)."""
        names = ("gravity",) if self.event == OUTCOME else ("gravity", "proven_date", "violent")
        return {name: getattr(self, name) for name in names if name in self.given}

    def case_fields(self) -> dict:
        """A case's team and case manager as the row gives them: rows are events, so a blank cell
        says nothing of the case (another row of it may name them)."""
        return {name: getattr(self, name) for name in ("team", "case_manager") if getattr(self, name)}


class TrackerImporter(Importer):
    key = "cases"
    noun = "records"
    columns = COLUMNS

    def reference(self, values: dict) -> str:
        return cell_text(values.get("reference"))

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        cases = {c.reference.lower(): c for c in Case.objects.for_org(organisation)}
        # A retired type still names the outcomes recorded with it (an export lists them), but no
        # new outcome takes it.
        every_kind = list(OutcomeKind.objects.for_org(organisation))
        retired = {kind.code: kind.label for kind in every_kind if kind.retired}
        kinds = [kind for kind in every_kind if not kind.retired]
        codes = {kind.code for kind in kinds}
        outcomes = {
            **{alias: code for alias, code in OUTCOME_ALIASES.items() if code in codes},
            **_names((kind.code, kind.label) for kind in every_kind),
        }
        outcome_words = self.labels(
            organisation,
            {kind.code: kind.code for kind in every_kind},
            outcomes,
            choices,
            "outcome type",
            not_known="one of this service's outcome types",
        )
        first_outcome = {}  # lower-case reference → the earliest qualifying outcome, stored or in the file
        stored = {}  # (lower-case reference, event, date, kind) → the stored outcome or reoffence
        for outcome in QualifyingOutcome.objects.for_org(organisation).select_related("case", "kind"):
            key = outcome.case.reference.lower()
            first_outcome[key] = min(first_outcome.get(key, outcome.date), outcome.date)
            stored[(key, OUTCOME, outcome.date, outcome.kind.code)] = outcome
        for offence in Reoffence.objects.for_org(organisation).select_related("case"):
            stored[(offence.case.reference.lower(), REOFFENCE, offence.offence_date, offence.offence_type)] = offence
        steps = []
        for number, values in rows:
            if step := self._step(number, values, result, outcome_words):
                steps.append((number, step))
                if step.event == OUTCOME:
                    key = step.reference.lower()
                    first_outcome[key] = min(first_outcome.get(key, step.date), step.date)
        result.labels, result.label_words = outcome_words.questions(), OUTCOME_WORDS
        result.label_choices = [(kind.code, kind.label) for kind in kinds]
        seen, new_cases = {}, set()
        for number, step in steps:
            key = step.reference.lower()
            if step.event == REOFFENCE and (problem := reoffence_problem(step.date, first_outcome.get(key))):
                column = "reference" if key not in first_outcome else "date"
                result.errors.append(RowError(number, LABELS[column], problem, step.reference))
                continue
            identity = (key, step.event, step.date, step.kind)
            if identity in seen:
                result.errors.append(
                    RowError(
                        number,
                        LABELS["date"],
                        f"the same record appears twice (also row {seen[identity]})",
                        step.reference,
                    )
                )
                continue
            seen[identity] = number
            record = stored.get(identity)
            if record is None and step.event == OUTCOME and step.kind in retired:
                message = f"the outcome type “{retired[step.kind]}” is retired: record new outcomes with a current one"
                result.errors.append(RowError(number, LABELS["kind"], message, step.reference))
                continue
            found = []
            if record is not None:
                found = records.changes(record, step.event_fields(), labels=LABELS)
                found += records.changes(record.case, step.case_fields(), labels=LABELS)
            kind = "create" if record is None else ("change" if found else "unchanged")
            is_new_case = key not in cases and key not in new_cases and kind == "create"
            new_cases.add(key)
            detail = ("new case; " if is_new_case else "") + (
                f"{'outcome' if step.event == OUTCOME else 'reoffence'} on {step.date:%d/%m/%Y}"
            )
            step.record = record
            result.rows.append(
                PlannedRow(number, step.reference, kind, detail, [c.row for c in found], step, step.reference)
            )

    def _step(self, number: int, values: dict, result: ImportResult, outcomes: Labels) -> EventStep | None:
        """One row checked; `outcomes` reads the words for the service's outcome types."""
        reference = self.reference(values)
        before = len(result.errors)

        def error(key: str, message: str) -> None:
            result.errors.append(RowError(number, LABELS[key], message, reference))

        try:
            validate_case_reference(reference)
        except ValidationError as problem:
            error("reference", problem.messages[0])
        event = EVENTS.get(normalise(values.get("event")))
        if event is None:
            error(
                "event", f"“{cell_text(values.get('event'))}” is not a record the tracker keeps: outcome or reoffence"
            )
        dates = dates_of(values, ("date", "proven_date"), LABELS, error)
        if "date" in dates and dates["date"] is None:
            error("date", "give the date of the outcome or offence")
        kind, given = None, cell_text(values.get("kind"))
        if event == REOFFENCE:
            kind = OFFENCE_NAMES.get(normalise(given))
            if kind is None:
                error("kind", f"“{given}” is not a known reoffence type: {', '.join(OffenceType.labels)}")
        elif event == OUTCOME:
            if not outcomes.scale:
                error("kind", f"“{given}” is not a known outcome type: the service has none yet; add them in Settings")
            elif not given:
                error("kind", "give the outcome type")
            else:
                kind, problem = outcomes.read(given, number)
                if problem:
                    error("kind", problem)
        if event == REOFFENCE and "proven_date" in dates:
            if dates["proven_date"] is None:
                error("proven_date", "give the date the reoffence was proven (its caution or conviction)")
            elif dates.get("date") and dates["proven_date"] < dates["date"]:
                error("proven_date", "an offence cannot be proven before it was committed")
        gravity_text = cell_text(values.get("gravity"))
        gravity = int(gravity_text) if gravity_text.isdecimal() and len(gravity_text) < 3 else None
        if gravity_text and (gravity is None or gravity not in GRAVITY):
            error("gravity", f"“{gravity_text}” is not a gravity score from {GRAVITY.lowest} to {GRAVITY.highest}")
        violent_text = normalise(values.get("violent"))
        if violent_text and violent_text not in YES | NO:
            error("violent", f"“{cell_text(values.get('violent'))}” is not yes or no")
        team, case_manager = cell_text(values.get("team")), cell_text(values.get("case_manager"))
        for key, text in (("team", team), ("case_manager", case_manager)):
            if problems := column_problems(Case, key, text):
                error(key, " ".join(problems))
        if len(result.errors) > before:
            return None
        violent = violent_text in YES if violent_text else kind in VIOLENT_OFFENCES
        return EventStep(
            reference,
            event,
            dates["date"],
            kind,
            dates.get("proven_date") if event == REOFFENCE else None,
            gravity,
            violent and event == REOFFENCE,
            team,
            case_manager,
            tuple(name for name in ("gravity", "proven_date", "violent") if name in values),
        )

    def write(self, result: ImportResult, *, organisation, user) -> None:
        kinds = {kind.code: kind for kind in OutcomeKind.objects.for_org(organisation)}
        for row in result.rows:
            step: EventStep = row.payload
            if row.kind == "create":
                kind = kinds[step.kind] if step.event == OUTCOME else step.kind
                fields = {name: getattr(step, name) for name in CASE_EVENT_FIELDS}
                services.case_event_record(organisation=organisation, **{**fields, "kind": kind})
            elif row.kind == "change":
                services.case_event_change(record=step.record, fields=step.event_fields(), case=step.case_fields())


TRACKER_IMPORTER = TrackerImporter()


# --- Export, in the importer's layout -------------------------------------------------------------


def case_records_export(organisation, fmt: str) -> bytes:
    """Every case record, one row per qualifying outcome or reoffence, as the importer reads them:
    imported again, the file changes nothing."""
    rows = []
    cases = Case.objects.for_org(organisation).prefetch_related("outcomes__kind", "reoffences").order_by("reference")
    for case in cases:
        events = [
            (outcome.date, 0, [OUTCOME, outcome.date, outcome.kind.label, None, outcome.gravity, ""])
            for outcome in case.outcomes.all()
        ] + [
            (
                offence.offence_date,
                1,
                [
                    REOFFENCE,
                    offence.offence_date,
                    offence.get_offence_type_display(),
                    offence.proven_date,
                    offence.gravity,
                    "yes" if offence.violent else "no",
                ],
            )
            for offence in case.reoffences.all()
        ]
        for _, _, event in sorted(events, key=lambda e: (e[0], e[1])):
            rows.append([case.reference, *event, case.team, case.case_manager])
    return write_table([column.label for column in COLUMNS], rows, fmt, title="Case records")
