"""How a value's change on the year before is said (Indicator.format_change)."""

from decimal import Decimal as D

import pytest

from performance.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "current", "earlier", "said"),
    [
        ("REOFF_BINARY", D("39.7436"), D("56.3218"), "−16.6 points"),  # a percentage moves in points
        ("FTE_RATE", D("476.0062"), D("626.9350"), "−24.1%"),  # a rate, as a share of the year before
        ("CUSTODY_COUNT", D("23"), D("44"), "−47.7%"),
        ("CUSTODY_COUNT", D("30"), D("24"), "+25.0%"),
        ("CUSTODY_COUNT", D("24"), D("24"), "±0.0%"),
        ("CUSTODY_COUNT", D("3"), D("0"), ""),  # no share of nothing
        ("CUSTODY_COUNT", D("3"), None, ""),
    ],
)
def test_a_change_on_the_year_before_is_said_in_points_or_as_a_share(code, current, earlier, said):
    assert Indicator.objects.get(code=code).format_change(current, earlier) == said
