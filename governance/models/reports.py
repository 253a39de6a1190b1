from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from yos_tracker.history import Recorded
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Range, Ranged, in_range

PLAN_YEARS = Range(1999, 2100)  # plans began with the 1998 Act


class ReportKind(models.TextChoices):
    COMMITTEE = "committee", "Committee progress report"
    BOARD_PACK = "board_pack", "Management board pack"
    YJ_PLAN = "yj_plan", "Youth justice plan"


# The youth justice plan's headings, in the order the YJB asks plans to be submitted in. Source:
# "Youth justice plans: guidance for youth justice services", Youth Justice Board for England and
# Wales, updated 19 March 2024, section "Youth Justice Plan Structure",
# https://www.gov.uk/government/publications/youth-justice-plans-guidance-for-youth-justice-services/youth-justice-plans-guidance-for-youth-justice-services
# ("Youth justice plans should be submitted using the headings set out in the 'Youth Justice Plan
# Structure' section"). The plan is the duty of Crime and Disorder Act 1998 s.40. Each heading is a
# narrative written by the service; `records` names what the product adds to it from its records.
# Codes are the plan_text keys: headings that were here before keep their code, so stored
# narratives stay under them.
YJ_PLAN_HEADINGS = [
    ("introduction", "Introduction, vision and strategy", ""),
    ("local_context", "Local context", ""),
    ("child_first", "Child First", ""),
    ("voice_of_child", "Voice of the child", ""),
    ("governance", "Governance, leadership and partnership arrangements", "board"),
    ("board_development", "Board development", ""),
    ("previous_plan", "Progress on previous plan", "improvement"),
    ("resources", "Resources and services", ""),
    ("performance", "Performance", "performance"),
    ("priorities", "Priorities", ""),
    ("over_represented", "Children from groups which are over-represented", ""),
    ("prevention", "Prevention", ""),
    ("diversion", "Diversion", ""),
    ("education", "Education", ""),
    ("restorative", "Restorative approaches and victims", ""),
    ("serious_violence", "Serious violence and exploitation", ""),
    ("police_custody", "Detention in police custody", ""),
    ("remands", "Remands", ""),
    ("custody_resettlement", "Use of custody and constructive resettlement", ""),
    ("families", "Working with families", ""),
    ("standards", "Standards for children in the justice system", "assessment"),
    ("workforce", "Workforce development", ""),
    ("evidence", "Evidence-based practice and innovation", "logic_models"),
    ("service_development", "Service development", ""),
    ("challenges", "Challenges, risks and issues", "risks"),
    ("sign_off", "Sign off, submission and approval", "sign_off"),
    ("structure_chart", "Service structure chart", "structure_chart"),
    ("budget_costs", "Budget costs", "budget"),
    ("staffing_profile", "Staffing profile", "staffing"),
]
# What could be read of the sources: the 2024 guidance's opening (its title, date and the sentence
# quoted above), not its "Youth Justice Plan Structure" section; and the YJB's earlier "Youth
# Justice Plans: YJB practice guidance" (March 2021, its "Suggested structure": "Introduction,
# vision and strategy", "Governance, leadership and partnership arrangements", "Resources and
# services", "Performance and priorities", "Challenges, risks and issues", "Sign off, submission and
# approval"; copy read at readkong.com/page/youth-justice-plans-yjb-practice-guidance-march-2021-4126843).
# The other headings' words are the 2024 section's as summarised for this product, not re-read,
# so the plan's form tells its writers so.
YJ_PLAN_HEADINGS_UNVERIFIED = (
    "The headings follow the YJB's 2024 guidance, but their exact wording has not yet been checked against "
    "its “Youth Justice Plan Structure” section; the six headings of its March 2021 guidance have."
)
# The sub-headings the guidance sets under Priorities, and the plan's appendices.
YJ_PLAN_PRIORITIES = [
    "over_represented",
    "prevention",
    "diversion",
    "education",
    "restorative",
    "serious_violence",
    "police_custody",
    "remands",
    "custody_resettlement",
    "families",
]
YJ_PLAN_APPENDICES = ["structure_chart", "budget_costs", "staffing_profile"]
# A plan is the whole of a committee report's appendices, as sections of the plan.
YJ_PLAN_SECTIONS = ["appendix_a", "appendix_b", "appendix_c", "appendix_d"]


