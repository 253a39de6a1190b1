"""Turns django-simple-history records into rows for the one history table (includes/history_table.html)."""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

_ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
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


def history_rows(history: models.QuerySet) -> list[HistoryRow]:
    """Newest first: who did what and when, with each changed field's old and new value."""
    records = list(history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=False):  # no records: no rows
        row = HistoryRow(
            when=newer.history_date,
            who=_who(newer.history_user),
            action=_ACTIONS.get(newer.history_type, newer.history_type),
            reason=newer.history_change_reason or "",
        )
        if older is not None and newer.history_type == "~":
            for change in newer.diff_against(older, excluded_fields=BOOKKEEPING_FIELDS).changes:
                row.changes.append(
                    Change(
                        field=str(record_field_label(newer, change.field)),
                        old=_display(older, change.field),
                        new=_display(newer, change.field),
                    )
                )
        rows.append(row)
    return rows


def record_field_label(record, field_name: str) -> str:
    label = record.instance_type._meta.get_field(field_name).verbose_name
    return label[:1].upper() + label[1:]
