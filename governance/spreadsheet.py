"""The risk register as a spreadsheet: export, and the risk importer (yos_tracker.imports).
Scores in the file are never trusted: the import keeps likelihood × impact, keeps a recorded
score that disagrees beside it, and lists every such row (seed 004's register has several)."""

from dataclasses import dataclass, field

from django.utils import timezone

from governance import services
from governance.choices import RiskStatus
from governance.models import Risk
from governance.models.risks import recorded_score_kept
from governance.selectors import register_shown, risk_matrix_of, risk_rows, risks_for
from yos_tracker.imports import (
    Choices,
    Importer,
    ImportResult,
    Labels,
    LabelWords,
    PlannedRow,
    RowError,
    SameRecordQuestion,
    dates_of,
    row_plan,
)
from yos_tracker.records import carried
from yos_tracker.spreadsheets import (
    Column,
    SpreadsheetError,
    cell_text,
    column_problems,
    normalise,
    write_table,
)

# The export's headers, and the names councils' own registers give the same columns.
COLUMNS = [
    Column(
        "number",
        "No",
        ("number", "risk no", "risk number", "risk ref", "ref", "ref no", "reference", "id", "#"),
        required=False,
    ),
    Column(
        "raised_on",
        "Date raised",
        ("raised", "date identified", "date added", "date opened", "identified"),
        required=False,
    ),
    Column("title", "Title", ("risk", "risk title", "risk name", "short title")),
    Column("description", "Description and consequences", ("description", "risk description", "consequences")),
    Column("owner", "Owner", ("risk owner", "owner(s)", "lead", "responsible officer")),
    Column("category", "Category", ("type", "risk category", "area"), required=False),
    Column("inherent_likelihood", "Likelihood before", ("inherent likelihood", "likelihood (inherent)", "likelihood")),
    Column("inherent_impact", "Impact before", ("inherent impact", "impact (inherent)", "impact")),
    # "Score before" and "Score after" are what exports before the computed columns named these.
    Column(
        "inherent_score",
        "Score before as recorded",
        ("score before", "inherent score", "inherent risk score", "score"),
        required=False,
    ),
    Column(
        "mitigations",
        "Mitigations",
        ("controls", "mitigating actions", "controls in place", "mitigation", "actions"),
        required=False,
    ),
    Column("residual_likelihood", "Likelihood after", ("residual likelihood", "likelihood (residual)"), required=False),
    Column("residual_impact", "Impact after", ("residual impact", "impact (residual)"), required=False),
    Column(
        "residual_score",
        "Score after as recorded",
        ("score after", "residual score", "residual risk score", "current score"),
        required=False,
    ),
    Column("last_reviewed", "Last reviewed", ("review date", "date reviewed", "date of review"), required=False),
    Column("status", "Status", ("risk status", "open/closed"), required=False),
    Column("status_commentary", "Status commentary", ("commentary", "comments", "update", "progress"), required=False),
    Column("target_score", "Target score", ("target risk score", "target", "risk appetite score"), required=False),
    Column(
        "review_every_days",
        "Review every (days)",
        ("review frequency", "review interval", "review cycle", "frequency of review"),
        required=False,
    ),
]
# How often a register says a risk is reviewed, in words, as days (90, quarterly, is the default).
REVIEW_WORDS = {
    "weekly": 7,
    "fortnightly": 14,
    "monthly": 30,
    "bi-monthly": 61,
    "quarterly": 90,
    "six-monthly": 182,
    "six monthly": 182,
    "half-yearly": 182,
    "annually": 365,
    "yearly": 365,
}
HEADERS = [column.label for column in COLUMNS]
LABELS = {column.key: column.label for column in COLUMNS}
# The export gives each score twice: likelihood × impact, then as the register records it. The
# computed one is derived, so an import never reads it.
COMPUTED = {
    "inherent_score": "Score before (likelihood × impact)",
    "residual_score": "Score after (likelihood × impact)",
}
EXPORT_HEADERS = [header for c in COLUMNS for header in ([COMPUTED[c.key]] if c.key in COMPUTED else []) + [c.label]]


@dataclass(frozen=True)
class Disagreement:
    row: int
    number: int
    when: str  # "before" or "after" mitigation
    recorded: int
    computed: int

    def __str__(self) -> str:
        return (
            f"Row {self.row}, risk {self.number}: the score {self.when} mitigation is recorded as {self.recorded}, "
            f"but likelihood × impact is {self.computed}. The register keeps {self.computed} and flags the "
            "recorded score."
        )


