"""What people read about the indicators: the catalogue's order (KPI 1 before KPI 10) on every list,
and clean text on every page, with the choices the YJB's guidance leaves open and the measures whose
wording could not be checked said in words. The cited sources are for administrators alone."""

import re

import pytest
from django.urls import reverse

from performance.catalogue_data import INDICATORS
from performance.models import Indicator, TrackedIndicator
from yos_tracker.choices import Role

pytestmark = pytest.mark.django_db

KPI_CODES = [i["code"] for i in INDICATORS if i["category"] == "yjb_kpis"]
# What a developer leaves in text and a user must never read: source markers ([G], [W]), review
# notes, file paths and the names of code.
MARKERS = re.compile(
    r"\[[A-Z]\]|re-read|\w+\.py\b|\b(?:governance|performance|improvement|yos_tracker)/\w|KPI7_(?:PARTNERS|ATTENDED)"
    r"|choices\.|catalogue_data|issue #\d"
)


def visible_text(html: str) -> str:
    """The words a page shows: its markup and attributes (addresses, ids) dropped."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def in_order(html: str, *needles: str) -> bool:
    places = [html.index(needle) for needle in needles]
    return places == sorted(places)


def track(organisation, codes):
    for order, code in enumerate(codes):
        TrackedIndicator.objects.create(
            organisation=organisation, indicator=Indicator.objects.get(code=code), order=order
        )


def test_the_kpis_list_in_the_catalogues_order_so_kpi_1_comes_before_kpi_10():
    listed = list(Indicator.objects.filter(category__code="yjb_kpis").values_list("code", flat=True))
    assert listed == KPI_CODES
    assert listed.index("KPI1_ACCOMMODATION") < listed.index("KPI2_ETE") < listed.index("KPI10_VICTIMS")


def test_a_services_own_indicator_follows_the_catalogues_own_in_its_category(organisation):
    kpis = Indicator.objects.get(code="KPI1_ACCOMMODATION").category
    Indicator.objects.create(
        organisation=organisation,
        code="A_LOCAL_KPI",
        name="A local measure",
        category=kpis,
        scope="local",
        unit="percent",
        polarity="higher_better",
        frequency="quarterly",
    )
    listed = list(Indicator.objects.available_to(organisation).filter(category=kpis).values_list("code", flat=True))
    assert listed == [*KPI_CODES, "A_LOCAL_KPI"]


def test_the_catalogue_page_lists_kpi_1_before_kpi_2_and_kpi_10(client, manager, organisation):
    client.force_login(manager)
    html = client.get(reverse("performance:catalogue", kwargs={"org": organisation.slug})).content.decode()
    assert in_order(html, 'id="KPI1_ACCOMMODATION"', 'id="KPI1_ACCOMMODATION_CUSTODY"', 'id="KPI2_ETE"')
    assert in_order(html, 'id="KPI9_SERIOUS_VIOLENCE"', 'id="KPI10_VICTIMS"')


def test_kpis_ticked_together_on_the_catalogue_join_the_dashboard_as_kpi_1_then_kpi_10(client, manager, organisation):
    client.force_login(manager)
    ticked = [Indicator.objects.get(code=code).pk for code in ("KPI10_VICTIMS", "KPI2_ETE", "KPI1_ACCOMMODATION")]
    client.post(
        reverse("performance:catalogue_track", kwargs={"org": organisation.slug}),
        {"indicators": ticked, "tracked": "on"},
    )
    html = client.get(reverse("performance:index", kwargs={"org": organisation.slug})).content.decode()
    assert in_order(html, "/indicators/KPI1_ACCOMMODATION/", "/indicators/KPI2_ETE/", "/indicators/KPI10_VICTIMS/")


def test_the_kpi_return_shows_its_values_from_kpi_1_to_kpi_10(client, manager, organisation):
    track(organisation, list(reversed(KPI_CODES)))
    client.force_login(manager)
    page = reverse("performance:kpi_return", kwargs={"org": organisation.slug})
    client.post(page, {"quarter": "2024-04-01", "orders_ended": 10, "accommodation_end": 9, "ete_end": 8})
    html = client.get(f"{page}?quarter=2024-04-01").content.decode()
    assert in_order(html, 'data-code="KPI1_ACCOMMODATION"', 'data-code="KPI2_ETE"', 'data-code="KPI10_VICTIMS"')


@pytest.mark.parametrize("role", [Role.MANAGER, Role.ADMINISTRATOR, Role.BOARD_MEMBER])
def test_no_indicator_page_shows_a_note_marker_or_source_to_a_service_member(client, make_member, organisation, role):
    """A service's own administrator manages its members, not the catalogue: no source for them either."""
    codes = [i["code"] for i in INDICATORS]
    track(organisation, codes)
    client.force_login(make_member(organisation, role, f"someone-{role}"))
    pages = [reverse("performance:catalogue", kwargs={"org": organisation.slug})]
    pages += [reverse("performance:indicator_detail", kwargs={"org": organisation.slug, "code": c}) for c in codes]
    for page in pages:
        text = visible_text(client.get(page).content.decode())
        assert not MARKERS.search(text), (page, MARKERS.search(text))
        assert "Source" not in text and "gov.uk/guidance" not in text, page


