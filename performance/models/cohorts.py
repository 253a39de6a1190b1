"""The live tracker's case-level records: cases by pseudonymous reference, their qualifying
outcomes and their reoffences, and the cohorts followed over them (performance.cohorts computes
the figures). No child's name or date of birth is stored."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from performance.choices import DEFAULT_OUTCOME_KIND_SCALE, OUTCOME_KIND_SCALES, CohortConvention, OffenceType
from performance.models.references import validate_case_reference
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, RANKS, Range, Ranged, in_range
from yos_tracker.scales import ScaleQuerySet

GRAVITY = Range(1, 8)  # the YJB gravity matrix's scores
FOLLOW_UP_MONTHS = Range(1, 36, "months")
WAIT_MONTHS = Range(0, 12, "months")
# A cohort is followed for up to four years past its period (FOLLOW_UP_MONTHS and WAIT_MONTHS), and
# the calendar must still hold those years.
COHORT_DATES = Range(DATES.lowest, DATES.highest.replace(year=DATES.highest.year - 4))


class Case(models.Model):
    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(max_length=30, validators=[validate_case_reference])
    team = models.CharField(max_length=60, blank=True)
    case_manager = models.CharField(max_length=100, blank=True, help_text="The practitioner, not the child.")
    assessed = models.BooleanField("assessment completed", default=False)
    note = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(
        default=1, db_default=1, help_text="Raised on every edit; a stale form is refused."
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"],
                name="case_unique_reference_per_organisation",
                violation_error_message="This service already has a case with this reference.",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("performance:tracker_case", kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def first_outcome_on(self):
        return self.outcomes.aggregate(first=models.Min("date"))["first"]


def reoffence_problem(offence_date, first_outcome) -> str | None:
    """Why an offence cannot be recorded as a reoffence of a case whose first qualifying outcome
    is `first_outcome` (None: it has none), or None if it can."""
    if first_outcome is None:
        return "no qualifying outcome is recorded for this case"
    if offence_date <= first_outcome:
        return (
            f"the offence on {offence_date:%d/%m/%Y} is not after the case's first qualifying outcome "
            f"({first_outcome:%d/%m/%Y}), so it is not a reoffence"
        )
    return None


class OutcomeKind(Ranged):
    """One of a service's types of qualifying outcome: the YJB's caution, conviction and release
    from custody to start with, and any the service defines."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="outcome_kinds")
    code = models.SlugField(max_length=30)
    label = models.CharField(max_length=60)
    colour = models.CharField(max_length=7, default="#505a5f")
    position = models.PositiveSmallIntegerField()
    retired = models.BooleanField(
        default=False, help_text="Kept on the outcomes that have it; not offered for new ones."
    )

    history = HistoricalRecords()
    objects = ScaleQuerySet.as_manager()

    SCALES, DEFAULT_SCALE, ORDER_FIELD = OUTCOME_KIND_SCALES, DEFAULT_OUTCOME_KIND_SCALE, "position"

    class Meta:
        ordering = ["organisation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="outcomekind_unique_code_per_organisation",
                violation_error_message="This service already has an outcome type with this code.",
            ),
            *in_range("outcomekind", position=RANKS),
        ]

    def __str__(self) -> str:
        return self.label


class QualifyingOutcome(Ranged):
    """A substantive outcome that brings a child into a cohort: a caution, a conviction, a
    release from custody, or a type the service defines."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="outcomes")
    date = models.DateField()
    kind = models.ForeignKey(OutcomeKind, on_delete=models.PROTECT, related_name="+", verbose_name="outcome type")
    gravity = models.PositiveSmallIntegerField(null=True, blank=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("case__organisation").as_manager()

    class Meta:
        ordering = ["case", "date", "pk"]
        indexes = [models.Index(fields=["date"], name="outcome_date_idx")]
        constraints = in_range("outcome", date=DATES, gravity=GRAVITY)

    def __str__(self) -> str:
        return f"{self.case} {self.kind} {self.date:%d/%m/%Y}"

    def clean(self):
        if self.kind_id and self.case_id and self.kind.organisation_id != self.case.organisation_id:
            raise ValidationError({"kind": "Choose one of this service's outcome types."})


class Reoffence(Ranged):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reoffences")
    offence_date = models.DateField()
    proven_date = models.DateField(help_text="The caution or conviction that proved it.")
    offence_type = models.CharField(max_length=20, choices=OffenceType.choices)
    gravity = models.PositiveSmallIntegerField(null=True, blank=True)
    violent = models.BooleanField(default=False)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("case__organisation").as_manager()

    class Meta:
        ordering = ["case", "offence_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(proven_date__gte=models.F("offence_date")),
                name="reoffence_proven_on_or_after_offence",
                violation_error_message="An offence cannot be proven before it was committed.",
            ),
            *in_range("reoffence", offence_date=DATES, proven_date=DATES, gravity=GRAVITY),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.get_offence_type_display()} {self.offence_date:%d/%m/%Y}"


class Cohort(Ranged):
    """Every child whose first qualifying outcome in [period_start, period_end] falls there,
    followed for `follow_up_months` under a convention."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=60, help_text="e.g. 2017 cohort")
    period_start = models.DateField()
    period_end = models.DateField()
    convention = models.CharField(max_length=10, choices=CohortConvention.choices, default=CohortConvention.LIVE)
    follow_up_months = models.PositiveSmallIntegerField(default=12)
    wait_months = models.PositiveSmallIntegerField(
        default=6,
        help_text="YJB convention only: time allowed to prove an offence.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Shown with its figures, e.g. where they come from.")
    feeds_dashboard = models.BooleanField(
        default=False, help_text="Its figures are the dashboard's live-tracker indicators, month by month."
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="cohort_period_in_order",
                violation_error_message="The period cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="cohort_unique_name_per_organisation",
                violation_error_message="This service already has a cohort with this name.",
            ),
            *in_range(
                "cohort",
                period_start=COHORT_DATES,
                period_end=COHORT_DATES,
                follow_up_months=FOLLOW_UP_MONTHS,
                wait_months=WAIT_MONTHS,
            ),
        ]

    def __str__(self) -> str:
        return self.name
