"""The page every importer uses: upload, preview with the file's questions, confirm.

Between preview and confirmation the file waits in the media storage (imports/) under a random name
known only to the uploader's session, with the person's answers (imports_clean removes files
waiting for more than a day). The answers are kept for the service as they are given, so a
corrected file uploaded afresh is not asked the same questions again. If the database goes
away while an import is written, the transaction dies with the connection, the file stays
waiting, and the person is sent back to the preview to confirm again. A file larger than
IMPORT_BACKGROUND_BYTES, or of more than IMPORT_BACKGROUND_ROWS rows, is previewed and applied
by a Celery task (an ImportJob), so no web worker waits on it; its page shows the progress as
it goes.
"""

import dataclasses
import logging
import uuid
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRefresh

from yos_tracker.health import broker_status
from yos_tracker.imports import IMPORTERS, Choices, Importer, ImportResult
from yos_tracker.models import ImportJob
from yos_tracker.scoping import EDITORS, org_view
from yos_tracker.spreadsheets import CONTENT_TYPES, count_rows, normalise
from yos_tracker.tasks import import_send

logger = logging.getLogger(__name__)
# What a connection lost mid-import raises; anything else is a bug and should surface as one.
DATABASE_LOST = (OperationalError, InterfaceError)
INTERRUPTED = (
    "The database could not be reached while the import was being saved, so nothing was imported. "
    "Your file is kept: check the preview and confirm again."
)


class ImportForm(forms.Form):
    file = forms.FileField(label="Spreadsheet", help_text="An .xlsx or .csv file laid out like the template.")


def stash_upload(request, upload) -> str:
    token = uuid.uuid4().hex
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    default_storage.save(f"imports/{token}{suffix}", upload)
    request.session.setdefault("imports", {})[token] = {
        "name": upload.name,
        "suffix": suffix,
        "choices": {},
        "background": needs_worker(upload),
    }
    request.session.modified = True
    return token


def needs_worker(upload, sheets: int = 1) -> bool:
    """Whether a file is too big to read and write within a web request: by its size, or by its
    rows (writing an action with its history takes milliseconds, so a few thousand take a minute),
    counted over its first `sheets` sheets."""
    if upload.size > settings.IMPORT_BACKGROUND_BYTES:
        return True
    limit = settings.IMPORT_BACKGROUND_ROWS
    return sum(count_rows(upload, up_to=limit, sheet=sheet) or 0 for sheet in range(sheets)) > limit


def stashed_upload(request, token: str) -> dict | None:
    stashed = request.session.get("imports", {}).get(token)
    if not stashed or not default_storage.exists(f"imports/{token}{stashed['suffix']}"):
        return None
    return stashed


def open_stashed(token: str, stashed: dict) -> File:
    return File(default_storage.open(f"imports/{token}{stashed['suffix']}", "rb"), name=stashed["name"])


def forget_stashed(request, token: str) -> None:
    stashed = request.session.get("imports", {}).pop(token, None)
    if stashed:
        default_storage.delete(f"imports/{token}{stashed['suffix']}")
    request.session.modified = True


def answers(post, choices: Choices, prefix: str = "") -> Choices:
    """The person's answers on a preview: which column a header is, what an unknown label means,
    whether the values Excel last worked out for formula cells may be used, which rows are the
    stored record their number names (ticked boxes: the form says them all at once), and how
    plain numbers for percentage indicators read. prefix: what one sheet of a workbook's answers
    are named with."""
    columns, labels = dict(choices.columns), dict(choices.labels)
    for name, value in post.items():
        if name.startswith(f"{prefix}column:"):
            columns[normalise(name[len(f"{prefix}column:") :])] = value
        elif name.startswith(f"{prefix}label:"):
            labels[normalise(name[len(f"{prefix}label:") :])] = value
    return Choices(
        columns=columns,
        labels=labels,
        accept_formulas=post.get(f"{prefix}accept_formulas") == "on",
        same=post.getlist(f"{prefix}same") if post.get(f"{prefix}answer") else list(choices.same),
        percentages=post.get(f"{prefix}percentages", choices.percentages),
        leave_out_errors=choices.leave_out_errors,
    )


def confirmed(post, choices: Choices) -> Choices:
    """The answers a confirmation goes with: the preview's, and whether the person chose to import
    the rows not in error without the rest ("Import the other N rows")."""
    return dataclasses.replace(choices, leave_out_errors=post.get("leave_out_errors") == "on")


