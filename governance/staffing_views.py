"""The staffing profile's pages: the posts and the structure chart as they stand on a day, and a
manager's entry of each post (kept in history)."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from governance.models import StaffPost
from governance.models.staffing import STAFFING_CATEGORIES_UNVERIFIED
from governance.plan_context import board_in_post
from governance.staffing import staffing_as_of, structure_chart
from governance.staffing_forms import StaffPostForm
from yos_tracker.history import history_rows
from yos_tracker.scoping import EDITORS, org_view

HISTORY_ROWS = 30


def _day(request) -> datetime.date:
    """The day asked for (?on=2019-06-30), or today."""
    try:
        return datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


@org_view()
def staffing(request):
    org = request.organisation
    day = _day(request)
    profile = staffing_as_of(org, day)
    board, members = board_in_post(org, day)
    return render(
        request,
        "governance/staffing.html",
        {
            "as_of": day,
            "categories_unverified": STAFFING_CATEGORIES_UNVERIFIED,
            "staffing": profile,
            "chart": structure_chart(board, members, profile),
            "posts": StaffPost.objects.for_org(org),
            "history": history_rows(StaffPost.history.filter(organisation=org), limit=HISTORY_ROWS, subjects=True),
        },
    )


@org_view(**EDITORS)
def staff_post_edit(request, pk: int | None = None):
    org = request.organisation
    post = StaffPost.objects.get_for_org(org, pk=pk) if pk else StaffPost(organisation=org)
    form = StaffPostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The post “{post}” is saved.")
        return redirect(post)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Edit a post" if pk else "Add a post",
            "cancel_url": reverse("governance:staffing", kwargs={"org": org.slug}),
        },
    )
