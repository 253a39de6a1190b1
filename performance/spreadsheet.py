"""Indicator values and case audits from spreadsheets: the measurement and case-audit importers
(yos_tracker.imports), tolerant of the layouts councils keep, writing through the services."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from performance import rag, services
from performance.choices import CaseType
from performance.models import AuditGrade, CaseAudit, Measurement, TrackedIndicator
from performance.models.audits import AUDIT_AREAS
from performance.models.references import validate_case_reference
from yos_tracker.imports import Choices, Importer, ImportResult, PlannedRow, RowError, row_kind
from yos_tracker.spreadsheets import Column, cell_text, column_problems, normalise, parse_date, unchanged

MEASUREMENT_COLUMNS = [
    Column("indicator", "Indicator code", ("indicator", "code", "kpi", "kpi code", "measure", "indicator ref")),
    Column("period", "Period", ("month", "quarter", "date", "period start", "reporting period")),
    Column("value", "Value", ("result", "figure", "actual", "performance"), required=False),
    Column("numerator", "Numerator", ("count", "number", "n"), required=False),
    Column("denominator", "Denominator", ("cohort", "total", "out of", "base"), required=False),
    Column("note", "Note", ("notes", "comment", "comments", "commentary"), required=False),
    Column("source", "Source", ("data source", "from", "system"), required=False),
]
AUDIT_COLUMNS = [
    Column("month", "Month", ("audit month", "period", "date of audit", "audit date", "date")),
    Column("case_reference", "Case reference", ("case ref", "reference", "ref", "case id", "case number", "case no")),
    Column("case_type", "Case type", ("type", "disposal", "order type", "case category")),
    Column("assessment", "Assessment", ("assessment grade", "assetplus", "asset plus")),
    Column("intervention", "Intervention plan", ("intervention", "intervention grade", "planning")),
    Column("risk", "Risk management plan", ("risk", "risk plan", "risk management", "rmp")),
    Column("vulnerability", "Vulnerability plan", ("vulnerability", "safety and wellbeing", "vmp")),
    Column("overall", "Overall", ("overall grade", "overall rating", "grade", "rating")),
    Column("notes", "Notes", ("note", "comments", "comment", "auditor notes"), required=False),
]
PERIOD_FORMATS = ["%Y-%m", "%b %Y", "%B %Y", "%m/%Y", "%b-%y", "%B-%y"]


def parse_period(value) -> datetime.date:
    """A month as 31/03/2017, 2017-03, Mar 2017, March 2017 or an Excel date: its first day."""
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("give the period, e.g. 2017-03 or 01/03/2017")
    for fmt in PERIOD_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().replace(day=1)  # noqa: DTZ007 - a month, not a time
        except ValueError:
            continue
    return parse_date(value).replace(day=1)


def _decimal(value) -> Decimal | None:
    """A cell's number ("1,204" too), None when blank; ValueError when it is not a number."""
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"“{value}” is not a number") from None
    if not number.is_finite():
        raise ValueError(f"“{value}” is not a number")
    return number


def _row_error(result: ImportResult, columns: list[Column], number: int, reference: str):
    labels = {c.key: c.label for c in columns}

    def error(key: str, message: str) -> None:
        result.errors.append(RowError(number, labels[key], message, reference))

    return error


# --- Indicator values ---------------------------------------------------------------------------


class MeasurementImporter(Importer):
    key = "measurements"
    noun = "values"
    columns = MEASUREMENT_COLUMNS
    source_default = "Spreadsheet import"  # a value's source where its row names none

    def reference(self, values: dict) -> str:
        return cell_text(values.get("indicator")).upper()

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        tracked = {
            t.indicator.code.upper(): t.indicator
            for t in TrackedIndicator.objects.for_org(organisation).select_related("indicator")
        }
        existing = {(m.indicator_id, m.period): m for m in Measurement.objects.for_org(organisation)}
        seen = {}
        for number, values in rows:
            code = self.reference(values)
            before = len(result.errors)
            error = _row_error(result, self.columns, number, code)
            indicator = tracked.get(code)
            if indicator is None:
                error("indicator", f"“{code}” is not an indicator this service tracks")
            try:
                period = parse_period(values.get("period"))
            except ValueError as problem:
                error("period", str(problem))
            parts = {}
            for key in ("value", "numerator", "denominator"):
                try:
                    parts[key] = _decimal(values.get(key))
                except ValueError as problem:
                    error(key, str(problem))
            note, source = cell_text(values.get("note")), cell_text(values.get("source")) or self.source_default
            for name, text in (("note", note), ("source", source)):
                if problems := column_problems(Measurement, name, text):
                    error(name, " ".join(problems))
            if len(result.errors) > before:
                continue
            period = rag.period_start(period, indicator.frequency)
            key = (indicator.pk, period)
            if key in seen:
                error("period", f"{code} for {period:%m/%Y} appears twice (also row {seen[key]})")
                continue
            seen[key] = number
            try:
                fields = services.measurement_value(indicator, **parts)
            except ValidationError as problem:
                column = next(iter(problem.error_dict)) if hasattr(problem, "error_dict") else "value"
                error(column if column in parts else "value", problem.messages[0])
                continue
            current = existing.get(key)
            if current is None:
                kind, detail = "create", indicator.format_value(fields["value"])
            elif (
                current.value == fields["value"] and unchanged(current.note, note) and unchanged(current.source, source)
            ):
                kind, detail = "unchanged", indicator.format_value(current.value)
            else:
                kind = "change"
                detail = f"{indicator.format_value(current.value)} → {indicator.format_value(fields['value'])}"
            step = services.MeasurementEntry(indicator, period, parts, note, source)
            result.rows.append(PlannedRow(number, f"{code} {period:%m/%Y}", kind, detail, [], step))

    def write(self, result: ImportResult, *, organisation, user) -> None:
        entries = [row.payload for row in result.rows if row.kind != "unchanged"]
        services.measurements_upsert(organisation=organisation, entries=entries, user=user)


