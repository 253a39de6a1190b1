"""Performance in the API: the bulk feed of values (idempotent by indicator and period, all or
nothing, on the dashboard at once, history kept as the token's person), one value changed with
If-Match, and the live tracker's case events."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client

from performance import selectors
from performance.models import Case, Measurement
from performance.tests.factories import MeasurementFactory, TrackedFactory, indicator, local_indicator, outcome_kind
from yos_tracker.services import api_token_issue

BASE = "/api/v1/lewisham"


@pytest.fixture
def api(manager):
    return Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Feed')[1]}")


@pytest.fixture
def tracked(organisation):
    for code in ("CUSTODY_COUNT", "REOFF_BINARY"):
        TrackedFactory(organisation=organisation, indicator=indicator(code))


def _bulk(api, items):
    return api.post(f"{BASE}/measurements/bulk/", {"measurements": items}, content_type="application/json")


MONTHS = [{"indicator": "CUSTODY_COUNT", "period": f"2018-{m:02d}", "value": 20 + m} for m in range(1, 13)]


def test_a_bulk_feed_records_every_value_and_a_second_run_changes_nothing(api, tracked, organisation):
    first = _bulk(api, MONTHS)
    assert first.status_code == 200
    assert first.json() == {"create": 12, "change": 0, "unchanged": 0, "changes": []}
    versions = dict(Measurement.objects.values_list("period", "version"))
    assert _bulk(api, MONTHS).json() == {"create": 0, "change": 0, "unchanged": 12, "changes": []}
    assert dict(Measurement.objects.values_list("period", "version")) == versions
    assert Measurement.history.count() == 12


def test_fed_values_show_on_the_dashboard_for_their_period(api, tracked, organisation):
    _bulk(api, MONTHS)
    board = selectors.dashboard(organisation, datetime.date(2018, 6, 1))
    row = next(r for _, rows in board.groups for r in rows if r.indicator.code == "CUSTODY_COUNT")
    assert row.value == Decimal(26)
    shown = api.get(f"{BASE}/dashboard/", {"period": "2018-06-01"}).json()["rows"]
    assert Decimal(next(r for r in shown if r["indicator"] == "CUSTODY_COUNT")["value"]) == 26


def test_a_changed_value_is_replaced_with_a_new_version_and_history_as_the_tokens_person(
    api, tracked, organisation, manager
):
    MeasurementFactory(
        organisation=organisation,
        indicator=indicator("CUSTODY_COUNT"),
        period=datetime.date(2018, 1, 1),
        value=23,
        source="Police national computer",
    )
    answer = _bulk(api, MONTHS[:1]).json()
    assert (answer["create"], answer["change"], answer["unchanged"]) == (0, 1, 0)
    assert answer["changes"] == [
        {"item": 1, "reference": "CUSTODY_COUNT", "fields": [{"field": "Value", "before": "23", "after": "21"}]}
    ]
    value = Measurement.objects.get(period=datetime.date(2018, 1, 1))
    assert (value.value, value.version, value.entered_by) == (Decimal(21), 2, manager)
    assert value.source == "Police national computer"  # the item named no source: the stored one stays
    assert value.history.first().history_user == manager


def test_a_bulk_item_without_note_and_source_keeps_both_and_adds_no_history(api, tracked, organisation, manager):
    stored = MeasurementFactory(
        organisation=organisation,
        indicator=indicator("CUSTODY_COUNT"),
        period=datetime.date(2018, 1, 1),
        value=21,
        note="Provisional: police data to 28/11",
        source="Live tracker (computed from case records)",
        entered_by=manager,
    )
    history = Measurement.history.count()
    answer = _bulk(api, [{"indicator": "CUSTODY_COUNT", "period": "2018-01", "value": 21}]).json()
    assert (answer["change"], answer["unchanged"]) == (0, 1)
    value = Measurement.objects.get(pk=stored.pk)
    assert (value.note, value.source, value.version) == (
        "Provisional: police data to 28/11",
        "Live tracker (computed from case records)",
        1,
    )
    assert Measurement.history.count() == history


def test_an_empty_note_in_a_bulk_item_clears_it_and_the_answer_says_so(api, tracked, organisation):
    MeasurementFactory(
        organisation=organisation,
        indicator=indicator("CUSTODY_COUNT"),
        period=datetime.date(2018, 1, 1),
        value=21,
        note="Provisional",
    )
    answer = _bulk(api, [{"indicator": "CUSTODY_COUNT", "period": "2018-01", "value": 21, "note": ""}]).json()
    assert answer["changes"][0]["fields"] == [{"field": "Note", "before": "Provisional", "after": "cleared"}]
    assert Measurement.objects.get().note == ""


def test_a_new_value_with_no_source_named_comes_from_the_api(api, tracked):
    _bulk(api, MONTHS[:1])
    assert Measurement.objects.get().source == "API"


@pytest.fixture
def percentage(organisation):
    TrackedFactory(organisation=organisation, indicator=local_indicator(organisation))


def test_the_feed_takes_percentages_and_refuses_what_looks_like_fractions(api, percentage):
    fractions = [{"indicator": "EET_LOCAL", "period": f"2018-{m:02d}", "value": v} for m, v in ((1, 0.62), (2, 0.7))]
    refused = _bulk(api, fractions)
    assert refused.status_code == 400
    error = refused.json()["errors"][0]
    assert error["item"] == 0 and error["field"] == "percentages" and "62 for 62%" in error["message"]
    assert not Measurement.objects.exists()
    assert _bulk(api, [{**item, "value": item["value"] * 100} for item in fractions]).status_code == 200
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [Decimal(62), Decimal(70)]


def test_the_feed_reads_fractions_when_it_says_so(api, percentage):
    response = api.post(
        f"{BASE}/measurements/bulk/",
        {"percentages": "fraction", "measurements": [{"indicator": "EET_LOCAL", "period": "2018-01", "value": 0.62}]},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert Measurement.objects.get().value == Decimal(62)


def test_the_feed_refuses_an_unknown_reading_of_percentages(api, percentage):
    response = api.post(
        f"{BASE}/measurements/bulk/", {"percentages": "per mille", "measurements": []}, content_type="application/json"
    )
    assert response.status_code == 400 and "“percentages”" in response.json()["errors"][0]["message"]


def test_a_ratio_value_is_computed_from_its_two_parts(api, tracked):
    item = {"indicator": "REOFF_BINARY", "period": "2018-04-01", "numerator": 12, "denominator": 40}
    assert _bulk(api, [item]).status_code == 200
    assert Measurement.objects.get().value == Decimal(30)


def test_one_bad_item_writes_nothing_and_each_error_names_its_item_and_reference(api, tracked):
    items = [*MONTHS[:2], {"indicator": "NOPE", "period": "2018-01"}, {"indicator": "CUSTODY_COUNT", "period": "x"}]
    response = _bulk(api, items)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["item"], e["reference"]) for e in errors] == [(3, "NOPE"), (4, "CUSTODY_COUNT")]
    assert "not an indicator this service tracks" in errors[0]["message"]
    assert not Measurement.objects.exists()


def test_the_same_value_twice_in_one_feed_is_an_error_naming_both_items(api, tracked):
    errors = _bulk(api, [MONTHS[0], MONTHS[0]]).json()["errors"]
    assert errors[0]["item"] == 2 and "also row 1" in errors[0]["message"]


@pytest.mark.parametrize("period", ["0001-01-01", "9999-12-01", "1997-12"])
def test_a_period_out_of_reach_is_refused_and_nothing_is_stored(api, tracked, period):
    response = _bulk(api, [{"indicator": "CUSTODY_COUNT", "period": period, "value": 3}])
    assert response.status_code == 400
    assert "is out of range: give a period from 01/1998 to 12/9998" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_feed_that_is_not_a_list_or_too_long_is_refused_whole(api, tracked, settings):
    assert _bulk(api, {"indicator": "CUSTODY_COUNT"}).json()["errors"][0]["item"] == 0
    settings.API_BULK_MAX_ROWS = 5
    response = _bulk(api, MONTHS)
    assert response.status_code == 400 and "at most 5" in response.json()["errors"][0]["message"]


# --- One value, with If-Match -------------------------------------------------------------------------


@pytest.fixture
def value(organisation, tracked):
    return MeasurementFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))


def _patch(api, value, body, **headers):
    return api.patch(f"{BASE}/measurements/{value.pk}/", body, content_type="application/json", **headers)


def test_reading_a_value_gives_its_version_as_etag(api, value):
    assert api.get(f"{BASE}/measurements/{value.pk}/")["ETag"] == '"1"'


def test_a_change_naming_the_current_version_is_saved_with_the_next(api, value):
    response = _patch(api, value, {"value": 19}, HTTP_IF_MATCH='"1"')
    assert response.status_code == 200 and response["ETag"] == '"2"'
    value.refresh_from_db()
    assert value.value == 19


def test_a_change_naming_an_older_version_is_refused_with_412_and_nothing_is_saved(api, value):
    _patch(api, value, {"value": 19}, HTTP_IF_MATCH='"1"')
    stale = _patch(api, value, {"value": 40}, HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert "changed this value to 19" in stale.json()["detail"]
    value.refresh_from_db()
    assert value.value == 19


def test_a_change_without_if_match_is_refused_with_428(api, value):
    assert _patch(api, value, {"value": 19}).status_code == 428
    value.refresh_from_db()
    assert value.value == 23


# --- Case events ---------------------------------------------------------------------------------------


def test_case_events_add_cases_by_reference_and_a_resent_event_changes_nothing(api, organisation):
    outcome_kind(organisation)
    events = [
        {"reference": "LW-0042", "event": "outcome", "date": "2018-02-01", "kind": "conviction", "team": "Court"},
        {
            "reference": "LW-0042",
            "event": "reoffence",
            "date": "2018-05-01",
            "kind": "theft",
            "proven_date": "2018-06-01",
        },
    ]
    post = lambda: api.post(f"{BASE}/cases/events/", {"events": events}, content_type="application/json")  # noqa: E731
    assert post().json() == {"create": 2, "change": 0, "unchanged": 0, "changes": []}
    assert post().json() == {"create": 0, "change": 0, "unchanged": 2, "changes": []}
    case = Case.objects.get(reference="LW-0042")
    assert (case.team, case.outcomes.count(), case.reoffences.count()) == ("Court", 1, 1)
    listed = api.get(f"{BASE}/cases/", {"reference": "lw-0042"}).json()["results"][0]
    assert listed["outcomes"][0]["kind"] == "conviction" and listed["reoffences"][0]["offence_type"] == "theft"
