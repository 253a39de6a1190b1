from django.db import models
from simple_history.models import HistoricalRecords

from governance.choices import Rating
from yos_tracker.querysets import OrganisationScopedQuerySet


class StandardsFramework(models.Model):
    """A set of standards to assess against, e.g. HMIP's organisational delivery standards. Data, so a
    new framework can be loaded."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Standard(models.Model):
    framework = models.ForeignKey(StandardsFramework, on_delete=models.CASCADE, related_name="standards")
    code = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    prompts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["framework", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="standard_unique_code_per_framework")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class SelfAssessment(models.Model):
    organisation = models.ForeignKey(
        "yos_tracker.Organisation", on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.ForeignKey(StandardsFramework, on_delete=models.PROTECT, related_name="assessments")
    date = models.DateField()
    title = models.CharField(max_length=200)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.title


class StandardRating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(max_length=25, choices=Rating.choices)
    commentary = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Links to documents, actions or indicators, one per line.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "standard__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "standard"], name="rating_one_per_standard_per_assessment"),
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.get_rating_display()}"

    @property
    def badge(self):
        """For the shared RAG badge: a label and a colour."""
        rating = Rating(self.rating)
        return {"label": rating.label, "colour": rating.colour}


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
