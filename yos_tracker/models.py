from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from yos_tracker.choices import Capability, Role
from yos_tracker.querysets import OrganisationScopedQuerySet

# First path segments the project itself uses; an organisation cannot take one as its slug.
RESERVED_SLUGS = frozenset({"accounts", "admin", "healthz", "static", "media", "services", "api"})


def validate_slug_not_reserved(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” is used by the application itself; choose another slug.")


# Addresses are lower case: "Lewisham" beside "lewisham" would be two services at one address
# as people type it.
validate_slug_lower_case = RegexValidator(
    r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z", "Use lower-case letters and digits, with single hyphens between words."
)


class OrganisationQuerySet(models.QuerySet):
    def for_member(self, user) -> "OrganisationQuerySet":
        """The organisations this user may open: their memberships, or all for regional staff."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser or Membership.objects.filter(user=user, role=Role.REGIONAL).exists():
            return self.all()
        return self.filter(memberships__user=user).distinct()


class Organisation(models.Model):
    """One youth offending service partnership. Every record of the other apps belongs to one.

    The tables keep the names they had when this model lived in the governance app (see
    migration yos_tracker 0001): the move changed the code, not the database.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        max_length=50,
        unique=True,
        help_text="Used in addresses: /<slug>/…",
        validators=[validate_slug_lower_case, validate_slug_not_reserved],
    )
    local_authority = models.CharField(max_length=200)
    region = models.CharField(max_length=100, blank=True)

    history = HistoricalRecords(table_name="governance_historicalorganisation")
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        db_table = "governance_organisation"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org_home", kwargs={"org": self.slug})


class MembershipQuerySet(OrganisationScopedQuerySet):
    pass


class Membership(models.Model):
    """A person's role in one organisation; a regional membership has no organisation and reads all."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", null=True, blank=True
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    history = HistoricalRecords(table_name="governance_historicalmembership")
    objects = MembershipQuerySet.as_manager()

    class Meta:
        db_table = "governance_membership"
        ordering = ["organisation__name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="membership_one_role_per_user_and_organisation",
                violation_error_message="This person already has a role in this organisation.",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(organisation__isnull=True),
                name="membership_one_regional_role_per_user",
                violation_error_message="This person already has the regional role.",
            ),
            models.CheckConstraint(
                condition=(Q(role=Role.REGIONAL) & Q(organisation__isnull=True))
                | (~Q(role=Role.REGIONAL) & Q(organisation__isnull=False)),
                name="membership_regional_iff_no_organisation",
                violation_error_message="The regional role spans organisations; every other role needs one.",
            ),
        ]

    def __str__(self) -> str:
        where = self.organisation or "all organisations"
        return f"{self.user} — {self.get_role_display()} ({where})"

    @property
    def capabilities(self) -> frozenset[Capability]:
        return Role(self.role).capabilities