class MeasurementFeed(MeasurementImporter):
    """The same rows sent as data by another system (the API's bulk upsert), not in a file."""

    key = "measurement_feed"
    source_default = "API"


MEASUREMENT_IMPORTER = MeasurementImporter()
MEASUREMENT_FEED = MeasurementFeed()


# --- Case audits ----------------------------------------------------------------------------


@dataclass
class AuditStep:
    month: datetime.date
    reference: str
    fields: dict
    current: CaseAudit | None


# How a spreadsheet says an audit area does not apply to the case.
NOT_APPLICABLE = {"n/a", "na", "n.a", "not applicable", "not required", "-"}


class AuditImporter(Importer):
    key = "audits"
    noun = "audits"
    columns = AUDIT_COLUMNS

    def reference(self, values: dict) -> str:
        return cell_text(values.get("case_reference"))

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        grades = {}
        for grade in AuditGrade.objects.for_org(organisation):
            grades[normalise(grade.code)] = grade
            grades[normalise(grade.label)] = grade
        case_types = {}
        for value, label in CaseType.choices:
            case_types[normalise(value)] = value
            case_types[normalise(label)] = value
            for part in label.split(" / "):
                case_types[normalise(part)] = value
        existing = {(a.month, a.case_reference.lower()): a for a in CaseAudit.objects.for_org(organisation)}
        grade_columns = [*[area for area, _ in AUDIT_AREAS], "overall"]
        allowed = ", ".join(g.label for g in AuditGrade.objects.for_org(organisation))
        seen = {}
        for number, values in rows:
            reference = self.reference(values)
            before = len(result.errors)
            error = _row_error(result, self.columns, number, reference)
            try:
                month = parse_period(values.get("month"))
            except ValueError as problem:
                error("month", str(problem))
            try:
                validate_case_reference(reference)
            except ValidationError as problem:
                error("case_reference", problem.messages[0])
            case_type = case_types.get(normalise(values.get("case_type")))
            if case_type is None:
                given = cell_text(values.get("case_type"))
                error("case_type", f"“{given}” is not a case type: out-of-court, court order or custody")
            chosen = {}
            for column in grade_columns:
                given = normalise(values.get(column))
                if column != "overall" and given in NOT_APPLICABLE:
                    chosen[column] = None
                    continue
                chosen[column] = grades.get(given)
                if chosen[column] is None:
                    also = "" if column == "overall" else ", or n/a where the area does not apply"
                    error(column, f"“{cell_text(values.get(column))}” is not a grade: {allowed}{also}")
            notes = cell_text(values.get("notes"))
            if problems := column_problems(CaseAudit, "notes", notes):
                error("notes", " ".join(problems))
            if len(result.errors) > before:
                continue
            key = (month, reference.lower())
            if key in seen:
                error("case_reference", f"{reference} appears twice for {month:%m/%Y} (also row {seen[key]})")
                continue
            seen[key] = number
            fields = {"case_type": case_type, "notes": notes, **chosen}
            current = existing.get(key)
            kind = row_kind(current, fields)
            step = AuditStep(month, reference, fields, current)
            result.rows.append(
                PlannedRow(number, f"{reference} {month:%m/%Y}", kind, chosen["overall"].label, [], step)
            )

    def write(self, result: ImportResult, *, organisation, user) -> None:
        for row in result.rows:
            step: AuditStep = row.payload
            if row.kind != "unchanged":
                services.case_audit_save(
                    organisation=organisation,
                    audit=step.current,
                    auditor=user,
                    month=step.month,
                    case_reference=step.reference,
                    **step.fields,
                )


AUDIT_IMPORTER = AuditImporter()
