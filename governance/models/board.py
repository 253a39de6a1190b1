from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.choices import Agency, AttendanceStatus, MemberOrder
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, ORDERS, Ranged, in_range


class Board(Ranged):
    """The Youth Justice Management Board, or one of its sub-groups."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="boards")
    name = models.CharField(max_length=200)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_groups")
    terms_of_reference = models.TextField(blank=True)
    terms_of_reference_file = models.FileField(upload_to="terms-of-reference/", blank=True)
    terms_of_reference_review = models.DateField("terms of reference due for review", null=True, blank=True)
    member_order = models.CharField(
        "list members",
        max_length=10,
        choices=MemberOrder.choices,
        default=MemberOrder.ADDED,
        help_text="The order of the members on the board's page and in each meeting's attendance.",
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        # The main board before its sub-groups, on every database (PostgreSQL sorts NULL last).
        ordering = ["organisation", models.F("parent_id").asc(nulls_first=True), "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="board_unique_name_per_organisation",
                violation_error_message="The organisation already has a board of this name.",
            ),
            *in_range("board", terms_of_reference_review=DATES),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:board_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    def members_in_order(self):
        """The board's members in the order the board chose (the order they were added, or by name)."""
        order = ["name", "pk"] if self.member_order == MemberOrder.NAME else ["pk"]
        return self.members.order_by(*order)


class BoardMember(Ranged):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200, help_text="A person's name, or their role where it is not recorded.")
    agency = models.CharField(max_length=30, choices=Agency.choices)
    role = models.CharField(max_length=200, blank=True)
    statutory = models.BooleanField("statutory partner", default=False)
    seniority = models.CharField(max_length=100, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    theme_lead_for = models.ManyToManyField(
        "improvement.Recommendation",
        blank=True,
        related_name="theme_leads",
        help_text="Recommendations of the improvement plan this member leads for the board.",
    )

    history = HistoricalRecords(m2m_fields=[theme_lead_for])
    objects = OrganisationScopedQuerySet.through("board__organisation").as_manager()

    class Meta:
        ordering = ["board", "pk"]  # the order they were added; a board may list them by name instead
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="boardmember_ends_after_start",
                violation_error_message="Membership cannot end before it starts.",
            ),
            *in_range("boardmember", start_date=DATES, end_date=DATES),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"

    def in_post_on(self, day) -> bool:
        """Whether they sat on the board on the day: joined by then (or no start recorded) and not yet left."""
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or self.end_date >= day)


class Meeting(Ranged):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    decisions = models.TextField(blank=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("board__organisation").as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["board", "date"], name="meeting_one_per_board_per_day"),
            *in_range("meeting", date=DATES),
        ]

    def __str__(self) -> str:
        return f"{self.board} — {self.date:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", kwargs={"org": self.board.organisation.slug, "pk": self.pk})


class AgendaItem(Ranged):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = in_range("agendaitem", order=ORDERS)

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(BoardMember, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    # A deputy is an adult sent by their agency in the member's place, named as the minutes name them.
    deputy_name = models.CharField(
        max_length=200, blank=True, help_text="Who came in the member's place, when they sent a deputy."
    )
    deputy_agency = models.CharField(
        max_length=30,
        choices=Agency.choices,
        blank=True,
        help_text=(
            "The deputy's agency. KPI 7 counts a senior partner's place as attended only when they came in "
            "person; a deputy is recorded as representing them."
        ),
    )
    shared_disproportionality_data = models.BooleanField(
        "contributed disproportionality data",
        default=False,
        help_text="The member brought data from their agency that identifies disproportionality (YJB KPI 7).",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "member_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once_per_member_per_meeting"),
            models.CheckConstraint(
                condition=Q(status=AttendanceStatus.DEPUTY) | (Q(deputy_name="") & Q(deputy_agency="")),
                name="attendance_deputy_only_when_sent",
                violation_error_message="A deputy is recorded only for a member who sent one.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_status_display()}"

    @property
    def deputy_label(self) -> str:
        """How minutes name a deputy: "Jo Smith (deputy for Ann Other, Police)"; empty when none was sent."""
        if self.status != AttendanceStatus.DEPUTY:
            return ""
        agency = Agency(self.deputy_agency or self.member.agency).label
        return f"{self.deputy_name or 'A deputy'} (deputy for {self.member.name}, {agency})"


class BoardAction(Ranged):
    """The board's action log: what it asked of whom, by when, and how it stands."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    status = models.ForeignKey("improvement.RagStatus", on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("board__organisation").as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = in_range("boardaction", due_date=DATES)

    def __str__(self) -> str:
        return self.description[:80]
