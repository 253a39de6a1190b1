"""The dashboard's ceiling: what a page of the same size costs when it does nothing else."""

from django.shortcuts import render

from bench.generate import INDICATORS
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