@org_view()
def import_template(request, key: str):
    """An importer's blank template (Importer.template), offered on its page."""
    importer = IMPORTERS.get(key)
    if importer is None:
        raise Http404("No such import.")
    response = HttpResponse(importer.template(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{importer.key}-template.xlsx"'
    return response


def import_view(*, importer: Importer, title: str, done_url, scope=None, help_template: str = ""):
    """A view (to be wrapped in org_view) for an importer. scope(request, **url_kwargs) gives the
    importer's scope (e.g. {"plan": plan}); done_url(request, **url_kwargs) where to go after."""
    scope = scope or (lambda request, **kwargs: {})

    def view(request, **kwargs):
        objects = scope(request, **kwargs)
        context = {
            "form": ImportForm(),
            "title": title,
            "importer": importer,
            "help_template": help_template,
            "cancel_url": done_url(request, **kwargs),
        }
        token = request.POST.get("token") or request.GET.get("retry") or ""
        stashed = stashed_upload(request, token) if token else None
        if token and stashed is None:
            messages.error(request, "That import has expired; please upload the file again.")
            return redirect(request.path)

        def run(action: str, choices: Choices):
            if stashed.get("background"):
                return redirect(_queue(request, importer, action, token, stashed, choices, objects, context))
            with open_stashed(token, stashed) as upload:
                method = importer.apply if action == ImportJob.Action.APPLY else importer.preview
                return method(
                    organisation=request.organisation, upload=upload, user=request.user, choices=choices, **objects
                )

        if request.method == "POST" and stashed and "confirm" in request.POST:
            try:
                result = run(ImportJob.Action.APPLY, confirmed(request.POST, Choices.from_data(stashed["choices"])))
            except DATABASE_LOST:
                logger.warning("Import into %s interrupted: the database connection was lost", request.path)
                messages.error(request, INTERRUPTED)
                return redirect(f"{request.path}?{urlencode({'retry': token})}")
            if not hasattr(result, "is_valid"):
                return result  # a background job's page
            if result.is_valid:
                forget_stashed(request, token)
                messages.success(request, f"Imported: {result.summary}")
                return redirect(done_url(request, **kwargs))
            context.update(result=result, token=token)
        elif stashed:  # answers to the preview's questions, or back after an interruption
            choices = answers(request.POST, Choices.from_data(stashed["choices"])) if request.POST else None
            if choices is not None:
                stashed["choices"] = choices.as_data()
                request.session.modified = True
                importer.remember(organisation=request.organisation, choices=choices)
            result = run(ImportJob.Action.PREVIEW, choices or Choices.from_data(stashed["choices"]))
            if not hasattr(result, "is_valid"):
                return result
            context.update(result=result, token=token)
        elif request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            context["form"] = form
            if form.is_valid():
                token = stash_upload(request, form.cleaned_data["file"])
                stashed = stashed_upload(request, token)
                try:
                    result = run(ImportJob.Action.PREVIEW, Choices())
                except ValidationError as error:
                    forget_stashed(request, token)
                    form.add_error("file", error)
                else:
                    if not hasattr(result, "is_valid"):
                        return result
                    context.update(result=result, token=token)
        return render(request, "imports/page.html", context)

    return view


def _queue(request, importer, action, token, stashed, choices, objects, context) -> str:
    """Hand the import to a worker; returns the job's page."""
    job = _job_start(
        organisation=request.organisation,
        importer=importer.key,
        action=action,
        token=token,
        filename=stashed["name"],
        suffix=stashed["suffix"],
        scope=importer.scope_ids(**objects),
        choices=choices.as_data(),
        requested_by=request.user,
        return_url=context["cancel_url"],
    )
    return job.get_absolute_url()


def _job_start(**fields) -> ImportJob:
    """A new job, handed to a worker once the request's transaction commits (or, if the broker
    is down, queued until it is back)."""
    job = ImportJob.objects.create(**fields)
    transaction.on_commit(lambda: import_send(job_id=job.pk))
    return job


@org_view(**EDITORS)
def job_detail(request, pk: int):
    """A background import: its progress while it runs (htmx polls this page), then its result
    with the same questions and confirmation as the import page. A job that stopped on a fault
    (not on the file) can be run again."""
    job = ImportJob.objects.get_for_org(request.organisation, pk=pk)
    importer = IMPORTERS[job.importer]
    result = ImportResult.from_data(job.result, importer.columns) if job.result else None
    if request.method == "POST" and job.can_retry:
        return redirect(_follow_up(job, job.action, Choices.from_data(job.choices), request.user))
    if request.method == "POST" and job.is_finished and job.action == ImportJob.Action.PREVIEW and result:
        chosen = confirmed(request.POST, result.choices)
        if "confirm" in request.POST and (result.is_valid or (chosen.leave_out_errors and result.can_leave_out)):
            return redirect(_follow_up(job, ImportJob.Action.APPLY, chosen, request.user))
        choices = answers(request.POST, Choices.from_data(job.choices))
        importer.remember(organisation=request.organisation, choices=choices)
        return redirect(_follow_up(job, ImportJob.Action.PREVIEW, choices, request.user))
    if request.htmx and job.is_finished:
        return HttpResponseClientRefresh()  # the whole page changes: the result, its questions
    context = {"job": job, "result": result, "importer": importer, "title": f"Import of {job.filename}"}
    context["broker_down"] = job.status == ImportJob.Status.QUEUED and broker_status() == "down"
    if job.action == ImportJob.Action.APPLY and job.status == ImportJob.Status.DONE and result and result.is_valid:
        context["imported"] = True
    template = "imports/_job_status.html" if request.htmx else "imports/job.html"
    return render(request, template, context)


def _follow_up(job: ImportJob, action: str, choices: Choices, user) -> ImportJob:
    """A new job on the same waiting file: the preview again with the person's answers, the
    import once confirmed, or the same job again after a fault."""
    return _job_start(
        organisation=job.organisation,
        importer=job.importer,
        action=action,
        token=job.token,
        filename=job.filename,
        suffix=job.suffix,
        scope=job.scope,
        choices=choices.as_data(),
        requested_by=user,
        return_url=job.return_url,
    )
