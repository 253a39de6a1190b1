"""The one rule for case references: pseudonymous, so never a name and never a date of birth."""

import pytest
from django.core.exceptions import ValidationError

from performance.models.references import embedded_date, validate_case_reference


@pytest.mark.parametrize(
    "reference",
    ["BR-2015-001", "YOS/1234", "LW-17-0042", "LT2017-163", "SW_0001", "LW-100001", "A1-2-3", "YOS/123456"],
)
def test_a_case_number_with_a_year_or_a_serial_is_a_reference(reference):
    validate_case_reference(reference)


@pytest.mark.parametrize(
    ("reference", "found"),
    [
        ("JS-01-05-2009", "01-05-2009"),
        ("JS/1/5/09", "1/5/09"),
        ("KM-2009-05-01", "2009-05-01"),
        ("JS01052009", "01052009"),  # day, month, year
        ("KM-20090501", "20090501"),  # year, month, day
        ("LW-20090501", "20090501"),
        ("AB_31-12-08", "31-12-08"),
        ("JS010509", "010509"),  # day, month, year
        ("KM-090501", "090501"),  # year, month, day
        ("LW/311299", "311299"),
    ],
)
def test_a_reference_holding_a_date_of_birth_is_refused_and_says_why(reference, found):
    assert embedded_date(reference) == found
    with pytest.raises(ValidationError, match=rf"holds a date \({found}\): a child's date of birth is never"):
        validate_case_reference(reference)


@pytest.mark.parametrize("reference", ["John Smith", "Smith", "js", ""])
def test_a_name_is_refused(reference):
    with pytest.raises(ValidationError, match="never a name"):
        validate_case_reference(reference)


def test_numbers_that_cannot_be_a_date_are_left_alone():
    assert embedded_date("LW-99-99-2009") is None  # no 99th month
    assert embedded_date("BR-2015-13-40") is None
    assert embedded_date("LW-12345678") is None
    assert embedded_date("LW-123456") is None  # 12/34/56 and 56/34/12: no 34th month
    assert embedded_date("LW-010560") is None  # 1 May 1960: no child's birth year


@pytest.mark.parametrize("reference", ["LW-12345678", "YOS/99999999", "BR00000001", "SW-10000000", "LW-31139999"])
def test_an_eight_digit_serial_that_reads_as_no_date_is_a_reference(reference):
    validate_case_reference(reference)


@pytest.mark.parametrize(
    ("reference", "found"),
    [("AB29022008", "29022008"), ("AB-20080229", "20080229"), ("CD31122025X", "31122025"), ("EF-19800101", "19800101")],
)
def test_an_eight_digit_date_either_way_round_is_refused_leap_days_included(reference, found):
    with pytest.raises(ValidationError, match=rf"holds a date \({found}\)"):
        validate_case_reference(reference)


def test_an_eight_digit_run_on_a_day_no_calendar_has_is_left_alone():
    assert embedded_date("AB29022009") is None  # 2009 was no leap year
    assert embedded_date("AB-20090230") is None
