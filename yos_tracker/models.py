import itertools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from yos_tracker.choices import Capability, Role, roles_in_order, roles_label
from yos_tracker.querysets import OrganisationScopedQuerySet

# What follows the place in a service's name: "… Youth Offending Service", "… YJS".
SERVICE_WORDS = {"youth", "offending", "justice", "service", "services", "team", "yos", "yjs", "yot", "partnership"}
# First path segments the project itself uses; an organisation cannot take one as its slug.
RESERVED_SLUGS = frozenset({"accounts", "admin", "healthz", "static", "media", "services", "api", "oidc"})


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
        help_text="Used in the service's addresses: the service with the slug lewisham is at /lewisham/…",
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

    @staticmethod
    def slug_from_name(name: str) -> str:
        """The short name a service's name suggests: its place, the words before what every
        service calls itself ("Tower Hamlets Youth Justice Service" → tower-hamlets)."""
        words = slugify(name).split("-")
        place = list(itertools.takewhile(lambda word: word not in SERVICE_WORDS, words))
        return "-".join(place or words)[:50].strip("-")


class MembershipQuerySet(OrganisationScopedQuerySet):
    def members(self, organisation: "Organisation") -> list["Member"]:
        """Everyone with a role in the organisation, once each with all their roles, by name."""
        rows = (
            self.for_org(organisation)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__email", "user_id")
        )
        return [
            Member(group[0].user, organisation, tuple(roles_in_order(row.role for row in group)))
            for group in (list(g) for _, g in itertools.groupby(rows, key=lambda row: row.user_id))
        ]

    def roles_of(self, user, organisation: "Organisation") -> list[Role]:
        """The roles this person holds in the organisation, in the choices' order."""
        return roles_in_order(self.filter(user=user, organisation=organisation).values_list("role", flat=True))

    def administrators(self, organisation: "Organisation") -> models.QuerySet:
        """The organisation's administrators, by name: the people others ask to be added."""
        User = self.model._meta.get_field("user").related_model
        return User.objects.filter(
            memberships__organisation=organisation, memberships__role=Role.ADMINISTRATOR
        ).order_by("last_name", "first_name", "email")


class Membership(models.Model):
    """One role a person holds in one organisation: a person with several roles there (manager
    and administrator) has a row for each, so each grant and removal has its own history and
    the database refuses the same role twice. A regional membership has no organisation and
    reads all."""

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
                fields=["user", "organisation", "role"],
                name="membership_each_role_once_per_user_and_organisation",
                violation_error_message="This person already has this role in this organisation.",
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


@dataclass(frozen=True)
class Member:
    """A person in one organisation with all the roles they hold there: what the member pages
    and the invitation show, made from their Membership rows."""

    user: object
    organisation: Organisation
    roles: tuple[Role, ...]

    @property
    def roles_label(self) -> str:
        return roles_label(self.roles)

    @classmethod
    def of(cls, user, organisation: Organisation) -> "Member":
        return cls(user, organisation, tuple(Membership.objects.roles_of(user, organisation)))


class ImportMapping(models.Model):
    """A header of an organisation's own spreadsheets and the column it means, as a person said
    when importing one: the next file with that header is read the same way."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_mappings")
    importer = models.CharField(max_length=30)
    header = models.CharField(max_length=200, help_text="As normalised: lower case, single spaces.")
    column = models.CharField(max_length=40, blank=True, help_text="Empty: the column is ignored.")

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "importer", "header"], name="importmapping_one_per_header"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: “{self.header}” → {self.column or 'ignored'}"


class LabelAlias(models.Model):
    """A word an organisation's spreadsheets use for something on one of its scales (a grade, an
    outcome type, a risk level), as a person said when importing one: the next file that uses it
    is read the same way, and it is not asked about again."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="label_aliases")
    importer = models.CharField(max_length=30)
    label = models.CharField(max_length=200, help_text="As normalised: lower case, single spaces.")
    code = models.CharField(max_length=40, help_text="What the importer's scale calls it.")

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "importer", "label"], name="labelalias_one_per_label"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: “{self.label}” → {self.code}"


class ImportJob(models.Model):
    """An import too big to preview or apply within a web request, run by a Celery task: its
    progress and result, shown on its page as it goes."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Action(models.TextChoices):
        PREVIEW = "preview", "Preview"
        APPLY = "apply", "Import"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_jobs")
    importer = models.CharField(max_length=30)
    action = models.CharField(max_length=10, choices=Action.choices)
    token = models.CharField(max_length=32, help_text="The waiting upload's name in MEDIA_ROOT/imports/.")
    filename = models.CharField(max_length=255)
    suffix = models.CharField(max_length=5)
    scope = models.JSONField(default=dict, blank=True)
    choices = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_url = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    task_id = models.CharField(max_length=50, blank=True, help_text="The Celery task running it.")
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Written by the worker while it runs: a job whose heartbeat stops was lost."
    )
    rows_read = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    failure = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} of {self.filename} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("import_job", kwargs={"org": self.organisation.slug, "pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def can_retry(self) -> bool:
        """Stopped on a fault (a worker lost, a database gone), not on the file itself."""
        return self.status == self.Status.FAILED and bool(self.error) and default_storage.exists(self.path)

    @property
    def path(self) -> str:
        return f"imports/{self.token}{self.suffix}"


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A person's key for the REST API (a script, Power BI, a case-management feed). It acts as
    that person, with their roles; only its digest is kept, so the key is shown once, when made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. “Power BI dashboard”.")
    prefix = models.CharField(max_length=12, help_text="The key's first characters, to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class DataVersion(models.Model):
    """A number per organisation and one for the installation, raised after every committed write
    of theirs (yos_tracker.page_cache): a part of a page rendered while they stood is current until
    one moves. Starts at random, so that a number a cache has seen is never reused after the row is
    lost."""

    # An organisation's primary key, or 0 for the installation: a plain number, not a key, so
    # that the row of an organisation deleted is simply never read again.
    scope = models.PositiveBigIntegerField(unique=True)
    number = models.BigIntegerField()

    def __str__(self) -> str:
        return str(self.number)


class RateCount(models.Model):
    """A rate limit's count for one key (an API token, an address sending bad keys) until it
    expires: kept here when there is no Redis, or while it is down, so every web worker and
    server counts together (yos_tracker.limits)."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count} until {self.expires_at:%H:%M:%S}"
