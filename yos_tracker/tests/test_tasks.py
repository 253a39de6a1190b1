"""The membership e-mail goes through Celery: a real worker when a broker is configured."""

import pytest
from django.core import mail
from django_celery_results.models import TaskResult

from yos_tracker import services
from yos_tracker.choices import Role
from yos_tracker.tasks import send_membership_email
from yos_tracker.tests.helpers import wait_for


@pytest.mark.celery
def test_new_member_receives_a_set_password_link_through_the_worker(celery_worker, organisation):
    services.membership_add(
        organisation=organisation,
        email="sam.lee@lewisham.gov.uk",
        first_name="Sam",
        last_name="Lee",
        roles=[Role.MANAGER],
    )
    wait_for(lambda: mail.outbox)
    message = mail.outbox[0]
    assert message.to == ["sam.lee@lewisham.gov.uk"]
    assert "manager in Lewisham Youth Offending Service" in message.body
    assert "/accounts/password/set/" in message.body
    if celery_worker is not None:
        # The worker, not this process, ran it: its result is stored by the worker's result backend.
        result = wait_for(lambda: TaskResult.objects.filter(task_name=send_membership_email.name).first())
        assert result.status == "SUCCESS" and result.worker