def test_an_installation_administrator_reads_the_cited_source_on_the_indicator_page(client, manager, organisation):
    track(organisation, ["KPI1_ACCOMMODATION"])
    manager.is_staff = True
    manager.save()
    client.force_login(manager)
    page = reverse("performance:indicator_detail", kwargs={"org": organisation.slug, "code": "KPI1_ACCOMMODATION"})
    text = visible_text(client.get(page).content.decode())
    assert (
        'Source (shown to administrators): YJB, "Key performance indicators for youth justice services", GOV.UK '
        "guidance, https://www.gov.uk/guidance/key-performance-indicators-for-youth-justice-services"
    ) in text.replace("&quot;", '"')
    assert not MARKERS.search(text)


@pytest.mark.parametrize("data", [i for i in INDICATORS if i["category"] == "yjb_kpis"], ids=lambda i: i["code"])
def test_every_kpi_cites_its_source_by_title_and_address_without_notes(data):
    assert re.search(r'"[A-Z][^"]+"', data["source"]) and re.search(r"https?://\S+", data["source"])
    assert not MARKERS.search(data["source"] + data["definition"] + data["guidance_open"])


@pytest.mark.parametrize("data", INDICATORS, ids=lambda i: i["code"])
def test_every_indicator_cites_a_document_by_title_or_says_it_is_unverified_or_our_own(data):
    cited = re.search(r'"[A-Z][^"]+"', data["source"])
    assert cited or data.get("unverified") or data["source"].startswith("This application's own measure")
    assert not MARKERS.search(data["source"] + data["definition"])


def test_a_choice_the_guidance_leaves_open_is_said_on_the_indicators_page(client, manager, organisation):
    track(organisation, ["KPI9_SERIOUS_VIOLENCE", "KPI1_ACCOMMODATION"])
    client.force_login(manager)
    url = "performance:indicator_detail"
    violence = client.get(reverse(url, kwargs={"org": organisation.slug, "code": "KPI9_SERIOUS_VIOLENCE"}))
    accommodation = client.get(reverse(url, kwargs={"org": organisation.slug, "code": "KPI1_ACCOMMODATION"}))
    assert "The guidance leaves open: what the count of children convicted is divided by." in violence.content.decode()
    assert "Unverified" in violence.content.decode()
    assert "The guidance leaves open" not in accommodation.content.decode()
    assert "Unverified" not in accommodation.content.decode()


def test_kpi_7_says_how_a_deputy_counts_as_a_choice_the_guidance_leaves_open():
    kpi7 = Indicator.objects.get(code="KPI7_BOARD_ATTENDANCE")
    assert "whether a deputy's attendance counts" in kpi7.guidance_open
    assert "a place filled by a deputy is recorded but counts as not attended in person" in kpi7.guidance_open
