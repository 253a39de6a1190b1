import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from simple_history.models import HistoricalRecords

from yos_tracker.history import Moment, history_with, until
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Ranged, in_range
from yos_tracker.records import same_value


class ProgressUpdateQuerySet(OrganisationScopedQuerySet.through("action__recommendation__plan__organisation")):
    def same_as(self, *, action, date, status, narrative) -> "ProgressUpdate | None":
        """An update of the action already saying this (a form sent twice, a feed sent again), or
        None: adding it again would add nothing."""
        for update in self.filter(action=action, date=date, status=status).order_by("pk"):
            if same_value(update.narrative, narrative) and not update.evidence.exists():
                return update
        return None

    def with_corrected_on(self, recorded: Moment = None) -> "ProgressUpdateQuerySet":
        """Annotate corrected_on: when the update was last corrected (changed after it was first
        recorded, which only a correction does), or None; with `recorded`, as known at that
        moment. Runs on the updates as recorded too (ProgressUpdate.history), so by "id"."""
        changed = until(ProgressUpdate.history.filter(id=OuterRef("id"), history_type="~"), recorded)
        return self.annotate(corrected_on=Subquery(changed.order_by("-history_date").values("history_date")[:1]))


class ProgressUpdate(Ranged):
    """A dated account of progress on an action. Updates are added, never overwritten;
    a correction to one is kept in its history."""

    action = models.ForeignKey("improvement.Action", on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    narrative = models.TextField("activities to date")
    status = models.ForeignKey("improvement.RagStatus", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = history_with(ProgressUpdateQuerySet)
    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "-date", "-created_at"], name="update_latest_per_action_idx")]
        constraints = in_range("update", date=DATES)

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.status.label}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    # A random name: what people call their files stays in original_name, never in a path.
    return f"evidence/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Evidence(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200, blank=True)
    file = models.FileField(upload_to=evidence_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    # As long as a web address may be (URLValidator's limit): SharePoint links pass 200 characters.
    link = models.URLField(max_length=2048, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("update__action__recommendation__plan__organisation").as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""),
                name="evidence_has_a_file_or_a_link",
                violation_error_message="Evidence needs a file or a link.",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or self.link

    def clean(self):
        if not self.file and not self.link:
            raise ValidationError("Attach a file or give a link.")
