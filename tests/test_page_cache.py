"""The busiest pages keep their rendered content until the data changes (yos_tracker.page_cache):
a second visit does not compute the rows again, and any write, by any path, shows at once.

These tests commit for real (transactional), as the server's requests do: a write inside a
transaction not yet committed is never cached, so the ordinary rolled-back test would only ever
see pages rendered afresh."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from governance import services as governance_services
from governance.models import Risk
from governance.tests.factories import RiskFactory
from improvement.models import Action, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from performance.models import Indicator, Measurement
from performance.services import MeasurementEntry, measurements_upsert
from performance.tests.factories import MeasurementFactory, TrackedFactory, indicator
from yos_tracker import limits, page_cache
from yos_tracker.models import DataVersion, RateCount
from yos_tracker.services import api_token_issue
from yos_tracker.tests.processes import OwnRedis

pytestmark = pytest.mark.django_db(transaction=True)
MARCH, APRIL = datetime.date(2017, 3, 1), datetime.date(2017, 4, 1)


@pytest.fixture
def world(organisation):
    RagStatus.objects.install(organisation)
    governance_services.risk_matrix_install(organisation=organisation)
    TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
    MeasurementFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), period=MARCH, value=23)
    RiskFactory(organisation=organisation, number=1, title="Analytic capacity")
    plan = PlanFactory(organisation=organisation)
    ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="1.1", description="Audit plans")
    return plan


def _queries(client, url) -> tuple[str, int]:
    """The page's main content (outside it, each page carries a fresh CSRF token) and the queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")], len(queries)


PAGES = {
    "dashboard": lambda plan: "/lewisham/performance/",
    "plan": lambda plan: plan.get_absolute_url(),
    "risk register": lambda plan: "/lewisham/governance/risks/",
}


@pytest.mark.parametrize("page", PAGES)
def test_a_second_visit_is_served_from_the_cache_with_fewer_queries_and_the_same_page(client, manager, world, page):
    client.force_login(manager)
    url = PAGES[page](world)
    first, first_queries = _queries(client, url)
    again, again_queries = _queries(client, url)
    assert again == first
    assert again_queries < first_queries


def _dashboard_value(client) -> str:
    html = client.get("/lewisham/performance/").content.decode()
    row = html[html.index('data-indicator="CUSTODY_COUNT"') :]
    return row[: row.index("</tr>")]


def _saved(organisation) -> None:
    measurement = Measurement.objects.get(organisation=organisation)
    measurement.value = 41
    measurement.save()


