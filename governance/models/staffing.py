"""The service's staffing profile: its posts by team and role, their hours (FTE) and who holds
them by sex and ethnicity, for the youth justice plan's "Staffing profile" appendix.

The categories follow the staffing tables youth justice plans print ("by contract type" and "by
gender and ethnicity"): role types from strategic manager to volunteer; contract types with
secondees by agency and vacancies; sex; and the five broad ethnic groups of the census with "not
known". No copy of the YJB's plan template could be read to check them word for word, so the
staffing page says so (STAFFING_CATEGORIES_UNVERIFIED)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from governance.choices import Agency
from yos_tracker.history import history_with
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Ranged, in_range

STAFFING_CATEGORIES_UNVERIFIED = (
    "The role, contract, sex and ethnicity categories follow the staffing tables of published youth justice "
    "plans; they have not yet been checked word for word against the YJB's plan template."
)


class RoleType(models.TextChoices):
    STRATEGIC_MANAGER = "strategic_manager", "Strategic manager"
    OPERATIONAL_MANAGER = "operational_manager", "Operational manager"
    PRACTITIONER = "practitioner", "Practitioner"
    ADMINISTRATIVE = "administrative", "Administrative"
    SESSIONAL = "sessional", "Sessional"
    STUDENT = "student", "Student or trainee"
    PANEL_VOLUNTEER = "panel_volunteer", "Referral order panel volunteer"
    OTHER_VOLUNTEER = "other_volunteer", "Other volunteer"


class Contract(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    FIXED_TERM = "fixed_term", "Fixed-term"
    OUTSOURCED = "outsourced", "Outsourced"
    TEMPORARY = "temporary", "Temporary"
    SECONDED = "seconded", "Seconded"
    VACANT = "vacant", "Vacant"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black or Black British"
    MIXED = "mixed", "Mixed"
    WHITE = "white", "White"
    OTHER = "other", "Any other ethnic group"
    NOT_KNOWN = "not_known", "Not known"


class StaffPostQuerySet(OrganisationScopedQuerySet):
    def in_post_on(self, day):
        """Posts that existed on the day: started by then (or no start recorded) and not yet ended."""
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class StaffPost(Ranged):
    """One post of the service, held by one person or vacant. A change of hours or holder ends the
    post's row and starts another, so that a plan of an earlier date still shows it as it was."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="staff_posts")
    team = models.CharField(max_length=100, blank=True, help_text="e.g. Intake team. Blank: the service's management.")
    title = models.CharField("post", max_length=200, help_text="e.g. Senior practitioner")
    role_type = models.CharField("role", max_length=20, choices=RoleType.choices)
    contract = models.CharField(max_length=12, choices=Contract.choices, default=Contract.PERMANENT)
    agency = models.CharField(
        "employed or seconded by",
        max_length=30,
        choices=Agency.choices,
        default=Agency.LOCAL_AUTHORITY,
    )
    fte = models.DecimalField(
        "FTE", max_digits=3, decimal_places=2, help_text="Full-time equivalent, from 0.01 to 1: 0.5 is half-time."
    )
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True, help_text="Blank for a vacant post.")
    ethnicity = models.CharField(
        max_length=10, choices=Ethnicity.choices, blank=True, help_text="Blank for a vacant post."
    )
    start_date = models.DateField("from", null=True, blank=True)
    end_date = models.DateField("until", null=True, blank=True)
    note = models.CharField(
        max_length=300, blank=True, help_text="Printed under the staffing profile, e.g. where a figure comes from."
    )

    history = history_with(StaffPostQuerySet)  # a plan re-rendered reads posts in post by the same rule
    objects = StaffPostQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "team", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fte__gt=0) & Q(fte__lte=1),
                name="staffpost_fte_from_a_hundredth_to_one",
                violation_error_message="A post's FTE is from 0.01 to 1.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="staffpost_ends_after_start",
                violation_error_message="A post cannot end before it starts.",
            ),
            *in_range("staffpost", start_date=DATES, end_date=DATES),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.team}" if self.team else self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:staffing", kwargs={"org": self.organisation.slug})

    @property
    def vacant(self) -> bool:
        return self.contract == Contract.VACANT

    def clean(self):
        super().clean()
        if self.vacant and (self.sex or self.ethnicity):
            raise ValidationError("A vacant post has no holder: leave sex and ethnicity blank.")
        missing = {
            name: f"Give the holder's {name}, or Not known." for name in ("sex", "ethnicity") if not getattr(self, name)
        }
        if not self.vacant and missing:
            raise ValidationError(missing)
        if self.fte is not None and not (Decimal("0") < self.fte <= Decimal("1")):
            raise ValidationError({"fte": "A post's FTE is from 0.01 to 1."})
