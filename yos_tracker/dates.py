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


def recorded_moment(text: str | None) -> datetime.datetime | None:
    """The moment a page or the API is asked to read the records as recorded at (`?recorded=`):
    a date and time (2017-06-29T14:00, Europe/London unless it says otherwise), or a day, meaning
    its end. None when not asked; ValueError for anything else or out of reach."""
    if not text:
        return None
    text = text.strip()
    try:
        if "T" not in text and " " not in text:
            day = datetime.date.fromisoformat(text)
            moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))
        else:
            moment = datetime.datetime.fromisoformat(text)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        # In UTC: Python takes offsets up to 24 hours, PostgreSQL only to 16 (+16:03 is refused).
        moment = moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise ValueError(f"“{text}” is not a date and time; use 2017-06-29T14:00 or 2017-06-29") from None
    if not in_reach(timezone.localtime(moment).date()):
        raise ValueError(f"“{text}” is out of range: use a moment from {EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d}")
    return moment
