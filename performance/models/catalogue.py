from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from performance.choices import Computation, Frequency, Polarity, Scope, Unit
from yos_tracker.ranges import ORDERS, Ranged, in_range

# Codes of the indicators the case-audit roll-up computes (performance.rollup.case_audit_figures
# and plan_status_figures).
COMPUTED_PREFIXES = ("CA_", "IP_")


class IndicatorCategory(Ranged):
    code = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "indicator categories"
        constraints = in_range("indicatorcategory", order=ORDERS)

    def __str__(self) -> str:
        return self.name


class IndicatorQuerySet(models.QuerySet):
    def shared(self):
        """The catalogue every service shares (performance/catalogue_data.py)."""
        return self.filter(organisation__isnull=True)

    def available_to(self, organisation):
        """The shared catalogue and the organisation's own local indicators."""
        return self.filter(Q(organisation__isnull=True) | Q(organisation=organisation))


class Indicator(Ranged):
    """A measure: in the shared catalogue (YJB national measures and KPIs, Lewisham's local
    indicators), or one service's own local indicator."""

    organisation = models.ForeignKey(
        "yos_tracker.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_indicators",
        help_text="The service whose own indicator this is; empty for the shared catalogue.",
    )
    code = models.CharField(
        max_length=40, help_text="Capital letters, digits and underscores, as in spreadsheets: e.g. EET_LOCAL."
    )
    name = models.CharField(max_length=200)
    category = models.ForeignKey(IndicatorCategory, on_delete=models.PROTECT, related_name="indicators")
    scope = models.CharField(max_length=10, choices=Scope.choices)
    unit = models.CharField(max_length=12, choices=Unit.choices)
    polarity = models.CharField(max_length=14, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    definition = models.TextField(blank=True)
    source = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Where the definition is published, cited in full. Shown to administrators only.",
    )
    guidance_open = models.TextField(
        blank=True,
        help_text="What the published guidance leaves to the service, and the choice this catalogue made: "
        "shown on the indicator's page.",
    )
    unverified = models.BooleanField(
        default=False,
        help_text="The published wording of the measure could not be read when the catalogue was last "
        "checked: the indicator's page says so.",
    )
    # Ordering by name put "KPI 10" before "KPI 1"; the catalogue lists its indicators in the
    # order their source does (Appendix A, then the YJB's KPIs 1 to 10), which every list follows.
    position = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Its place in the shared catalogue; empty for a service's own, listed after it by name.",
    )
    computation = models.CharField(max_length=10, choices=Computation.choices, default=Computation.DIRECT)
    numerator_label = models.CharField(max_length=200, blank=True)
    denominator_label = models.CharField(max_length=200, blank=True)
    multiplier = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("1"))
    cumulative = models.BooleanField(
        default=False,
        help_text="A running total over a cohort's follow-up (the live tracker): each month is compared with "
        "the same month of the previous cohort, a year before, never with the month before.",
    )

    history = HistoricalRecords()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", F("position").asc(nulls_last=True), "name"]
        constraints = [
            *in_range("indicator", position=ORDERS),
            models.UniqueConstraint(
                fields=["code"], condition=Q(organisation__isnull=True), name="indicator_unique_shared_code"
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(organisation__isnull=True), name="indicator_unique_shared_name"
            ),
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="indicator_unique_local_code",
                violation_error_message="This service already has an indicator with this code.",
            ),
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="indicator_unique_local_name",
                violation_error_message="This service already has an indicator with this name.",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z][A-Z0-9_]*$"),
                name="indicator_code_format",
                violation_error_message="Use capital letters, digits and underscores, starting with a letter.",
            ),
            models.CheckConstraint(
                condition=Q(computation=Computation.DIRECT) | (~Q(numerator_label="") & ~Q(denominator_label="")),
                name="indicator_ratio_names_its_parts",
                violation_error_message="A computed indicator names its numerator and denominator.",
            ),
            models.CheckConstraint(
                condition=Q(multiplier__gt=0),
                name="indicator_multiplier_positive",
                violation_error_message="The multiplier must be positive.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        # A local indicator may not take a shared one's code or name: imports and the roll-up
        # find shared indicators by code.
        if self.organisation_id:
            shared = Indicator.objects.shared()
            if self.code and shared.filter(code=self.code).exists():
                raise ValidationError({"code": "The shared catalogue already has an indicator with this code."})
            if self.name and shared.filter(name__iexact=self.name).exists():
                raise ValidationError({"name": "The shared catalogue already has an indicator with this name."})

    @property
    def is_local(self) -> bool:
        return self.organisation_id is not None

    @property
    def is_computed(self) -> bool:
        """Figures the monthly roll-up writes (case audits, plan proportions): not typed by hand,
        which the next roll-up would silently replace."""
        return self.code.startswith(COMPUTED_PREFIXES)

    @property
    def is_ratio(self) -> bool:
        return self.computation == Computation.RATIO

    @property
    def lower_is_better(self) -> bool:
        return self.polarity == Polarity.LOWER_BETTER

    def format_change(self, current, earlier) -> str:
        """How far a value moved from an earlier one, as a report says it: a percentage in
        points (56.3% to 39.7%: "−16.6 points"), anything else as a share of the earlier value
        (44 to 23: "−47.7%")."""
        if current is None or earlier is None:
            return ""
        if self.unit == Unit.PERCENT:
            change, suffix = current - earlier, " points"
        elif earlier:
            change, suffix = (current - earlier) / earlier * 100, "%"
        else:
            return ""
        sign = "+" if change > 0 else "−" if change < 0 else "±"
        return f"{sign}{abs(change):.1f}{suffix}"

    def format_value(self, value) -> str:
        """The value as people read it: 41.0%, 512.3 per 100,000, 23."""
        if value is None:
            return "—"
        if self.unit == Unit.PERCENT:
            return f"{value:.1f}%"
        if self.unit == Unit.RATIO:
            return f"{value:.2f}"
        if self.unit in (Unit.RATE_100K, Unit.RATE_1000):
            return f"{value:,.1f}"
        return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.1f}"
