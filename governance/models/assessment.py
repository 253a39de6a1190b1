from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from improvement.models import Inspection, InspectionFramework, JudgementLevel, Standard
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Ranged, in_range


class SelfAssessment(Ranged):
    """The board's rating of its service against an inspection framework's standards, set beside
    an inspection's own ratings of the same standards where there is one."""

    organisation = models.ForeignKey(
        "yos_tracker.Organisation", on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.ForeignKey(InspectionFramework, on_delete=models.PROTECT, related_name="assessments")
    date = models.DateField()
    title = models.CharField(max_length=200)
    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_assessments",
        help_text="The inspection to set it beside: one of this service's, on the same framework.",
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = in_range("selfassessment", date=DATES)

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.inspection_id and (
            self.inspection.framework_id != self.framework_id or self.inspection.organisation_id != self.organisation_id
        ):
            raise ValidationError({"inspection": "Choose one of this service's inspections on the same framework."})


class StandardRating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(JudgementLevel, on_delete=models.PROTECT, related_name="+")
    commentary = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Links to documents, actions or indicators, one per line.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "standard__order", "standard__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "standard"], name="rating_one_per_standard_per_assessment"),
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.level}"

    @property
    def note(self) -> str:
        return self.commentary


class PartnerContribution(models.Model):
    """One agency's contribution to the pooled youth justice budget for a year (seed 004, section C)."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="contributions")
    year = models.CharField(max_length=9, help_text="e.g. 2019/20")
    agency = models.CharField(max_length=200)
    staffing = models.DecimalField("staffing costs", max_digits=12, decimal_places=2, default=0)
    payments_in_kind = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    other_delegated = models.DecimalField("other delegated funds", max_digits=12, decimal_places=2, default=0)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "agency"], name="contribution_one_per_agency_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    @property
    def total(self):
        return self.staffing + self.payments_in_kind + self.other_delegated
