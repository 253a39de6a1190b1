import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.choices import RiskStatus
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Range, Ranged, in_range

RISK_NUMBERS = Range(0, 999_999)
# The largest matrix is 5×5 (RiskMatrix.clean); an organisation's own may be smaller (Risk.clean).
LEVELS = Range(1, 5)
SCORES = Range(1, 25)  # likelihood × impact on the largest matrix
# As a register kept by hand records it, which may score on a scale of its own.
RECORDED_SCORES = Range(0, 999)
# At least once a year; a year after 31 December 9998 is still inside the calendar.
REVIEW_DAYS = Range(1, 365, "days")
LEVEL_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")


class RiskMatrix(models.Model):
    """An organisation's risk scoring matrix: levels 1..size on both axes, score = likelihood ×
    impact, and bands of scores. Seed 004's 3×3 matrix by default; a 5×5 can be configured."""

    organisation = models.OneToOneField(
        "yos_tracker.Organisation", on_delete=models.CASCADE, related_name="risk_matrix"
    )
    levels = models.JSONField(help_text='Level names from 1 upwards, e.g. ["Low", "Medium", "High"].')

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "risk matrices"

    def __str__(self) -> str:
        return f"{self.size}×{self.size} matrix of {self.organisation}"

    @property
    def size(self) -> int:
        return len(self.levels)

    def level_name(self, level: int | None) -> str:
        return self.levels[level - 1] if level else "—"

    def band_for(self, score: int | None, bands=None):
        """The band a score falls in (the lowest band whose ceiling reaches it)."""
        if score is None:
            return None
        for band in bands if bands is not None else self.bands.all():
            if score <= band.highest:
                return band
        return None

    def clean(self):
        if not isinstance(self.levels, list) or not 2 <= len(self.levels) <= 5:
            raise ValidationError({"levels": "A matrix has between two and five levels."})


class RiskBand(Ranged):
    matrix = models.ForeignKey(RiskMatrix, on_delete=models.CASCADE, related_name="bands")
    lowest = models.PositiveSmallIntegerField()
    highest = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=40)
    colour = models.CharField(max_length=7)

    history = HistoricalRecords()

    class Meta:
        ordering = ["matrix", "lowest"]
        constraints = [
            models.CheckConstraint(condition=Q(highest__gte=models.F("lowest")), name="riskband_range_in_order"),
            *in_range("riskband", lowest=SCORES, highest=SCORES),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.lowest}–{self.highest})"


class Risk(Ranged):
    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="risks")
    number = models.PositiveIntegerField()
    raised_on = models.DateField("date raised")
    title = models.CharField(max_length=200)
    description = models.TextField("description and consequences")
    owner = models.CharField(max_length=100, help_text="A person or their initials.")
    category = models.CharField(max_length=100, blank=True)
    inherent_likelihood = models.PositiveSmallIntegerField("likelihood before mitigation")
    inherent_impact = models.PositiveSmallIntegerField("impact before mitigation")
    mitigations = models.TextField(blank=True)
    residual_likelihood = models.PositiveSmallIntegerField("likelihood after mitigation")
    residual_impact = models.PositiveSmallIntegerField("impact after mitigation")
    target_score = models.PositiveSmallIntegerField(null=True, blank=True)
    # Registers kept by hand record a score beside likelihood and impact, and it is not always
    # their product (seed 004 has eleven that are not). The computed score is the one that
    # counts; a recorded one that disagrees is kept so that the register can show it.
    inherent_score_recorded = models.PositiveSmallIntegerField(
        "score before mitigation, as recorded", null=True, blank=True
    )
    residual_score_recorded = models.PositiveSmallIntegerField(
        "score after mitigation, as recorded", null=True, blank=True
    )
    review_every_days = models.PositiveSmallIntegerField("review frequency (days)", default=90)
    last_reviewed = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    status_commentary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number"],
                name="risk_unique_number_per_organisation",
                violation_error_message="The register already has a risk with this number.",
            ),
            *in_range(
                "risk",
                number=RISK_NUMBERS,
                raised_on=DATES,
                **dict.fromkeys(LEVEL_FIELDS, LEVELS),
                target_score=SCORES,
                inherent_score_recorded=RECORDED_SCORES,
                residual_score_recorded=RECORDED_SCORES,
                review_every_days=REVIEW_DAYS,
                last_reviewed=DATES,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:risk_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    # The scoring rule: score = likelihood × impact, the band from the organisation's matrix.
    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact

    @property
    def score_disagreements(self) -> list[tuple[str, int, int]]:
        """(before or after, recorded, computed) for each recorded score the matrix disagrees with."""
        pairs = [
            ("before", self.inherent_score_recorded, self.inherent_score),
            ("after", self.residual_score_recorded, self.residual_score),
        ]
        return [(when, recorded, computed) for when, recorded, computed in pairs if recorded not in (None, computed)]

    @property
    def mitigation_raises_score(self) -> bool:
        """Scored higher after mitigation than before: a mitigation cannot make a risk worse, so
        one of the two is mis-rated (seed 004's risk 11)."""
        return self.residual_score > self.inherent_score

    def review_due(self) -> datetime.date:
        return (self.last_reviewed or self.raised_on) + datetime.timedelta(days=self.review_every_days)

    def is_review_overdue(self, today: datetime.date) -> bool:
        """Open risks whose last review (or, before the first, their raising) is older than their frequency."""
        return self.status == RiskStatus.OPEN and self.review_due() < today

    def clean(self):
        matrix = getattr(self.organisation, "risk_matrix", None) if self.organisation_id else None
        if matrix:
            for field in LEVEL_FIELDS:
                value = getattr(self, field)
                if value is not None and not 1 <= value <= matrix.size:
                    raise ValidationError({field: f"Choose a level from 1 to {matrix.size}."})


def recorded_score_kept(recorded: int | None, computed: int) -> int | None:
    """A score a source register records is kept when it disagrees with the computed one; one
    that agrees adds nothing."""
    return recorded if recorded is not None and recorded != computed else None


class RiskReview(Ranged):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inherent_likelihood = models.PositiveSmallIntegerField()
    inherent_impact = models.PositiveSmallIntegerField()
    residual_likelihood = models.PositiveSmallIntegerField()
    residual_impact = models.PositiveSmallIntegerField()
    commentary = models.TextField(blank=True)
    # Reviews are added, never changed: when one was recorded is what a document presented
    # before it must not show.
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = OrganisationScopedQuerySet.through("risk__organisation").as_manager()

    class Meta:
        ordering = ["risk", "date", "pk"]
        constraints = in_range("riskreview", date=DATES, **dict.fromkeys(LEVEL_FIELDS, LEVELS))

    def __str__(self) -> str:
        return f"{self.risk} reviewed {self.date:%d/%m/%Y}"

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact
