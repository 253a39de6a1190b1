"""Case references: pseudonymous, never a child's name or date of birth. One rule for every
record that names a case (audits, the live tracker's cases)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

# Letters, digits and separators with at least one digit, e.g. BR-2015-001 or YOS/1234. Words
# alone ("John Smith") are refused: no child is named here.
CASE_REFERENCE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_-]{2,29}$")
# A date written into a reference: day, month and year with separators (01-05-2009, 1/5/09,
# 2009-05-01), or eight or six digits that read as a date (01052009, 20090501, 010509, 090501).
# A year alone (BR-2015-001) and other runs of digits are a case number, not a date.
SEPARATED = re.compile(r"(?<!\d)(\d{1,4})[-/_.](\d{1,2})[-/_.](\d{2,4})(?!\d)")
EIGHT_DIGITS = re.compile(r"(?<!\d)(\d{8})(?!\d)")
SIX_DIGITS = re.compile(r"(?<!\d)(\d{6})(?!\d)")
# Six digits read as a date only in the years a child's birth could fall in: over a third of all
# six-digit serials read as some date of the century, and a case number such as LW-100001 or
# YOS/123456 must stay usable. Youth justice works with children aged 10 to 17: a birth year from
# 1980 (the oldest records a service may keep) to this one.
EARLIEST_BIRTH_YEAR = 1980
NOT_A_REFERENCE = "Use the case's pseudonymous reference (letters and numbers such as BR-2015-001), never a name."


def _is_date(year: int, month: int, day: int, years: range = range(1900, 2101)) -> bool:
    if year < 100:
        year += 2000 if year < 50 else 1900
    if year not in years:
        return False
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def embedded_date(value: str) -> str | None:
    """The date a reference holds, as written, or None."""
    for match in SEPARATED.finditer(value):
        first, middle, last = (int(part) for part in match.groups())
        if len(match[1]) == 4 and _is_date(first, middle, last):
            return match[0]
        if len(match[1]) <= 2 and len(match[3]) in (2, 4) and _is_date(last, middle, first):
            return match[0]
    for match in EIGHT_DIGITS.finditer(value):
        digits = match[1]
        if _is_date(int(digits[4:]), int(digits[2:4]), int(digits[:2])) or _is_date(
            int(digits[:4]), int(digits[4:6]), int(digits[6:])
        ):
            return digits
    birth_years = range(EARLIEST_BIRTH_YEAR, timezone.localdate().year + 1)
    for match in SIX_DIGITS.finditer(value):
        digits = match[1]
        day_first = (int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        year_first = (int(digits[:2]), int(digits[2:4]), int(digits[4:]))
        if _is_date(*day_first, birth_years) or _is_date(*year_first, birth_years):
            return digits
    return None


def validate_case_reference(value: str) -> None:
    if not CASE_REFERENCE.match(value or ""):
        raise ValidationError(NOT_A_REFERENCE)
    if found := embedded_date(value):
        raise ValidationError(
            f"This reference holds a date ({found}): a child's date of birth is never recorded here. "
            "Use the case's pseudonymous reference, such as BR-2015-001."
        )
