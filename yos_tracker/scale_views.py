"""The pages that edit one of an organisation's scales (its RAG statuses, its audit grades): the
list with reorder, retire and delete buttons, and the add/edit form. Each app wires them to its
own model and form with `scale_pages`; the views are the same, so the rules are too.

Only people who may edit reach them (a board member reads the scale on the Settings page), and
every change is kept in the step's history.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.ranges import ranges_of
from yos_tracker.scales import scale_step_delete, scale_step_move, scale_step_retire
from yos_tracker.scoping import EDITORS, org_view


@dataclass(frozen=True)
class ScalePages:
    list: object
    edit: object
    change: object


def scale_pages(
    *, model, form_class, url_prefix: str, title: str, noun: str, lead: str, columns: list[tuple]
) -> ScalePages:
    """Views for one scale. url_prefix names its URLs: "improvement:status" gives
    improvement:status_list, _create, _edit and _change. columns are (heading, attribute) pairs
    shown for each step beside its badge."""

    def list_url(request) -> str:
        return reverse(f"{url_prefix}_list", kwargs={"org": request.organisation.slug})

    @org_view(**EDITORS)
    def list_view(request):
        steps = model.objects.for_org(request.organisation)
        history = history_rows(model.history.filter(organisation=request.organisation), limit=30, subjects=True)
        return render(
            request,
            "settings/scale.html",
            {
                "title": title,
                "lead": lead,
                "noun": noun,
                "rows": [(step, [(heading, getattr(step, name)) for heading, name in columns]) for step in steps],
                "headings": [heading for heading, _ in columns],
                "url_prefix": url_prefix,
                "history": history,
                "crumbs": settings_crumbs(request),
            },
        )

    @org_view(**EDITORS)
    def edit_view(request, pk: int | None = None):
        organisation = request.organisation
        step = model.objects.get_for_org(organisation, pk=pk) if pk else _new_step(model, organisation)
        form = form_class(request.POST or None, instance=step)
        if request.method == "POST" and form.is_valid():
            try:
                form.save()
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, f"{step.label} is saved.")
                return redirect(list_url(request))
        return render(
            request,
            "settings/scale_step_form.html",
            {
                "form": form,
                "title": f"Edit {step.label}" if pk else f"Add a {noun}",
                "cancel_url": list_url(request),
                "history": history_rows(step.history.all()) if pk else None,
                "crumbs": [*settings_crumbs(request), (title, list_url(request))],
            },
        )

    changes = {
        "up": lambda step: scale_step_move(step, by=-1),
        "down": lambda step: scale_step_move(step, by=1),
        "retire": lambda step: scale_step_retire(step, retired=True),
        "restore": lambda step: scale_step_retire(step, retired=False),
        "delete": scale_step_delete,
    }
    done = {
        "up": "moved up",
        "down": "moved down",
        "retire": "retired: it stays on the records that have it and is no longer offered",
        "restore": "offered again",
        "delete": "deleted",
    }

    @org_view(**EDITORS)
    @require_POST
    def change_view(request, pk: int):
        step = model.objects.get_for_org(request.organisation, pk=pk)
        change = request.POST.get("change", "")
        if change not in changes:
            messages.error(request, "Choose what to do with it.")
        else:
            try:
                changes[change](step)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, f"{step.label} is {done[change]}.")
        return redirect(list_url(request))

    return ScalePages(list=list_view, edit=edit_view, change=change_view)


def settings_crumbs(request) -> list[tuple[str, str]]:
    """The breadcrumb back to the organisation's settings, for every page that configures it."""
    return [("Settings", reverse("onboarding:settings", kwargs={"org": request.organisation.slug}))]


def _new_step(model, organisation):
    """A new step goes to the end of the scale."""
    field = model.ORDER_FIELD
    last = model.objects.for_org(organisation).order_by(f"-{field}").values_list(field, flat=True).first()
    place = 1 if last is None else ranges_of(model)[field].nearest(last + 1)
    return model(organisation=organisation, **{field: place})
