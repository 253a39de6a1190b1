"""Inspection frameworks as data: each owns its judgement scale, its standards (or, before 2018,
its areas of work) and, where the inspectorate scores, how ratings add up to an overall rating.
The frameworks are loaded from improvement/framework_data.py, which cites the source of each."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from improvement.choices import InspectionType
from yos_tracker.ranges import ORDERS, RANKS, Range, Ranged, in_range

# What one rating adds to a framework's total (HMIP's from 2018: 0 to 3).
LEVEL_SCORES = Range(0, 100)


@dataclass(frozen=True)
class FrameworkScore:
    """Ratings added up as the framework publishes: the total, out of how many, and the overall
    level the total falls in (None until every scored standard is rated)."""

    total: int
    maximum: int
    rated: int
    expected: int
    overall: "JudgementLevel | None"

    @property
    def complete(self) -> bool:
        return self.rated == self.expected


class InspectionFramework(Ranged):
    """An inspectorate's framework; it owns the scale its judgements are given on."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    in_use = models.CharField(max_length=40, blank=True, help_text="The years it was used, e.g. 2018–2021.")
    source = models.TextField(blank=True, help_text="Where its structure and scoring are published.")
    sources = models.JSONField(
        default=list,
        blank=True,
        help_text="The published documents each fact is taken from: {title, publisher, url, date, supports} rows.",
    )
    unverified = models.JSONField(
        default=list,
        blank=True,
        help_text="Facts no published source we could read confirms, one sentence each; shown to users as such.",
    )
    bands = models.JSONField(
        default=list,
        blank=True,
        help_text="How a total score becomes an overall rating: [low, high, level label] rows; empty when "
        "the framework gives no score.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        constraints = in_range("framework", order=ORDERS)

    def __str__(self) -> str:
        return self.name

    @property
    def is_scored(self) -> bool:
        return bool(self.bands)

    def standards_for(self, inspection_type: str) -> list["Standard"]:
        """The standards an inspection of this type judges: those the framework keeps for the type
        (a Short Quality Screening's four themes), else those kept for no type (2012–18: the Full
        Joint Inspection's areas, judged in re-inspections too)."""
        standards = list(self.standards.all())
        own = [s for s in standards if s.inspection_type == inspection_type]
        return own or [s for s in standards if not s.inspection_type]

    @property
    def domains(self) -> list[tuple[str, list]]:
        """[(domain, [standard])] in the framework's order, for its page."""
        grouped: dict[str, list] = {}
        for standard in self.standards.all():
            grouped.setdefault(standard.domain, []).append(standard)
        return list(grouped.items())

    def score(self, levels: dict) -> FrameworkScore:
        """The total of the scored standards' ratings (levels: {standard pk: JudgementLevel}) and the
        overall rating HMIP's bands give it. A standard rated on no score (resettlement, from 2021)
        is left out, as it is of the published total."""
        scored = [s for s in self.standards.all() if s.scored]
        scale = list(self.levels.all())
        given = [levels[s.pk] for s in scored if levels.get(s.pk) is not None]
        best = max((level.score or 0 for level in scale), default=0)
        total = sum(level.score or 0 for level in given)
        overall = None
        if self.is_scored and len(given) == len(scored):
            by_label = {level.label: level for level in scale}
            overall = next((by_label[label] for low, high, label in self.bands if low <= total <= high), None)
        return FrameworkScore(
            total=total, maximum=best * len(scored), rated=len(given), expected=len(scored), overall=overall
        )


class JudgementLevel(Ranged):
    framework = models.ForeignKey(InspectionFramework, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(max_length=60)
    rank = models.PositiveSmallIntegerField(help_text="1 is the best judgement.")
    colour = models.CharField(max_length=7)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="What the level adds to the total, where the framework scores."
    )

    class Meta:
        ordering = ["framework", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "label"], name="judgementlevel_unique_label_per_framework"),
            models.UniqueConstraint(fields=["framework", "rank"], name="judgementlevel_unique_rank_per_framework"),
            *in_range("judgementlevel", rank=RANKS, score=LEVEL_SCORES),
        ]

    def __str__(self) -> str:
        return self.label


class Standard(Ranged):
    """A standard of a framework (2018's "1.1 Governance and leadership"), or an area of work a
    2012–18 inspection judged ("Reducing reoffending"). Inspections and self-assessments rate these."""

    framework = models.ForeignKey(InspectionFramework, on_delete=models.CASCADE, related_name="standards")
    code = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    domain = models.CharField(max_length=200, blank=True, help_text="e.g. Domain 2: Court disposals.")
    prompts = models.JSONField(default=list, blank=True)
    scored = models.BooleanField(default=True, help_text="Counts toward the framework's total score.")
    rated = models.BooleanField(
        default=True,
        help_text="Judged on the framework's scale. Where the inspectorate gives no rating (a Short Quality "
        "Screening's themes), an inspection records strengths and areas for improvement instead.",
    )
    inspection_type = models.CharField(
        max_length=30,
        choices=InspectionType.choices,
        blank=True,
        help_text="Judged only in inspections of this type (a Short Quality Screening's themes); blank: in any.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="standard_unique_code_in_framework"),
            models.CheckConstraint(condition=~Q(code=""), name="standard_has_a_code"),
            models.CheckConstraint(
                condition=Q(rated=True) | Q(scored=False),
                name="standard_scored_only_if_rated",
                violation_error_message="A standard given no rating cannot count toward the total.",
            ),
            *in_range("standard", order=ORDERS),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
