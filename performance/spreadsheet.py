"""Indicator values and case audits from spreadsheets: the measurement and case-audit importers
(yos_tracker.imports), tolerant of the layouts councils keep, writing through the services."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from performance import rag, services
from performance.choices import CaseType, Unit
from performance.indicator_names import WORDS, IndicatorNames, remember_aliases
from performance.models import AuditGrade, CaseAudit, Indicator, Measurement, TrackedIndicator
from performance.models.audits import AUDIT_AREAS
from performance.models.references import validate_case_reference
from yos_tracker.dates import EARLIEST, LATEST, in_reach
from yos_tracker.imports import (
    PERCENTAGES,
    Choices,
    Grid,
    Importer,
    ImportResult,
    LabelWords,
    PercentQuestion,
    PlannedRow,
    RowError,
    members_by_name,
    names_of,
    row_plan,
)
from yos_tracker.records import carried
from yos_tracker.spreadsheets import (
    Across,
    Column,
    Formatted,
    Percent,
    cell_text,
    column_problems,
    normalise,
    parse_date,
    percent_of,
    says_no_value,
    write_table,
)
from yos_tracker.words import counted

MEASUREMENT_COLUMNS = [
    Column("indicator", "Indicator code", ("indicator", "code", "kpi", "kpi code", "measure", "indicator ref")),
    Column("period", "Period", ("month", "quarter", "date", "period start", "reporting period")),
    Column("value", "Value", ("result", "figure", "actual", "performance"), required=False),
    Column("numerator", "Numerator", ("count", "number", "n"), required=False),
    Column("denominator", "Denominator", ("cohort", "total", "out of", "base"), required=False),
    Column("note", "Note", ("notes", "comment", "comments", "commentary"), required=False),
    Column("source", "Source", ("data source", "from", "system"), required=False),
]
AUDIT_LABELS = {
    "case_type": "Case type",
    "auditor": "Auditor",
    "auditor_name": "Auditor",
    **dict(AUDIT_AREAS),
    "overall": "Overall",
    "notes": "Notes",
}
AUDIT_COLUMNS = [
    Column("month", "Month", ("audit month", "period", "date of audit", "audit date", "date")),
    Column("case_reference", "Case reference", ("case ref", "reference", "ref", "case id", "case number", "case no")),
    Column("case_type", "Case type", ("type", "disposal", "order type", "case category")),
    Column("auditor", "Auditor", ("audited by", "auditor name", "reviewer", "quality assured by"), required=False),
    Column("assessment", "Assessment", ("assessment grade", "assetplus", "asset plus")),
    Column("intervention", "Intervention plan", ("intervention", "intervention grade", "planning")),
    Column("risk", "Risk management plan", ("risk", "risk plan", "risk management", "rmp")),
    Column("vulnerability", "Vulnerability plan", ("vulnerability", "safety and wellbeing", "vmp")),
    Column("overall", "Overall", ("overall grade", "overall rating", "grade", "rating")),
    Column("notes", "Notes", ("note", "comments", "comment", "auditor notes"), required=False),
]
PERIOD_FORMATS = ["%Y-%m", "%b %Y", "%B %Y", "%m/%Y", "%b-%y", "%B-%y"]


def parse_period(value) -> datetime.date:
    """A month as 31/03/2017, 2017-03, Mar 2017, March 2017 or an Excel date: its first day, from
    1998 (when youth offending teams began) until a year before the calendar ends (pages compare a
    period with the year either side of it)."""
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("give the period, e.g. 2017-03 or 01/03/2017")
    for fmt in PERIOD_FORMATS:
        try:
            period = datetime.datetime.strptime(text, fmt).date().replace(day=1)  # noqa: DTZ007 - a month, not a time
            break
        except ValueError:
            continue
    else:
        period = parse_date(value).replace(day=1)
    if not in_reach(period):
        raise ValueError(f"“{text}” is out of range: give a period from {EARLIEST:%m/%Y} to {LATEST:%m/%Y}")
    return period


# "Q1 2023/24", "Q1 2023-24", "2023/24 Q1", "Q1 23/24": a quarter of the April-to-March year.
QUARTER = re.compile(
    r"^(?:q(?P<q1>[1-4])\s*(?P<y1>\d{2}|\d{4})\s*[/-]\s*\d{2,4}|(?P<y2>\d{2}|\d{4})\s*[/-]\s*\d{2,4}\s*q(?P<q2>[1-4]))$"
)


def period_header(value) -> datetime.date | None:
    """The period a column's header names, in the forms trackers give one ("Apr-23", "April 2023",
    "2023-04", "Apr 2023", "Q1 2023/24", a date cell), as its first day; None for any other header.
    A plain number is never a period here: it is a target or a year's total."""
    if isinstance(value, datetime.datetime | datetime.date):
        return parse_period(value)
    text = normalise(value)
    if match := QUARTER.match(text):
        year = int(match["y1"] or match["y2"])
        year += 2000 if year < 100 else 0
        quarter = int(match["q1"] or match["q2"])
        return datetime.date(year + (quarter == 4), 3 * quarter + 1 if quarter < 4 else 1, 1)
    if not isinstance(value, str) or not re.search(r"[a-z/-]", text):
        return None
    try:
        return parse_period(value)
    except ValueError:
        return None


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


