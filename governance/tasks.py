from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from governance.models import Membership


@shared_task(autoretry_for=(ConnectionError, TimeoutError), retry_backoff=True, max_retries=5)
def send_membership_email(membership_id: int, *, new_account: bool) -> str:
    """Tell a person they have been given access; a new account's mail links to choosing a password."""
    membership = Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    if membership is None:
        return "membership removed before the e-mail was sent"
    user = membership.user
    context = {
        "membership": membership,
        "site_url": settings.SITE_URL,
        "sign_in_url": settings.SITE_URL + reverse("login"),
        "new_account": new_account,
    }
    if new_account:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        context["set_password_url"] = settings.SITE_URL + reverse(
            "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
        )
    send_mail(
        subject=f"Your access to {membership.organisation} on the YOS Improvement Tracker",
        message=render_to_string("governance/email/membership.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return f"sent to {user.email}"


@shared_task(
    bind=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=3,
)
def render_report(self, render_id: int) -> str:
    """Render a committee report (see governance.report_services.render_execute for idempotency)."""
    from governance.report_services import render_execute

    render = render_execute(render_id=render_id, task_id=self.request.id or "")
    return render.status


@shared_task
def requeue_waiting_renders() -> int:
    """Beat, every five minutes: renders that waited out a broker outage go on."""
    from governance.report_services import renders_requeue

    return renders_requeue()
