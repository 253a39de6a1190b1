from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from performance.choices import ComparatorKind
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import ORDERS, PERIODS, Ranged, in_range


class TrackedIndicator(Ranged):
    """Which indicators an organisation follows, in the order its dashboard shows them."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="tracked")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.PROTECT, related_name="tracked_by")
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "indicator"], name="tracked_once_per_organisation"),
            *in_range("tracked", order=ORDERS),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.indicator}"


class IndicatorAlias(models.Model):
    """Another name a service's own spreadsheets give an indicator ("First time entrants" for
    FTE_RATE), confirmed by a person importing one: the next file is read the same way."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="+")
    alias = models.CharField(max_length=200, help_text="As normalised: lower case, single spaces.")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.CASCADE, related_name="aliases")

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "indicator aliases"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "alias"], name="indicatoralias_one_meaning_per_alias"),
        ]

    def __str__(self) -> str:
        return f"“{self.alias}” means {self.indicator.code}"


class Target(Ranged):
    """An organisation's target for an indicator from a period on, with its Amber tolerance."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.PROTECT, related_name="targets")
    applies_from = models.DateField(help_text="The first period this target applies to.")
    value = models.DecimalField(max_digits=14, decimal_places=4)
    tolerance = models.DecimalField(
        "Amber tolerance", max_digits=14, decimal_places=4, default=0, help_text="How far short still counts as Amber."
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "indicator", "-applies_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator", "applies_from"],
                name="target_one_per_organisation_indicator_and_start",
                violation_error_message="There is already a target starting in this period.",
            ),
            models.CheckConstraint(
                condition=Q(tolerance__gte=0),
                name="target_tolerance_not_negative",
                violation_error_message="The tolerance cannot be negative.",
            ),
            *in_range("target", applies_from=PERIODS),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} from {self.applies_from:%d/%m/%Y}: {self.value}"


class Comparator(Ranged):
    """A comparison value for a period: London, the YOT family, England and Wales."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="comparators")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.PROTECT, related_name="comparators")
    period = models.DateField()
    kind = models.CharField(max_length=20, choices=ComparatorKind.choices)
    value = models.DecimalField(max_digits=14, decimal_places=4)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "indicator", "period", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period", "kind"], name="comparator_one_per_period_and_kind"
            ),
            *in_range("comparator", period=PERIODS),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period:%m/%Y} {self.get_kind_display()}: {self.value}"


class Measurement(Ranged):
    """An organisation's value of an indicator for one period (the period's first day)."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="measurements")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.PROTECT, related_name="measurements")
    period = models.DateField(help_text="The first day of the month, quarter or year measured.")
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every save; a stale form is refused.")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "indicator", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period"],
                name="measurement_one_per_organisation_indicator_and_period",
                violation_error_message="This indicator already has a value for this period.",
            ),
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | Q(denominator__gt=0),
                name="measurement_denominator_positive",
                violation_error_message="The denominator must be more than zero.",
            ),
            models.CheckConstraint(
                condition=Q(numerator__isnull=True) | Q(numerator__gte=0),
                name="measurement_numerator_not_negative",
                violation_error_message="The numerator cannot be negative.",
            ),
            *in_range("measurement", period=PERIODS),
        ]
        indexes = [models.Index(fields=["organisation", "period"], name="measurement_dashboard_idx")]

    def __str__(self) -> str:
        value = "—" if self.value is None else format(self.value.normalize(), "f")
        return f"{self.indicator.code} {self.period:%m/%Y}: {value}"