class SignOffStep(models.TextChoices):
    """A plan's way from draft to endorsement, in order (the guidance's "Sign off, submission
    and approval": the board agrees it, it is submitted to the YJB, the full council endorses it)."""

    AGREED = "agreed", "Agreed by the management board"
    SUBMITTED = "submitted", "Submitted to the Youth Justice Board"
    ENDORSED = "endorsed", "Endorsed by the council"


class ReportClass(models.TextChoices):
    PART_1 = "part1", "Part 1 (public)"
    PART_2 = "part2", "Part 2 (exempt)"


class RenderStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


# The sections a report may include, in the order of the councils' reports (seeds 000, 001, 003).
SECTIONS = [
    ("inspection", "The inspection's headline judgements"),
    ("recommendations", "Progress on each recommendation in the period"),
    ("appendix_a", "Appendix A: performance dashboard"),
    ("appendix_b", "Appendix B: risk register and heat map"),
    ("appendix_c", "Appendix C: improvement plan actions"),
    ("appendix_d", "Appendix D: the board's self-assessment"),
]
BOARD_PACK_SECTIONS = ["appendix_a", "appendix_c", "appendix_b"]
NARRATIVES = [
    ("purpose", "Purpose of the report"),
    ("recommendations_text", "Recommendations to the committee"),
    ("background", "Background"),
    ("conclusion", "Conclusion"),
    ("financial", "Financial implications"),
    ("legal", "Legal and human rights implications"),
    ("equalities", "Equalities implications"),
    ("crime_disorder", "Crime and disorder implications"),
    ("environmental", "Environmental implications"),
]


def default_sections() -> list[str]:
    return [code for code, _ in SECTIONS]


class CommitteeReport(Ranged):
    """A report's definition: which committee, which meeting, what it covers and its narrative."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=12, choices=ReportKind.choices, default=ReportKind.COMMITTEE)
    committee = models.CharField(max_length=200, help_text="e.g. Safer Stronger Select Committee")
    meeting_date = models.DateField()
    item_number = models.CharField("item no.", max_length=20, blank=True)
    title = models.CharField(max_length=300)
    report_class = models.CharField("class", max_length=5, choices=ReportClass.choices, default=ReportClass.PART_1)
    key_decision = models.BooleanField(default=False)
    wards = models.CharField(max_length=200, default="All")
    contributors = models.CharField(max_length=300, blank=True)
    contact_officer = models.CharField(max_length=300, blank=True)
    period_start = models.DateField(help_text="Progress updates dated from this day are reported.")
    period_end = models.DateField()
    sections = models.JSONField(default=default_sections, blank=True)  # a report may be narrative only
    leave_out_indicators_without_values = models.BooleanField(
        "leave out indicators with no value by the period's end",
        default=False,
        help_text="Appendix A then lists only indicators with figures, and says how many it left out.",
    )
    plan_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="A youth justice plan's year: 2019 is the plan for 2019/20.",
    )
    plan_text = models.JSONField(
        default=dict, blank=True, help_text="A youth justice plan's narrative, by heading (YJ_PLAN_HEADINGS)."
    )
    purpose = models.TextField(blank=True)
    recommendations_text = models.TextField("recommendations to the committee", blank=True)
    background = models.TextField(blank=True)
    conclusion = models.TextField(blank=True)
    financial = models.TextField("financial implications", blank=True)
    legal = models.TextField("legal and human rights implications", blank=True)
    equalities = models.TextField("equalities implications", blank=True)
    crime_disorder = models.TextField("crime and disorder implications", blank=True)
    environmental = models.TextField("environmental implications", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_it_starts",
                violation_error_message="The period cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["organisation", "plan_year"],
                condition=models.Q(kind="yj_plan"),
                name="report_one_plan_per_year",
                violation_error_message="This service already has a plan for that year.",
            ),
            *in_range("report", meeting_date=DATES, period_start=DATES, period_end=DATES, plan_year=PLAN_YEARS),
        ]

    def __str__(self) -> str:
        return f"{self.committee}, {self.meeting_date:%d/%m/%Y}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:report_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})

    def includes(self, section: str) -> bool:
        return section in (self.sections or [])

    @property
    def is_plan(self) -> bool:
        return self.kind == ReportKind.YJ_PLAN

    @property
    def plan_label(self) -> str:
        """2019 → "2019/20"."""
        return f"{self.plan_year}/{(self.plan_year + 1) % 100:02d}" if self.plan_year else ""

    def sign_off_stage(self) -> str:
        """The latest step the plan has reached, or "Draft". From all its sign-offs (three at most),
        so that a list of plans can prefetch them."""
        return stage_of(self.sign_offs.all())


def stage_of(sign_offs) -> str:
    """The latest of these sign-off steps (a plan's, or those recorded by a moment), or "Draft"."""
    latest = max(sign_offs, key=lambda sign_off: sign_off.pk, default=None)
    return latest.get_step_display() if latest else "Draft"


class PlanSignOff(Ranged):
    """One step of a youth justice plan's sign-off: who agreed, submitted or endorsed it, and when,
    with the version of the plan rendered at that step (its snapshot)."""

    report = models.ForeignKey(CommitteeReport, on_delete=models.CASCADE, related_name="sign_offs")
    step = models.CharField(max_length=10, choices=SignOffStep.choices)
    date = models.DateField()
    name = models.CharField(max_length=200, help_text="Who: e.g. the board chair's name, or the council meeting.")
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Chair of the Youth Justice Management Board")
    snapshot = models.ForeignKey("ReportRender", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("report__organisation").as_manager()

    class Meta:
        ordering = ["report", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "step"], name="signoff_one_per_step_per_plan"),
            *in_range("signoff", date=DATES),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_step_display()} {self.date:%d/%m/%Y}"


