"""The one import contract every spreadsheet importer follows, and the one flow its page uses:
upload, preview every change and every row error (answering the file's questions on the way:
which column is which, what a word the scale does not know means, whether the values Excel
last worked out for formula cells may be used), then confirm. No record is written until
confirmation, and then all or nothing, through the apps' services; the answers about columns
and words are the service's as soon as they are given (Importer.remember).

An importer is an `Importer`: its columns, how it plans a row, and how it writes the plan. Its
`preview` and `apply` take the organisation, the upload, the person, their answers and the
importer's own scope (a plan), never a request, so a Celery task runs them as a page does.
Reading is yos_tracker.spreadsheets.read_sheet (streamed, and limited to IMPORT_MAX_ROWS rows).
"""

import difflib
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from yos_tracker import records
from yos_tracker.models import ImportMapping, LabelAlias
from yos_tracker.ranges import DATES, shown
from yos_tracker.spreadsheets import (
    Across,
    Column,
    Formula,
    FormulaAt,
    SheetRows,
    SpreadsheetError,
    normalise,
    parse_date,
    read_header,
    read_sheet,
    write_table,
)
from yos_tracker.words import counted

# Every importer, by key: each registers itself when its module loads (a worker loads them
# through the apps' tasks modules).
IMPORTERS: dict[str, "Importer"] = {}


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1, or lower under a title
    column: str
    message: str
    reference: str = ""  # the record's own reference (4(g), risk 3): how people find the row

    @property
    def where(self) -> str:
        return f"row {self.row}, {self.reference}" if self.reference else f"row {self.row}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class PlannedRow:
    """What an import will do with one row: kind is "create", "change" or "unchanged". A change
    lists each field it changes as (what, before, after), a cleared field's after "cleared"."""

    row: int
    label: str
    kind: str
    detail: str = ""
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, before, after)
    payload: object = None  # what the importer's write() needs; never shown or stored
    reference: str = ""  # the record's own reference, as a row error names it


@dataclass(frozen=True)
class LabelQuestion:
    """A label the file uses that the organisation's scale does not know, e.g. "Blue"."""

    label: str
    suggestion: str  # the code of the closest status or grade, or ""
    rows: tuple[int, ...]


@dataclass(frozen=True)
class SameRecordQuestion:
    """A row that names a stored record by its number alone, under another title: is it the same
    record (then the row changes it), or another (then it is added under `new_reference`)?"""

    key: str  # what Choices.same holds when the person says it is the same record
    row: int
    reference: str
    stored: str  # the stored record's title
    given: str  # the row's title
    new_reference: str


PERCENTAGES = {
    "fraction": "Fractions: 0.62 means 62%",
    "percent": "Percentages: 0.62 means 0.62%",
}


@dataclass(frozen=True)
class PercentQuestion:
    """Plain numbers given for percentage indicators all lie between 0 and 1, as fractions do: what
    do they mean? Until answered they are read as the guess says, and nothing is written."""

    rows: tuple[int, ...]
    examples: tuple[str, ...]  # a few of them, as the file has them
    guess: str = "fraction"


@dataclass(frozen=True)
class LabelWords:
    """How a preview asks about the labels a file uses that are not known (statuses by default,
    indicators for values): the question's heading, what an answer does, and the blank answer."""

    heading: str = "Statuses the scale does not know"
    help: str = (
        "Say once what each means; it is remembered as another name for that status. Leave one unmatched and its "
        "rows stay in error."
    )
    blank: str = "Nothing: leave these rows in error"


class Labels:
    """The words a file uses for something on a scale (a status, a grade, a risk level), read as
    the scale names them, as the organisation has named them before, or as the person answers;
    any other is asked about once (questions) and its rows are in error until answered.

    scale: code → what it stands for; names: normalised name → code (the scale's own, and the
    organisation's remembered answers); choices: the person's answers; noun: what a word names,
    as a row's error says ("status", "grade"); not_known: what a word it does not know is not."""

    def __init__(
        self,
        scale: dict[str, object],
        names: dict[str, str],
        choices: "Choices",
        noun: str,
        not_known: str = "on this service's scale",
    ):
        self.scale, self.names, self.choices, self.noun, self.not_known = scale, names, choices, noun, not_known
        self.unknown: dict[str, tuple[str, list[int]]] = {}  # normalised word → (as written, rows)

    def read(self, text: str, row: int):
        """(what the word stands for, None) or (None, why the row cannot be imported)."""
        wanted = normalise(text)
        if wanted in self.choices.labels:
            chosen = self.scale.get(self.choices.labels[wanted])
            return (
                (chosen, None)
                if chosen is not None
                else (None, f"“{text}” was left unmatched, so this row cannot be imported")
            )
        if (code := self.names.get(wanted)) in self.scale:
            return self.scale[code], None
        self.unknown.setdefault(wanted, (text, []))[1].append(row)
        return None, f"{self.noun} “{text}” is not {self.not_known}: say what it means above"

    def questions(self) -> list["LabelQuestion"]:
        return [
            LabelQuestion(label, suggestion(label, self.names), tuple(dict.fromkeys(rows)))
            for key, (label, rows) in self.unknown.items()
            if key not in self.choices.labels
        ]


