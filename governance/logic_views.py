"""Logic models' pages: the list, one model drawn as its diagram (as it stood on a day), and the
forms that define it, its outcomes and their dated RAG ratings."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from governance import selectors
from governance.forms import LogicModelForm, LogicOutcomeForm, LogicOutcomeReviewForm
from governance.models import LogicModel, LogicOutcome
from performance import selectors as performance_selectors
from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.scoping import EDITORS, org_view


def _as_at(request) -> datetime.date:
    try:
        return min(datetime.date.fromisoformat(request.GET.get("as_at", "")), timezone.localdate())
    except ValueError:
        return timezone.localdate()


def _shown(organisation, as_at: datetime.date, pk: int | None = None):
    period = performance_selectors.latest_period(organisation, as_at)
    statuses = selectors.indicator_statuses(performance_selectors.dashboard(organisation, period)) if period else {}
    return selectors.logic_models_as_of(organisation, as_at, statuses, pk=pk)


@org_view()
def logic_models(request):
    as_at = _as_at(request)
    return render(
        request, "governance/logic_models.html", {"models": _shown(request.organisation, as_at), "as_at": as_at}
    )


@org_view()
def logic_model(request, pk: int):
    model = LogicModel.objects.get_for_org(request.organisation, pk=pk)
    as_at = _as_at(request)
    shown = _shown(request.organisation, as_at, pk=model.pk)[0]
    context = {
        "shown": shown,
        "as_at": as_at,
        "today": timezone.localdate(),
        "outcome_form": LogicOutcomeForm(model=model, prefix="outcome"),
        "rows": [
            (
                o,
                LogicOutcomeReviewForm(
                    outcome=o.outcome, prefix=f"review-{o.outcome.pk}", initial={"date": timezone.localdate()}
                ),
            )
            for o in shown.outcomes
        ],
        "history": history_rows(model.history.all(), limit=20),
    }
    return render(request, "governance/logic_model.html", context)


@org_view(**EDITORS)
def logic_model_edit(request, pk: int | None = None):
    organisation = request.organisation
    model = LogicModel.objects.get_for_org(organisation, pk=pk) if pk else LogicModel(organisation=organisation)
    form = LogicModelForm(request.POST or None, instance=model)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save()
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{saved} is saved.")
            return redirect(saved)
    return render(request, "governance/logic_model_form.html", {"form": form, "model": model})


@org_view(**EDITORS)
def logic_outcome_edit(request, pk: int, outcome: int | None = None):
    """Add an outcome to a model (POST from its page), or edit one (its own page)."""
    model = LogicModel.objects.get_for_org(request.organisation, pk=pk)
    instance = model.outcomes.filter(pk=outcome).first() if outcome else None
    if outcome and instance is None:
        raise Http404("No such outcome.")
    form = LogicOutcomeForm(request.POST or None, instance=instance, model=model, prefix="outcome")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Outcome “{form.instance}” is saved.")
        return redirect(model)
    return render(request, "governance/logic_outcome_form.html", {"form": form, "model": model, "outcome": instance})


@org_view(**EDITORS)
@require_POST
def logic_outcome_review(request, pk: int, outcome: int):
    found = LogicOutcome.objects.for_org(request.organisation).filter(model_id=pk, pk=outcome).first()
    if found is None:
        raise Http404("No such outcome.")
    form = LogicOutcomeReviewForm(request.POST, outcome=found, prefix=f"review-{found.pk}")
    if form.is_valid():
        review = form.save(commit=False)
        review.recorded_by = request.user
        review.save()
        messages.success(request, f"“{found}” is rated {review.status.label} on {review.date:%d/%m/%Y}.")
    else:
        problems = "; ".join(
            f"{form.fields[field].label}: {' '.join(errors)}" if field in form.fields else " ".join(errors)
            for field, errors in form.errors.items()
        )
        messages.error(request, f"The rating of “{found}” was not saved. {problems}")
    return redirect(found.model)
