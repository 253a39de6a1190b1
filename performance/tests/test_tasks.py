"""The roll-up goes through Celery (a real worker when a broker is configured) and records its runs."""

import datetime

import pytest

from performance import rollup, tasks
from performance.choices import RunStatus
from performance.models import AuditGrade, Measurement, RollupRun
from performance.tasks import rollup_case_audits, rollup_previous_month
from performance.tests.factories import CaseAuditFactory
from yos_tracker.tests.helpers import wait_for

OCTOBER = datetime.date(2015, 10, 1)


@pytest.fixture
def audited(organisation):
    grades = {g.code: g for g in AuditGrade.objects.install(organisation, "bromley")}
    for overall in ["inadequate", "good", "inadequate"]:
        CaseAuditFactory(
            organisation=organisation,
            **{a: grades[overall] for a in ["assessment", "intervention", "risk", "vulnerability", "overall"]},
        )
    return organisation


@pytest.mark.celery
def test_a_requested_rollup_runs_through_the_worker_and_records_the_run(celery_worker, audited):
    from django.db import transaction

    with transaction.atomic():
        run = tasks.rollup_request(organisation=audited, month=OCTOBER)
    run = wait_for(lambda: RollupRun.objects.filter(pk=run.pk, status=RunStatus.SUCCEEDED).first())
    assert run.rows == 3 and run.started_at and run.finished_at and run.attempts == 1
    assert Measurement.objects.get(indicator__code="CA_AUDITED").value == 3


@pytest.mark.django_db
def test_a_failed_run_is_recorded_with_its_reason_and_a_new_run_succeeds(audited, monkeypatch):
    run = tasks.rollup_request(organisation=audited, month=OCTOBER)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rollup, "case_audit_rollup", broken)
    with pytest.raises(RuntimeError):
        rollup_case_audits.apply(args=[run.pk], throw=True)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "disk full" in run.error
    monkeypatch.undo()
    retry = tasks.rollup_request(organisation=audited, month=OCTOBER)
    rollup_case_audits.apply(args=[retry.pk], throw=True)
    retry.refresh_from_db()
    assert retry.status == RunStatus.SUCCEEDED


@pytest.mark.django_db
def test_the_monthly_job_queues_last_month_for_every_organisation(organisation, other_organisation, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2015, 11, 1))
    rollup_previous_month.apply()
    assert set(RollupRun.objects.values_list("organisation__slug", "month")) == {
        ("lewisham", OCTOBER),
        ("bromley", OCTOBER),
    }


@pytest.mark.django_db
def test_the_monthly_schedule_is_installed():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="performance.tasks.rollup_previous_month")
    assert (task.crontab.day_of_month, task.crontab.hour, task.crontab.minute) == ("1", "2", "0")
    assert str(task.crontab.timezone) == "Europe/London"
