import datetime

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from yos_tracker import jobs, sso
from yos_tracker.import_jobs import import_job_run, imports_forget_abandoned, imports_stop_lost, imports_waiting
from yos_tracker.models import Member, Membership


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_membership_email(membership_id: int, *, new_account: bool, site_url: str = "") -> str:
    """Tell a person they have been given access, naming every role they hold there (one of those
    memberships is `membership_id`); a new account's mail links to choosing a password. Links go
    to `site_url` (the address of whoever gave the access), else SITE_URL."""
    membership = Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    if membership is None:
        return "membership removed before the e-mail was sent"
    user = membership.user
    site_url = (site_url or settings.SITE_URL).rstrip("/")
    context = {
        "membership": membership,
        "member": Member.of(user, membership.organisation),
        "site_url": site_url,
        "sign_in_url": site_url + reverse("login"),
        "new_account": new_account,
        "council_sign_in": sso.is_configured(),
    }
    if new_account:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        context["set_password_url"] = site_url + reverse(
            "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
        )
    send_mail(
        subject=f"Your access to {membership.organisation or 'every organisation'} on the YOS Improvement Tracker",
        message=render_to_string("members/email/membership.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return f"sent to {user.email}"


@shared_task(bind=True, acks_late=True)
def import_run(self, job_id: int) -> str:
    """Preview or apply an import too big for a web request (see yos_tracker.import_views)."""
    job = import_job_run(job_id=job_id, task_id=self.request.id or "", on_worker=not self.request.is_eager)
    return job.status


def import_send(*, job_id: int) -> bool:
    """Hand an import to the broker; if it is down the job waits, queued, for imports_look_after."""
    return jobs.send(import_run, job_id)


@shared_task
def imports_look_after() -> tuple[int, int]:
    """Beat, every minute: imports that waited out a broker outage are sent again, and those whose
    worker was lost are stopped, to be run again from their page. Returns (sent, stopped)."""
    stopped = imports_stop_lost()
    sent = sum(import_send(job_id=pk) for pk in imports_waiting(waited=datetime.timedelta(minutes=1)))
    return sent, stopped


@shared_task
def imports_clean() -> int:
    """Beat, daily: uploads waiting for confirmation longer than IMPORT_KEEP_HOURS are removed,
    with their finished jobs."""
    return imports_forget_abandoned(older_than=datetime.timedelta(hours=settings.IMPORT_KEEP_HOURS))
