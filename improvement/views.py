from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement import charts, selectors, services, spreadsheet, tasks
from improvement.filters import ActionFilter
from improvement.forms import (
    ActionForm,
    InspectionForm,
    InspectionJudgementsForm,
    PlanApprovalForm,
    PlanForm,
    ProgressUpdateForm,
    RagStatusForm,
    RecommendationForm,
    ReminderSettingsForm,
    UpdateCorrectionForm,
)
from improvement.models import (
    Action,
    Evidence,
    ImprovementPlan,
    Inspection,
    InspectionFramework,
    PlanApproval,
    ProgressUpdate,
    RagStatus,
    Recommendation,
    ReminderSettings,
)
from yos_tracker import page_cache
from yos_tracker.downloads import file_download, spreadsheet_download
from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.import_views import import_view
from yos_tracker.scale_views import scale_pages, settings_crumbs
from yos_tracker.scoping import EDITORS, org_view


@org_view()
def index(request):
    org = request.organisation
    plans = ImprovementPlan.objects.for_org(org).select_related("inspection")
    inspections = Inspection.objects.for_org(org).select_related("overall_judgement", "framework")
    return render(request, "improvement/index.html", {"plans": plans, "inspections": inspections})


# --- Inspections ----------------------------------------------------------------------------


@org_view()
def inspection_detail(request, pk: int):
    inspection = Inspection.objects.select_related("overall_judgement", "framework").get_for_org(
        request.organisation, pk=pk
    )
    return render(
        request,
        "improvement/inspection_detail.html",
        {
            "inspection": inspection,
            "rated": selectors.inspection_ratings(inspection),
            "recommendations": inspection.recommendations.select_related("plan"),
            "plans": inspection.plans.all(),
        },
    )


