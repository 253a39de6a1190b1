from celery import shared_task
from django.utils import timezone

from improvement import spreadsheet  # noqa: F401 - registers its importers for yos_tracker.tasks.import_run
from improvement.reminders import reminders_send
from yos_tracker.models import Organisation


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_action_reminders(organisation_id: int | None = None) -> int:
    """Scheduled weekly by beat for every organisation (see the periodic task in Django admin), or
    asked for by one organisation's "Send now"; idempotent within a week."""
    organisation = Organisation.objects.get(pk=organisation_id) if organisation_id else None
    return reminders_send(today=timezone.localdate(), organisation=organisation)
