import datetime

import pytest
from django.core import mail
from django_celery_beat.models import PeriodicTask

from improvement.models import RagStatus, ReminderSent, ReminderSettings
from improvement.reminders import digests, reminders_send
from improvement.tasks import send_action_reminders
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.tests.helpers import wait_for

TODAY = datetime.date(2017, 6, 20)


@pytest.fixture
def owned(organisation, manager):
    """The manager owns one overdue, one due-soon and one complete action."""
    RagStatus.objects.install(organisation)
    ReminderSettings.objects.create(organisation=organisation)
    scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    rec = RecommendationFactory(plan=PlanFactory(organisation=organisation))
    overdue = ActionFactory(recommendation=rec, reference="1.1", owner=manager, due_date=datetime.date(2017, 6, 1))
    UpdateFactory(action=overdue, status=scale["A"], date=datetime.date(2017, 6, 10))
    soon = ActionFactory(recommendation=rec, reference="1.2", owner=manager, due_date=datetime.date(2017, 6, 30))
    UpdateFactory(action=soon, status=scale["A"], date=datetime.date(2017, 3, 1))  # and stale
    done = ActionFactory(recommendation=rec, reference="1.3", owner=manager, due_date=datetime.date(2017, 6, 1))
    UpdateFactory(action=done, status=scale["G"], date=datetime.date(2017, 5, 1))
    return overdue, soon, done


@pytest.mark.django_db
def test_digest_sorts_actions_into_overdue_due_soon_and_stale(owned, manager):
    overdue, soon, _done = owned
    digest = digests(organisation=overdue.recommendation.plan.organisation, today=TODAY)[manager.pk]
    assert digest.overdue == [overdue]
    assert digest.due_soon == [soon]
    assert digest.stale == [soon]
    assert digest.count == 2


@pytest.mark.django_db
def test_reminders_are_sent_once_a_week(owned, manager):
    assert reminders_send(today=TODAY) == 1
    assert reminders_send(today=TODAY + datetime.timedelta(days=2)) == 0  # same week
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Overdue:" in body and "1.1" in body and "Due in the next 14 days:" in body
    assert reminders_send(today=TODAY + datetime.timedelta(days=7)) == 1  # the next week


@pytest.mark.django_db
def test_an_organisation_that_switched_the_digest_off_sends_nothing(owned, organisation):
    ReminderSettings.objects.filter(organisation=organisation).update(enabled=False)
    assert reminders_send(today=TODAY) == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_due_soon_looks_as_far_ahead_as_the_organisation_says(owned, organisation, manager):
    _overdue, soon, _done = owned  # due 30/06, ten days after TODAY
    ReminderSettings.objects.filter(organisation=organisation).update(due_soon_days=7)
    assert digests(organisation=organisation, today=TODAY)[manager.pk].due_soon == []
    ReminderSettings.objects.filter(organisation=organisation).update(due_soon_days=10)
    assert digests(organisation=organisation, today=TODAY)[manager.pk].due_soon == [soon]


@pytest.mark.django_db
def test_an_owner_in_two_organisations_gets_each_organisations_digest_once(owned, manager, other_organisation):
    RagStatus.objects.install(other_organisation)
    ReminderSettings.objects.create(organisation=other_organisation)
    theirs = ActionFactory(
        recommendation=RecommendationFactory(plan=PlanFactory(organisation=other_organisation)),
        reference="9.9",
        owner=manager,
        due_date=datetime.date(2017, 6, 1),
    )
    UpdateFactory(action=theirs, date=datetime.date(2017, 6, 10))
    assert reminders_send(today=TODAY) == 2
    assert reminders_send(today=TODAY) == 0
    subjects = sorted(m.subject for m in mail.outbox)
    assert ["Bromley" in subjects[0], "Lewisham" in subjects[1]] == [True, True]


@pytest.mark.django_db
def test_a_failed_send_leaves_no_claim_so_the_retry_sends(owned, manager, settings):
    settings.EMAIL_BACKEND = "yos_tracker.tests.failing_mail.Backend"
    with pytest.raises(ConnectionError):
        reminders_send(today=TODAY)
    assert not ReminderSent.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_send(today=TODAY) == 1


@pytest.mark.django_db
def test_the_weekly_schedule_is_installed():
    task = PeriodicTask.objects.get(task="improvement.tasks.send_action_reminders")
    assert (task.crontab.day_of_week, task.crontab.hour, str(task.crontab.timezone)) == ("1", "7", "Europe/London")


@pytest.mark.celery
def test_the_task_runs_through_the_worker(celery_worker, owned, manager):
    send_action_reminders.delay()
    wait_for(lambda: mail.outbox)
    assert mail.outbox[0].to == [manager.email]
    assert ReminderSent.objects.filter(user=manager).count() == 1
