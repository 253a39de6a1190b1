"""Every integer and date a person or an import writes has a range, and nothing outside it is ever
stored: a date of 9999-12-31 or a count of 2³¹ once stored broke the pages that show it, for good
(a year after 9999 is past Python's calendar; SQLite keeps any integer, PostgreSQL does not).

A model declares each range once, as a check constraint (`in_range` in its Meta.constraints), and
is `Ranged`: its full_clean() refuses a value outside a range beside the field, as a field's own
validators would, so model forms, the services and the importers (`column_problems`) refuse it
with the range in words, and the database refuses whatever comes another way. A value stored
before the constraints arrived is moved inside by `repair_stored`.

The ranges are the constraints rather than the fields' validators so that a field's range is
written once, and so that bringing them in costs the migrations one operation a field: validators
would add an AlterField for each field and for its history's copy (133), each re-rendering the
migration state, some fifteen seconds more on every database a test run creates.

Dates run from the day youth offending teams began to a year short of the calendar's end, so that
a figure may look a year either side of any date (yos_tracker.dates).
"""

import datetime
import functools
import operator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Cast

from yos_tracker.dates import EARLIEST, LATEST


@dataclass(frozen=True)
class Range:
    lowest: int | datetime.date
    highest: int | datetime.date
    unit: str = ""  # what a number counts, for its message: "days"

    def __contains__(self, value) -> bool:
        return self.lowest <= value <= self.highest

    @property
    def message(self) -> str:
        if isinstance(self.lowest, datetime.date):
            return f"Enter a date from {_long(self.lowest)} to {_long(self.highest)}."
        counted = f"number of {self.unit}" if self.unit else "whole number"
        return f"Enter a {counted} from {self.lowest:,} to {self.highest:,}."

    @property
    def validators(self) -> list:
        """For a plain form's own field (a model form's fields take their model's range)."""
        return [MinValueValidator(self.lowest, self.message), MaxValueValidator(self.highest, self.message)]

    def nearest(self, value):
        """The value, or the bound it is past: an order past the last place a list has puts what is
        added level with the last, after it by id."""
        return min(max(value, self.lowest), self.highest)


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def shown(day: datetime.date) -> str:
    """A date as an import's message shows it, 31/12/9999, with the year in four digits even
    before 1000 (strftime leaves it as written)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


DATES = Range(EARLIEST, LATEST)
# The first day of a month holding a date in range.
MONTHS = Range(EARLIEST, LATEST.replace(day=1))
# The first day of a month, quarter or (April to March) year holding a date in range: January 1998
# is in the year from April 1997.
PERIODS = Range(datetime.date(EARLIEST.year - 1, 4, 1), MONTHS.highest)
# A place in an ordered list (a scale's steps, a plan's actions): as far as PostgreSQL's smallint,
# the narrowest column any of them has.
ORDERS = Range(0, 32_767)
# A rank where 1 is the best.
RANKS = Range(1, 32_767)


def in_range(prefix: str, **ranges: Range) -> list[models.CheckConstraint]:
    """The check constraints of a model's ranged fields, one a field, named <prefix>_<field>_in_range.
    A NULL passes, as in SQL (and Django's own check of a constraint)."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__range": (limits.lowest, limits.highest)}),
            name=f"{prefix}_{field}_in_range",
            violation_error_message=limits.message,
        )
        for field, limits in ranges.items()
    ]


@functools.cache
def _ranged(model: type[models.Model]) -> dict[str, tuple[Range, str]]:
    """Field → its range and the words refusing a value outside it, as in_range's constraints hold them."""
    found = {}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.CheckConstraint) and constraint.name.endswith("_in_range"):
            ((lookup, (lowest, highest)),) = constraint.condition.children
            found[lookup.removesuffix("__range")] = (Range(lowest, highest), constraint.violation_error_message)
    return found


def ranges_of(model: type[models.Model]) -> dict[str, Range]:
    """The model's ranged fields and their ranges."""
    return {name: limits for name, (limits, _) in _ranged(model).items()}


