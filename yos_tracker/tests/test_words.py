"""Counts in messages take the number their noun needs: “1 risk added”, never “1 risks added”."""

import pytest

from yos_tracker.imports import ImportResult, PlannedRow
from yos_tracker.words import counted


@pytest.mark.parametrize(("number", "expected"), [(0, "0 risks"), (1, "1 risk"), (2, "2 risks"), (1200, "1,200 risks")])
def test_a_count_names_its_noun_in_the_number_it_takes(number, expected):
    assert counted(number, "risk") == expected


def test_an_irregular_plural_is_given():
    assert counted(1, "person", "people") == "1 person"
    assert counted(3, "person", "people") == "3 people"


def _result(noun, kinds):
    return ImportResult(
        noun=noun, columns=[], rows=[PlannedRow(row=i + 2, label=str(i), kind=k) for i, k in enumerate(kinds)]
    )


def test_an_import_adding_one_risk_says_one_risk():
    assert _result("risks", ["create", "change"]).summary == "1 risk added, 1 changed, 0 unchanged."


def test_an_import_adding_several_says_so_in_the_plural():
    assert _result("values", ["create", "create"]).summary == "2 values added, 0 changed, 0 unchanged."
    assert _result("audits", []).summary == "0 audits added, 0 changed, 0 unchanged."
