import datetime

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import Range, Ranged, in_range

DEFAULT_DUE_SOON_DAYS = 14
DUE_SOON_DAYS = Range(1, 90, "days")


class ReminderSettings(Ranged):
    """An organisation's weekly digest: whether action owners receive it, and how far ahead
    "due soon" looks. Every organisation is given one when it is set up."""

    organisation = models.OneToOneField(
        "yos_tracker.Organisation", on_delete=models.CASCADE, related_name="reminder_settings"
    )
    enabled = models.BooleanField("send the weekly digest", default=True)
    due_soon_days = models.PositiveSmallIntegerField(
        "due soon means within (days)", default=DEFAULT_DUE_SOON_DAYS, help_text="Between 1 and 90 days."
    )

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "reminder settings"
        constraints = in_range("remindersettings", due_soon_days=DUE_SOON_DAYS)

    def __str__(self) -> str:
        return f"Weekly digest of {self.organisation}: {'on' if self.enabled else 'off'}"


class ReminderSent(models.Model):
    """That a person's weekly digest of one organisation went out, so a second run in the same
    week sends nothing. The row is inserted in the same transaction as the sending: a failed send
    leaves no row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Digests sent before they were per organisation have none.
    organisation = models.ForeignKey(
        "yos_tracker.Organisation", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    week_starting = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    actions = models.PositiveIntegerField()

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "week_starting"], name="reminder_once_per_user_organisation_and_week"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — week of {self.week_starting:%d/%m/%Y}"

    @staticmethod
    def week_of(day: datetime.date) -> datetime.date:
        return day - datetime.timedelta(days=day.weekday())
