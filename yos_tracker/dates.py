import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

# Youth offending teams began with the Crime and Disorder Act 1998: nothing they record is older.
EARLIEST = datetime.date(1998, 1, 1)


def refuse_future(day: datetime.date, *, what: str, field: str = "date") -> None:
    """Records of what happened (updates, reviews) cannot be dated after today, Europe/London,
    nor before youth justice services existed."""
    if day > timezone.localdate():
        raise ValidationError({field: f"{what} cannot be dated in the future."})
    if day < EARLIEST:
        raise ValidationError({field: f"{what} cannot be dated before 1998, when youth offending teams began."})
