"""The youth justice plan's pages: its definition (a narrative under each YJB heading) and its
sign-off. Its versions, renders and archive are the committee reports' (governance.views)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from governance import report_services
from governance.forms import SignOffForm, YouthJusticePlanForm
from governance.models import CommitteeReport
from governance.models.reports import YJ_PLAN_HEADINGS_UNVERIFIED, ReportKind
from governance.report_pages import report_page_context
from yos_tracker.choices import Capability
from yos_tracker.forms import apply_validation_error
from yos_tracker.scoping import org_view

REPORT = {"read": Capability.REPORT, "write": Capability.REPORT}


def _plans(organisation):
    return CommitteeReport.objects.for_org(organisation).filter(kind=ReportKind.YJ_PLAN)


@org_view(**REPORT)
def plan_edit(request, pk: int | None = None):
    organisation = request.organisation
    plan = _plans(organisation).get_for_org(organisation, pk=pk) if pk else CommitteeReport(organisation=organisation)
    initial = None
    if not pk:
        year = request.GET.get("year", "")
        wanted = int(year) if year.isdecimal() and len(year) == 4 and 1999 <= int(year) <= 2100 else _next_year()
        initial = report_services.plan_prefill(organisation=organisation, year=wanted)
    form = YouthJusticePlanForm(request.POST or None, instance=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.created_by = saved.created_by or request.user
        try:
            with transaction.atomic():
                saved.save()
        except IntegrityError:  # the same year, saved by someone else since the form was checked
            form.add_error("plan_year", "This service already has a plan for that year: open it from Reports.")
        else:
            messages.success(request, "The plan is saved. Generate the PDF when you are ready.")
            return redirect(saved)
    return render(
        request,
        "governance/plan_form.html",
        {"form": form, "plan": plan, "headings_unverified": YJ_PLAN_HEADINGS_UNVERIFIED},
    )


def _next_year() -> int:
    """The plan being written now: this year's until its 30 June deadline has passed."""
    today = timezone.localdate()
    return today.year if today < datetime.date(today.year, 7, 1) else today.year + 1


@org_view(**REPORT)
@require_POST
def plan_sign_off(request, pk: int):
    plan = _plans(request.organisation).get_for_org(request.organisation, pk=pk)
    form = SignOffForm(request.POST)
    if form.is_valid():
        try:
            signed = report_services.plan_sign_off(report=plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{signed.get_step_display()} on {signed.date:%d/%m/%Y}: version {signed.snapshot.version} "
                "is being rendered as the plan stands at this step.",
            )
            return redirect(plan)
    return render(request, "governance/report_detail.html", report_page_context(plan, sign_off_form=form))