@dataclass
class RiskStep:
    """What the import writes for one row."""

    fields: dict
    current: Risk | None
    disagreements: list[Disagreement] = field(default_factory=list)


def export_rows(organisation, params=None) -> list[list]:
    """One row per risk, filtered and sorted as the register's query string says."""
    matrix = risk_matrix_of(organisation)
    if matrix is None:  # no matrix, so no risk can have been scored
        return []
    rows = register_shown(risk_rows(matrix, list(risks_for(organisation))), params or {})
    return [
        [
            r.number,
            r.raised_on,
            r.title,
            r.description,
            r.owner,
            r.category,
            matrix.level_name(r.inherent_likelihood),
            matrix.level_name(r.inherent_impact),
            r.inherent_score,
            r.inherent_score_recorded or r.inherent_score,  # what the register records, as it came
            r.mitigations,
            matrix.level_name(r.residual_likelihood),
            matrix.level_name(r.residual_impact),
            r.residual_score,
            r.residual_score_recorded or r.residual_score,
            r.last_reviewed,
            r.get_status_display(),
            r.status_commentary,
            r.target_score,
            r.review_every_days,
        ]
        for r in (row.risk for row in rows)
    ]


def export(organisation, fmt: str = "xlsx", params=None) -> bytes:
    return write_table(EXPORT_HEADERS, export_rows(organisation, params), fmt, title="Risk register")


def _whole_number(value) -> int | None:
    """A cell's small whole number, or None. Not str.isdigit(): "²" passes it and int() refuses
    it, as int() refuses strings of more than 4,300 digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdecimal() and len(text) <= 9 else None


def _level_names(matrix) -> dict[str, str]:
    """The matrix's words for its levels, normalised → level: each name, and its first letter
    where no other level's name starts with it (H for High, not for both Very high and High)."""
    initials = [normalise(name)[:1] for name in matrix.levels]
    names = {}
    for level, name in enumerate(matrix.levels, start=1):
        names[normalise(name)] = str(level)
        if initials.count(initials[level - 1]) == 1:
            names[initials[level - 1]] = str(level)
    return names


def _level(levels: Labels, size: int, value, row: int, named: str) -> tuple[int | None, str]:
    """A level the cell gives as its number or as a word for it (a word the matrix does not
    name is asked about once); (None, why) where it gives none. named: the levels, for messages."""
    number, text = _whole_number(value), cell_text(value)
    if number is not None:
        return (number, "") if 1 <= number <= size else (None, f"“{text}” is not a level: {named}")
    if not text:
        return None, f"give a level: {named}"
    level, problem = levels.read(text, row)
    return level, problem or ""


RISK_LEVEL_WORDS = LabelWords(
    heading="Levels the risk matrix does not name",
    help="Say once which level each word means; it is remembered for this service's risk imports. Leave one "
    "unmatched and its rows stay in error.",
)


LEVELS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
RESIDUAL = ("residual_likelihood", "residual_impact")
OPTIONAL_TEXT = ("category", "mitigations", "status_commentary")
WHEN = ("inherent", "residual")  # before and after mitigation


