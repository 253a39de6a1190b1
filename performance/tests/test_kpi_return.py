"""The YJB KPI return: each KPI and sub-measure is one count over another (performance/kpi_return.py)."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from performance import kpi_return
from performance.catalogue_data import INDICATORS
from performance.models import Indicator, Measurement, TrackedIndicator

pytestmark = pytest.mark.django_db

QUARTER = datetime.date(2024, 4, 1)

# A worked example: one quarter of a small service.
COUNTS = {
    "orders_ended": 20,
    "accommodation_end": 18,
    "ete_end": 12,
    "mh_need": 8,
    "sm_need": 5,
    "wider_services": 9,
    "released": 4,
    "accommodation_release": 3,
    "ete_release": 2,
    "send_identified": 6,
    "send_plan": 3,
    "send_ete_plan": 2,
    "mh_offered": 6,
    "mh_attending": 3,
    "sm_offered": 4,
    "sm_attending": 2,
    "oocd_ended": 10,
    "oocd_completed": 9,
    "caseload": 50,
    "sv_convicted": 3,
    "victims": 30,
    "victims_consented": 12,
    "victims_rj": 3,
    "victims_views": 9,
    "victims_informed": 6,
    "victims_support": 4,
}
EXPECTED = {
    "KPI1_ACCOMMODATION": (18, 20, "90.0"),  # in suitable accommodation at the end / orders ended
    "KPI1_ACCOMMODATION_CUSTODY": (3, 4, "75.0"),  # of those released from custody
    "KPI2_ETE": (12, 20, "60.0"),
    "KPI2_ETE_CUSTODY": (2, 4, "50.0"),
    "KPI3_SEND": (3, 6, "50.0"),  # a formal plan / identified SEND
    "KPI3_SEND_ETE": (2, 6, "33.3"),
    "KPI4_MENTAL_HEALTH": (8, 20, "40.0"),  # the cascade: need / orders ended,
    "KPI4_MH_OFFERED": (6, 8, "75.0"),  # offered / need,
    "KPI4_MH_ATTENDING": (3, 6, "50.0"),  # attending / offered
    "KPI5_SUBSTANCE_MISUSE": (5, 20, "25.0"),
    "KPI5_SM_OFFERED": (4, 5, "80.0"),
    "KPI5_SM_ATTENDING": (2, 4, "50.0"),
    "KPI6_OOCD": (9, 10, "90.0"),
    "KPI8_WIDER_SERVICES": (9, 20, "45.0"),
    "KPI9_SERIOUS_VIOLENCE": (3, 50, "6.0"),  # convicted of serious violence / caseload
    "KPI10_VICTIMS": (3, 12, "25.0"),  # engaged in restorative justice / consented to contact
    "KPI10_VICTIMS_CONSENT": (12, 30, "40.0"),
    "KPI10_VICTIMS_VIEWS": (9, 12, "75.0"),
    "KPI10_VICTIMS_INFORMED": (6, 12, "50.0"),
    "KPI10_VICTIMS_SUPPORT": (4, 12, "33.3"),
}


@pytest.fixture
def tracking(organisation):
    for code in kpi_return.FORMULAS:
        TrackedIndicator.objects.get_or_create(organisation=organisation, indicator=Indicator.objects.get(code=code))
    return organisation


def test_every_kpi_measure_but_the_boards_has_a_formula_of_the_return_s_counts():
    kpis = {i["code"] for i in INDICATORS if i["category"] == "yjb_kpis"}
    assert set(kpi_return.FORMULAS) == kpis - {"KPI7_BOARD_ATTENDANCE", "KPI7_DISPROPORTIONALITY_DATA"}
    assert set(EXPECTED) == set(kpi_return.FORMULAS)


@pytest.mark.parametrize(("code", "expected"), EXPECTED.items())
def test_each_kpi_measure_is_its_count_over_the_count_the_guidance_divides_by(tracking, code, expected):
    kpi_return.kpi_return_record(organisation=tracking, quarter=QUARTER, counts=COUNTS)
    m = Measurement.objects.get(organisation=tracking, indicator__code=code, period=QUARTER)
    assert (int(m.numerator), int(m.denominator), f"{m.value:.1f}") == expected
    assert m.source == "YJB KPI return"


def test_a_count_larger_than_the_count_it_is_part_of_is_refused_and_nothing_is_recorded(tracking):
    with pytest.raises(ValidationError) as refused:
        kpi_return.kpi_return_record(organisation=tracking, quarter=QUARTER, counts={**COUNTS, "mh_attending": 7})
    assert refused.value.messages == [
        "Children attending a mental health or wellbeing intervention (7) cannot be more than children with a "
        "planned or offered mental health or wellbeing intervention (6)."
    ]
    assert not Measurement.objects.exists()


def test_a_count_left_empty_records_none_of_the_measures_it_feeds(tracking):
    kpi_return.kpi_return_record(organisation=tracking, quarter=QUARTER, counts={**COUNTS, "mh_offered": None})
    recorded = set(Measurement.objects.values_list("indicator__code", flat=True))
    assert {"KPI4_MH_OFFERED", "KPI4_MH_ATTENDING"}.isdisjoint(recorded) and "KPI4_MENTAL_HEALTH" in recorded


def test_a_quarter_with_no_children_counted_records_no_percentage(tracking):
    kpi_return.kpi_return_record(organisation=tracking, quarter=QUARTER, counts={"released": 0, "ete_release": 0})
    assert not Measurement.objects.exists()


def test_only_the_measures_the_service_tracks_are_recorded(organisation):
    TrackedIndicator.objects.filter(organisation=organisation).delete()
    TrackedIndicator.objects.create(organisation=organisation, indicator=Indicator.objects.get(code="KPI6_OOCD"))
    written = kpi_return.kpi_return_record(organisation=organisation, quarter=QUARTER, counts=COUNTS)
    assert [m.indicator.code for m in written] == ["KPI6_OOCD"]


def test_the_return_starts_from_the_counts_its_values_were_made_of(tracking):
    kpi_return.kpi_return_record(organisation=tracking, quarter=QUARTER, counts=COUNTS)
    assert kpi_return.kpi_return_counts(tracking, QUARTER) == COUNTS


def test_a_manager_records_a_quarter_from_the_page_and_sees_its_values(client, manager, tracking):
    client.force_login(manager)
    page = reverse("performance:kpi_return", kwargs={"org": tracking.slug})
    data = {key: value for key, value in COUNTS.items()} | {"quarter": "2024-05-10"}
    response = client.post(page, data)
    assert response.status_code == 302 and response["Location"].endswith("?quarter=2024-04-01")
    html = client.get(response["Location"]).content.decode()
    assert 'data-code="KPI4_MH_ATTENDING"' in html and "3 / 6" in html
    assert Measurement.objects.get(indicator__code="KPI10_VICTIMS").value == D("25")


def test_the_page_marks_the_count_that_contradicts_another(client, manager, tracking):
    client.force_login(manager)
    page = reverse("performance:kpi_return", kwargs={"org": tracking.slug})
    response = client.post(page, {"quarter": "2024-04-01", "oocd_ended": 3, "oocd_completed": 4})
    html = response.content.decode()
    assert "Nothing was recorded" in html and "cannot be more than children whose out-of-court" in html
    assert not Measurement.objects.exists()


def test_a_board_member_cannot_record_the_return(client, board_member, tracking):
    client.force_login(board_member)
    page = reverse("performance:kpi_return", kwargs={"org": tracking.slug})
    assert client.post(page, {"quarter": "2024-04-01", **COUNTS}).status_code == 403
    assert not Measurement.objects.exists()


def test_the_quarters_run_from_this_one_back_to_april_2023_when_the_kpis_began():
    quarters = kpi_return.kpi_return_quarters(datetime.date(2026, 12, 7))
    assert quarters[0] == datetime.date(2026, 10, 1) and quarters[-1] == datetime.date(2023, 4, 1)
    assert len(quarters) == 15 and quarters == sorted(quarters, reverse=True)


def test_the_page_lists_april_2023_as_its_oldest_quarter(client, manager, tracking):
    client.force_login(manager)
    html = client.get(reverse("performance:kpi_return", kwargs={"org": tracking.slug})).content.decode()
    options = html[html.index('id="quarter"') : html.index("</select>")]
    assert options.rstrip().endswith('<option value="2023-04-01">April to June 2023</option>')
    assert "2023-01-01" not in options