def _number(value) -> Decimal | Percent | None:
    """A cell's number, or the percentage it says (a cell Excel shows as 62%, or "62%")."""
    return percent_of(value) or _decimal(value)


def _row_error(result: ImportResult, columns: list[Column], number: int, reference: str):
    labels = {c.key: c.label for c in columns}

    def error(key: str, message: str) -> None:
        result.errors.append(RowError(number, labels[key], message, reference))

    return error


# --- Indicator values ---------------------------------------------------------------------------


def fractions_guessed(values: list[Decimal]) -> bool:
    """Whether plain numbers given for percentage indicators read as fractions (0.62 for 62%):
    every one lies between 0 and 1, and not all are 0 or 1."""
    return bool(values) and all(0 <= v <= 1 for v in values) and any(0 < v < 1 for v in values)


def percentage_points(indicator: Indicator, given: Decimal | Percent | None, percentages: str) -> Decimal | None:
    """A value as the indicator stores it. A percentage indicator keeps points (62 for 62%): a
    cell that says a percentage gives its points, and a plain number is a fraction only when the
    person says the file's are. Any other indicator refuses a percentage (ValueError)."""
    if given is None:
        return None
    if isinstance(given, Percent):
        if indicator.unit != Unit.PERCENT:
            raise ValueError(
                f"“{given}” is a percentage, but {indicator.code} is measured as "
                f"{indicator.get_unit_display().lower()}: give the number"
            )
        return given.points
    if indicator.unit == Unit.PERCENT and percentages == "fraction":
        return given * 100
    return given


