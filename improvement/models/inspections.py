from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from improvement.choices import InspectionType
from yos_tracker.querysets import OrganisationScopedQuerySet


class InspectionFramework(models.Model):
    """An inspectorate's framework; it owns the scale its judgements are given on."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class JudgementLevel(models.Model):
    framework = models.ForeignKey(InspectionFramework, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(max_length=60)
    rank = models.PositiveSmallIntegerField(help_text="1 is the best judgement.")
    colour = models.CharField(max_length=7)

    class Meta:
        ordering = ["framework", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "label"], name="judgementlevel_unique_label_per_framework"),
            models.UniqueConstraint(fields=["framework", "rank"], name="judgementlevel_unique_rank_per_framework"),
        ]

    def __str__(self) -> str:
        return self.label


class Inspection(models.Model):
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
        ]

    def __str__(self) -> str:
        when = self.fieldwork_start or self.published_on
        return f"{self.get_inspection_type_display()}, {when:%B %Y}" if when else self.get_inspection_type_display()

    def get_absolute_url(self) -> str:
        return reverse("improvement:inspection_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def strengths_list(self) -> list[str]:
        return [line.strip() for line in self.strengths.splitlines() if line.strip()]

    @property
    def areas_for_improvement_list(self) -> list[str]:
        return [line.strip() for line in self.areas_for_improvement.splitlines() if line.strip()]


class InspectionJudgement(models.Model):
    """A judgement on one area of work, e.g. 'Reducing reoffending: Unsatisfactory'."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=200)
    level = models.ForeignKey(JudgementLevel, on_delete=models.PROTECT, related_name="+")
    narrative = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("inspection__organisation").as_manager()

    class Meta:
        ordering = ["inspection", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "area"], name="judgement_one_per_area_per_inspection"),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.level}"
