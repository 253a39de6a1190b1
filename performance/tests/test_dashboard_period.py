"""The period the dashboard opens on, the age of an older value beside it, and every comparator
a service records (issue #32, item 4)."""

import datetime
from collections import Counter

import pytest
from django.urls import reverse

from performance import selectors
from performance.choices import ComparatorKind
from performance.models import Comparator
from performance.tests.factories import MeasurementFactory, TrackedFactory, indicator
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten

D = datetime.date
JANUARY, MARCH, APRIL, MAY = D(2017, 1, 1), D(2017, 3, 1), D(2017, 4, 1), D(2017, 5, 1)
MONTHLY = ["CUSTODY_COUNT", "REMAND_NIGHTS", "EET_END_ORDER"]


def url(name, **kwargs):
    return reverse(f"performance:{name}", kwargs={"org": "lewisham", **kwargs})


def row_of(html: str, code: str) -> str:
    row = html[html.index(f'data-indicator="{code}"') :]
    return row[: row.index("</tr>")]


@pytest.fixture
def march_with_one_april_value(organisation):
    """Three monthly indicators with March's values in, and one value entered early for April."""
    for code in MONTHLY:
        TrackedFactory(organisation=organisation, indicator=indicator(code))
        MeasurementFactory(organisation=organisation, indicator=indicator(code), period=MARCH, value=20)
    MeasurementFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), period=APRIL, value=21)


def opening(frequencies: dict[int, str], reported: set, periods: list) -> datetime.date | None:
    """opening_period given the (indicator, period) pairs that have a value, counted as the
    dashboard's one query counts them: per period and frequency."""
    counts = Counter((when, frequencies[pk]) for pk, when in reported if pk in frequencies)
    return selectors.opening_period(frequencies, counts, periods)


class TestOpeningPeriod:
    def test_it_is_the_latest_month_most_indicators_have_values_for(self):
        reported = {(1, MARCH), (2, MARCH), (3, MARCH), (1, APRIL)}
        assert opening(dict.fromkeys([1, 2, 3], "monthly"), reported, [APRIL, MARCH]) == MARCH

    def test_half_of_the_indicators_is_not_most(self):
        reported = {(1, MARCH), (2, MARCH), (1, APRIL)}
        assert opening(dict.fromkeys([1, 2], "monthly"), reported, [APRIL, MARCH]) == MARCH

    def test_a_quarterly_figure_counts_in_each_month_of_its_quarter(self):
        frequencies = {1: "monthly", 2: "quarterly", 3: "annual"}
        reported = {(1, MARCH), (2, JANUARY), (1, APRIL)}
        assert opening(frequencies, reported, [APRIL, MARCH, JANUARY]) == MARCH

    def test_with_no_month_most_indicators_have_values_for_it_is_the_latest_of_the_fullest(self):
        frequencies = dict.fromkeys([1, 2, 3, 4, 5], "monthly")
        reported = {(1, JANUARY), (2, JANUARY), (1, MARCH), (2, MARCH), (1, APRIL)}
        assert opening(frequencies, reported, [APRIL, MARCH, JANUARY]) == MARCH
        assert opening(frequencies, set(), [MARCH, APRIL]) == APRIL
        assert opening(frequencies, set(), []) is None


