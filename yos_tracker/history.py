"""django-simple-history's records, read two ways: as rows for the one history table
(includes/history_table.html), and as the knowledge of a moment.

Every figure has two dates: the period it is about (valid time: an update's date, a value's
period), which each selector's own as-of rules read, and the moment it was recorded (transaction
time: history_date). A document re-rendered reads its records as they had been recorded when it
was first presented: `as_recorded` gives a selector the records of that moment in place of the
live table, and `until` cuts a history it reads at that moment, so the selectors' rules stay one.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.manager import HistoricalQuerySet
from simple_history.models import HistoricalRecords

_ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
CHANGED = _ACTIONS["~"]
# Fields that count edits or stamp times: true, but not what anyone changed.
BOOKKEEPING_FIELDS = ["version", "updated_at"]
# Not what a record was created with, as people read it: stamps and the organisation it is in.
CREATED_SKIPPED = {*BOOKKEEPING_FIELDS, "created_at", "organisation"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    when: datetime.datetime
    who: str
    action: str
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    subject: str = ""  # which record, in a history of several
    record: object = None  # that record's primary key


def _display(record, field_name: str) -> str:
    model_field = record.instance_type._meta.get_field(field_name)
    value = getattr(record, model_field.attname, None)
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = getattr(record, field_name, None)
        return str(related) if related is not None else f"#{value} (deleted)"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 44, not 44.0000
    return str(value)


# Where a record names who entered it: the change is theirs when no signed-in person made it (an
# import or a feed run by a worker, a command).
AUTHOR_FIELDS = ("entered_by", "author", "recorded_by", "reviewer", "requested_by")


def _who(record) -> str:
    user = record.history_user
    if user is None:
        names = {f.name for f in record.instance_type._meta.concrete_fields}
        user = next((getattr(record, name) for name in AUTHOR_FIELDS if name in names and getattr(record, name)), None)
    if user is None:
        return "System"
    return user.get_full_name() or user.username


def history_rows(
    history: models.QuerySet, *, limit: int | None = None, subjects: bool = False, created: bool = False
) -> list[HistoryRow]:
    """Newest first: who did what and when, with each changed field's old and new value. The
    history may hold several records' changes (a whole scale's): each change is compared with the
    same record's previous version, and with subjects=True each row names its record. With
    created=True a record's creation lists what it was created with."""
    records = list(history.select_related("history_user").order_by("history_date", "history_id"))
    pk_name = records[0].instance_type._meta.pk.attname if records else "id"
    previous: dict = {}
    rows = []
    for record in records:
        key = getattr(record, pk_name)
        older = previous.get(key)
        previous[key] = record
        row = HistoryRow(
            when=record.history_date,
            who=_who(record),
            action=_ACTIONS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
            subject=str(record.instance) if subjects else "",
            record=key,
        )
        if created and record.history_type == "+":
            for model_field in record.instance_type._meta.concrete_fields:
                name = model_field.name
                if model_field.primary_key or name in CREATED_SKIPPED or _display(record, name) == "—":
                    continue
                row.changes.append(Change(str(record_field_label(record, name)), "—", _display(record, name)))
        if older is not None and record.history_type == "~":
            for change in record.diff_against(older, excluded_fields=BOOKKEEPING_FIELDS).changes:
                row.changes.append(
                    Change(
                        field=str(record_field_label(record, change.field)),
                        old=_display(older, change.field),
                        new=_display(record, change.field),
                    )
                )
        rows.append(row)
    rows.reverse()
    return rows[:limit] if limit is not None else rows


def record_field_label(record, field_name: str) -> str:
    label = record.instance_type._meta.get_field(field_name).verbose_name
    return label[:1].upper() + label[1:]


def versions_as_of(history: models.QuerySet, when: datetime.datetime, *, late_entries: bool = True) -> dict:
    """Each record's version as it stood at `when`, by the record's primary key: the latest
    version saved by then. A record first entered after `when` is, with late_entries, taken as
    first recorded (it is about earlier events: an import, the demo, a late entry; nothing older
    is known); without, it did not exist then (a matrix band made by a later change). Records
    deleted by then are left out."""
    found: dict = {}
    for version in history.order_by("history_date", "history_id"):
        key = getattr(version, version.instance_type._meta.pk.attname)
        if version.history_date <= when or (late_entries and key not in found):
            found[key] = version
    return {key: version for key, version in found.items() if version.history_type != "-"}


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of a day in the application's time zone: what was saved "by" that day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


@dataclass(frozen=True)
class Recorded:
    """What had been recorded at a moment. For a record of the past entered later (a sign-off
    recorded after the day it is dated), records first saved after `at` but by `late_until`
    (when the sign-off itself was recorded) count too, as they were first saved: entered later
    about earlier work, they were what was known of it."""

    at: datetime.datetime
    late_until: datetime.datetime | None = None

    @property
    def known_until(self) -> datetime.datetime:
        """The last moment anything it reads was saved."""
        return max(self.at, self.late_until or self.at)


Moment = datetime.datetime | Recorded | None


def recorded_by(moment: Moment) -> Recorded | None:
    """A moment as what had been recorded by it (a plain moment reads nothing saved later)."""
    return Recorded(moment) if isinstance(moment, datetime.datetime) else moment


