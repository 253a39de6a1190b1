"""The one rule every way in follows (a form, the value grid, every importer, every API write)
when it changes a stored record:

- a field the input does not carry keeps its stored value; only an explicit empty value clears
  it, and what the person sees first (a preview, an API response) says so;
- an input identical to what is stored changes nothing: nothing is saved, so there is no history
  entry, no new author and no version bump;
- whatever does change is told field by field as before → after.

`changes` says what an input would change; `changes_applied` puts only those on the record (and
moves its version on) for the caller's service to validate and save; `unsaved_changes` says what
a record a form has filled in differs from its stored row.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models

EMPTY = "—"


def same_value(stored, given) -> bool:
    """Whether an input says what is stored. Browsers post a line break as CRLF and a worksheet
    gives it back as LF: the same text. 15 and 15.0000 are the same number; a record and its
    primary key name the same record."""
    if isinstance(stored, str) and isinstance(given, str):
        return _line_feeds(stored) == _line_feeds(given)
    if isinstance(stored, models.Model) or isinstance(given, models.Model):
        return getattr(stored, "pk", stored) == getattr(given, "pk", given)
    return stored == given


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def shown(value) -> str:
    """A value as a before → after line shows it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    return str(value)


@dataclass(frozen=True)
class FieldChange:
    """One field an input changes: its name on the model, the label people know it by, and its
    value before and after."""

    name: str
    label: str
    before: object
    after: object

    @property
    def clears(self) -> bool:
        return shown(self.after) == EMPTY

    @property
    def row(self) -> tuple[str, str, str]:
        """(label, before, after) as a preview shows it; a cleared field says so."""
        return (self.label, shown(self.before), "cleared" if self.clears else shown(self.after))

    def __str__(self) -> str:
        label, before, after = self.row
        return f"{label}: {before} → {after}"


def label_of(model, name: str) -> str:
    """A field's label as people read it: its verbose name, capitalised."""
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):
        label = name.replace("_", " ")
    return label[:1].upper() + label[1:]


def carried(values: dict, names) -> dict:
    """The fields of `names` the input carries: a column the file has, a key the request sent.
    Whatever it leaves out keeps its stored value."""
    return {name: values[name] for name in names if name in values}


def changes(record, wanted: dict, *, labels: dict | None = None) -> list[FieldChange]:
    """What `wanted` (field name → value, only the fields the input carries) would change in a
    stored record, in the order given; nothing for a record that already says it all."""
    found = []
    for name, value in wanted.items():
        before = getattr(record, name)
        if not same_value(before, value):
            label = (labels or {}).get(name) or label_of(type(record), name)
            found.append(FieldChange(name, label, before, value))
    return found


def changes_applied(record, wanted: dict, *, labels: dict | None = None) -> list[FieldChange]:
    """Put on the record only the fields that change, and move its version on if it has one;
    the caller validates and saves it when (and only when) the list is not empty."""
    found = changes(record, wanted, labels=labels)
    for change in found:
        setattr(record, change.name, change.after)
    if found and hasattr(record, "version"):
        record.version += 1
    return found


# Fields that count edits or stamp times: true, but not what anyone changed.
BOOKKEEPING = {"version", "updated_at", "created_at"}


def unsaved_changes(record) -> list[FieldChange]:
    """How a stored record, filled in by a form but not saved, differs from its row: every
    concrete field but the bookkeeping. A record not yet stored differs in everything."""
    model = type(record)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in BOOKKEEPING]
    if record.pk is None:
        return [FieldChange(f.name, label_of(model, f.name), None, getattr(record, f.attname)) for f in fields]
    stored = model._default_manager.filter(pk=record.pk).values(*(f.attname for f in fields)).first()
    if stored is None:
        return [FieldChange(f.name, label_of(model, f.name), None, getattr(record, f.attname)) for f in fields]
    return [
        FieldChange(f.name, label_of(model, f.name), stored[f.attname], getattr(record, f.attname))
        for f in fields
        if not same_value(stored[f.attname], getattr(record, f.attname))
    ]


def upsert(manager, *, defaults: dict, **lookup) -> tuple[object, str]:
    """update_or_create under the rule: the record `lookup` finds is changed only in the fields of
    `defaults` that differ, and not saved at all when none do. Returns the record and what was
    done: "create", "change" or "unchanged". Takes a manager or queryset, so that a data
    migration can pass its historical model's."""
    record = manager.filter(**lookup).first()
    if record is None:
        return manager.create(**lookup, **defaults), "create"
    if changes_applied(record, defaults):
        record.save()
        return record, "change"
    return record, "unchanged"
