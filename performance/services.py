"""Writes of the performance app: measurements (with optimistic locking) and the scales
organisations start with. The monthly roll-up is performance.rollup."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from performance import rag
from performance.choices import AUDIT_GRADE_SCALES, DEFAULT_AUDIT_GRADE_SCALE
from performance.models import AuditGrade, Indicator, Measurement
from yos_tracker.models import Organisation


class StaleEdit(ValidationError):
    """Someone else saved the record after this form was loaded; nothing was overwritten."""

    def __init__(self, current: Measurement):
        who = current.entered_by.get_full_name() if current.entered_by else "Someone"
        when = timezone.localtime(current.updated_at)
        shown = current.indicator.format_value(current.value)
        super().__init__(
            f"{who} changed this value to {shown} at {when:%H:%M} on {when:%d/%m/%Y}, after you opened the page. "
            "Your change was not saved; check their value and enter yours again if it is still right."
        )
        self.current = current


# --- Scales -------------------------------------------------------------------------------------


def audit_grades_install(*, organisation: Organisation, scale: str = DEFAULT_AUDIT_GRADE_SCALE) -> list[AuditGrade]:
    existing = list(AuditGrade.objects.for_org(organisation))
    if existing:
        return existing
    return [
        AuditGrade.objects.create(
            organisation=organisation,
            code=code,
            label=label,
            colour=colour,
            rank=rank,
            is_good=good,
            is_inadequate=inadequate,
        )
        for rank, (code, label, colour, good, inadequate) in enumerate(AUDIT_GRADE_SCALES[scale], start=1)
    ]


# --- Measurements -------------------------------------------------------------------------------


def _too_large(name: str, number: Decimal) -> bool:
    """Beyond the digits the column keeps before the point (PostgreSQL refuses the row)."""
    column = Measurement._meta.get_field(name)
    return abs(number) >= Decimal(10) ** (column.max_digits - column.decimal_places)


def measurement_value(indicator: Indicator, *, value, numerator, denominator) -> dict:
    """The fields to store for an indicator: a ratio's value is computed from its parts."""
    if indicator.is_ratio:
        if numerator is None or denominator is None:
            raise ValidationError(
                {"numerator": f"Give the {indicator.numerator_label} and the {indicator.denominator_label}."}
            )
        if denominator <= 0:
            raise ValidationError({"denominator": "The denominator must be more than zero."})
        if numerator < 0:
            raise ValidationError({"numerator": "The numerator cannot be negative."})
        for name, part in (("numerator", numerator), ("denominator", denominator)):
            if _too_large(name, part):
                raise ValidationError({name: "This number is too large to record."})
        computed = rag.compute_value(numerator, denominator, indicator.multiplier)
        if _too_large("value", computed):
            raise ValidationError(
                f"{numerator} ÷ {denominator} × {indicator.multiplier.normalize():f} is too large to record; "
                "check the two figures."
            )
        return {"value": computed, "numerator": numerator, "denominator": denominator}
    if value is None:
        raise ValidationError({"value": "Give a value."})
    if _too_large("value", Decimal(value)):
        raise ValidationError({"value": "This number is too large to record."})
    return {"value": Decimal(value), "numerator": None, "denominator": None}


@transaction.atomic
def measurement_record(
    *,
    organisation: Organisation,
    indicator: Indicator,
    period: datetime.date,
    value=None,
    numerator=None,
    denominator=None,
    note: str = "",
    source: str = "",
    user=None,
    expected_version: int | None = None,
) -> Measurement:
    """Record (or change) a value. `expected_version` is the version the person saw: 0 for
    "there was no value", None to skip the check (imports and roll-ups, which replace)."""
    period = rag.period_start(period, indicator.frequency)
    fields = measurement_value(indicator, value=value, numerator=numerator, denominator=denominator)
    current = (
        Measurement.objects.select_for_update(of=("self",))
        .select_related("entered_by", "indicator")
        .filter(organisation=organisation, indicator=indicator, period=period)
        .first()
    )
    if current is None:
        if expected_version:
            raise ValidationError("This value was deleted after you opened the page.")
        return Measurement.objects.create(
            organisation=organisation,
            indicator=indicator,
            period=period,
            note=note,
            source=source,
            entered_by=user,
            **fields,
        )
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(current)
    unchanged = all(getattr(current, k) == v for k, v in fields.items()) and (current.note, current.source) == (
        note,
        source,
    )
    if unchanged:
        return current
    for name, new in fields.items():
        setattr(current, name, new)
    current.note, current.source, current.entered_by = note, source, user
    current.version += 1  # the row is locked (select_for_update), so this cannot race
    current.save()
    return current