def problems(model: type[models.Model], name: str, value) -> list[str]:
    """Why the field `name` cannot hold `value` for being out of its range (a blank is not)."""
    limits, message = _ranged(model).get(name, (None, ""))
    return [message] if limits is not None and value is not None and value not in limits else []


class Ranged(models.Model):
    """A model with ranged fields (in_range): cleaning its fields refuses a value outside its range
    beside the field, as the field's own validators would."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as refused:
            errors = refused.error_dict
        for name in set(ranges_of(type(self))) - set(exclude or ()):
            try:
                found = problems(type(self), name, getattr(self, name))
            except TypeError:  # not a number or a date at all: its field has said so
                continue
            if found:  # in place of the column's own limit (PostgreSQL's smallint), which says less
                errors[name] = [ValidationError(found[0], code="out_of_range")]
        if errors:
            raise ValidationError(errors)


def repair_stored(apps, model_label: str, ranges: dict[str, tuple]) -> None:
    """For a data migration, before the constraints arrive: move every stored value of the model
    (and of its history, where it has one) that is outside its range. `ranges`: field → (lowest,
    highest), written out in the migration, as the ranges were then.

    A value past its range in a field that may be empty is emptied: an impossible date or score
    says nothing true, and the nearest bound would invent one. One that must be kept moves to the
    bound it is past, or, where another record holds that value already (a record once per month),
    to the nearest free value inside it. A row's values move together, so that a period that ran
    from 1990 to 1995 becomes one day, never one that ends before it starts. Each repair is
    printed, so that whoever migrates sees what changed and can put right what a bound only
    approximates. History rows are repaired as their records are: the pages that read them would
    otherwise fail on the same values.
    """
    app_label, name = model_label.split(".")
    try:
        history = apps.get_model(app_label, f"Historical{name}")
    except LookupError:
        history = None
    for model in filter(None, (apps.get_model(app_label, name), history)):
        past = [Q(**{f"{field}__lt": low}) | Q(**{f"{field}__gt": high}) for field, (low, high) in ranges.items()]
        rows = model._base_manager.filter(functools.reduce(operator.or_, past)).order_by("pk")
        for pk in rows.values_list("pk", flat=True):
            _repair_row(model, pk, ranges)


# More than a year of days past a bound: further than records once a month or a day can crowd it.
FREE_VALUE_TRIES = 400


@dataclass
class _Move:
    """A stored value past its range: as stored (as text: PostgreSQL keeps dates past 9999 that
    Python cannot load), what it becomes (None: emptied), and the step towards the range that it
    moves on by while the value it would take is another record's."""

    field: str
    stored: str
    value: object
    step: object = None


def _repair_row(model, pk, ranges: dict[str, tuple]) -> None:
    row = model._base_manager.filter(pk=pk)
    moves = [move for field, (low, high) in ranges.items() if (move := _move(model, row, field, low, high))]
    for _ in range(FREE_VALUE_TRIES):
        try:
            with transaction.atomic():
                row.update(**{move.field: move.value for move in moves})
            break
        except IntegrityError:
            for move in moves:
                if move.step:
                    move.value += move.step
    else:
        raise IntegrityError(f"{model._meta.label} {pk}: no free values near the ranges of {[m.field for m in moves]}")
    for move in moves:
        after = "empty" if move.value is None else move.value
        print(f"  Repaired {model._meta.label} {pk}: {move.field} {move.stored} → {after}")


def _move(model, row, field: str, low, high) -> _Move | None:
    stored, below, above = (
        row.annotate(
            stored=Cast(field, output_field=models.CharField()),
            below=Q(**{f"{field}__lt": low}),
            above=Q(**{f"{field}__gt": high}),
        )
        .values_list("stored", "below", "above")
        .get()
    )
    if not (below or above):
        return None
    if model._meta.get_field(field).null:
        return _Move(field, stored, None)
    one = datetime.timedelta(days=1) if isinstance(low, datetime.date) else 1
    return _Move(field, stored, low, one) if below else _Move(field, stored, high, -one)