class MeasurementImporter(Importer):
    key = "measurements"
    noun = "values"
    sheet_title = "indicator values"
    sheet_words = ("kpi", "kpis", "indicator", "indicators", "performance", "values", "measures", "data")
    columns = MEASUREMENT_COLUMNS
    across = Across("period", "value", period_header)  # a KPI tracker: a row per indicator, a column per month
    source_default = "Spreadsheet import"  # a new value's source where its row names none
    # A file's row with no figure (blank, "n/a") is left out with a note, and an indicator it names
    # in words the service has not used before is asked about; a feed's item is refused.
    reads_a_file = True

    def reference(self, values: dict) -> str:
        return cell_text(values.get("indicator"))

    def feed_choices(self, data: dict) -> Choices:
        percentages = data.get("percentages", "")
        if percentages not in ("", *PERCENTAGES):
            raise ValueError('“percentages” is "percent" (62 for 62%) or "fraction" (0.62 for 62%)')
        return Choices(percentages=percentages)

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        names = IndicatorNames(organisation, choices, asks=self.reads_a_file)
        existing = {(m.indicator_id, m.period): m for m in Measurement.objects.for_org(organisation)}
        result.percentages = self._percent_question(rows, names)
        percentages = choices.percentages or (result.percentages.guess if result.percentages else "percent")
        seen = {}
        no_value = []
        for number, values in rows:
            if self.reads_a_file and all(
                says_no_value(values.get(key)) for key in ("value", "numerator", "denominator")
            ):
                no_value.append(number)
                continue
            before = len(result.errors)
            error = _row_error(result, self.columns, number, self.reference(values))
            indicator, problem = names.find(number, values.get("indicator"))
            if indicator is None:
                error("indicator", problem)
            try:
                period = parse_period(values.get("period"))
            except ValueError as problem:
                error("period", str(problem))
            parts = {}
            for key in ("value", "numerator", "denominator"):
                try:
                    given = _number(values.get(key))
                    if key == "value":
                        parts[key] = percentage_points(indicator, given, percentages) if indicator else given
                    elif isinstance(given, Percent):
                        raise ValueError(f"“{given}” is a percentage: give the count")
                    else:
                        parts[key] = given
                except ValueError as problem:
                    error(key, str(problem))
            text = {key: cell_text(value) for key, value in carried(values, ("note", "source")).items()}
            for name, given in text.items():
                if problems := column_problems(Measurement, name, given):
                    error(name, " ".join(problems))
            if len(result.errors) > before:
                continue
            given_period, period = period, rag.period_start(period, indicator.frequency)
            key = (indicator.pk, period)
            if key in seen:
                error("period", _twice(indicator, period, given_period, *seen[key]))
                continue
            seen[key] = number, given_period
            entry = services.MeasurementEntry(indicator, period, parts, text, self.source_default)
            try:
                wanted = entry.wanted
            except ValidationError as problem:
                column = next(iter(problem.error_dict)) if hasattr(problem, "error_dict") else "value"
                error(column if column in parts else "value", problem.messages[0])
                continue
            current = existing.get(key)
            kind, found = row_plan(current, wanted, labels=_labels(indicator))
            result.rows.append(
                PlannedRow(
                    number,
                    f"{indicator.code} {period:%m/%Y}",
                    kind,
                    indicator.format_value(wanted["value"]),
                    [_shown_change(indicator, change) for change in found],
                    entry,
                    self.reference(values),
                )
            )
        if no_value:
            result.notes.append(_no_value_note(no_value))
        unsourced = [row.row for row in result.rows if row.kind == "create" and "source" not in row.payload.text]
        if unsourced and self.reads_a_file:
            result.notes.append(
                f"No source given for {counted(len(unsourced), 'new value')}: recorded as from “{self.source_default}”."
            )
        if result.periods:
            result.grid = _grid(result)
        if self.reads_a_file:
            result.labels, result.label_words = names.questions(), WORDS
            result.label_choices = names.choices_offered()
            result.notes += [
                f"Will start tracking {i.code}, {i.name}: this service does not track it yet."
                for i in names.untracked(row.payload.indicator for row in result.rows)
            ]

    def _percent_question(self, rows, names: IndicatorNames) -> PercentQuestion | None:
        """What plain numbers for percentage indicators mean, asked when they look like fractions
        (until answered they are read as the guess says); None when they do not."""
        plain = []
        for number, values in rows:
            indicator = names.lookup(values.get("indicator"))
            if indicator is None or indicator.unit != Unit.PERCENT:
                continue
            if indicator.is_ratio and values.get("numerator") not in (None, "") and values.get("denominator"):
                continue  # worked out from its two counts: the value cell is not read
            try:
                given = _number(values.get("value"))
            except ValueError:
                continue
            if given is not None and not isinstance(given, Percent):
                plain.append((number, values.get("value"), given))
        if not fractions_guessed([given for _, _, given in plain]):
            return None
        return PercentQuestion(
            rows=tuple(number for number, _, _ in plain),
            examples=tuple(cell_text(cell) for _, cell, _ in plain[:3]),
        )

    def write(self, result: ImportResult, *, organisation, user) -> None:
        for indicator in {row.payload.indicator for row in result.rows}:
            services.indicator_tracking_set(organisation=organisation, indicator=indicator, tracked=True)
        entries = [row.payload for row in result.rows if row.kind != "unchanged"]
        services.measurements_upsert(organisation=organisation, entries=entries, user=user)

    def remember_labels(self, *, organisation, choices: Choices) -> None:
        remember_aliases(organisation, choices)


def _grid(result: ImportResult) -> Grid:
    """Indicators by periods, as a file laid across was read: each cell as it will be stored."""
    periods = sorted(set(result.periods))
    cells: dict[str, dict] = {}
    for row in result.rows:
        entry = row.payload
        cells.setdefault(entry.indicator.code, {})[entry.period] = (row.detail, row.kind)
    return Grid(
        columns=[f"{period:%b %Y}" for period in periods],
        rows=[(code, [found.get(period, ("—", "")) for period in periods]) for code, found in cells.items()],
    )


def _no_value_note(cells: list[int]) -> str:
    rows = sorted(set(cells))  # read across, a row has a cell per period
    listed = ", ".join(map(str, rows[:20])) + (f" and {len(rows) - 20} more" if len(rows) > 20 else "")
    return (
        f"Left out: row{'s' if len(rows) > 1 else ''} {listed}, with no figure (blank, “n/a”, “-” or "
        "“not available”). A value stored for the same period is kept."
    )


