"""Turns django-simple-history records into rows for the one history table (includes/history_table.html)."""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

_ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
CHANGED = _ACTIONS["~"]
# Fields that count edits or stamp times: true, but not what anyone changed.
BOOKKEEPING_FIELDS = ["version", "updated_at"]


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
    return str(value)


def _who(user) -> str:
    if user is None:
        return "System"
    return user.get_full_name() or user.username


def history_rows(history: models.QuerySet, *, limit: int | None = None, subjects: bool = False) -> list[HistoryRow]:
    """Newest first: who did what and when, with each changed field's old and new value. The
    history may hold several records' changes (a whole scale's): each change is compared with the
    same record's previous version, and with subjects=True each row names its record."""
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
            who=_who(record.history_user),
            action=_ACTIONS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
            subject=str(record.instance) if subjects else "",
            record=key,
        )
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