class RiskImporter(Importer):
    key = "risks"
    noun = "risks"
    sheet_title = "a risk register"
    sheet_words = ("risk", "risks", "register")
    columns = COLUMNS

    def mapping(self, organisation, choices: Choices) -> dict[str, str]:
        """The computed scores are left out ("" ignores a header), unless the person says otherwise."""
        return {**{normalise(header): "" for header in COMPUTED.values()}, **super().mapping(organisation, choices)}

    def reference(self, values: dict) -> str:
        number = _whole_number(values.get("number"))
        return f"risk {number}" if number is not None else ""

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        matrix = risk_matrix_of(organisation)
        if matrix is None:
            raise SpreadsheetError("This service has no risk matrix yet: set one up before importing risks.")
        existing = {r.number: r for r in Risk.objects.for_org(organisation)}
        # Numbers a row added under a number of its own may not take: the register's and the file's.
        taken = set(existing) | {n for _, values in rows if (n := _whole_number(values.get("number"))) is not None}
        statuses = {s.value: s.value for s in RiskStatus} | {s.label.lower(): s.value for s in RiskStatus}
        levels_text = ", ".join(f"{i} {name}" for i, name in enumerate(matrix.levels, start=1))
        levels = self.labels(
            organisation,
            {str(level): level for level in range(1, matrix.size + 1)},
            _level_names(matrix),
            choices,
            "level",
            not_known="one the risk matrix names",
        )
        today = timezone.localdate()
        seen = {}
        for number, values in rows:
            reference = self.reference(values)
            before = len(result.errors)

            def error(key: str, message: str, number=number, reference=reference) -> None:
                result.errors.append(RowError(number, LABELS[key], message, reference))

            fields = {"number": _whole_number(values.get("number"))}
            if fields["number"] is None and cell_text(values.get("number")):
                error("number", f"“{cell_text(values.get('number'))}” is not a risk number")
            fields |= dates_of(values, [k for k in ("raised_on", "last_reviewed") if k in values], LABELS, error)
            for key in LEVELS:
                fields[key], problem = _level(levels, matrix.size, values.get(key), number, levels_text)
                if problem and (key not in RESIDUAL or cell_text(values.get(key))):
                    error(key, problem)
            fields |= self._targets(values, matrix.size, error)
            if (fields["residual_likelihood"] is None) != (fields["residual_impact"] is None):
                error("residual_impact", "give both the likelihood and the impact after mitigation, or neither")
            for key in ("title", "description", "owner", *carried(values, OPTIONAL_TEXT)):
                fields[key] = cell_text(values.get(key))
            for key in ("title", "description", "owner"):
                if not fields[key]:
                    error(key, f"give the risk's {LABELS[key].lower()}")
            status_text = cell_text(values.get("status")).lower()
            if status_text:  # a blank status is no status: a new risk is open, a stored one keeps its own
                fields["status"] = statuses.get(status_text)
                if fields["status"] is None:
                    error("status", f"“{status_text}” is not a status: open, closed or completed")
            for key, value in fields.items():
                if value is not None and (problems := column_problems(Risk, key, value)):
                    error(key, " ".join(problems))
            if len(result.errors) > before:
                continue
            defaults = []  # what the row is given because the file leaves it out, as the preview says
            if fields["number"] is None:
                fields["number"] = self._number_for(fields["title"], existing, taken, defaults)
            if fields["number"] in seen:
                error("number", f"risk {fields['number']} appears twice (also row {seen[fields['number']]})")
                continue
            seen[fields["number"]] = number
            current, detail = existing.get(fields["number"]), ""
            if current is not None and normalise(current.title) != normalise(fields["title"]):
                current, detail = self._same_record(number, fields, current, taken, result, choices)
            self._defaults(fields, current, defaults, today)
            step = RiskStep(fields, current)
            for when in WHEN:
                if f"{when}_score" not in values:
                    continue  # no such column: a stored recorded score is kept
                given = cell_text(values.get(f"{when}_score"))
                recorded = _whole_number(given)
                computed = fields[f"{when}_likelihood"] * fields[f"{when}_impact"]
                if recorded is None and given:
                    result.notes += _band_disagreement(matrix, number, fields["number"], when, given, computed)
                fields[f"{when}_score_recorded"] = recorded_score_kept(recorded, computed)
                if fields[f"{when}_score_recorded"] is not None:
                    label = "before" if when == "inherent" else "after"
                    step.disagreements.append(Disagreement(number, fields["number"], label, recorded, computed))
            # What the import works out itself is held to the ranges a file's own values are: a
            # number after a register's last, a score a register records.
            for key, column in (("number", "number"), *((f"{w}_score_recorded", f"{w}_score") for w in WHEN)):
                if problems := column_problems(Risk, key, fields.get(key)):
                    error(column, " ".join(problems))
            if len(result.errors) > before:
                continue
            result.notes += [str(d) for d in step.disagreements]
            kind, found = row_plan(step.current, fields)
            result.rows.append(
                PlannedRow(
                    number,
                    f"Risk {fields['number']}: {fields['title'][:60]}",
                    kind,
                    "; ".join(filter(None, [detail, *defaults])),
                    [_shown_change(matrix, change) for change in found],
                    step,
                    f"risk {fields['number']}",
                )
            )
        result.labels, result.label_words = levels.questions(), RISK_LEVEL_WORDS
        result.label_choices = [(str(i), f"{i} {name}") for i, name in enumerate(matrix.levels, start=1)]

    @staticmethod
    def _targets(values: dict, size: int, error) -> dict:
        """The target score and review frequency a row gives: a blank target clears it; a blank
        frequency keeps the risk's own (every risk has one; a new one is reviewed quarterly)."""
        fields = {}
        if "target_score" in values:
            given = cell_text(values.get("target_score"))
            fields["target_score"] = _whole_number(given) if given else None
            if given and not 1 <= (fields["target_score"] or 0) <= size * size:
                error("target_score", f"“{given}” is not a score on the matrix: a whole number from 1 to {size * size}")
        if given := cell_text(values.get("review_every_days")):
            days = _whole_number(given) or REVIEW_WORDS.get(normalise(given))
            if days is None:
                error(
                    "review_every_days",
                    f"“{given}” is not a review frequency: a number of days, or weekly, monthly, quarterly, "
                    "six-monthly or annually",
                )
            fields["review_every_days"] = days
        return fields

    @staticmethod
    def _number_for(title: str, existing: dict, taken: set, defaults: list) -> int:
        """A row with no number: the stored risk with its title, or a new one numbered after the
        register's last (and the file's)."""
        stored = next((risk for risk in existing.values() if normalise(risk.title) == normalise(title)), None)
        if stored is not None:
            defaults.append(f"no number given: the register's risk {stored.number}, which has this title")
            return stored.number
        number = max(taken, default=0) + 1
        taken.add(number)
        defaults.append(f"no number given: numbered {number}, after the register's last")
        return number

    @staticmethod
    def _defaults(fields: dict, current: Risk | None, defaults: list, today) -> None:
        """A new risk the file gives no date raised is raised on the import's day, and one with no
        scores after mitigation keeps the scores before it; a stored risk keeps its own."""
        if fields.get("raised_on") is None:
            fields.pop("raised_on", None)
            if current is None:
                fields["raised_on"] = today
                defaults.append(f"no date raised given: raised {today:%d/%m/%Y}, the import's date")
        if fields["residual_likelihood"] is None:
            del fields["residual_likelihood"], fields["residual_impact"]
            if current is None:
                fields["residual_likelihood"] = fields["inherent_likelihood"]
                fields["residual_impact"] = fields["inherent_impact"]
                defaults.append("no scores after mitigation given: the scores before it")

    def _same_record(self, row: int, fields: dict, stored: Risk, taken: set, result: ImportResult, choices: Choices):
        """A row naming a stored risk by its number under another title: the same risk only if the
        person says so (it is then changed); otherwise a new risk under the next free number.
        Returns the risk the row changes (None: it adds one) and what the preview says of it."""
        key = str(stored.number)
        same = key in choices.same
        new_number = None if same else max(taken) + 1
        result.same_records.append(
            SameRecordQuestion(
                key,
                row,
                f"risk {stored.number}",
                stored.title,
                fields["title"],
                f"risk {new_number}" if new_number else "",
            )
        )
        if same:
            return stored, f"the register's risk {stored.number}, retitled"
        taken.add(new_number)
        fields["number"] = new_number
        return None, f"as risk {new_number}, since the register's risk {stored.number} is “{stored.title[:60]}”"

    def write(self, result: ImportResult, *, organisation, user) -> None:
        for row in result.rows:
            step: RiskStep = row.payload
            if row.kind != "unchanged":
                services.risk_save(organisation=organisation, risk=step.current, **step.fields)


def _shown_change(matrix, change) -> tuple[str, str, str]:
    """A change as the register reads it: levels by name, a status by its label."""
    if change.name in LEVELS:
        return change.label, matrix.level_name(change.before), matrix.level_name(change.after)
    if change.name == "status":
        return change.label, RiskStatus(change.before).label, RiskStatus(change.after).label
    return change.row


RISK_IMPORTER = RiskImporter()


def _band_disagreement(matrix, row: int, number: int, when: str, given: str, computed: int) -> list[str]:
    """A score recorded in words ("Low") is checked against the band likelihood × impact falls in."""
    band = matrix.band_for(computed)
    if band is not None and normalise(band.label) == normalise(given):
        return []
    label = "before" if when == "inherent" else "after"
    banded = f", which the matrix bands as {band.label}" if band is not None else ""
    return [
        f"Row {row}, risk {number}: the score {label} mitigation is recorded as “{given}”, but likelihood × impact "
        f"is {computed}{banded}. The register keeps {computed} and flags the recorded score."
    ]


def disagreements(result: ImportResult) -> list[Disagreement]:
    """Every row whose recorded score disagrees with likelihood × impact, from a fresh result."""
    return [d for row in result.rows for d in row.payload.disagreements]