def _twice(indicator: Indicator, period, given, row: int, given_before) -> str:
    """Why a second row for an indicator's period is refused: the same period given twice, or two
    periods that fall in one of the indicator's (monthly rows for a quarterly indicator)."""
    if given == given_before:
        return f"{indicator.code} for {period:%m/%Y} appears twice (also row {row})"
    frequency = indicator.get_frequency_display().lower()
    span = {"quarterly": "quarter", "annual": "year from April"}.get(indicator.frequency, "month")
    return (
        f"{indicator.code} is measured {frequency}: {given_before:%m/%Y} (row {row}) and {given:%m/%Y} both fall "
        f"in the {span} starting {period:%m/%Y}; give one value for it"
    )


def _labels(indicator: Indicator) -> dict[str, str]:
    return {
        "value": "Value",
        "numerator": (indicator.numerator_label or "numerator").capitalize(),
        "denominator": (indicator.denominator_label or "denominator").capitalize(),
    }


def _shown_change(indicator: Indicator, change) -> tuple[str, str, str]:
    """A value's change as people read the value (62.0%); any other field's as records shows it."""
    if change.name != "value":
        return change.row
    label, _, after = change.row
    after = after if change.clears else indicator.format_value(change.after)
    return label, indicator.format_value(change.before), after


class MeasurementFeed(MeasurementImporter):
    """The same rows sent as data by another system (the API's bulk upsert), not in a file."""

    key = "measurement_feed"
    source_default = "API"
    reads_a_file = False


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
    sheet_title = "case audits"
    sheet_words = ("audit", "audits", "qa", "quality")
    columns = AUDIT_COLUMNS

    def reference(self, values: dict) -> str:
        return cell_text(values.get("case_reference"))

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices) -> None:
        scale = {grade.code: grade for grade in AuditGrade.objects.for_org(organisation)}
        names = {normalise(name): grade.code for grade in scale.values() for name in (grade.code, grade.label)}
        grades = self.labels(organisation, scale, names, choices, "grade")
        members = members_by_name(organisation)
        case_types = {}
        for value, label in CaseType.choices:
            case_types[normalise(value)] = value
            case_types[normalise(label)] = value
            for part in label.split(" / "):
                case_types[normalise(part)] = value
        existing = {
            (a.month, a.case_reference.lower()): a
            for a in CaseAudit.objects.for_org(organisation).select_related("auditor")
        }
        grade_columns = [*[area for area, _ in AUDIT_AREAS], "overall"]
        allowed = ", ".join(grade.label for grade in scale.values() if not grade.retired)
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
                given = cell_text(values.get(column))
                if normalise(given) in NOT_APPLICABLE:
                    chosen[column] = None
                    if column == "overall":
                        error(column, f"“{given}” is not a grade: {allowed}; the overall grade always applies")
                elif not given:
                    also = "" if column == "overall" else ", or n/a where the area does not apply"
                    error(column, f"give a grade: {allowed}{also}")
                else:
                    chosen[column], problem = grades.read(given, number)
                    if problem:
                        error(column, problem)
            text = {key: cell_text(value) for key, value in carried(values, ("notes",)).items()}
            if problems := column_problems(CaseAudit, "notes", text.get("notes", "")):
                error("notes", " ".join(problems))
            if "auditor" in values and (problems := column_problems(CaseAudit, "auditor_name", values["auditor"])):
                error("auditor", " ".join(problems))
            if len(result.errors) > before:
                continue
            key = (month, reference.lower())
            if key in seen:
                error("case_reference", f"{reference} appears twice for {month:%m/%Y} (also row {seen[key]})")
                continue
            seen[key] = number
            current = existing.get(key)
            auditor, detail = _auditor(values, current, members, user)
            fields = {"case_type": case_type, **auditor, **text, **chosen}
            kind, found = row_plan(current, fields, labels=AUDIT_LABELS)
            result.rows.append(
                PlannedRow(
                    number,
                    f"{reference} {month:%m/%Y}",
                    kind,
                    "; ".join(filter(None, [chosen["overall"].label, detail])),
                    _audit_changes(found, current, fields),
                    AuditStep(month, reference, fields, current),
                    reference,
                )
            )
        result.labels = grades.questions()
        result.label_choices = [(grade.code, grade.label) for grade in scale.values() if not grade.retired]
        result.label_words = AUDIT_GRADE_WORDS

    def write(self, result: ImportResult, *, organisation, user) -> None:
        for row in result.rows:
            step: AuditStep = row.payload
            if row.kind == "create":
                services.case_audit_save(
                    organisation=organisation, month=step.month, case_reference=step.reference, **step.fields
                )
            elif row.kind == "change":
                services.case_audit_save(organisation=organisation, audit=step.current, **step.fields)