def _edit(request, form, *, template: str, title: str, success: str, cancel_url: str):
    """Validate and save a model form, or show it again with each error beside its field."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = form.save()
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, success)
            return obj, None
    return None, render(request, template, {"form": form, "title": title, "cancel_url": cancel_url})


@org_view(**EDITORS)
def inspection_edit(request, pk: int | None = None):
    org = request.organisation
    inspection = Inspection.objects.get_for_org(org, pk=pk) if pk else Inspection(organisation=org)
    form = InspectionForm(request.POST or None, instance=inspection)
    obj, page = _edit(
        request,
        form,
        template="improvement/inspection_form.html",
        title=f"Edit {inspection}" if pk else "Record an inspection",
        success="The inspection is saved.",
        cancel_url=inspection.get_absolute_url() if pk else reverse("improvement:index", kwargs={"org": org.slug}),
    )
    return redirect(obj) if obj else page


@org_view(**EDITORS)
def inspection_ratings(request, pk: int):
    inspection = Inspection.objects.select_related("framework").get_for_org(request.organisation, pk=pk)
    form = InspectionJudgementsForm(
        request.POST or None,
        inspection=inspection,
        current={j.standard_id: j for j in inspection.judgements.all()},
    )
    if request.method == "POST" and form.is_valid():
        services.inspection_ratings_save(inspection=inspection, ratings=form.ratings(), findings=form.findings())
        messages.success(request, "The inspection's judgements are saved.")
        return redirect(inspection)
    return render(
        request,
        "improvement/inspection_ratings.html",
        {"form": form, "inspection": inspection, "title": f"Judgements of {inspection}"},
    )


# --- Frameworks -------------------------------------------------------------------------------


@org_view()
def framework_list(request):
    return render(request, "improvement/framework_list.html", {"frameworks": InspectionFramework.objects.all()})


@org_view()
def framework_detail(request, code: str):
    framework = InspectionFramework.objects.prefetch_related("levels", "standards").filter(code=code).first()
    if framework is None:
        raise Http404("No such framework.")
    return render(request, "improvement/framework_detail.html", {"framework": framework})


# --- Plans ------------------------------------------------------------------------------------


@org_view()
def plan_detail(request, pk: int):
    plan = ImprovementPlan.objects.select_related("inspection", "organisation").get_for_org(request.organisation, pk=pk)

    def build() -> dict:
        overview = selectors.plan_overview(plan, request.GET)
        return {"plan": plan, "overview": overview, "approvals": plan.approvals.select_related("plan__organisation")}

    reads = tuple(ActionFilter.base_filters)
    if request.htmx:
        return HttpResponse(page_cache.cached_part(request, "improvement/_plan_actions.html", build, reads))
    body = page_cache.cached_part(request, "improvement/_plan_page.html", build, reads)
    return render(request, "improvement/plan_detail.html", {"plan": plan, "body": body})


@org_view(**EDITORS)
def plan_edit(request, pk: int | None = None):
    org = request.organisation
    plan = ImprovementPlan.objects.get_for_org(org, pk=pk) if pk else ImprovementPlan(organisation=org)
    form = PlanForm(request.POST or None, instance=plan, organisation=org)
    saved, response = _edit(
        request,
        form,
        template="improvement/form.html",
        title=f"Edit {plan}" if pk else "Start an improvement plan",
        success="The plan is saved.",
        cancel_url=plan.get_absolute_url() if pk else f"/{org.slug}/improvement/",
    )
    return redirect(saved) if saved else response


@org_view(**EDITORS)
def plan_approve(request, pk: int):
    plan = ImprovementPlan.objects.get_for_org(request.organisation, pk=pk)
    form = PlanApprovalForm(
        request.POST or None, initial={"approved_on": timezone.localdate(), "approved_by": plan.approved_by or None}
    )
    if request.method == "POST" and form.is_valid():
        try:
            approval = services.plan_approve(plan=plan, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"Recorded: approved by {approval.approved_by} on {approval.approved_on:%d/%m/%Y}, "
                "with the plan as it stood that day.",
            )
            return redirect(approval)
    return render(
        request,
        "improvement/form.html",
        {
            "form": form,
            "title": f"Record the sign-off of {plan}",
            "cancel_url": plan.get_absolute_url(),
            "submit_label": "Record sign-off",
        },
    )


@org_view()
def approval_detail(request, pk: int):
    """A sign-off with the plan as it stood then, and what has changed since (or since another)."""
    approval = PlanApproval.objects.select_related("plan__organisation", "recorded_by").get_for_org(
        request.organisation, pk=pk
    )
    plan = approval.plan
    others = list(plan.approvals.exclude(pk=approval.pk))
    compared = next((a for a in others if str(a.pk) == request.GET.get("with")), None)
    if compared is not None and compared.snapshot and approval.snapshot:
        older, newer = sorted([approval, compared], key=lambda a: (a.approved_on, a.pk))
        changes, since = selectors.snapshot_changes(older.snapshot, newer.snapshot), older
    elif approval.snapshot:
        today = selectors.plan_snapshot(plan, timezone.localdate())
        changes, since = selectors.snapshot_changes(approval.snapshot, today), None
    else:
        changes, since = None, None
    return render(
        request,
        "improvement/approval_detail.html",
        {
            "approval": approval,
            "plan": plan,
            "others": others,
            "compared": compared,
            "changes": changes,
            "since": since,
        },
    )


@org_view()
def plan_history(request, pk: int):
    plan = ImprovementPlan.objects.get_for_org(request.organisation, pk=pk)
    return render(request, "improvement/history.html", {"object": plan, "history": history_rows(plan.history.all())})


# --- Recommendations and actions ------------------------------------------------------------


@org_view(**EDITORS)
def recommendation_edit(request, plan_pk: int, pk: int | None = None):
    org = request.organisation
    plan = ImprovementPlan.objects.get_for_org(org, pk=plan_pk)
    rec = Recommendation.objects.filter(plan=plan).get_for_org(org, pk=pk) if pk else Recommendation(plan=plan)
    form = RecommendationForm(request.POST or None, instance=rec, organisation=org)
    saved, response = _edit(
        request,
        form,
        template="improvement/form.html",
        title=f"Edit recommendation {rec.reference}" if pk else "Add a recommendation or objective",
        success="The recommendation is saved.",
        cancel_url=plan.get_absolute_url(),
    )
    return redirect(plan) if saved else response


@org_view(**EDITORS)
def action_edit(request, plan_pk: int, pk: int | None = None):
    org = request.organisation
    plan = ImprovementPlan.objects.get_for_org(org, pk=plan_pk)
    action = Action.objects.filter(recommendation__plan=plan).get_for_org(org, pk=pk) if pk else Action()
    form = ActionForm(request.POST or None, instance=action, plan=plan)
    saved, response = _edit(
        request,
        form,
        template="improvement/form.html",
        title=f"Edit action {action.reference}" if pk else "Add an action",
        success="The action is saved.",
        cancel_url=action.get_absolute_url() if pk else plan.get_absolute_url(),
    )
    return redirect(saved) if saved else response


def _action_context(action: Action, form: ProgressUpdateForm) -> dict:
    plan = action.recommendation.plan
    progress = selectors.plan_actions(plan).get(pk=action.pk)
    updates = selectors.action_timeline(action)
    scale = list(RagStatus.objects.for_org(plan.organisation))
    return {
        "timeline": charts.status_timeline(updates, scale),
        "action": action,
        "plan": plan,
        "progress": progress,
        "status": next((u.status for u in updates), None),
        "updates": updates,
        "form": form,
        "next_steps": action.next_steps.all(),
    }


@org_view()
def action_detail(request, pk: int):
    org = request.organisation
    action = Action.objects.select_related("recommendation__plan__organisation", "owner").get_for_org(org, pk=pk)
    form = ProgressUpdateForm(
        request.POST or None, request.FILES or None, organisation=org, initial={"date": timezone.localdate()}
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.action_update_add(
                    action=action,
                    author=request.user,
                    date=data["date"],
                    narrative=data["narrative"],
                    status=data["status"],
                    files=data["files"],
                    links=data["links"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, "Your update is added.")
                if not request.htmx:
                    return redirect(action)
                form = ProgressUpdateForm(organisation=org, initial={"date": timezone.localdate()})
        if request.htmx:
            return render(request, "improvement/_action_progress.html", _action_context(action, form))
    context = _action_context(action, form)
    context["history"] = history_rows(action.history.all())
    return render(request, "improvement/action_detail.html", context)


@org_view(**EDITORS)
def update_correct(request, pk: int):
    update = ProgressUpdate.objects.select_related("action", "status").get_for_org(request.organisation, pk=pk)
    form = UpdateCorrectionForm(
        request.POST or None,
        organisation=request.organisation,
        current_status=update.status,
        initial={"date": update.date, "status": update.status, "narrative": update.narrative},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update_correct(update=update, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The update is corrected; the earlier version is kept in its history.")
            return redirect(update.action)
    return render(
        request,
        "improvement/update_correct.html",
        {
            "form": form,
            "update": update,
            "title": f"Correct the update of {update.date:%d/%m/%Y}",
            "lead": f"Action {update.action.reference}",
            "history": history_rows(update.history.all()),
        },
    )


@org_view()
def evidence_download(request, pk: int):
    evidence = Evidence.objects.get_for_org(request.organisation, pk=pk)
    if not evidence.file:
        raise Http404("This evidence is a link, not a file.")
    return file_download(evidence.file, filename=evidence.original_name or None)


# --- Spreadsheets -----------------------------------------------------------------------------


@org_view()
def plan_export(request, pk: int, fmt: str):
    plan = ImprovementPlan.objects.get_for_org(request.organisation, pk=pk)
    filtered = "-filtered" if selectors.is_filtered(selectors.plan_action_filter(plan, request.GET)) else ""
    filename = f"{request.organisation.slug}-improvement-plan-{timezone.localdate():%Y-%m-%d}{filtered}"
    return spreadsheet_download(fmt, filename, lambda fmt: spreadsheet.plan_export(plan, fmt, request.GET))


def _plan_of(request, pk):
    return ImprovementPlan.objects.get_for_org(request.organisation, pk=pk)


plan_import = org_view(**EDITORS)(
    import_view(
        importer=spreadsheet.PLAN_IMPORTER,
        title="Import actions from a spreadsheet",
        done_url=lambda request, pk: _plan_of(request, pk).get_absolute_url(),
        scope=lambda request, pk: {"plan": _plan_of(request, pk)},
        help_template="improvement/_plan_import_help.html",
    )
)


# --- Settings: the RAG scale and the weekly digest -----------------------------------------------

statuses = scale_pages(
    model=RagStatus,
    form_class=RagStatusForm,
    url_prefix="improvement:status",
    title="RAG scale for actions",
    noun="status",
    lead="The statuses a progress update gives an action, in the order reports show them. What "
    "counts as complete decides overdue and stale; what counts as off track, slipping.",
    columns=[("Meaning", "meaning"), ("Counts as complete", "is_complete"), ("Counts as off track", "is_off_track")],
)


@org_view(**EDITORS)
def digest(request):
    org = request.organisation
    config = ReminderSettings.objects.filter(organisation=org).first() or ReminderSettings(organisation=org)
    form = ReminderSettingsForm(request.POST or None, instance=config)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"The weekly digest is {'on' if config.enabled else 'off'}.")
        return redirect("improvement:digest", org=org.slug)
    return render(
        request,
        "improvement/digest.html",
        {
            "form": form,
            "recipients": selectors.digest_recipients(organisation=org, today=timezone.localdate()),
            "crumbs": settings_crumbs(request),
            "history": history_rows(config.history.all()) if config.pk else None,
        },
    )


@org_view(**EDITORS)
@require_POST
def digest_send(request):
    organisation_id = request.organisation.pk
    transaction.on_commit(lambda: tasks.send_action_reminders.delay(organisation_id))
    messages.info(request, "This week's digest is on its way to everyone listed who has not had it yet this week.")
    return redirect("improvement:digest", org=request.organisation.slug)
