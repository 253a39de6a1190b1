"""Writes of the performance app: tracking, measurements (with optimistic locking) and case
audits. The monthly roll-up is performance.rollup."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from performance import rag
from performance.choices import Scope
from performance.models import (
    Case,
    CaseAudit,
    Indicator,
    IndicatorJudgement,
    Measurement,
    OutcomeKind,
    QualifyingOutcome,
    Reoffence,
    TrackedIndicator,
)
from performance.models.cohorts import reoffence_problem
from yos_tracker import records
from yos_tracker.models import Organisation
from yos_tracker.ranges import ORDERS


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


# --- Tracking ------------------------------------------------------------------------------------


def indicators_track(*, organisation: Organisation, codes: list[str], apps=global_apps) -> int:
    """Track these catalogue indicators, after those already tracked and in the order given;
    ones already tracked stay where they are. Returns how many were added. A data migration
    passes its own `apps`."""
    indicator_model = apps.get_model("performance", "Indicator")
    tracked_model = apps.get_model("performance", "TrackedIndicator")
    tracked = tracked_model._default_manager.filter(organisation=organisation)
    already = set(tracked.values_list("indicator__code", flat=True))
    last = tracked.aggregate(last=Max("order"))["last"]
    order = -1 if last is None else last
    by_code = {i.code: i for i in indicator_model._default_manager.filter(organisation__isnull=True, code__in=codes)}
    added = 0
    for code in codes:
        if code in already or code not in by_code:
            continue
        order = ORDERS.nearest(order + 1)
        tracked_model._default_manager.create(organisation=organisation, indicator=by_code[code], order=order)
        added += 1
    return added


@transaction.atomic
def indicator_tracking_set(*, organisation: Organisation, indicator: Indicator, tracked: bool) -> None:
    """Track an indicator (last on the dashboard) or stop tracking it. Its values, targets and
    comparators are kept either way, and come back with it."""
    if indicator.organisation_id not in (None, organisation.pk):
        raise ValidationError("That indicator is another service's own.")
    rows = TrackedIndicator.objects.for_org(organisation)
    if not tracked:
        for row in rows.filter(indicator=indicator):
            row.delete()  # one by one, so that each leaves its history
        return
    if rows.filter(indicator=indicator).exists():
        return
    last = rows.aggregate(last=Max("order"))["last"]
    TrackedIndicator.objects.create(
        organisation=organisation, indicator=indicator, order=0 if last is None else ORDERS.nearest(last + 1)
    )


@transaction.atomic
def indicators_tracking_set(*, organisation: Organisation, indicators: list[Indicator], tracked: bool) -> int:
    """Track many indicators at once (after those already tracked, in the order given) or stop
    tracking them, all or none. Returns how many changed: one already in the state asked for is
    left as it is. As with one, values, targets and comparators are kept either way."""
    if any(i.organisation_id not in (None, organisation.pk) for i in indicators):
        raise ValidationError("That indicator is another service's own.")
    rows = TrackedIndicator.objects.for_org(organisation)
    if not tracked:
        stopped = 0
        for row in rows.filter(indicator__in=indicators):
            row.delete()  # one by one, so that each leaves its history
            stopped += 1
        return stopped
    already = set(rows.filter(indicator__in=indicators).values_list("indicator_id", flat=True))
    last = rows.aggregate(last=Max("order"))["last"]
    order = -1 if last is None else last
    added = 0
    for indicator in dict.fromkeys(indicators):
        if indicator.pk in already:
            continue
        order = ORDERS.nearest(order + 1)
        # One by one, as a single one is tracked, so that each history row names who tracked it.
        TrackedIndicator.objects.create(organisation=organisation, indicator=indicator, order=order)
        added += 1
    return added


@transaction.atomic
def local_indicator_save(*, form, organisation: Organisation) -> Indicator:
    """Save a service's own indicator from its form; a new one is tracked straight away."""
    indicator = form.save(commit=False)
    new = indicator.pk is None
    indicator.organisation, indicator.scope = organisation, Scope.LOCAL
    if new or records.unsaved_changes(indicator):
        indicator.save()
    if new:
        indicator_tracking_set(organisation=organisation, indicator=indicator, tracked=True)
    return indicator


