"""When Redis is down, pages still work and report requests wait instead of failing; when it is
back, the waiting work goes on. The broker here is a port where nothing listens: a real
connection attempt that really fails."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import wait_for
from governance import report_services
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from yos_tracker.celery import app


@pytest.fixture
def broker_down(settings):
    previous, eager = app.conf.broker_url, app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.broker_url, app.conf.task_always_eager = "redis://127.0.0.1:1/0", False
    _fresh_pool()
    yield
    app.conf.broker_url, app.conf.task_always_eager = previous, eager
    _fresh_pool()


def _fresh_pool():
    """Connections are pooled per broker URL: start a new pool for the URL now configured."""
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def report(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        meeting_date=datetime.date(2017, 6, 28),
        title="Progress",
        period_start=datetime.date(2016, 12, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["appendix_c"],
    )


@pytest.mark.django_db
def test_generating_while_the_broker_is_down_keeps_the_request_and_says_so(
    client, officer, report, broker_down, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("governance:report_detail", kwargs={"org": "lewisham", "pk": report.pk}), follow=True
        )
    assert response.status_code == 200
    assert "Report generation is delayed" in response.content.decode()
    assert ReportRender.objects.get().status == RenderStatus.QUEUED
    assert client.get(reverse("healthz")).status_code == 503
    assert client.get(reverse("performance:index", kwargs={"org": "lewisham"})).status_code == 200


@pytest.mark.celery
def test_waiting_renders_go_on_when_the_broker_is_back(celery_worker, report, manager):
    render = ReportRender.objects.create(report=report, version=1, requested_by=manager)
    ReportRender.objects.filter(pk=render.pk).update(requested_at=timezone.now() - datetime.timedelta(minutes=5))
    assert report_services.renders_requeue() == 1
    done = wait_for(lambda: ReportRender.objects.filter(pk=render.pk, status=RenderStatus.DONE).first(), timeout=60)
    assert done.pages


@pytest.mark.django_db
def test_requeue_leaves_fresh_and_finished_renders_alone(report, manager):
    ReportRender.objects.create(report=report, version=1, requested_by=manager)  # just queued
    done = ReportRender.objects.create(report=report, version=2, status=RenderStatus.DONE, requested_by=manager)
    ReportRender.objects.filter(pk=done.pk).update(requested_at=timezone.now() - datetime.timedelta(hours=1))
    assert report_services.renders_requeue() == 0
