from django.db import models

from performance.choices import RunStatus, RunTrigger
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import MONTHS, Ranged, in_range


class RollupRun(Ranged):
    """One run of the monthly roll-up for an organisation: shown on the dashboard."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="rollup_runs")
    month = models.DateField()
    trigger = models.CharField(max_length=10, choices=RunTrigger.choices)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    task_id = models.CharField(max_length=50, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0, help_text="Case audits rolled up.")
    attempts = models.PositiveSmallIntegerField(default=0)
    failure = models.CharField(
        max_length=300, blank=True, help_text="Why it failed, in plain words: shown on the page."
    )
    error = models.TextField(blank=True, help_text="The error itself, for administrators: in the log and here only.")

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at", "-pk"]
        get_latest_by = "queued_at"
        constraints = in_range("rolluprun", month=MONTHS)

    def __str__(self) -> str:
        return f"{self.organisation} {self.month:%m/%Y} {self.get_status_display()}"