class ReportRender(models.Model):
    """One rendering of a report: versions are never overwritten; each keeps its file and hash."""

    report = models.ForeignKey(CommitteeReport, on_delete=models.CASCADE, related_name="renders")
    version = models.PositiveIntegerField()
    # Two dates on every version: the report's period says what it is about; this moment says
    # whose knowledge it reads (records as they had been recorded then), so it re-renders exactly.
    recorded_at = models.DateTimeField(
        "as recorded on",
        default=timezone.now,
        help_text="The records are read as they had been recorded at this moment.",
    )
    late_entries_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="A version of a past day (a sign-off recorded after its date): records first entered after "
        "recorded_at but by this moment count, as first entered.",
    )
    restates = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="restated_by",
        help_text="The version this one renders again: as it was (the same moment) or with later corrections.",
    )
    status = models.CharField(max_length=10, choices=RenderStatus.choices, default=RenderStatus.QUEUED)
    step = models.CharField(max_length=100, blank=True)
    file = models.FileField(upload_to="reports/", blank=True)
    content_hash = models.CharField("SHA-256", max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Written by the worker while it runs: a render whose heartbeat stops was lost."
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=50, blank=True)
    failure = models.CharField(
        max_length=300, blank=True, help_text="Why it failed, in plain words: shown on the page."
    )
    error = models.TextField(blank=True, help_text="The error itself, for administrators: in the log and here only.")

    objects = OrganisationScopedQuerySet.through("report__organisation").as_manager()

    class Meta:
        ordering = ["report", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["report", "version"], name="render_one_per_report_version"),
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.version} ({self.get_status_display()})"

    @property
    def known(self) -> Recorded:
        """What this version reads: the records as they had been recorded at its moment."""
        return Recorded(self.recorded_at, self.late_entries_until)

    @property
    def is_finished(self) -> bool:
        return self.status in (RenderStatus.DONE, RenderStatus.FAILED)

    @property
    def filename(self) -> str:
        kind = f"youth-justice-plan-{self.report.plan_year}" if self.report.is_plan else "report"
        return f"{self.report.organisation.slug}-{self.report.meeting_date:%Y-%m-%d}-{kind}-v{self.version}.pdf"