WRITES = {
    "a form's save": _saved,
    "an update of many rows at once": lambda org: Measurement.objects.filter(organisation=org).update(value=41),
    "a bulk insert that skips conflicts": lambda org: Measurement.objects.bulk_create(
        [Measurement(organisation=org, indicator=indicator("CUSTODY_COUNT"), period=APRIL, value=41)],
        ignore_conflicts=True,
    ),
    "the API's bulk upsert": lambda org: measurements_upsert(
        organisation=org,
        entries=[
            MeasurementEntry(
                indicator("CUSTODY_COUNT"),
                MARCH,
                {"value": Decimal(41), "numerator": None, "denominator": None},
                {"source": "API"},
            )
        ],
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_value_written_by_any_path_is_on_the_dashboard_at_once(client, manager, organisation, world, write):
    client.force_login(manager)
    assert ">23<" in _dashboard_value(client)
    assert ">23<" in _dashboard_value(client)  # now from the cache
    WRITES[write](organisation)
    assert ">41<" in _dashboard_value(client)


def test_a_risk_retitled_and_an_action_added_show_at_once(client, manager, organisation, world):
    client.force_login(manager)
    client.get("/lewisham/governance/risks/")
    Risk.objects.filter(organisation=organisation).update(title="Loss of the analyst")
    assert "Loss of the analyst" in client.get("/lewisham/governance/risks/").content.decode()
    client.get(world.get_absolute_url())
    ActionFactory(recommendation=world.recommendations.get(), reference="1.2", description="Train the managers")
    assert "Train the managers" in client.get(world.get_absolute_url()).content.decode()


def test_each_role_gets_its_own_copy(client, manager, board_member, world):
    board = Client()
    client.force_login(manager)
    board.force_login(board_member)  # before either visit: signing in writes, which would re-render anyway
    version = page_cache.current_version()
    assert "Enter values" in client.get("/lewisham/performance/").content.decode()
    assert "Enter values" not in board.get("/lewisham/performance/").content.decode()
    assert page_cache.current_version() == version  # the board member's copy came from no write


def test_the_filters_in_the_address_get_their_own_copy(client, manager, world):
    client.force_login(manager)
    assert 'data-risk="1"' in client.get("/lewisham/governance/risks/").content.decode()
    assert 'data-risk="1"' not in client.get("/lewisham/governance/risks/?owner=Nobody").content.decode()


def test_a_transaction_that_has_written_sees_no_cached_part_until_it_commits(world):
    before = page_cache.current_version()
    assert before is not None
    with transaction.atomic():
        Action.objects.update(description="Changed, not yet committed")
        assert page_cache.current_version() is None
    assert page_cache.current_version() > before


def test_bookkeeping_no_page_shows_leaves_the_version_alone(client, manager, world):
    client.force_login(manager)
    before = page_cache.current_version()
    client.get("/lewisham/")  # the session row written again
    Session.objects.update(expire_date=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    assert page_cache.current_version() == before


@pytest.fixture
def own_redis_cache(settings, tmp_path):
    """The page cache and the throttle on a Redis this test starts and stops."""
    server = OwnRedis(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield server
    if server.process.poll() is None:
        server.stop()


def test_a_cache_that_goes_down_is_a_miss_and_pages_and_the_api_still_answer(
    client, manager, world, own_redis_cache, caplog
):
    client.force_login(manager)
    _, key = api_token_issue(user=manager, name="Power BI")
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert ">23<" in _dashboard_value(client)
    assert client.get("/healthz").json()["cache"] == "ok"

    own_redis_cache.stop()
    with caplog.at_level("WARNING", logger="yos_tracker.shared_cache"):
        for url in PAGES.values():
            assert client.get(url(world)).status_code == 200
        assert api.get("/api/v1/lewisham/plans/").status_code == 200
    assert "The shared cache could not be reached" in caplog.text
    assert client.get("/healthz").json()["cache"] == "down"
    _saved(world.organisation)
    assert ">41<" in _dashboard_value(client)  # rendered afresh, so never stale

    own_redis_cache.start()  # on the same port: the cache is used again
    assert ">41<" in _dashboard_value(client)
    assert client.get("/healthz").json()["cache"] == "ok"


def test_the_api_limit_is_counted_in_the_database_while_the_cache_is_down(
    manager, settings, own_redis_cache, caplog, monkeypatch
):
    settings.API_RATE_LIMIT = "2/min"
    monkeypatch.setattr(limits, "_logged_at", [float("-inf")])  # logged once a minute: not yet, here
    token, key = api_token_issue(user=manager, name="Script")
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/lewisham/plans/").status_code == 200  # counted in Redis
    own_redis_cache.stop()
    with caplog.at_level("WARNING", logger="yos_tracker.limits"):
        assert [api.get("/api/v1/lewisham/plans/").status_code for _ in range(3)] == [200, 200, 429]
    assert "Rate limits are counted in the database" in caplog.text
    # Shared by every worker and server, not this process's memory.
    assert RateCount.objects.get(key__endswith=token.digest[:24]).count == 3


def _page_keys(pattern: str = ":page:") -> list:
    """The page cache's keys in the default cache, local memory or Redis (whose database the
    broker shares in CI, so it is never flushed whole)."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return [key for key in cache._cache if pattern in key]
    return list(cache._cache.get_client().scan_iter(match=f"*{pattern}*"))


def _cached_parts() -> int:
    return len(_page_keys())


@pytest.fixture
def empty_cache():
    """No cached part and no count of them, whatever earlier tests cached."""
    cache = caches["default"]
    for pattern in (":page:", ":page-parts:"):
        keys = _page_keys(pattern)
        if isinstance(cache, LocMemCache):
            for key in keys:
                cache.delete(key.split(":", 2)[2])  # the key as given, without the ":version:" made before it
        elif keys:
            cache._cache.get_client().delete(*keys)


def test_a_parameter_the_page_does_not_read_is_rendered_afresh_and_never_cached(client, manager, world, empty_cache):
    client.force_login(manager)
    assert client.get("/lewisham/performance/").status_code == 200
    cached = _cached_parts()
    for n in range(30):
        assert client.get(f"/lewisham/performance/?x={n}").status_code == 200
    assert _cached_parts() == cached


def test_an_organisation_caches_at_most_its_share_of_parts(client, manager, world, settings, empty_cache):
    settings.PAGE_CACHE_PARTS_PER_ORGANISATION = 5
    client.force_login(manager)
    for n in range(20):  # each a value the register reads, so each a part of its own
        assert client.get(f"/lewisham/governance/risks/?owner=owner-{n}").status_code == 200
    assert _cached_parts() == 5


def test_the_query_is_keyed_by_its_parameters_whatever_their_order(client, manager, world, empty_cache):
    client.force_login(manager)
    client.get("/lewisham/governance/risks/?status=open&sort=inherent")
    cached = _cached_parts()
    with CaptureQueriesContext(connection) as queries:
        client.get("/lewisham/governance/risks/?sort=inherent&status=open")
    assert _cached_parts() == cached and not any("governance_risk" in q["sql"] for q in queries.captured_queries)


def test_a_hand_edit_shows_once_the_pages_are_refreshed(client, manager, world):
    client.force_login(manager)
    assert ">23<" in _dashboard_value(client)
    # As psql would: on the database connection itself, past the application's wrapper that sees writes.
    connection.ensure_connection()
    connection.connection.cursor().execute(f"UPDATE {Measurement._meta.db_table} SET value = 41")
    assert ">23<" in _dashboard_value(client)  # the cached part, which nothing told

    call_command("pages_refresh", stdout=io.StringIO())

    assert ">41<" in _dashboard_value(client)


@pytest.fixture
def bromley_action(other_organisation):
    scale = RagStatus.objects.install(other_organisation)
    plan = PlanFactory(organisation=other_organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="1.1", description="Audit")
    return action, {status.code: status for status in scale}


def _warm(client, url) -> int:
    """Visits url until it is served from the cache; the queries that took."""
    _queries(client, url)
    return _queries(client, url)[1]


@pytest.mark.parametrize("page", PAGES)
def test_a_progress_update_in_another_service_leaves_this_services_pages_warm(
    client, manager, outsider, world, bromley_action, page
):
    url = PAGES[page](world)
    client.force_login(manager)
    bromley = Client()
    bromley.force_login(outsider)  # before the visits: signing in writes to the accounts, which every service shows
    warm = _warm(client, url)
    action, scale = bromley_action
    update = {"date": "2017-06-01", "status": scale["G"].pk, "narrative": "Audit complete."}
    response = bromley.post(f"/bromley/improvement/actions/{action.pk}/", update)
    assert response.status_code == 302
    assert action.updates.count() == 1
    assert _queries(client, url)[1] == warm


def test_a_write_in_another_service_through_the_api_leaves_this_services_dashboard_warm(
    client, manager, outsider, other_organisation, world
):
    client.force_login(manager)
    warm = _warm(client, "/lewisham/performance/")
    TrackedFactory(organisation=other_organisation, indicator=indicator("CUSTODY_COUNT"))
    _warm(client, "/lewisham/performance/")  # the factory wrote outside any request: every service's pages
    api = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=outsider, name='Returns')[1]}")
    values = {"measurements": [{"indicator": "CUSTODY_COUNT", "period": "2017-03", "value": 12}]}
    response = api.post("/api/v1/bromley/measurements/bulk/", values, content_type="application/json")
    assert response.status_code in (200, 201), response.content
    assert Measurement.objects.filter(organisation=other_organisation).count() == 1
    assert _queries(client, "/lewisham/performance/")[1] == warm


def test_a_write_no_organisation_owns_shows_in_every_service_at_once(client, manager, outsider, world):
    """The catalogue, people's names, anything written outside a service's path: every service's
    pages show it at once, the writer's and the others'."""
    client.force_login(manager)
    _dashboard_value(client)
    assert "renamed" not in _dashboard_value(client)  # from the cache
    Indicator.objects.filter(code="CUSTODY_COUNT").update(name="Children sentenced to custody, renamed")
    assert "renamed" in _dashboard_value(client)


def test_a_write_made_for_one_service_raises_only_its_version():
    with page_cache.writes_for(organisation_pk=7):
        page_cache.bump(7)
        before = page_cache.current_version(7), page_cache.current_version(8)
        RagStatus.objects.filter(pk=-1).update(label="x")  # matches nothing: still a write, of improvement's
    installation, seven = page_cache.current_version(7)
    assert (installation, seven) == (before[0][0], before[0][1] + 1)
    assert page_cache.current_version(8) == before[1]


def test_a_services_first_write_through_a_page_is_saved_and_starts_its_version(client, manager, organisation):
    """Its version's row is made by the write itself, outside any transaction, while SQLite still
    has the INSERT … RETURNING that made the record open."""
    assert not DataVersion.objects.filter(scope=organisation.pk).exists()
    client.force_login(manager)
    response = client.post("/lewisham/governance/boards/new/", {"name": "Management board", "member_order": "added"})
    assert response.status_code == 302
    assert DataVersion.objects.filter(scope=organisation.pk).exists()