# --- Measurements -------------------------------------------------------------------------------


def _too_large(name: str, number: Decimal) -> bool:
    """Beyond the digits the column keeps before the point (PostgreSQL refuses the row)."""
    column = Measurement._meta.get_field(name)
    return abs(number) >= Decimal(10) ** (column.max_digits - column.decimal_places)


def measurement_value(indicator: Indicator, *, value, numerator, denominator) -> dict:
    """The fields to store for an indicator: a ratio's value is computed from its parts, or, where
    a service has only the figure (a council's tracker often keeps just the percentage), is the
    value given, with no parts."""
    from_parts = (numerator, denominator) != (None, None) or value is None
    if indicator.is_ratio and from_parts:
        if numerator is None or denominator is None:
            raise ValidationError(
                {
                    "numerator": f"Give the {indicator.numerator_label} and the {indicator.denominator_label}, "
                    "or the value alone."
                }
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
    note: str | None = None,
    source: str | None = None,
    user=None,
    expected_version: int | None = None,
) -> Measurement:
    """Record (or change) a value. A note or source of None keeps the stored one ("" clears it);
    a value that already says all this is left as it is, its author, version and history too
    (yos_tracker.records). `expected_version` is the version the person saw: 0 for "there was no
    value", None to skip the check."""
    period = rag.period_start(period, indicator.frequency)
    fields = measurement_value(indicator, value=value, numerator=numerator, denominator=denominator)
    text = {name: given for name, given in (("note", note), ("source", source)) if given is not None}
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
            entered_by=user,
            **{"note": "", "source": "", **fields, **text},
        )
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(current)
    if records.changes_applied(current, {**fields, **text}):
        current.entered_by = user
        current.save()  # the row is locked (select_for_update), so its version cannot race
    return current


@dataclass
class MeasurementEntry:
    """One value to upsert: an import's row, or an item of the API's bulk feed. `parts` are the
    value, numerator and denominator as given; `period` is already the period's first day; `text`
    holds the note and source as far as the input carries them (what it leaves out is kept), and
    `source_if_new` is where a new value comes from when the input names no source."""

    indicator: Indicator
    period: datetime.date
    parts: dict
    text: dict = field(default_factory=dict)
    source_if_new: str = ""

    @property
    def wanted(self) -> dict:
        return {**measurement_value(self.indicator, **self.parts), **self.text}


MEASUREMENT_FIELDS = ("value", "numerator", "denominator", "note", "source")


@transaction.atomic
def measurements_upsert(*, organisation: Organisation, entries: list[MeasurementEntry], user=None) -> dict[str, int]:
    """Record many values at once, idempotent by (indicator, period): a value that already says
    what the entry says is left as it is (its author, version and history too), and of any other
    only the fields the entry carries change (yos_tracker.records). The feed from a
    case-management system and spreadsheet imports, which replace by design (no version check),
    in a few statements rather than several per value. Returns counts."""
    indicators = {e.indicator.pk for e in entries}
    periods = {e.period for e in entries}
    existing = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.for_org(organisation)
        .select_for_update()
        .filter(indicator_id__in=indicators, period__in=periods)
    }
    now = timezone.now()
    created, changed, unchanged = [], [], 0
    for entry in entries:
        wanted = entry.wanted
        current = existing.get((entry.indicator.pk, entry.period))
        if current is None:
            created.append(
                Measurement(
                    organisation=organisation,
                    indicator=entry.indicator,
                    period=entry.period,
                    entered_by=user,
                    **{"note": "", "source": entry.source_if_new, **wanted},
                )
            )
        elif records.changes_applied(current, wanted):  # the rows are locked, so the version cannot race
            current.entered_by, current.updated_at = user, now
            changed.append(current)
        else:
            unchanged += 1
    bulk_create_with_history(created, Measurement, batch_size=1000, default_user=user)
    bulk_update_with_history(
        changed,
        Measurement,
        [*MEASUREMENT_FIELDS, "entered_by", "updated_at", "version"],
        batch_size=1000,
        default_user=user,
    )
    return {"created": len(created), "changed": len(changed), "unchanged": unchanged}


