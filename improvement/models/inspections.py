from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from improvement.choices import INSPECTION_PHRASES, InspectionType
from improvement.models.frameworks import FrameworkScore, InspectionFramework, JudgementLevel, Standard
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Ranged, in_range


class Findings:
    """Strengths and areas for improvement kept one per line, as a list each for the pages."""

    @property
    def strengths_list(self) -> list[str]:
        return _lines(self.strengths)

    @property
    def areas_for_improvement_list(self) -> list[str]:
        return _lines(self.areas_for_improvement)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Inspection(Findings, Ranged):
    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="inspections")
    framework = models.ForeignKey(InspectionFramework, on_delete=models.PROTECT, related_name="inspections")
    inspectorate = models.CharField(max_length=200, default="HM Inspectorate of Probation")
    inspection_type = models.CharField("type", max_length=30, choices=InspectionType.choices)
    fieldwork_start = models.DateField(null=True, blank=True)
    fieldwork_end = models.DateField(null=True, blank=True)
    published_on = models.DateField("publication date", null=True, blank=True)
    lead_inspector = models.CharField(max_length=200, blank=True)
    report_url = models.URLField("link to the published report", blank=True)
    overall_judgement = models.ForeignKey(
        JudgementLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    overall_narrative = models.TextField(blank=True)
    strengths = models.TextField("key strengths", blank=True, help_text="One per line.")
    areas_for_improvement = models.TextField("areas requiring improvement", blank=True, help_text="One per line.")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-fieldwork_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fieldwork_end__isnull=True)
                | Q(fieldwork_start__isnull=True)
                | Q(fieldwork_end__gte=models.F("fieldwork_start")),
                name="inspection_fieldwork_ends_after_it_starts",
                violation_error_message="Fieldwork cannot end before it starts.",
            ),
            *in_range("inspection", fieldwork_start=DATES, fieldwork_end=DATES, published_on=DATES),
        ]

    def __str__(self) -> str:
        when = self.fieldwork_start or self.published_on
        return f"{self.get_inspection_type_display()}, {when:%B %Y}" if when else self.get_inspection_type_display()

    def get_absolute_url(self) -> str:
        return reverse("improvement:inspection_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def type_phrase(self) -> str:
        """The kind of inspection as a sentence says it, with its article: "an inspection of youth
        justice services", "a Full Joint Inspection"."""
        return INSPECTION_PHRASES[self.inspection_type]

    def score(self) -> FrameworkScore:
        """The inspection's standards added up as its framework scores them (2018 on: out of 36)."""
        return self.framework.score({j.standard_id: j.level for j in self.judgements.all()})


class InspectionJudgement(Findings, models.Model):
    """The inspectorate's rating of one standard or area of work of its framework, e.g. '2.1
    Assessment: Good' or 'Reducing reoffending: Unsatisfactory'."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(
        JudgementLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="None where the framework rates no such standard (a Short Quality Screening's themes).",
    )
    narrative = models.TextField(blank=True)
    strengths = models.TextField(blank=True, help_text="One per line.")
    areas_for_improvement = models.TextField(blank=True, help_text="One per line.")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("inspection__organisation").as_manager()

    class Meta:
        ordering = ["inspection", "standard__order", "standard__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "standard"],
                name="judgement_one_per_standard_per_inspection",
                violation_error_message="This standard is already rated for this inspection.",
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=False) | ~Q(strengths="") | ~Q(areas_for_improvement="") | ~Q(narrative=""),
                name="judgement_rated_or_described",
                violation_error_message="Give a rating, or strengths or areas for improvement.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.level}" if self.level_id else str(self.standard)

    @property
    def note(self) -> str:
        return self.narrative

    def clean(self):
        framework = self.inspection.framework_id
        if self.standard_id and self.standard.framework_id != framework:
            raise ValidationError({"standard": "Choose a standard of the inspection's framework."})
        if self.level_id and self.level.framework_id != framework:
            raise ValidationError({"level": "Choose a judgement of the inspection's framework."})
        if self.standard_id and self.standard.rated and not self.level_id:
            raise ValidationError({"level": "Give a rating."})
        if self.standard_id and not self.standard.rated and self.level_id:
            # HMIP judged no SQS theme on a scale (seed 002): a rating here would be ours, not theirs.
            raise ValidationError({"level": "The inspectorate gives this no rating: record strengths and areas."})
