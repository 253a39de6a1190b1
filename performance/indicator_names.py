"""Which indicator a spreadsheet's cell names: its code, its catalogue name, or a name the service
has said it means before (IndicatorAlias). A name not known is asked about once, like a status
the scale does not know, with the closest indicator suggested; an indicator the service does not
track yet can be the answer, and is tracked when the file is imported."""

import re

from performance.models import Indicator, IndicatorAlias, TrackedIndicator
from yos_tracker import records
from yos_tracker.imports import Choices, LabelQuestion, LabelWords, suggestion
from yos_tracker.spreadsheets import cell_text, normalise

WORDS = LabelWords(
    heading="Indicators not known by these names",
    help=(
        "Say once which indicator each is; it is remembered as another name for it. One this service does not "
        "track yet is tracked when the file is imported. Leave one unmatched and its rows stay in error."
    ),
)


def words(text) -> set[str]:
    """A name's words, as people vary them least: "Re-offending" is "reoffending"."""
    return set(re.findall(r"[a-z0-9]+", str(text or "").lower().replace("-", "")))


class IndicatorNames:
    """Finds the indicator each row names, and collects the names it cannot find (questions). One
    that does not ask (a feed's) finds only the indicators the service tracks."""

    def __init__(self, organisation, choices: Choices, *, asks: bool = True):
        self.choices, self.asks = choices, asks
        self.available = {i.code.upper(): i for i in Indicator.objects.available_to(organisation).order_by("code")}
        self.tracked = {
            code.upper()
            for code in TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True)
        }
        self.names: dict[str, Indicator] = {}  # normalised code, name or alias → indicator
        for code in self.tracked:
            indicator = self.available[code]
            self.names.setdefault(normalise(indicator.code), indicator)
            self.names.setdefault(normalise(indicator.name), indicator)
        for alias in IndicatorAlias.objects.for_org(organisation).select_related("indicator"):
            if asks or alias.indicator.code.upper() in self.tracked:
                self.names.setdefault(alias.alias, alias.indicator)
        self.unknown: dict[str, tuple[str, list[int]]] = {}  # normalised name → (as written, rows)

    def find(self, number: int, cell) -> tuple[Indicator | None, str]:
        """The indicator the cell names, or None and why not (a question is asked where one can be)."""
        text = cell_text(cell)
        key = normalise(text)
        if key in self.choices.labels:
            chosen = self.available.get(self.choices.labels[key].upper())
            return chosen, "" if chosen else f"“{text}” was left unmatched, so this row cannot be imported"
        if key in self.names:
            return self.names[key], ""
        if not key:
            return None, "give the indicator"
        if not self.asks:
            return None, f"“{text}” is not an indicator this service tracks"
        rows = self.unknown.setdefault(key, (text, []))[1]
        if number not in rows[-1:]:  # read across, a row names its indicator once for every period
            rows.append(number)
        return None, f"“{text}” is not an indicator this service tracks by that name: say which it is above"

    def lookup(self, cell) -> Indicator | None:
        """The indicator the cell names, without asking (None when it needs a question)."""
        key = normalise(cell_text(cell))
        if key in self.choices.labels:
            return self.available.get(self.choices.labels[key].upper())
        return self.names.get(key)

    def untracked(self, indicators) -> list[Indicator]:
        """Of these indicators, the ones the service does not track yet, by code."""
        return sorted({i for i in indicators if i.code.upper() not in self.tracked}, key=lambda i: i.code)

    def questions(self) -> list[LabelQuestion]:
        return [
            LabelQuestion(label, self.suggest(label), tuple(rows))
            for key, (label, rows) in self.unknown.items()
            if key not in self.choices.labels
        ]

    def choices_offered(self) -> list[tuple[str, str]]:
        """What an answer may be: the tracked indicators, then the others the service could track."""
        ordered = sorted(self.available.values(), key=lambda i: (i.code.upper() not in self.tracked, i.code))
        return [
            (i.code, f"{i.code}: {i.name}" + ("" if i.code.upper() in self.tracked else " (not tracked yet)"))
            for i in ordered
        ]

    def suggest(self, label: str) -> str:
        """The indicator a name most likely means: one whose code it is, or whose name holds all
        its words (the shortest such name, tracked ones first), else the closest name or code."""
        given = words(label)
        containing = [
            i for i in self.available.values() if normalise(i.code) == normalise(label) or given <= words(i.name)
        ]
        if given and containing:
            best = min(containing, key=lambda i: (i.code.upper() not in self.tracked, len(words(i.name)), i.code))
            return best.code
        candidates = {normalise(i.name): i.code for i in self.available.values()}
        candidates |= {normalise(i.code): i.code for i in self.available.values()}
        return suggestion(label, candidates)


def remember_aliases(organisation, choices: Choices) -> None:
    """Keep the person's answers as the service's other names for those indicators."""
    available = {i.code.upper(): i for i in Indicator.objects.available_to(organisation)}
    for label, code in choices.labels.items():
        if code and code.upper() in available:
            records.upsert(
                IndicatorAlias.objects,
                organisation=organisation,
                alias=label,
                defaults={"indicator": available[code.upper()]},
            )