# --- Case audits -----------------------------------------------------------------------------------


def case_audit_save(*, organisation: Organisation, audit: CaseAudit | None = None, **fields) -> CaseAudit:
    """Record a case audit, or change the fields given of one (nothing is saved when they already
    say what is stored; an audit's auditor changes only when the fields name another)."""
    if audit is None:
        audit = CaseAudit(organisation=organisation, **fields)
    elif not records.changes_applied(audit, fields):
        return audit
    audit.full_clean(validate_unique=False, validate_constraints=False)
    audit.save()
    return audit


# --- The live tracker's case records ----------------------------------------------------------------


@transaction.atomic
def case_event_record(
    *,
    organisation: Organisation,
    reference: str,
    event: str,
    date: datetime.date,
    kind: OutcomeKind | str,
    proven_date: datetime.date | None = None,
    gravity: int | None = None,
    violent: bool = False,
    team: str = "",
    case_manager: str = "",
) -> QualifyingOutcome | Reoffence:
    """Record a case's qualifying outcome or reoffence ("outcome" or "reoffence"), adding the case
    by its pseudonymous reference if it is new; a team or case manager given replaces the case's.
    `kind` is one of the service's outcome types, or a reoffence's offence type."""
    case = Case.objects.for_org(organisation).filter(reference__iexact=reference).first()
    given = {name: value for name, value in (("team", team), ("case_manager", case_manager)) if value}
    if case is None:
        case = Case(organisation=organisation, reference=reference, **given)
    if case.pk is None or records.changes_applied(case, given):
        case.full_clean(validate_constraints=False)
        case.save()
    if event == "outcome":
        record = QualifyingOutcome(case=case, date=date, kind=kind, gravity=gravity)
    else:
        record = Reoffence(
            case=case, offence_date=date, proven_date=proven_date, offence_type=kind, gravity=gravity, violent=violent
        )
    record.full_clean(exclude=["case"])
    record.save()
    return record


@transaction.atomic
def case_event_change(*, record: QualifyingOutcome | Reoffence, fields: dict, case: dict) -> None:
    """Change the fields given of a recorded outcome or reoffence, and of its case (its team, its
    case manager); nothing is saved of either when it already says them."""
    if records.changes_applied(record, fields):
        record.full_clean(exclude=["case"])
        record.save()
    if records.changes_applied(record.case, case):
        record.case.full_clean(validate_constraints=False)
        record.case.save()


@transaction.atomic
def case_record_remove(record: QualifyingOutcome | Reoffence) -> None:
    """Remove an outcome or a reoffence recorded in error. An outcome goes only if every
    reoffence of the case still comes after the first outcome left."""
    Case.objects.select_for_update().get(pk=record.case_id)  # one removal at a time per case
    if isinstance(record, QualifyingOutcome):
        left = record.case.outcomes.exclude(pk=record.pk).aggregate(first=Min("date"))["first"]
        for offence in record.case.reoffences.all():
            if problem := reoffence_problem(offence.offence_date, left):
                raise ValidationError(
                    f"This outcome cannot be removed: the reoffence on {offence.offence_date:%d/%m/%Y} "
                    f"would no longer count ({problem}). Remove that reoffence first."
                )
    record.delete()


# --- Rating an indicator by judgement ------------------------------------------------------------


@transaction.atomic
def indicator_judgement_record(
    *, organisation: Organisation, indicator: Indicator, period: datetime.date, step, note: str = "", user=None
) -> IndicatorJudgement:
    """Rate an indicator for a period on the service's own key (replacing a rating of that period)."""
    if step.organisation_id != organisation.pk:
        raise ValidationError({"step": "Choose a colour of this service's key."})
    judgement, _ = records.upsert(
        IndicatorJudgement.objects,
        organisation=organisation,
        indicator=indicator,
        period=rag.period_start(period, indicator.frequency),
        defaults={"step": step, "note": note, "entered_by": user},
    )
    return judgement