@dataclass
class Choices:
    """The person's answers to a file's questions. columns: normalised header → column key ("" to
    ignore it); labels: normalised label → code ("" to leave its rows in error); same: the keys of
    rows that are the stored record their number names (SameRecordQuestion); percentages: how
    plain numbers for percentage indicators read ("fraction", "percent", or "" not yet said);
    leave_out_errors: the person chose to import the rows that are not in error without the rest."""

    columns: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    accept_formulas: bool = False
    same: list[str] = field(default_factory=list)
    percentages: str = ""
    leave_out_errors: bool = False  # import the other rows, leaving those in error out

    @classmethod
    def from_data(cls, data: dict | None) -> "Choices":
        return cls(**(data or {}))

    def as_data(self) -> dict:
        return asdict(self)


@dataclass
class Grid:
    """A file read across (a row per record, a column per period) as the import understood it:
    each row's label and its cells, each a (text, kind) with kind "create", "change",
    "unchanged", or "" for a cell left out."""

    columns: list[str]
    rows: list[tuple[str, list[tuple[str, str]]]]


@dataclass
class ImportResult:
    noun: str
    columns: list[Column]
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import will also do, or what it found
    headers: list[str] = field(default_factory=list)
    recognised: dict[str, str] = field(default_factory=dict)
    unknown_headers: list[str] = field(default_factory=list)
    missing: list[Column] = field(default_factory=list)
    formulas: list[Formula] = field(default_factory=list)  # with a last value, to be accepted
    labels: list[LabelQuestion] = field(default_factory=list)
    label_choices: list[tuple[str, str]] = field(default_factory=list)  # (code, label) answers offer
    label_words: LabelWords = field(default_factory=LabelWords)
    same_records: list[SameRecordQuestion] = field(default_factory=list)
    percentages: PercentQuestion | None = None
    choices: Choices = field(default_factory=Choices)
    periods: list = field(default_factory=list)  # the periods' headers, when the file is laid across
    grid: Grid | None = None

    @property
    def needs_columns(self) -> bool:
        return bool(self.missing)

    @property
    def needs_formula_consent(self) -> bool:
        return bool(self.formulas) and not self.choices.accept_formulas

    @property
    def needs_percentages(self) -> bool:
        return self.percentages is not None and self.choices.percentages not in PERCENTAGES

    @property
    def percentage_readings(self) -> list[tuple[str, str]]:
        return list(PERCENTAGES.items())

    @property
    def has_questions(self) -> bool:
        return bool(self.missing or self.unknown_headers or self.labels or self.formulas or self.same_records) or (
            self.percentages is not None
        )

    @property
    def is_valid(self) -> bool:
        """Whether confirming writes: nothing left to answer, and no row in error unless the
        person chose to leave the rows in error out."""
        blocked_by_errors = self.errors and not self.choices.leave_out_errors
        return not (blocked_by_errors or self.missing or self.needs_formula_consent or self.needs_percentages)

    @property
    def can_leave_out(self) -> bool:
        """Whether the rows not in error could be imported without the rest: some rows are in
        error, others are not, and nothing else is left to answer."""
        return bool(self.errors and self.rows) and not (
            self.missing or self.needs_formula_consent or self.needs_percentages
        )

    @property
    def left_out(self) -> list[int]:
        """The rows in error: what importing the rest leaves out."""
        return sorted({error.row for error in self.errors})

    @property
    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "change": 0, "unchanged": 0}
        for row in self.rows:
            counts[row.kind] += 1
        return counts

    @property
    def summary(self) -> str:
        c = self.counts
        # An importer names its records in the plural (“risks”, “values”): one drops the “s”.
        added = counted(c["create"], self.noun.removesuffix("s"), self.noun)
        summary = f"{added} added, {c['change']} changed, {c['unchanged']} unchanged."
        if self.errors and self.choices.leave_out_errors:
            rows = ", ".join(map(str, self.left_out))
            summary += f" Left out, in error: row{'s' if len(self.left_out) > 1 else ''} {rows}."
        return summary

    @property
    def changing_rows(self) -> list[PlannedRow]:
        """The rows that add or change a record: what a person checks before confirming."""
        return [row for row in self.rows if row.kind != "unchanged"]

    @property
    def unchanged_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.kind == "unchanged"]

    def as_data(self) -> dict:
        """What a background job keeps for its result page (no payloads)."""
        return {
            "noun": self.noun,
            "rows": [{k: v for k, v in asdict(r).items() if k != "payload"} for r in self.rows],
            "errors": [asdict(e) for e in self.errors],
            "notes": self.notes,
            "headers": self.headers,
            "recognised": self.recognised,
            "unknown_headers": self.unknown_headers,
            "missing": [c.key for c in self.missing],
            "formulas": [asdict(f) for f in self.formulas],
            "labels": [asdict(q) for q in self.labels],
            "label_choices": self.label_choices,
            "label_words": asdict(self.label_words),
            "same_records": [asdict(q) for q in self.same_records],
            "percentages": asdict(self.percentages) if self.percentages else None,
            "choices": self.choices.as_data(),
            "grid": asdict(self.grid) if self.grid else None,
        }

    @classmethod
    def from_data(cls, data: dict, columns: list[Column]) -> "ImportResult":
        by_key = {c.key: c for c in columns}
        return cls(
            noun=data["noun"],
            columns=columns,
            rows=[PlannedRow(**{**r, "changes": [tuple(c) for c in r["changes"]]}) for r in data["rows"]],
            errors=[RowError(**e) for e in data["errors"]],
            notes=data["notes"],
            headers=data["headers"],
            recognised=data["recognised"],
            unknown_headers=data["unknown_headers"],
            missing=[by_key[k] for k in data["missing"]],
            formulas=[Formula(**f) for f in data["formulas"]],
            labels=[LabelQuestion(**{**q, "rows": tuple(q["rows"])}) for q in data["labels"]],
            label_choices=[tuple(c) for c in data["label_choices"]],
            label_words=LabelWords(**data.get("label_words", {})),
            same_records=[SameRecordQuestion(**q) for q in data.get("same_records", [])],
            percentages=_percent_question(data.get("percentages")),
            choices=Choices.from_data(data["choices"]),
            grid=Grid(**data["grid"]) if data.get("grid") else None,
        )


