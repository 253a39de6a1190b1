import datetime

from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    """That a person's weekly digest went out, so a second run in the same week sends nothing.
    The row is inserted in the same transaction as the sending: a failed send leaves no row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_starting = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    actions = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week_starting"], name="reminder_once_per_user_per_week"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — week of {self.week_starting:%d/%m/%Y}"

    @staticmethod
    def week_of(day: datetime.date) -> datetime.date:
        return day - datetime.timedelta(days=day.weekday())
