from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from onboarding import selectors, services
from onboarding.forms import NewServiceForm, WorkbookForm
from yos_tracker.forms import apply_validation_error
from yos_tracker.import_views import (
    answers,
    forget_stashed,
    needs_worker,
    open_stashed,
    stash_upload,
    stashed_upload,
)
from yos_tracker.imports import IMPORTERS, Choices
from yos_tracker.scoping import EDITORS, org_view
from yos_tracker.spreadsheets import sheet_names


@login_required
def service_new(request):
    """A superuser sets up a new youth justice service: the organisation and everything it needs."""
    if not request.user.is_superuser:
        raise PermissionDenied("Only a superuser can set up a new service.")
    form = NewServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                organisation=form.save(commit=False),
                first_person=form.first_person,
                site_url=request.build_absolute_uri("/"),
                **form.setup,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{organisation} is set up. Check its settings and add its people; if it keeps a tracker in a "
                "workbook, start from that (Settings, “Start from your old tracker”).",
            )
            return redirect("onboarding:settings", org=organisation.slug)
    return render(request, "onboarding/service_new.html", {"form": form})


@org_view()
def settings_hub(request):
    return render(request, "onboarding/settings.html", {"summary": selectors.settings_summary(request.organisation)})


@org_view(**EDITORS)
def workbook_import(request):
    """A service's whole tracker, one workbook: upload it, see each sheet read as what it is and
    answer each sheet's questions, then import every sheet at once or none (see
    yos_tracker.workbooks). The file waits, with the answers, as a single import's does."""
    plans = selectors.workbook_plans(request.organisation)
    context = {
        "form": WorkbookForm(),
        "plans": plans,
        "importers": services.WORKBOOK.importers.values(),
        "crumbs": [("Settings", reverse("onboarding:settings", kwargs={"org": request.organisation.slug}))],
    }
    token = request.POST.get("token", "")
    stashed = stashed_upload(request, token) if token else None
    if token and stashed is None:
        messages.error(request, "That import has expired; please upload the workbook again.")
        return redirect(request.path)
    if stashed is None and request.method == "POST":
        form = context["form"] = WorkbookForm(request.POST, request.FILES)
        if form.is_valid() and (token := _stash_workbook(request, form, plans)):
            stashed = stashed_upload(request, token)
    elif stashed is not None and request.method == "POST":
        _answers(request, stashed)
    if stashed is None:
        return render(request, "onboarding/workbook.html", context)
    plan = next((p for p in plans if str(p.pk) == stashed["plan"]), None)
    arguments = {"user": request.user, "chosen": stashed["sheets"], "choices": stashed["parts"], "plan": plan}
    try:
        with open_stashed(token, stashed) as upload:
            if "confirm" in request.POST:
                result = services.workbook_import(organisation=request.organisation, upload=upload, **arguments)
            else:
                result = services.workbook_preview(organisation=request.organisation, upload=upload, **arguments)
    except ValidationError as unreadable:
        forget_stashed(request, token)
        messages.error(request, " ".join(unreadable.messages))
        return render(request, "onboarding/workbook.html", context)
    if "confirm" in request.POST and result.is_valid:
        forget_stashed(request, token)
        messages.success(request, f"Imported {stashed['name']}: {result.summary}")
        return redirect("onboarding:settings", org=request.organisation.slug)
    stashed["keys"] = {str(part.index): part.key for part in result.parts}
    request.session.modified = True
    context.update(result=result, token=token, stashed=stashed, plan=plan)
    return render(request, "onboarding/workbook.html", context)


def _stash_workbook(request, form, plans) -> str:
    """Keep an uploaded workbook for its preview; "" (and the form says why) if it is refused."""
    upload = form.cleaned_data["file"]
    try:
        sheets = len(sheet_names(upload, max_rows=settings.IMPORT_MAX_ROWS))
    except ValidationError as error:
        form.add_error("file", error)
        return ""
    if needs_worker(upload, sheets=sheets):
        form.add_error(
            "file",
            "This workbook is too big to import in one go. Import its sheets one at a time from each part's own "
            "import page, where big files are read in the background.",
        )
        return ""
    token = stash_upload(request, upload)
    stashed = stashed_upload(request, token)
    stashed.update(sheets={}, parts={}, keys={}, plan=str(plans[0].pk) if plans else "")
    return token


def _answers(request, stashed: dict) -> None:
    """Keep what the person said on the preview: which sheet is which and the plan (the sheets'
    form), one sheet's answers to its questions (kept for the service as they are given), or that
    a sheet's rows in error are to be left out."""
    post = request.POST
    if "sheets" in post:
        stashed["sheets"] = {name.removeprefix("as:"): value for name, value in post.items() if name.startswith("as:")}
        stashed["plan"] = post.get("plan", "")
        for index, key in stashed["sheets"].items():  # a sheet read as something else starts afresh
            if key != stashed["keys"].get(index):
                stashed["parts"].pop(index, None)
    for index, key in stashed["keys"].items():
        prefix = f"s{index}-"
        if key in IMPORTERS and post.get(f"{prefix}answer"):
            choices = answers(post, Choices.from_data(stashed["parts"].get(index)), prefix)
            stashed["parts"][index] = choices.as_data()
            IMPORTERS[key].remember(organisation=request.organisation, choices=choices)
        elif key in IMPORTERS and post.get(f"{prefix}leave_out_errors") == "on":
            stashed["parts"][index] = {**stashed["parts"].get(index, {}), "leave_out_errors": True}
    request.session.modified = True
