import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

# Youth offending teams began with the Crime and Disorder Act 1998: nothing they record is older.
EARLIEST = datetime.date(1998, 1, 1)
# The last day a page or the API is asked to look at: figures compare a date with a year either
# side of it, which must stay inside the calendar (year 9999 is its end).
LATEST = datetime.date(9998, 12, 31)


def in_reach(day: datetime.date) -> bool:
    """Whether an "as at" date asked for can be looked at: from EARLIEST to LATEST."""
    return EARLIEST <= day <= LATEST


def refuse_future(day: datetime.date, *, what: str, field: str = "date") -> None:
    """Records of what happened (updates, reviews) cannot be dated after today, Europe/London,
    nor before youth justice services existed."""
    if day > timezone.localdate():
        raise ValidationError({field: f"{what} cannot be dated in the future."})
    if day < EARLIEST:
        raise ValidationError({field: f"{what} cannot be dated before 1998, when youth offending teams began."})
