"""The one rule every way in follows when it changes a stored record (yos_tracker.records): what
the input leaves out is kept, an input identical to what is stored changes nothing, and what
changes is told as before → after."""

import datetime
from decimal import Decimal

import pytest

from yos_tracker import records
from yos_tracker.models import Organisation
from yos_tracker.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "stored, given",
    [
        ("Plan\nthen report", "Plan\r\nthen report"),  # a worksheet's LF, a browser's CRLF
        (Decimal("15.0000"), Decimal(15)),
        (None, None),
        (datetime.date(2017, 3, 31), datetime.date(2017, 3, 31)),
    ],
)
def test_what_counts_as_the_same_value(stored, given):
    assert records.same_value(stored, given)


@pytest.mark.parametrize("stored, given", [("", None), ("a", "a "), (Decimal("15"), Decimal("15.1")), (0, None)])
def test_what_counts_as_another_value(stored, given):
    assert not records.same_value(stored, given)


def test_a_record_and_its_key_name_the_same_record():
    person = UserFactory()
    assert records.same_value(person, person.pk) and not records.same_value(person, None)


def test_only_the_fields_the_input_carries_are_compared():
    assert records.carried({"note": "", "value": 3}, ("note", "source")) == {"note": ""}


def test_changes_name_each_field_with_its_label_and_values():
    organisation = OrganisationFactory(name="Lewisham YOS", region="London")
    found = records.changes(organisation, {"name": "Lewisham YJS", "region": "London", "local_authority": ""})
    assert [str(change) for change in found] == [
        "Name: Lewisham YOS → Lewisham YJS",
        f"Local authority: {organisation.local_authority} → cleared",
    ]
    assert found[1].clears and not found[0].clears


def test_a_change_moves_the_version_on_once():
    class Versioned:
        version = 3
        title = "Old"

    record = Versioned()
    assert [c.name for c in records.changes_applied(record, {"title": "New"})] == ["title"]
    assert (record.title, record.version) == ("New", 4)
    assert records.changes_applied(record, {"title": "New"}) == [] and record.version == 4


def test_unsaved_changes_compare_a_filled_in_record_with_its_row():
    organisation = OrganisationFactory(name="Lewisham YOS")
    copy = Organisation.objects.get(pk=organisation.pk)
    assert records.unsaved_changes(copy) == []
    copy.name = "Lewisham YJS"
    assert [(c.name, c.before, c.after) for c in records.unsaved_changes(copy)] == [
        ("name", "Lewisham YOS", "Lewisham YJS")
    ]
