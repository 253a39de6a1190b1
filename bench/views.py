"""The ceilings: what a page of the dashboard's size, and a write of one progress update, cost
when they do nothing else."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from bench.generate import INDICATORS
from improvement.models import ProgressUpdate
from performance.models import Measurement


def bare(request, org: str):
    """The app's layout around a table of as many rows as the dashboard, from one query, for a
    signed-in person (so its session and sign-in cost the same as the dashboard's)."""
    rows = (
        Measurement.objects.filter(organisation__slug=org)
        .order_by("-period", "indicator_id")
        .values_list("indicator__code", "indicator__name", "period", "value", "numerator", "denominator", "source")
    )
    return render(request, "bare.html", {"rows": list(rows[:INDICATORS])})


@require_POST
def bare_write(request, action: int):
    """A progress update saved as it is (with its history row), through the same session and CSRF
    check as the action page's form, none of the form's, the service's or the page's work."""
    ProgressUpdate.objects.create(
        action_id=action,
        date=request.POST["date"],
        status_id=request.POST["status"],
        narrative=request.POST["narrative"],
        author=request.user,
    )
    return HttpResponse("Your update is added.")