AUDIT_GRADE_WORDS = LabelWords(
    heading="Grades the service's scale does not know",
    help="Say once which grade each word means; it is remembered for this service's next file. Leave one "
    "unmatched and its rows stay in error.",
)


def _auditor(values: dict, current: CaseAudit | None, members: dict, user) -> tuple[dict, str]:
    """The auditor a row gives (a member named by their name, user name or e-mail address, or
    else the name as written) and what the preview says of it. A new audit the file names no
    auditor for is credited to the person importing; a stored one keeps its own unless the
    file's Auditor cell says otherwise."""
    text = cell_text(values.get("auditor"))
    if not text:
        if current is None:
            return {"auditor": user, "auditor_name": ""}, "no auditor given: audited by you"
        return ({"auditor": None, "auditor_name": ""} if "auditor" in values else {}), ""
    if current is not None and current.auditor_id and normalise(text) in names_of(current.auditor):
        return {"auditor": current.auditor}, ""  # the account it has, as the export names it
    if current is not None and not current.auditor_id and normalise(text) == normalise(current.auditor_name):
        return {"auditor": None, "auditor_name": current.auditor_name}, ""
    person = members.get(normalise(text))
    if person is None:
        return {"auditor": None, "auditor_name": text}, f"audited by {text}, who has no account here"
    return {"auditor": person, "auditor_name": ""}, ""


def _audit_changes(found, current: CaseAudit | None, fields: dict) -> list[tuple[str, str, str]]:
    """A row's changes as the audit page reads them: the auditor once, by name, whether an
    account or a name as written."""
    shown = [change.row for change in found if change.name not in ("auditor", "auditor_name")]
    if len(shown) < len(found):
        person = fields.get("auditor")
        after = (person.get_full_name() or person.username) if person else fields.get("auditor_name") or "cleared"
        shown.insert(0, ("Auditor", current.auditor_display or "—", after))
    return shown


AUDIT_IMPORTER = AuditImporter()


# --- Exports, in the importers' layouts ------------------------------------------------------------


def _tidy(value: Decimal | None) -> Decimal | None:
    """A stored number without the column's trailing zeros (23.0000 is 23, 39.7400 is 39.74)."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _value_cell(indicator: Indicator, value):
    """A value as a worksheet shows it: a percentage as one (62 is stored; 0.62 shown as 62%)."""
    return Formatted.percent(value) if indicator.unit == Unit.PERCENT else _tidy(value)


def measurement_export(organisation, fmt: str) -> bytes:
    """Every value of the indicators the service tracks, in its dashboard's order, as the importer
    reads them: imported again, the file changes nothing."""
    order = {t.indicator_id: t.order for t in TrackedIndicator.objects.for_org(organisation)}
    values = sorted(
        Measurement.objects.for_org(organisation).filter(indicator_id__in=order).select_related("indicator"),
        key=lambda m: (order[m.indicator_id], m.indicator.code, m.period),
    )
    rows = [
        [
            m.indicator.code,
            m.period,
            _value_cell(m.indicator, m.value),
            _tidy(m.numerator),
            _tidy(m.denominator),
            m.note,
            m.source,
        ]
        for m in values
    ]
    return write_table([column.label for column in MEASUREMENT_COLUMNS], rows, fmt, title="Indicator values")


def audit_export(audits, fmt: str) -> bytes:
    """Case audits (a queryset, filtered as the page shows them) as the importer reads them; an
    area that does not apply to the case is "n/a"."""
    rows = [
        [
            audit.month,
            audit.case_reference,
            audit.get_case_type_display(),
            audit.auditor_display,
            *[getattr(audit, area).label if getattr(audit, area) else "n/a" for area, _ in AUDIT_AREAS],
            audit.overall.label,
            audit.notes,
        ]
        for audit in audits.select_related("auditor", *[area for area, _ in AUDIT_AREAS], "overall").order_by(
            "month", "case_reference", "pk"
        )
    ]
    return write_table([column.label for column in AUDIT_COLUMNS], rows, fmt, title="Case audits")
