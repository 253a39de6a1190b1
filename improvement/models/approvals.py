from django.conf import settings
from django.db import models
from django.urls import reverse

from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, Ranged, in_range


class PlanApproval(Ranged):
    """One sign-off of a plan: who gave it, in what role, when and with what note, and the plan
    as it stood that day. Sign-offs are added, never changed: a plan approved again has two."""

    plan = models.ForeignKey("improvement.ImprovementPlan", on_delete=models.CASCADE, related_name="approvals")
    approved_by = models.CharField(max_length=200, help_text="Usually the management board.")
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Chair of the Youth Justice Management Board")
    approved_on = models.DateField()
    note = models.TextField(blank=True)
    snapshot = models.JSONField(
        null=True, blank=True, help_text="The plan's recommendations and actions, with their statuses, that day."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.through("plan__organisation").as_manager()

    class Meta:
        ordering = ["plan", "-approved_on", "-pk"]
        constraints = in_range("approval", approved_on=DATES)

    def __str__(self) -> str:
        return f"{self.plan} signed off by {self.approved_by} on {self.approved_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:approval_detail", kwargs={"org": self.plan.organisation.slug, "pk": self.pk})
