"""A service's whole tracker in one workbook: each sheet read by the importer it is laid out for
(an action plan, indicator values, a risk register, case audits), previewed sheet by sheet with
that importer's own questions, and imported together or not at all.

Which importer reads a sheet is worked out from its header row (the importer whose required
columns it has) and, where that leaves a choice, its name ("Risks", "KPIs"). Where it is still
unsure, the person is asked, and nothing is imported until they have said."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from yos_tracker.imports import Choices, Importer, ImportResult
from yos_tracker.spreadsheets import SheetRows, SpreadsheetError, normalise, sheet_names

# A sheet's columns count as an importer's when they name at least this many of them.
ENOUGH_COLUMNS = 2


@dataclass
class SheetPart:
    """One sheet of a workbook: which importer reads it (key; "" when none does), whether that
    is sure or a guess to be confirmed, why, and, once read, what importing it would do."""

    index: int
    name: str
    key: str
    sure: bool
    reason: str
    result: ImportResult | None = None
    problem: str = ""  # why the sheet cannot be read at all
    title: str = ""  # what it is read as, in a sentence ("a risk register")

    @property
    def prefix(self) -> str:
        """What the sheet's answers are named with on the page, so each sheet's stay its own."""
        return f"s{self.index}-"

    @property
    def is_ready(self) -> bool:
        return not self.key or (self.sure and not self.problem and self.result is not None and self.result.is_valid)


@dataclass
class WorkbookResult:
    parts: list[SheetPart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import does beyond the sheets' rows

    @property
    def read(self) -> list[SheetPart]:
        return [part for part in self.parts if part.key]

    @property
    def is_valid(self) -> bool:
        """Every sheet read is ready to import, and at least one is."""
        return bool(self.read) and all(part.is_ready for part in self.parts)

    @property
    def summary(self) -> str:
        """What each sheet read gives, in one sentence."""
        return "; ".join(f"“{part.name}”, {part.result.summary.rstrip('.')}" for part in self.read if part.result) + "."

    @property
    def unsure(self) -> list[SheetPart]:
        return [part for part in self.parts if part.key and not part.sure]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", normalise(text)))


def sheet_guess(importers: list[Importer], headers: dict[str, SheetRows], name: str) -> tuple[str, bool, str]:
    """(importer key or "", sure, why) for a sheet: the importer whose required columns its
    header has; where several have them, or none does, the one its name names; else a guess."""
    named = [i for i in importers if _words(name) & set(i.sheet_words)]
    complete = [i for i in importers if not headers[i.key].missing]
    if len(complete) == 1:
        return complete[0].key, True, f"its columns are those of {complete[0].sheet_title}"
    if complete:
        chosen = [i for i in complete if i in named]
        if len(chosen) == 1:
            return chosen[0].key, True, f"its columns and its name are those of {chosen[0].sheet_title}"
        best = max(complete, key=lambda i: len(headers[i.key].recognised))
        return best.key, False, f"its columns could be those of {' or '.join(i.sheet_title for i in complete)}"
    if len(named) == 1:
        return named[0].key, False, f"its name says {named[0].sheet_title}, but not every column one needs is there"
    best = max(importers, key=lambda i: len(headers[i.key].recognised))
    if len(headers[best.key].recognised) >= ENOUGH_COLUMNS:
        return best.key, False, f"some of its columns are those of {best.sheet_title}"
    return "", True, "no columns an import reads were found in its first rows"


class Workbook:
    """The importers a workbook's sheets may be read by, in the order they are written."""

    def __init__(self, importers: list[Importer]):
        self.importers = {importer.key: importer for importer in importers}

    def parts(self, *, organisation, upload, chosen: dict[str, str]) -> list[SheetPart]:
        """The workbook's sheets, each with the importer that reads it: as the person chose (chosen:
        sheet index as text → key, "" for none) or as guessed."""
        parts = []
        for index, name in enumerate(sheet_names(upload, max_rows=settings.IMPORT_MAX_ROWS)):
            if str(index) in chosen:
                key = chosen[str(index)] if chosen[str(index)] in self.importers else ""
                parts.append(SheetPart(index, name, key, True, "as you said"))
                continue
            headers = {
                key: importer.header(organisation=organisation, upload=upload, sheet=index)
                for key, importer in self.importers.items()
            }
            parts.append(SheetPart(index, name, *sheet_guess(list(self.importers.values()), headers, name)))
        for part in parts:
            part.title = self.importers[part.key].sheet_title if part.key else ""
        return parts

    def preview(
        self, *, organisation, upload, user, chosen: dict[str, str], choices: dict[str, dict], scope: Callable
    ) -> WorkbookResult:
        """What importing every sheet would do; nothing is written (scope(key, notes) gives an
        importer's scope, and may make it: what it makes is undone with the rest)."""
        with transaction.atomic():
            result = self._read(organisation, upload, user, chosen, choices, scope, apply=False)
            transaction.set_rollback(True)
        return result

    def apply(
        self, *, organisation, upload, user, chosen: dict[str, str], choices: dict[str, dict], scope: Callable
    ) -> WorkbookResult:
        """Import every sheet, or, if any is not ready, none of them."""
        with transaction.atomic():
            result = self._read(organisation, upload, user, chosen, choices, scope, apply=True)
            if not result.is_valid:
                transaction.set_rollback(True)
        return result

    def _read(self, organisation, upload, user, chosen, choices, scope, *, apply: bool) -> WorkbookResult:
        result = WorkbookResult(self.parts(organisation=organisation, upload=upload, chosen=chosen))
        order = list(self.importers)
        for part in sorted(result.read, key=lambda part: order.index(part.key)):
            importer = self.importers[part.key]
            method = importer.apply if apply else importer.preview
            try:
                part.result = method(
                    organisation=organisation,
                    upload=upload,
                    user=user,
                    choices=Choices.from_data(choices.get(str(part.index))),
                    sheet=part.index,
                    **scope(part.key, result.notes),
                )
            except SpreadsheetError as error:
                part.problem = " ".join(error.messages)
        return result


__all__ = ["SheetPart", "Workbook", "WorkbookResult", "sheet_guess"]
