"""Project-level pages: the landing page, an organisation's home, and the health check."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from governance.models import Organisation
from yos_tracker import __version__
from yos_tracker.celery import app as celery_app
from yos_tracker.scoping import org_view


@login_required
def home(request):
    """Straight to the organisation for people in one; a choice for people in several."""
    organisations = list(Organisation.objects.for_member(request.user))
    if len(organisations) == 1:
        return redirect(organisations[0])
    return render(request, "home.html", {"organisations": organisations})


@org_view()
def org_home(request):
    return render(request, "org_home.html", {"organisation": request.organisation})


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:  # noqa: BLE001 - any failure to answer means the database is down
        return "down"


def broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001 - any failure to connect means the broker is down
        return "down"


@never_cache
@require_safe
def healthz(request):
    body = {"database": _database_status(), "broker": broker_status(), "version": __version__}
    healthy = body["database"] == "ok" and body["broker"] != "down"
    return JsonResponse(body, status=200 if healthy else 503)
