"""The ranges every integer and date is held to: said in words, kept by a named check constraint a
field, and applied to every date an importer reads."""

import datetime

from django.db.models import Q

from yos_tracker.imports import dates_of
from yos_tracker.ranges import DATES, MONTHS, PERIODS, Range, in_range, shown


def test_a_range_says_itself_in_words():
    assert DATES.message == "Enter a date from 1 January 1998 to 31 December 9998."
    assert MONTHS.message == "Enter a date from 1 January 1998 to 1 December 9998."
    assert PERIODS.message == "Enter a date from 1 April 1997 to 1 December 9998."  # the year holding 1998's January
    assert Range(0, 999_999).message == "Enter a whole number from 0 to 999,999."
    assert Range(1, 90, "days").message == "Enter a number of days from 1 to 90."


def test_a_range_holds_its_bounds_and_nothing_past_them():
    days = Range(1, 3650)
    assert [n in days for n in (0, 1, 3650, 3651, 2**31)] == [False, True, True, False, False]
    assert datetime.date(9998, 12, 31) in DATES and datetime.date(9999, 1, 1) not in DATES
    assert [days.nearest(n) for n in (-(2**63), 7, 2**63)] == [1, 7, 3650]


def test_each_ranged_field_has_a_check_constraint_of_its_own_named_for_it_with_the_ranges_words():
    days, dates = in_range("plan", stale_after_days=Range(1, 3650, "days"), period_end=DATES)
    assert (days.name, days.condition) == ("plan_stale_after_days_in_range", Q(stale_after_days__range=(1, 3650)))
    assert days.violation_error_message == "Enter a number of days from 1 to 3,650."
    assert dates.name == "plan_period_end_in_range"


def test_a_date_shown_in_a_message_has_its_year_in_four_digits():
    assert [shown(day) for day in (datetime.date(1, 1, 1), datetime.date(9999, 12, 31))] == ["01/01/0001", "31/12/9999"]


def test_an_importer_reports_a_date_outside_the_range_by_its_column_and_leaves_it_out():
    errors = []
    found = dates_of(
        {"due_date": "31/12/9999", "start_date": "0001-01-01", "raised_on": "31/12/9998"},
        ["due_date", "start_date", "raised_on"],
        {"due_date": "Due date", "start_date": "Start date", "raised_on": "Date raised"},
        lambda key, message: errors.append((key, message)),
    )
    assert found == {"raised_on": datetime.date(9998, 12, 31)}
    assert errors == [
        ("due_date", "due date 31/12/9999 is out of range: give a date from 01/01/1998 to 31/12/9998"),
        ("start_date", "start date 01/01/0001 is out of range: give a date from 01/01/1998 to 31/12/9998"),
    ]
