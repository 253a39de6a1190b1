from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from improvement.choices import DEFAULT_RAG_SCALE, RAG_SCALES
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import ORDERS, Ranged, in_range
from yos_tracker.scales import ScaleQuerySet


class RagStatus(Ranged):
    """One status of an organisation's RAG scale, with the meaning the organisation gives it."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="rag_statuses")
    code = models.CharField(max_length=3, help_text="Short code people type in spreadsheets, e.g. G.")
    label = models.CharField(max_length=40)
    colour = models.CharField(max_length=7, help_text="Hex colour, e.g. #00703c.")
    meaning = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_complete = models.BooleanField("counts as complete", default=False)
    is_off_track = models.BooleanField("counts as off track", default=False)
    retired = models.BooleanField(
        default=False, help_text="Kept on the records that have it; not offered for new ones."
    )

    history = HistoricalRecords()
    objects = ScaleQuerySet.as_manager()

    SCALES, DEFAULT_SCALE, ORDER_FIELD = RAG_SCALES, DEFAULT_RAG_SCALE, "order"

    class Meta:
        ordering = ["organisation", "order", "pk"]
        verbose_name = "RAG status"
        verbose_name_plural = "RAG statuses"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="ragstatus_unique_code_per_organisation",
                violation_error_message="This organisation's scale already has a status with this code.",
            ),
            models.UniqueConstraint(
                fields=["organisation", "label"],
                name="ragstatus_unique_label_per_organisation",
                violation_error_message="This organisation's scale already has a status with this label.",
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9A-Fa-f]{6}$"),
                name="ragstatus_colour_is_hex",
                violation_error_message="Colour must be a hex code such as #00703c.",
            ),
            models.CheckConstraint(
                condition=~(Q(is_complete=True) & Q(is_off_track=True)),
                name="ragstatus_not_complete_and_off_track",
                violation_error_message="A status cannot both count as complete and as off track.",
            ),
            *in_range("ragstatus", order=ORDERS),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.meaning})" if self.meaning else self.label


class RagStatusAlias(models.Model):
    """Another name an organisation's own spreadsheets give a status ("Blue" for Green, "On
    track" for Amber), confirmed by a person importing one: the next file is read the same way."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="+")
    alias = models.CharField(max_length=60, help_text="As normalised: lower case, single spaces.")
    status = models.ForeignKey(RagStatus, on_delete=models.CASCADE, related_name="aliases")

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "RAG status alias"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "alias"], name="ragstatusalias_one_meaning_per_alias"),
        ]

    def __str__(self) -> str:
        return f"“{self.alias}” means {self.status.label}"