def _percent_question(data: dict | None) -> PercentQuestion | None:
    if not data:
        return None
    return PercentQuestion(**{**data, "rows": tuple(data["rows"]), "examples": tuple(data["examples"])})


def dates_of(values: dict, keys, labels: dict[str, str], error) -> dict:
    """The row's dates under `keys` (None for a blank); a cell that is not a date, or one outside
    the dates any record may hold, is reported through error(key, message) and left out."""
    found = {}
    for key in keys:
        try:
            day = parse_date(values.get(key))
        except ValueError as problem:
            error(key, f"{labels[key].lower()} {problem}")
            continue
        if day is not None and day not in DATES:
            span = f"{shown(DATES.lowest)} to {shown(DATES.highest)}"
            error(key, f"{labels[key].lower()} {shown(day)} is out of range: give a date from {span}")
            continue
        found[key] = day
    return found


def row_plan(current, wanted: dict, *, labels: dict | None = None) -> tuple[str, list[records.FieldChange]]:
    """What a row does to its record (yos_tracker.records' rule): "create" when there is none,
    "unchanged" when every field the row carries already says what the row says, "change"
    otherwise, with the fields it changes."""
    if current is None:
        return "create", []
    found = records.changes(current, wanted, labels=labels)
    return ("change" if found else "unchanged"), found


def suggestion(label: str, candidates: dict[str, str]) -> str:
    """The code whose name (normalised name → code) is closest to a label, if one is close."""
    close = difflib.get_close_matches(normalise(label), list(candidates), n=1, cutoff=0.6)
    return candidates[close[0]] if close else ""


def names_of(person) -> set[str]:
    """What a spreadsheet may call a member: their full name, user name or e-mail address."""
    return {normalise(name) for name in (person.get_full_name(), person.get_username(), person.email) if name}


