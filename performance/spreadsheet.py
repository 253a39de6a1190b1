"""Indicator values and case audits from spreadsheets, through the shared import flow
(yos_tracker.imports): tolerant parsing, row errors, preview, then all or nothing."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from performance import rag, services
from performance.choices import CaseType
from performance.models import AuditGrade, CaseAudit, Measurement, TrackedIndicator
from performance.models.audits import AUDIT_AREAS, validate_case_reference
from yos_tracker.imports import ImportResult, PlannedRow
from yos_tracker.spreadsheets import RowError, column_problems, parse_date, read_rows, unchanged

MEASUREMENT_COLUMNS = {
    "indicator": "Indicator code",
    "period": "Period",
    "value": "Value",
    "numerator": "Numerator",
    "denominator": "Denominator",
    "note": "Note",
    "source": "Source",
}
AUDIT_COLUMNS = {
    "month": "Month",
    "case_reference": "Case reference",
    "case_type": "Case type",
    "assessment": "Assessment",
    "intervention": "Intervention plan",
    "risk": "Risk management plan",
    "vulnerability": "Vulnerability plan",
    "overall": "Overall",
    "notes": "Notes",
}
PERIOD_FORMATS = ["%Y-%m", "%b %Y", "%B %Y", "%m/%Y", "%b-%y", "%B-%y"]


def parse_period(value) -> datetime.date:
    """A month as 31/03/2017, 2017-03, Mar 2017, March 2017 or an Excel date: its first day."""
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("Give the period, e.g. 2017-03 or 01/03/2017")
    for fmt in PERIOD_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().replace(day=1)  # noqa: DTZ007 - a month, not a time
        except ValueError:
            continue
    day = parse_date(value)
    return day.replace(day=1)


def _decimal(value, column: str, errors: list, row: int, label: str):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        errors.append(RowError(row, label, f"“{value}” is not a number."))
        return None
    if not number.is_finite():
        errors.append(RowError(row, label, f"“{value}” is not a number."))
        return None
    return number


# --- Indicator values ---------------------------------------------------------------------------


def _plan_measurements(organisation, upload):
    tracked = {
        t.indicator.code.upper(): t.indicator
        for t in TrackedIndicator.objects.for_org(organisation).select_related("indicator")
    }
    existing = {(m.indicator_id, m.period): m for m in Measurement.objects.for_org(organisation)}
    errors, planned, seen = [], [], {}
    for number, values in read_rows(upload, MEASUREMENT_COLUMNS):
        before = len(errors)
        code = str(values.get("indicator") or "").strip().upper()
        indicator = tracked.get(code)
        if indicator is None:
            errors.append(RowError(number, "Indicator code", f"“{code}” is not an indicator this service tracks."))
        try:
            period = parse_period(values.get("period"))
        except ValueError as problem:
            errors.append(RowError(number, "Period", str(problem)))
            period = None
        parts = {
            key: _decimal(values.get(key), key, errors, number, MEASUREMENT_COLUMNS[key])
            for key in ("value", "numerator", "denominator")
        }
        if len(errors) > before:
            continue
        period = rag.period_start(period, indicator.frequency)
        key = (indicator.pk, period)
        if key in seen:
            errors.append(
                RowError(number, "Period", f"{code} for {period:%m/%Y} appears twice (also row {seen[key]}).")
            )
            continue
        seen[key] = number
        try:
            fields = services.measurement_value(indicator, **parts)
        except ValidationError as problem:
            column = next(iter(problem.error_dict)) if hasattr(problem, "error_dict") else "value"
            errors.append(RowError(number, MEASUREMENT_COLUMNS.get(column, "Value"), problem.messages[0]))
            continue
        current = existing.get(key)
        note, source = str(values.get("note") or ""), str(values.get("source") or "")
        for name, text in (("note", note), ("source", source)):
            if problems := column_problems(Measurement, name, text):
                errors.append(RowError(number, MEASUREMENT_COLUMNS[name], " ".join(problems)))
        if len(errors) > before:
            continue
        if current is None:
            kind, detail = "create", indicator.format_value(fields["value"])
        elif current.value == fields["value"] and unchanged(current.note, note) and unchanged(current.source, source):
            kind, detail = "unchanged", indicator.format_value(current.value)
        else:
            kind = "change"
            detail = f"{indicator.format_value(current.value)} → {indicator.format_value(fields['value'])}"
        planned.append(
            (PlannedRow(number, f"{code} {period:%m/%Y}", kind, detail), indicator, period, parts, note, source)
        )
    return planned, errors


def measurements_preview(request, upload) -> ImportResult:
    planned, errors = _plan_measurements(request.organisation, upload)
    return ImportResult([p[0] for p in planned], errors, noun="values")


@transaction.atomic
def measurements_apply(request, upload) -> ImportResult:
    planned, errors = _plan_measurements(request.organisation, upload)
    if not errors:
        for row, indicator, period, parts, note, source in planned:
            if row.kind != "unchanged":
                services.measurement_record(
                    organisation=request.organisation,
                    indicator=indicator,
                    period=period,
                    note=note,
                    source=source or "Spreadsheet import",
                    user=request.user,
                    **parts,
                )
    return ImportResult([p[0] for p in planned], errors, noun="values")


# --- Case audits ----------------------------------------------------------------------------


def _lookup(choices: dict[str, object], text) -> object | None:
    return choices.get(" ".join(str(text or "").lower().replace("_", " ").split()))


def _plan_audits(organisation, upload):
    grades = {}
    for grade in AuditGrade.objects.for_org(organisation):
        grades[grade.code.replace("_", " ")] = grade
        grades[grade.label.lower()] = grade
    case_types = {}
    for value, label in CaseType.choices:
        case_types[value.replace("_", " ")] = value
        case_types[label.lower()] = value
        for part in label.lower().split(" / "):
            case_types[part] = value
    existing = {(a.month, a.case_reference.lower()): a for a in CaseAudit.objects.for_org(organisation)}
    grade_columns = [*[area for area, _ in AUDIT_AREAS], "overall"]
    allowed = ", ".join(g.label for g in AuditGrade.objects.for_org(organisation))
    errors, planned, seen = [], [], {}
    for number, values in read_rows(upload, AUDIT_COLUMNS):
        before = len(errors)
        try:
            month = parse_period(values.get("month"))
        except ValueError as problem:
            errors.append(RowError(number, "Month", str(problem)))
            month = None
        reference = str(values.get("case_reference") or "").strip()
        try:
            validate_case_reference(reference)
        except ValidationError as problem:
            errors.append(RowError(number, "Case reference", problem.messages[0]))
        case_type = _lookup(case_types, values.get("case_type"))
        if case_type is None:
            errors.append(
                RowError(
                    number,
                    "Case type",
                    f"“{values.get('case_type') or ''}” is not a case type: out-of-court, court order or custody.",
                )
            )
        chosen = {}
        for column in grade_columns:
            grade = _lookup(grades, values.get(column))
            if grade is None:
                errors.append(
                    RowError(number, AUDIT_COLUMNS[column], f"“{values.get(column) or ''}” is not a grade: {allowed}.")
                )
            chosen[column] = grade
        if len(errors) > before:
            continue
        key = (month, reference.lower())
        if key in seen:
            errors.append(
                RowError(
                    number, "Case reference", f"{reference} appears twice for {month:%m/%Y} (also row {seen[key]})."
                )
            )
            continue
        seen[key] = number
        fields = {"case_type": case_type, "notes": str(values.get("notes") or ""), **chosen}
        current = existing.get(key)
        if current is None:
            kind = "create"
        elif all(getattr(current, k) == v for k, v in fields.items()):
            kind = "unchanged"
        else:
            kind = "change"
        planned.append(
            (
                PlannedRow(number, f"{reference} {month:%m/%Y}", kind, chosen["overall"].label),
                month,
                reference,
                fields,
                current,
            )
        )
    return planned, errors


def audits_preview(request, upload) -> ImportResult:
    planned, errors = _plan_audits(request.organisation, upload)
    return ImportResult([p[0] for p in planned], errors, noun="audits")


@transaction.atomic
def audits_apply(request, upload) -> ImportResult:
    planned, errors = _plan_audits(request.organisation, upload)
    if not errors:
        for row, month, reference, fields, current in planned:
            if row.kind == "create":
                CaseAudit.objects.create(
                    organisation=request.organisation,
                    month=month,
                    case_reference=reference,
                    auditor=request.user,
                    **fields,
                )
            elif row.kind == "change":
                for name, value in fields.items():
                    setattr(current, name, value)
                current.save()
    return ImportResult([p[0] for p in planned], errors, noun="audits")
