from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from performance.choices import AUDIT_GRADE_SCALES, DEFAULT_AUDIT_GRADE_SCALE, CaseType
from performance.models.references import validate_case_reference
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import MONTHS, RANKS, Ranged, in_range
from yos_tracker.scales import ScaleQuerySet


class AuditGrade(Ranged):
    """One grade of an organisation's case-audit scale (Lewisham: Good … Poor)."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="audit_grades")
    code = models.SlugField(max_length=30)
    label = models.CharField(max_length=40)
    colour = models.CharField(max_length=7)
    rank = models.PositiveSmallIntegerField(help_text="1 is the best grade.")
    is_good = models.BooleanField("counts as good or better", default=False)
    is_inadequate = models.BooleanField("counts as inadequate", default=False)
    retired = models.BooleanField(default=False, help_text="Kept on the audits that have it; not offered for new ones.")

    history = HistoricalRecords()
    objects = ScaleQuerySet.as_manager()

    SCALES, DEFAULT_SCALE, ORDER_FIELD = AUDIT_GRADE_SCALES, DEFAULT_AUDIT_GRADE_SCALE, "rank"

    class Meta:
        ordering = ["organisation", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="auditgrade_unique_code_per_organisation",
                violation_error_message="This organisation's scale already has a grade with this code.",
            ),
            models.CheckConstraint(
                condition=~(Q(is_good=True) & Q(is_inadequate=True)),
                name="auditgrade_not_good_and_inadequate",
                violation_error_message="A grade cannot be both good and inadequate.",
            ),
            *in_range("auditgrade", rank=RANKS),
        ]

    def __str__(self) -> str:
        return self.label


AUDIT_AREAS = [
    ("assessment", "Assessment (AssetPlus, risk of serious harm)"),
    ("intervention", "Intervention plan"),
    ("risk", "Risk management plan"),
    ("vulnerability", "Vulnerability (safety and wellbeing) plan"),
]


class CaseAudit(Ranged):
    """A manager's audit of one case in a month. Pseudonymous: never a child's name or date of birth."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="case_audits")
    month = models.DateField(help_text="The first day of the month audited.")
    case_reference = models.CharField(max_length=30, validators=[validate_case_reference])
    case_type = models.CharField(max_length=20, choices=CaseType.choices)
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # An auditor named in a service's own spreadsheet who has no account here, as it names them.
    auditor_name = models.CharField(max_length=150, blank=True)
    # An area left empty is not applicable to the case (a plan it does not need): it is left out of
    # that area's figures, as Bromley's vulnerability-plan figure is (seed 003, 3.3.4).
    assessment = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    intervention = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    risk = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    vulnerability = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    overall = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, related_name="+")
    notes = models.TextField(blank=True, help_text="No names or dates of birth.")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "case_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month", "case_reference"],
                name="caseaudit_one_per_case_per_month",
                violation_error_message="This case has already been audited this month.",
            ),
            models.CheckConstraint(
                condition=Q(month__day=1), name="caseaudit_month_is_first_day", violation_error_message="Pick a month."
            ),
            *in_range("caseaudit", month=MONTHS),
        ]
        indexes = [models.Index(fields=["organisation", "month"], name="caseaudit_rollup_idx")]

    def __str__(self) -> str:
        return f"{self.case_reference} ({self.month:%m/%Y})"

    @property
    def auditor_display(self) -> str:
        if self.auditor_id:
            return self.auditor.get_full_name() or self.auditor.username
        return self.auditor_name