def until(history: models.QuerySet, recorded: Moment) -> models.QuerySet:
    """A history cut at the moment `recorded` (None: all of it): what had been recorded by then."""
    recorded = recorded_by(recorded)
    return history if recorded is None else history.filter(history_date__lte=recorded.known_until)


def recorded_versions(model, recorded: Moment) -> models.QuerySet:
    """Every record of `model` as it had been recorded at `recorded`: each one's latest version
    saved by then (a historical row, with the model's own field names), or, for a record first
    saved later but by `late_until`, its first version. A record first saved later still, or
    deleted by then, is not there."""
    recorded = recorded_by(recorded)
    history = model.history  # the model's history manager: its querysets carry the model's methods (history_with)
    chosen = Subquery(
        history.filter(id=OuterRef("id"), history_date__lte=recorded.at)
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    if recorded.late_until is not None:
        first = Subquery(
            history.filter(id=OuterRef("id"), history_date__lte=recorded.late_until)
            .order_by("history_date", "history_id")
            .values("history_id")[:1]
        )
        chosen = Coalesce(chosen, first)
    return (
        history.filter(history_date__lte=recorded.known_until)
        .alias(chosen=chosen)
        .filter(history_id=F("chosen"))
        .exclude(history_type="-")
    )


def as_recorded(model, organisation, recorded: Moment) -> models.QuerySet:
    """The organisation's records of `model`: as they are (None), or as they had been recorded at
    the moment `recorded`. Either way a query reads the same field names, so one selector serves
    a page of today's knowledge and a document re-rendered as it was presented."""
    live = model._default_manager.for_org(organisation)
    if recorded is None:
        return live
    return recorded_versions(model, recorded).filter(**{live.organisation_field: organisation})


def history_with(queryset_class: type[models.QuerySet], **options) -> HistoricalRecords:
    """A model's history whose querysets carry the model's own queryset methods (its scoping, its
    as-of rules), so that a selector runs the very same rule on the records as recorded at a
    moment (recorded_versions) as on the live table."""
    historical = type(f"Historical{queryset_class.__name__}", (HistoricalQuerySet, queryset_class), {})
    return HistoricalRecords(historical_queryset=historical, **options)


def known_by(queryset: models.QuerySet, recorded: Moment) -> models.QuerySet:
    """The live records of a queryset that had been recorded by the moment `recorded` (None: all),
    so that the model's own queryset rules still apply to them; `overlaid` then gives each the
    wording it had then."""
    if recorded is None:
        return queryset
    return queryset.filter(pk__in=recorded_versions(queryset.model, recorded).values("id"))


def overlaid(records: list, recorded: Moment, fields) -> list:
    """Live records given the `fields` they had as recorded at the moment `recorded` (in memory:
    every rule of the model applies to them unchanged). Records unchanged since keep their own."""
    recorded = recorded_by(recorded)
    if recorded is None or not records:
        return records
    model = type(records[0])
    history = until(model.history.filter(id__in=[r.pk for r in records]), recorded)
    versions = versions_as_of(history, recorded.at, late_entries=recorded.late_until is not None)
    for record in records:
        version = versions.get(record.pk)
        if version is not None:
            for name in fields:
                setattr(record, name, getattr(version, name))
    return records


# A first version for a row saved without history is dated before any document could have been
# presented: the row was known to every version presented so far.
BEFORE_HISTORY = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
RECORDED_APPS = ("yos_tracker", "improvement", "performance", "governance")


def history_for_unversioned(apps, connection, when: datetime.datetime = BEFORE_HISTORY) -> None:
    """Give every row that has no history (loaded in bulk, or by a data migration, which saves
    without it) a first version dated `when`, so that reading the records as recorded at a
    moment finds it. One INSERT … SELECT a model. Takes an app registry so that a migration can
    pass its own."""
    quote = connection.ops.quote_name
    for label in RECORDED_APPS:
        for historical in apps.get_app_config(label).get_models():
            names = {f.name for f in historical._meta.get_fields()}
            if not historical.__name__.startswith("Historical") or "history_date" not in names:
                continue  # not a model's history (a many-to-many field's is kept with its model's)
            model = apps.get_model(label, historical.__name__.removeprefix("Historical"))
            columns = ", ".join(
                quote(f.column) for f in historical._meta.concrete_fields if not f.name.startswith("history_")
            )
            table, source, key = quote(historical._meta.db_table), quote(model._meta.db_table), quote("id")
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} ({columns}, {quote('history_date')}, {quote('history_type')}) "
                    f"SELECT {columns}, %s, %s FROM {source} WHERE {key} NOT IN (SELECT {key} FROM {table})",
                    [when, "+"],
                )


def as_instances(rows) -> list:
    """History rows as instances of their model (whose methods and properties a template reads),
    keeping the related records fetched with them."""
    found = []
    for row in rows:
        instance = row.instance
        instance._state.fields_cache.update(row._state.fields_cache)
        found.append(instance)
    return found


def children_as_recorded(related, recorded: Moment, *select_related):
    """A record's children (a related manager: an inspection's judgements, an assessment's
    ratings) as they are, or as they had been recorded at the moment `recorded`, as instances."""
    if recorded is None:
        return related.select_related(*select_related)
    versions = recorded_versions(related.model, recorded).filter(**related.core_filters)
    return as_instances(versions.select_related(*select_related))
