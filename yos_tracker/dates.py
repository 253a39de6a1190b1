import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone


def refuse_future(day: datetime.date, *, what: str, field: str = "date") -> None:
    """Records of what happened (updates, reviews) cannot be dated after today, Europe/London."""
    if day > timezone.localdate():
        raise ValidationError({field: f"{what} cannot be dated in the future."})
