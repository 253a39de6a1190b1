import pytest
from django.conf import settings
from django.urls import reverse

from yos_tracker import __version__
from yos_tracker.celery import app as celery_app


@pytest.mark.django_db
def test_it_reports_database_broker_and_version(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    expected_broker = "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"
    expected_cache = "ok" if settings.CACHE_URL else "local"
    assert response.json() == {
        "database": "ok",
        "broker": expected_broker,
        "cache": expected_cache,
        "version": __version__,
    }


@pytest.mark.django_db
def test_it_answers_503_when_the_configured_broker_is_down(client, settings):
    # A real connection attempt to a port where nothing listens: the broker is genuinely unreachable.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get(reverse("healthz"))
    finally:
        celery_app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"] == "down"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_it_is_not_cached(client):
    assert "no-cache" in client.get(reverse("healthz"))["Cache-Control"]
