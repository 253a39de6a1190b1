"""What a record of something that happened may be dated: from 1998, when youth offending teams
began, to today."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from yos_tracker.dates import refuse_future


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (datetime.date(1, 1, 1), "A review cannot be dated before 1998, when youth offending teams began."),
        (datetime.date(1997, 12, 31), "A review cannot be dated before 1998, when youth offending teams began."),
        (datetime.date(2999, 1, 1), "A review cannot be dated in the future."),
    ],
)
def test_a_date_outside_the_services_life_is_refused_with_why(day, message):
    with pytest.raises(ValidationError) as refused:
        refuse_future(day, what="A review", field="date")
    assert refused.value.message_dict == {"date": [message]}


@pytest.mark.parametrize("day", [datetime.date(1998, 1, 1), None])
def test_a_date_from_1998_to_today_is_accepted(day):
    refuse_future(day or timezone.localdate(), what="A review")