def members_by_name(organisation) -> dict[str, object]:
    """The organisation's members by every name a spreadsheet may call them (names_of)."""
    members = {}
    for person in get_user_model().objects.filter(memberships__organisation=organisation).order_by("pk"):
        for name in names_of(person):
            members.setdefault(name, person)
    return members


class Importer:
    """An importer: what it reads (columns, and which of them names a row's record), how it plans
    each row (plan_rows) and how it writes a plan (write, through the app's services).

    Subclasses set key (remembered column mappings are per organisation and importer), noun,
    columns and reference(values), and implement plan_rows and write. An importer with labels to
    map (statuses, grades) also implements remember_labels.
    """

    key: str
    noun: str
    columns: list[Column]
    across: Across | None = None  # a layout with a column per period the importer also reads
    # What a workbook's sheet of this importer's rows is (yos_tracker.workbooks): in a sentence, and
    # the words its name may hold.
    sheet_title: str = ""
    sheet_words: tuple[str, ...] = ()

    def __init__(self):
        IMPORTERS[self.key] = self

    def reference(self, values: dict) -> str:
        raise NotImplementedError

    def template(self) -> bytes:
        """A blank workbook with the columns as the export writes them, to fill in and import."""
        return write_table([column.label for column in self.columns], [], "xlsx", title=self.noun.capitalize())

    def plan_rows(self, rows, result: ImportResult, *, organisation, user, choices: Choices, **scope) -> None:
        raise NotImplementedError

    def write(self, result: ImportResult, *, organisation, user, **scope) -> None:
        raise NotImplementedError

    def labels(self, organisation, scale: dict, names: dict[str, str], choices: Choices, noun: str, **not_known):
        """A reader of the file's words for the scale (code → what it stands for; names: the
        scale's own, normalised name → code), knowing the organisation's remembered answers."""
        remembered = LabelAlias.objects.for_org(organisation).filter(importer=self.key, code__in=list(scale))
        return Labels(scale, {**dict(remembered.values_list("label", "code")), **names}, choices, noun, **not_known)

    def remember_labels(self, *, organisation, choices: Choices) -> None:
        """Keep the person's answers to the file's words as the organisation's, for this importer
        (an importer whose scale keeps its own aliases, as statuses do, keeps them there)."""
        for label, code in choices.labels.items():
            if code:
                records.upsert(
                    LabelAlias.objects,
                    organisation=organisation,
                    importer=self.key,
                    label=label,
                    defaults={"code": code},
                )

    def scope_ids(self, **scope) -> dict:
        """The scope as ids, for a background job to keep."""
        return {name: value.pk for name, value in scope.items()}

    def scope_objects(self, organisation, ids: dict) -> dict:
        """The scope back from its ids, within the organisation."""
        return {}

    def feed_choices(self, data: dict) -> Choices:
        """What a feed's request (the API) says up front that a file's person answers on its
        preview; ValueError, naming the key, for an answer it cannot be."""
        return Choices()

    def mapping(self, organisation, choices: Choices) -> dict[str, str]:
        """Normalised header → column key: the organisation's remembered answers and the person's."""
        remembered = ImportMapping.objects.for_org(organisation).filter(importer=self.key)
        return {**dict(remembered.values_list("header", "column")), **choices.columns}

    def header(self, *, organisation, upload, sheet: int = 0, choices: Choices | None = None) -> SheetRows:
        """What a sheet's header row names for this importer (no rows read)."""
        mapping = self.mapping(organisation, choices or Choices())
        return read_header(upload, self.columns, mapping=mapping, across=self.across, sheet=sheet)

    def preview(
        self, *, organisation, upload, user=None, choices: Choices | None = None, progress=None, sheet=0, **scope
    ):
        """What importing the file (a workbook's first sheet, or the sheet named by its place)
        would do. Raises SpreadsheetError if it cannot be read at all."""
        choices = choices or Choices()
        sheet = read_sheet(
            upload,
            self.columns,
            mapping=self.mapping(organisation, choices),
            max_rows=settings.IMPORT_MAX_ROWS,
            progress=progress,
            across=self.across,
            sheet=sheet,
        )
        result = ImportResult(
            noun=self.noun,
            columns=self.columns,
            headers=sheet.headers,
            recognised=sheet.recognised,
            unknown_headers=sheet.unknown,
            missing=sheet.missing,
            choices=choices,
            periods=sheet.periods,
        )
        if sheet.periods:
            first, last = min(sheet.periods), max(sheet.periods)
            result.notes.append(
                f"Read across: a column for each of {counted(len(sheet.periods), 'period')}, "
                f"{first:%m/%Y} to {last:%m/%Y}; each cell under one is that period's row."
            )
        if sheet.missing:
            return result
        labels = {c.key: c.label for c in self.columns}
        rows = []
        formulas = {f.cell: f for f in sheet.formulas}
        for number, values in sheet.rows:
            mine = [formulas[v.cell] for v in values.values() if isinstance(v, FormulaAt)]
            for formula in mine:
                if formula.cached in (None, ""):
                    result.errors.append(
                        RowError(
                            number,
                            labels[formula.key],
                            f"cell {formula.cell} holds the formula {formula.formula} and no value Excel worked "
                            "out for it: type the value in instead",
                            self.reference(values),
                        )
                    )
                else:
                    values[formula.key] = formula.cached
                    result.formulas.append(formula)
            if not any(f.cached in (None, "") for f in mine):
                rows.append((number, values))
        self.plan_rows(rows, result, organisation=organisation, user=user, choices=choices, **scope)
        # Stable, a row's own errors in their order; read across, a row's cells share its problems once.
        result.errors = sorted(dict.fromkeys(result.errors), key=lambda error: error.row)
        return result

    @transaction.atomic
    def apply(
        self, *, organisation, upload, user=None, choices: Choices | None = None, progress=None, sheet=0, **scope
    ):
        """Apply the file: all of it, or, if any row is in error or a question is unanswered, none
        of it. The person's column mappings and label mappings are remembered once applied."""
        result = self.preview(
            organisation=organisation,
            upload=upload,
            user=user,
            choices=choices,
            progress=progress,
            sheet=sheet,
            **scope,
        )
        if result.is_valid:
            self.write(result, organisation=organisation, user=user, **scope)
            self.remember(organisation=organisation, choices=result.choices)
        return result

    @transaction.atomic
    def apply_rows(
        self, *, organisation, rows: list[dict], user=None, choices: Choices | None = None, **scope
    ) -> ImportResult:
        """Apply records sent as data (the API) rather than in a file, by the same plan and
        checks, all or nothing. Rows are numbered from 1 in the order they came; a key a row
        leaves out is a column a file does not have (its stored value is kept)."""
        choices = choices or Choices()
        result = ImportResult(noun=self.noun, columns=self.columns, choices=choices)
        labels = {column.key: column.label for column in self.columns}
        readable = []
        for number, values in enumerate(rows, start=1):
            # A file cannot carry a NUL (yos_tracker.uploads); data can, and PostgreSQL can neither
            # store nor look one up.
            nul = [key for key, value in values.items() if isinstance(value, str) and "\x00" in value]
            for key in nul:
                result.errors.append(RowError(number, labels.get(key, key), "Null characters are not allowed."))
            if not nul:
                readable.append((number, values))
        self.plan_rows(readable, result, organisation=organisation, user=user, choices=choices, **scope)
        if result.needs_percentages:
            items = ", ".join(map(str, result.percentages.rows))
            result.errors.append(
                RowError(
                    0,
                    "percentages",
                    f"every value given for a percentage indicator (items {items})"
                    " lies between 0 and 1, as fractions do, but values are taken as percentages: 62 for 62%. Send "
                    'percentages, or say "percentages": "fraction" to send fractions (or "percent" if these really '
                    "are below 1%)",
                )
            )
        result.errors.sort(key=lambda error: error.row)
        if result.is_valid:
            self.write(result, organisation=organisation, user=user, **scope)
        return result

    def remember(self, *, organisation, choices: Choices) -> None:
        for header, column in choices.columns.items():
            records.upsert(
                ImportMapping.objects,
                organisation=organisation,
                importer=self.key,
                header=header,
                defaults={"column": column},
            )
        self.remember_labels(organisation=organisation, choices=choices)


__all__ = [
    "IMPORTERS",
    "Choices",
    "Column",
    "Grid",
    "ImportResult",
    "Importer",
    "LabelQuestion",
    "LabelWords",
    "Labels",
    "PercentQuestion",
    "PlannedRow",
    "RowError",
    "SameRecordQuestion",
    "SpreadsheetError",
    "dates_of",
    "members_by_name",
    "names_of",
    "row_plan",
    "suggestion",
]
