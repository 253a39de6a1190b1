from celery import shared_task
from django.utils import timezone

from improvement.reminders import reminders_send


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_action_reminders() -> int:
    """Scheduled weekly by beat (see the periodic task in Django admin); idempotent within a week."""
    return reminders_send(today=timezone.localdate())
