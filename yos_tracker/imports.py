"""The one import flow every spreadsheet importer uses: upload, preview every change and every
row error, then confirm. Nothing is written until confirmation, and then all or nothing.

Between preview and confirmation the file waits in MEDIA_ROOT/imports/ under a random name
known only to the uploader's session. If the database goes away while an import is written, the
transaction dies with the connection, the file stays waiting, and the person is sent back to the
preview to confirm again.
"""

import logging
import uuid
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError
from django.shortcuts import redirect, render

logger = logging.getLogger(__name__)
# What a connection lost mid-import raises; anything else is a bug and should surface as one.
DATABASE_LOST = (OperationalError, InterfaceError)
INTERRUPTED = (
    "The database could not be reached while the import was being saved, so nothing was imported. "
    "Your file is kept: check the preview and confirm again."
)


class ImportForm(forms.Form):
    file = forms.FileField(label="Spreadsheet", help_text="An .xlsx or .csv file laid out like the template.")


def _stash(request, upload) -> str:
    token = uuid.uuid4().hex
    suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
    default_storage.save(f"imports/{token}{suffix}", upload)
    request.session.setdefault("imports", {})[token] = {"name": upload.name, "suffix": suffix}
    request.session.modified = True
    return token


def _unstash(request, token: str) -> tuple[File | None, str]:
    stashed = request.session.get("imports", {}).get(token)
    if not stashed:
        return None, ""
    path = f"imports/{token}{stashed['suffix']}"
    if not default_storage.exists(path):
        return None, ""
    return File(default_storage.open(path, "rb"), name=stashed["name"]), path


def _forget(request, token: str, path: str) -> None:
    default_storage.delete(path)
    request.session.get("imports", {}).pop(token, None)
    request.session.modified = True


def import_view(*, preview, apply, template: str, title: str, done_url, columns=None):
    """A view (to be wrapped in org_view) for an importer.

    preview(request, upload, **url_kwargs) and apply(request, upload, **url_kwargs) both return
    a result with .is_valid, .errors (RowError) and .summary; apply writes only when valid.
    """

    def view(request, **kwargs):
        context = {"form": ImportForm(), "title": title, "columns": columns, "cancel_url": done_url(request, **kwargs)}
        token = request.POST.get("token")
        if request.method == "POST" and token:
            upload, path = _unstash(request, token)
            if upload is None:
                messages.error(request, "That import has expired; please upload the file again.")
                return redirect(request.path)
            try:
                with upload:
                    result = apply(request, upload, **kwargs)
            except DATABASE_LOST:
                logger.warning("Import into %s interrupted: the database connection was lost", request.path)
                messages.error(request, INTERRUPTED)
                return redirect(f"{request.path}?{urlencode({'retry': token})}")
            if result.is_valid:
                _forget(request, token, path)
                messages.success(request, f"Imported: {result.summary}")
                return redirect(done_url(request, **kwargs))
            context.update(preview=result)
        elif request.method == "GET" and request.GET.get("retry"):
            token = request.GET["retry"]
            upload, _ = _unstash(request, token)
            if upload is not None:
                with upload:
                    result = preview(request, upload, **kwargs)
                context.update(preview=result, token=token if result.is_valid else None)
        elif request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            context["form"] = form
            if form.is_valid():
                upload = form.cleaned_data["file"]
                try:
                    result = preview(request, upload, **kwargs)
                except ValidationError as error:
                    form.add_error("file", error)
                else:
                    context.update(preview=result, token=_stash(request, upload) if result.is_valid else None)
        return render(request, template, context)

    return view


class PlannedRow:
    """What an import will do with one row: kind is "create", "change" or "unchanged"."""

    def __init__(self, row: int, label: str, kind: str, detail: str = ""):
        self.row, self.label, self.kind, self.detail = row, label, kind, detail


class ImportResult:
    def __init__(self, rows: list[PlannedRow], errors: list, noun: str = "rows"):
        self.rows, self.errors, self.noun = rows, errors, noun

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "change": 0, "unchanged": 0}
        for row in self.rows:
            counts[row.kind] += 1
        return counts

    @property
    def summary(self) -> str:
        c = self.counts
        return f"{c['create']} {self.noun} added, {c['change']} changed, {c['unchanged']} unchanged."
