"""The risk register as a spreadsheet, through the shared import flow. Scores in the file are
never trusted: the import keeps likelihood × impact and lists every row where the recorded
score disagrees (seed 004's register has several)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.choices import RiskStatus
from governance.models import Risk
from governance.models.risks import recorded_score_kept
from governance.selectors import register_shown, risk_matrix_of, risk_rows, risks_for
from yos_tracker.imports import ImportResult, PlannedRow
from yos_tracker.spreadsheets import RowError, column_problems, parse_date, read_rows, unchanged, write_table

COLUMNS = {
    "number": "No",
    "raised_on": "Date raised",
    "title": "Title",
    "description": "Description and consequences",
    "owner": "Owner",
    "category": "Category",
    "inherent_likelihood": "Likelihood before",
    "inherent_impact": "Impact before",
    "inherent_score": "Score before",
    "mitigations": "Mitigations",
    "residual_likelihood": "Likelihood after",
    "residual_impact": "Impact after",
    "residual_score": "Score after",
    "last_reviewed": "Last reviewed",
    "status": "Status",
    "status_commentary": "Status commentary",
}
OPTIONAL = {"category", "mitigations", "inherent_score", "residual_score", "last_reviewed", "status_commentary"}


@dataclass
class Disagreement:
    row: int
    number: int
    when: str  # "before" or "after" mitigation
    recorded: int
    computed: int


class RiskImportResult(ImportResult):
    def __init__(self, rows, errors, disagreements):
        super().__init__(rows, errors, noun="risks")
        self.disagreements = disagreements


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
            r.inherent_score_recorded or r.inherent_score,  # what the register records, as it came
            r.mitigations,
            matrix.level_name(r.residual_likelihood),
            matrix.level_name(r.residual_impact),
            r.residual_score_recorded or r.residual_score,
            r.last_reviewed,
            r.get_status_display(),
            r.status_commentary,
        ]
        for r in (row.risk for row in rows)
    ]


def export(organisation, fmt: str = "xlsx", params=None) -> bytes:
    return write_table(list(COLUMNS.values()), export_rows(organisation, params), fmt, title="Risk register")


def _whole_number(value) -> int | None:
    """A cell's small whole number, or None. Not str.isdigit(): "²" passes it and int() refuses
    it, as int() refuses strings of more than 4,300 digits."""
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdecimal() and len(text) <= 9 else None


def _level(matrix, value) -> int | None:
    text = str(value or "").strip().lower()
    level = _whole_number(text)
    if level is not None and 1 <= level <= matrix.size:
        return level
    for i, name in enumerate(matrix.levels, start=1):
        if text in (name.lower(), name.lower()[0]):
            return i
    return None


def _plan(organisation, upload):
    matrix = risk_matrix_of(organisation)
    if matrix is None:
        raise ValidationError("This service has no risk matrix yet: set one up before importing risks.")
    existing = {r.number: r for r in Risk.objects.for_org(organisation)}
    statuses = {s.value: s.value for s in RiskStatus} | {s.label.lower(): s.value for s in RiskStatus}
    errors, planned, disagreements, seen = [], [], [], {}
    levels_text = ", ".join(f"{i} {name}" for i, name in enumerate(matrix.levels, start=1))
    for number, values in read_rows(upload, COLUMNS, optional=OPTIONAL):
        before = len(errors)
        fields = {}
        try:
            fields["number"] = int(str(values.get("number") or "").strip())
        except ValueError:
            errors.append(RowError(number, COLUMNS["number"], "Give the risk's number."))
        for key in ("raised_on", "last_reviewed"):
            try:
                fields[key] = parse_date(values.get(key))
            except ValueError as problem:
                errors.append(RowError(number, COLUMNS[key], str(problem)))
        if "raised_on" in fields and fields["raised_on"] is None:
            errors.append(RowError(number, COLUMNS["raised_on"], "Give the date the risk was raised."))
        for key in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"):
            level = _level(matrix, values.get(key))
            if level is None:
                errors.append(
                    RowError(number, COLUMNS[key], f"“{values.get(key) or ''}” is not a level: {levels_text}.")
                )
            fields[key] = level
        for key in ("title", "description", "owner"):
            fields[key] = str(values.get(key) or "").strip()
            if not fields[key]:
                errors.append(RowError(number, COLUMNS[key], "This column cannot be empty."))
        for key in ("category", "mitigations", "status_commentary"):
            fields[key] = str(values.get(key) or "").strip()
        status_text = str(values.get("status") or "open").strip().lower()
        fields["status"] = statuses.get(status_text)
        if fields["status"] is None:
            errors.append(
                RowError(number, COLUMNS["status"], f"“{status_text}” is not a status: open, closed or completed.")
            )
        for key, value in fields.items():
            if problems := column_problems(Risk, key, value):
                errors.append(RowError(number, COLUMNS[key], " ".join(problems)))
        if len(errors) > before:
            continue
        if fields["number"] in seen:
            errors.append(
                RowError(
                    number,
                    COLUMNS["number"],
                    f"Risk {fields['number']} appears twice (also row {seen[fields['number']]}).",
                )
            )
            continue
        seen[fields["number"]] = number
        for when in ("inherent", "residual"):
            recorded = _whole_number(values.get(f"{when}_score"))
            computed = fields[f"{when}_likelihood"] * fields[f"{when}_impact"]
            fields[f"{when}_score_recorded"] = recorded_score_kept(recorded, computed)
            if fields[f"{when}_score_recorded"] is not None:
                label = "before" if when == "inherent" else "after"
                disagreements.append(Disagreement(number, fields["number"], label, recorded, computed))
        current = existing.get(fields["number"])
        if current is None:
            kind = "create"
        elif all(unchanged(getattr(current, k), v) for k, v in fields.items()):
            kind = "unchanged"
        else:
            kind = "change"
        planned.append((PlannedRow(number, f"Risk {fields['number']}: {fields['title'][:60]}", kind), fields, current))
    return planned, errors, disagreements


def preview(request, upload) -> RiskImportResult:
    planned, errors, disagreements = _plan(request.organisation, upload)
    return RiskImportResult([p[0] for p in planned], errors, disagreements)


@transaction.atomic
def apply(request, upload) -> RiskImportResult:
    planned, errors, disagreements = _plan(request.organisation, upload)
    if not errors:
        for row, fields, current in planned:
            if row.kind == "create":
                Risk.objects.create(organisation=request.organisation, **fields)
            elif row.kind == "change":
                for name, value in fields.items():
                    setattr(current, name, value)
                current.version += 1
                current.save()
    return RiskImportResult([p[0] for p in planned], errors, disagreements)