class TestDashboardPeriod:
    def test_it_opens_on_the_latest_month_most_indicators_have_values_for(
        self, client, board_member, march_with_one_april_value
    ):
        client.force_login(board_member)
        html = client.get(url("index")).content.decode()
        assert '<option value="2017-03-01" selected>' in html
        assert ">20<" in row_of(html, "REMAND_NIGHTS") and "No data" not in row_of(html, "EET_END_ORDER")
        assert 'href="?period=2017-04-01">Latest month: April 2017</a>' in html  # one click away

    def test_a_period_chosen_is_shown_though_most_indicators_have_no_value_for_it(
        self, client, board_member, march_with_one_april_value
    ):
        client.force_login(board_member)
        html = client.get(url("index"), {"period": "2017-04-01"}).content.decode()
        assert '<option value="2017-04-01" selected>' in html
        assert ">21<" in row_of(html, "CUSTODY_COUNT")
        assert "Latest month:" not in html

    def test_an_older_value_shows_its_own_period(self, client, board_member, organisation, march_with_one_april_value):
        client.force_login(board_member)
        html = client.get(url("index"), {"period": "2017-04-01"}).content.decode()
        expected = '<span class="visually-hidden">value for </span>Mar 2017'
        assert expected in row_of(html, "REMAND_NIGHTS")
        assert "an earlier period" in row_of(html, "REMAND_NIGHTS")
        assert "value for" not in row_of(html, "CUSTODY_COUNT")  # April's own value
        assert "an earlier period" not in row_of(html, "CUSTODY_COUNT")

    def test_a_quarterly_value_is_not_older_than_a_month_of_its_quarter(self, client, board_member, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"))
        MeasurementFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"), period=JANUARY, value=40)
        client.force_login(board_member)
        html = client.get(url("index"), {"period": "2017-03-01"}).content.decode()
        assert "value for" not in row_of(html, "REOFF_BINARY")

    def test_a_periods_page_never_reads_a_later_value(self, client, board_member, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("REMAND_NIGHTS"))
        MeasurementFactory(organisation=organisation, indicator=indicator("REMAND_NIGHTS"), period=JANUARY, value=7)
        MeasurementFactory(organisation=organisation, indicator=indicator("REMAND_NIGHTS"), period=MAY, value=99)
        client.force_login(board_member)
        row = row_of(client.get(url("index"), {"period": "2017-04-01"}).content.decode(), "REMAND_NIGHTS")
        assert ">7<" in row and "99" not in row and "value for </span>Jan 2017" in row


@pytest.fixture
def three_comparators(organisation, march_with_one_april_value):
    for kind, value in [
        (ComparatorKind.ENGLAND_WALES, 35),
        (ComparatorKind.LONDON, 41),
        (ComparatorKind.YOT_FAMILY, 38),
    ]:
        Comparator.objects.create(
            organisation=organisation, indicator=indicator("CUSTODY_COUNT"), period=MARCH, kind=kind, value=value
        )


class TestComparators:
    def test_every_comparator_recorded_is_named_on_the_dashboard_row(self, client, board_member, three_comparators):
        client.force_login(board_member)
        row = row_of(client.get(url("index"), {"period": "2017-03-01"}).content.decode(), "CUSTODY_COUNT")
        london, family, england = (row.index(name) for name in ("London", "YOT family", "England and Wales"))
        assert london < family < england
        assert ">41<" in row and ">38<" in row and ">35<" in row

    def test_a_comparator_of_an_earlier_period_than_the_value_is_dated(
        self, client, board_member, organisation, three_comparators
    ):
        client.force_login(board_member)
        row = row_of(client.get(url("index"), {"period": "2017-04-01"}).content.decode(), "CUSTODY_COUNT")
        assert "London <span" in row and "(Mar 2017)" in row

    def test_every_comparator_recorded_is_named_on_the_indicator_page(self, client, board_member, three_comparators):
        client.force_login(board_member)
        html = client.get(url("indicator_detail", code="CUSTODY_COUNT")).content.decode()
        for name in ("London", "YOT family", "England and Wales"):
            assert f'<th scope="col" class="text-end comparator">{name}</th>' in html
            assert f">{name}</text>" in html  # and in the chart's legend


def test_the_dashboard_makes_as_many_queries_for_ten_indicators_as_for_two(client, board_member, organisation):
    """Opened without a period (so choosing one), with a year of values and three comparators each."""
    codes = ["CUSTODY_COUNT", "REMAND_NIGHTS", "EET_END_ORDER", "FTE_COUNT", "REOFF_BINARY", "FTE_RATE"]
    codes += ["EET_CASELOAD", "EET_ATTENDANCE", "ACCOM_END_ORDER", "MH_IDENTIFIED"]

    def add_row(n):
        TrackedFactory(organisation=organisation, indicator=indicator(codes[n]))
        for month in range(1, 13):
            MeasurementFactory(organisation=organisation, indicator=indicator(codes[n]), period=D(2016, month, 1))
        for kind in ComparatorKind.values:
            Comparator.objects.create(
                organisation=organisation, indicator=indicator(codes[n]), period=D(2016, 12, 1), kind=kind, value=30
            )

    client.force_login(board_member)
    few, many = queries_with_two_rows_and_ten(client, url("index"), add_row)
    assert few == many
