import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from performance import kpi_return, quality, rag, selectors, services, spreadsheet, tasks, tracker_import
from performance.filters import CaseAuditFilter, IndicatorFilter
from performance.forms import (
    AuditGradeForm,
    CaseAuditForm,
    CaseForm,
    CohortForm,
    ComparatorForm,
    IndicatorsTrackForm,
    JudgementForm,
    KpiReturnForm,
    LocalIndicatorForm,
    MeasurementRowForm,
    OutcomeForm,
    OutcomeKindForm,
    RatingStepForm,
    ReoffenceForm,
    TargetForm,
)
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Comparator,
    Indicator,
    IndicatorJudgement,
    Measurement,
    OutcomeKind,
    RatingStep,
    RollupRun,
    Target,
    TrackedIndicator,
)
from yos_tracker import page_cache
from yos_tracker.dates import in_reach, recorded_moment
from yos_tracker.downloads import spreadsheet_download
from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.import_views import import_view
from yos_tracker.scale_views import scale_pages, settings_crumbs
from yos_tracker.scoping import EDITORS, org_view
from yos_tracker.spreadsheets import write_table
from yos_tracker.words import counted


def _period(raw: str | None) -> datetime.date | None:
    if not raw:
        return None
    try:
        period = datetime.date.fromisoformat(raw.strip()).replace(day=1)
    except ValueError:
        raise Http404("No such period.") from None
    if not in_reach(period):
        raise Http404("No such period.")
    return period


def _recorded(raw: str | None) -> datetime.datetime | None:
    try:
        return recorded_moment(raw)
    except ValueError:
        raise Http404("No such moment.") from None


@org_view()
def index(request):
    """The dashboard for a period (by default the latest most indicators have values for:
    selectors.opening_period), as recorded now or, with ?recorded=, as its records had been
    recorded at that moment. The cached part is keyed by ?period=, so each period is its own."""
    period, recorded = _period(request.GET.get("period")), _recorded(request.GET.get("recorded"))
    body = page_cache.cached_part(
        request,
        "performance/_dashboard.html",
        lambda: {"dashboard": selectors.dashboard(request.organisation, period, recorded), "statuses": rag.STATUSES},
        reads=("period",),  # as recorded at a moment (?recorded=) is rendered afresh each time
    )
    return render(request, "performance/dashboard.html", {"body": body})


@org_view()
def indicator_detail(request, code: str):
    tracked = TrackedIndicator.objects.for_org(request.organisation).select_related("indicator__category")
    indicator = next((t.indicator for t in tracked if t.indicator.code == code), None)
    if indicator is None:
        raise Http404("This organisation does not track that indicator.")
    page = selectors.indicator_page(request.organisation, indicator)
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "page": page,
            "indicator": indicator,
            "judgements": IndicatorJudgement.objects.for_org(request.organisation)
            .filter(indicator=indicator)
            .select_related("step", "entered_by"),
            "judgement_form": JudgementForm(organisation=request.organisation) if request.access.can_edit else None,
        },
    )


@org_view(**EDITORS)
@require_POST
def indicator_judge(request, code: str):
    org = request.organisation
    indicator = get_object_or_404(Indicator.objects.available_to(org).filter(tracked_by__organisation=org), code=code)
    form = JudgementForm(request.POST, organisation=org)
    if form.is_valid():
        judgement = services.indicator_judgement_record(
            organisation=org,
            indicator=indicator,
            period=form.cleaned_data["period"],
            step=form.cleaned_data["step"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
        messages.success(request, f"Rated {judgement.step.label} for {judgement.period:%B %Y}.")
    else:
        messages.error(request, "Not rated: " + " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(reverse("performance:indicator_detail", kwargs={"org": org.slug, "code": code}) + "#judgements")


@org_view()
def measurement_history(request, pk: int):
    measurement = Measurement.objects.select_related("indicator").get_for_org(request.organisation, pk=pk)
    return render(
        request,
        "performance/measurement_history.html",
        {
            "measurement": measurement,
            "lead": f"History of the value for {measurement.period:%B %Y}",
            "history": history_rows(measurement.history.all()),
        },
    )


# How many months the values grid shows side by side, the first the default.
GRID_MONTHS = (3, 1, 6)
# Each cell posts up to four fields (a ratio's two parts, a note, the version seen); a grid that
# would post more than Django takes in one request (DATA_UPLOAD_MAX_NUMBER_FIELDS) shows fewer months.
FIELDS_PER_CELL = 4


def _grid_months(request) -> list[datetime.date]:
    """The months the grid shows, oldest first: `months` of them up to `period` (this month)."""
    last = _period(request.GET.get("period") or request.POST.get("period")) or timezone.localdate().replace(day=1)
    try:
        count = int(request.GET.get("months") or request.POST.get("months") or GRID_MONTHS[0])
    except ValueError:
        count = GRID_MONTHS[0]
    count = count if count in GRID_MONTHS else GRID_MONTHS[0]
    return [last - relativedelta(months=n) for n in reversed(range(count)) if in_reach(last - relativedelta(months=n))]


def _grid_layout(tracked: list[TrackedIndicator], months: list[datetime.date]) -> list[list[tuple]]:
    """Per tracked indicator and month shown, (the period the month falls in, whether the cell
    takes its value). A monthly indicator takes one in every month; a quarterly or annual one in
    the first column its period shows in (the month that starts it, or the first month shown),
    so that each period is entered once (rag.period_start)."""
    layout = []
    for t in tracked:
        seen: set[datetime.date] = set()
        cells = []
        for month in months:
            start = rag.period_start(month, t.indicator.frequency)
            cells.append((start, start not in seen))
            seen.add(start)
        layout.append(cells)
    return layout


def _grid(request, months: list[datetime.date], data=None) -> tuple[list[dict], list[datetime.date]]:
    """The grid's rows, one per tracked indicator, each with a cell per month; and the months
    shown, fewer than asked where so many cells would not post in one request. Two queries, however
    many indicators and months."""
    tracked = list(TrackedIndicator.objects.for_org(request.organisation).select_related("indicator__category"))
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    while len(months) > 1 and limit:
        cells = sum(entered for row in _grid_layout(tracked, months) for _, entered in row)
        if cells * FIELDS_PER_CELL + 10 <= limit:
            break
        months = months[1:]
    layout = _grid_layout(tracked, months)
    periods = {start for row in layout for start, _ in row}
    existing = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.for_org(request.organisation)
        .filter(indicator_id__in=[t.indicator_id for t in tracked], period__in=periods)
        .select_related("entered_by")
    }
    rows = []
    for t, row in zip(tracked, layout, strict=True):
        indicator, cells = t.indicator, []
        for month, (start, entered) in zip(months, row, strict=True):
            measurement = existing.get((indicator.pk, start))
            form = None
            if entered and not indicator.is_computed:
                form = MeasurementRowForm(data, indicator=indicator, measurement=measurement, period=start)
            cells.append(
                {
                    "month": month,
                    "period": start,
                    "name": rag.period_name(start, indicator.frequency),
                    "entered": entered,
                    "form": form,
                    "measurement": measurement,
                }
            )
        rows.append({"indicator": indicator, "cells": cells})
    return rows, months


def _months_name(months: list[datetime.date]) -> str:
    """March 2017; January to March 2017; November 2016 to January 2017."""
    first, last = months[0], months[-1]
    if first == last:
        return f"{last:%B %Y}"
    return f"{first:%B}{'' if first.year == last.year else f' {first.year}'} to {last:%B %Y}"


class _GridInvalid(Exception):
    pass


@org_view(**EDITORS)
def measurement_entry(request):
    asked = _grid_months(request)
    rows, months = _grid(request, asked, request.POST if request.method == "POST" else None)
    forms = [cell for row in rows for cell in row["cells"] if cell["form"]]
    saved = 0
    if request.method == "POST":
        try:
            with transaction.atomic():  # the whole grid is saved, or nothing of it
                if not all(cell["form"].is_valid() for cell in forms):
                    raise _GridInvalid
                for cell in forms:
                    form = cell["form"]
                    if form.is_blank or not form.has_changed():
                        continue
                    data = form.cleaned_data
                    try:
                        # A ratio's value is worked out from its parts, any other's parts are
                        # none: only the note is kept unless the person changed it. The version
                        # the person saw is checked cell by cell: a colleague's later value is
                        # never overwritten.
                        services.measurement_record(
                            organisation=request.organisation,
                            indicator=form.indicator,
                            period=cell["period"],
                            value=data["value"],
                            numerator=data["numerator"],
                            denominator=data["denominator"],
                            note=data["note"] if "note" in form.changed_data else None,
                            user=request.user,
                            expected_version=data["version"],
                        )
                    except ValidationError as error:
                        apply_validation_error(form, error)
                        raise _GridInvalid from None
                    saved += 1
        except _GridInvalid:
            messages.error(request, "Nothing was saved: correct the cells marked below.")
        else:
            messages.success(request, f"Saved {counted(saved, 'value')} for {_months_name(months)}.")
            if not request.htmx:
                entry = reverse("performance:measurement_entry", kwargs={"org": request.organisation.slug})
                return redirect(f"{entry}?period={months[-1]}&months={len(asked)}")
            rows, months = _grid(request, asked)
            forms = []
    if len(months) < len(asked):
        shown = counted(len(months), "month")
        messages.info(request, f"Showing {shown}: more would be more cells than one save can take.")
    this_month = timezone.localdate().replace(day=1)
    choices = sorted({months[-1], *(this_month - relativedelta(months=n) for n in range(60))}, reverse=True)
    template = "performance/_entry_grid.html" if request.htmx else "performance/measurement_entry.html"
    return render(
        request,
        template,
        {
            "rows": rows,
            "months": months,
            "period": months[-1],
            "count": len(asked),
            "months_name": _months_name(months),
            "month_choices": choices,
            "count_choices": sorted(GRID_MONTHS),
            # Each refused cell, named by indicator and period, linking to its first field.
            "problems": [
                (form.cell, message, form[form.carried[0]].id_for_label)
                for form in (cell["form"] for cell in forms)
                if form.errors
                for errors in form.errors.values()
                for message in errors
            ],
        },
    )


@org_view(**EDITORS)
def kpi_return_entry(request):
    org = request.organisation
    # From April 2023, when the KPIs began, to this quarter; the last full quarter first chosen.
    quarters = kpi_return.kpi_return_quarters(timezone.localdate())
    picked = _period(request.GET.get("quarter") or request.POST.get("quarter"))
    quarter = rag.period_start(picked, "quarterly") if picked else quarters[1] if len(quarters) > 1 else quarters[0]
    form = KpiReturnForm(request.POST or None, initial=kpi_return.kpi_return_counts(org, quarter))
    if request.method == "POST" and form.is_valid():
        written = kpi_return.kpi_return_record(
            organisation=org, quarter=quarter, counts=form.cleaned_data, user=request.user
        )
        messages.success(request, f"Recorded {counted(len(written), 'KPI value')}.")
        page = reverse("performance:kpi_return", kwargs={"org": org.slug})
        return redirect(f"{page}?quarter={quarter}")
    return render(
        request,
        "performance/kpi_return.html",
        {
            "form": form,
            "quarter": quarter,
            "quarters": [
                (q, f"{q:%B} to {q + relativedelta(months=2):%B %Y}")
                for q in sorted({quarter, *quarters}, reverse=True)
            ],
            "values": selectors.kpi_values(org, quarter),
        },
    )


@org_view()
def measurement_export(request, fmt: str):
    """Every value of the tracked indicators, in the layout the import reads."""
    org = request.organisation
    return spreadsheet_download(
        fmt, f"{org.slug}-indicator-values", lambda fmt: spreadsheet.measurement_export(org, fmt)
    )


measurement_import = org_view(**EDITORS)(
    import_view(
        importer=spreadsheet.MEASUREMENT_IMPORTER,
        title="Import indicator values",
        done_url=lambda request: reverse("performance:index", kwargs={"org": request.organisation.slug}),
    )
)


# --- Case audits --------------------------------------------------------------------------------


@org_view()
def audit_list(request):
    org = request.organisation
    audit_filter = CaseAuditFilter(
        request.GET, queryset=CaseAudit.objects.for_org(org).select_related("auditor"), organisation=org
    )
    runs = RollupRun.objects.for_org(org)[:5]
    grades = list(AuditGrade.objects.for_org(org))
    context = {
        "filter": audit_filter,
        "audits": selectors.audit_page(audit_filter.qs, grades, request.GET.get("page")),
        "runs": runs,
        "distribution": selectors.audit_distribution(org, audit_filter.qs, grades),
    }
    return render(request, "performance/audit_list.html", context)


@org_view()
def audit_export(request, fmt: str):
    """The audits the list shows, its filters included, in the layout the import reads."""
    org = request.organisation
    audits = CaseAuditFilter(request.GET, queryset=CaseAudit.objects.for_org(org), organisation=org).qs
    filtered = "-filtered" if any(request.GET.get(name) for name in CaseAuditFilter.base_filters) else ""
    return spreadsheet_download(
        fmt, f"{org.slug}-case-audits{filtered}", lambda fmt: spreadsheet.audit_export(audits, fmt)
    )


@org_view(**EDITORS)
def audit_edit(request, pk: int | None = None):
    org = request.organisation
    audit = CaseAudit.objects.get_for_org(org, pk=pk) if pk else CaseAudit(organisation=org, auditor=request.user)
    form = CaseAuditForm(
        request.POST or None,
        instance=audit,
        organisation=org,
        initial=None if pk else {"month": timezone.localdate().replace(day=1)},
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, f"Audit of {audit.case_reference} saved. Recalculate {audit.month:%B %Y} to update the dashboard."
        )
        return redirect("performance:audit_list", org=org.slug)
    return render(
        request, "performance/audit_form.html", {"form": form, "title": "Edit audit" if pk else "Record a case audit"}
    )


audit_import = org_view(**EDITORS)(
    import_view(
        importer=spreadsheet.AUDIT_IMPORTER,
        title="Import case audits",
        done_url=lambda request: reverse("performance:audit_list", kwargs={"org": request.organisation.slug}),
    )
)


@org_view()
@require_POST
def rollup_recalculate(request):
    month = _period(request.POST.get("month"))
    if month is None:
        messages.error(request, "Choose the month to recalculate.")
    else:
        run = tasks.rollup_request(organisation=request.organisation, month=month)
        messages.info(request, f"Recalculating {month:%B %Y}: the figures update when the run finishes (run {run.pk}).")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("performance:audit_list", kwargs={"org": request.organisation.slug})
    return redirect(back)


# --- Settings: audit grades, the catalogue, targets and comparators ------------------------------

grades = scale_pages(
    model=AuditGrade,
    form_class=AuditGradeForm,
    url_prefix="performance:grade",
    title="Case-audit grades",
    noun="grade",
    lead="The grades a case audit gives each area, best first. The dashboard counts the grades "
    "that count as good or better, and those that count as inadequate.",
    columns=[("Counts as good or better", "is_good"), ("Counts as inadequate", "is_inadequate")],
)


outcome_kinds = scale_pages(
    model=OutcomeKind,
    form_class=OutcomeKindForm,
    url_prefix="performance:outcome_kind",
    title="Qualifying outcome types",
    noun="type of outcome",
    lead="The outcomes that bring a child into a live-tracker cohort. The YJB's measure counts "
    "cautions, convictions and releases from custody; add any the service counts locally.",
    columns=[],
)


rating_steps = scale_pages(
    model=RatingStep,
    form_class=RatingStepForm,
    url_prefix="performance:rating_step",
    title="Key for rating indicators by judgement",
    noun="colour",
    lead="Where no target computes an indicator's RAG (no target set, or no value yet), the service rates it "
    "on this key, best first; the dashboard and the committee report print the key.",
    columns=[("Means", "meaning")],
)


def _available(request, code: str) -> Indicator:
    indicator = Indicator.objects.available_to(request.organisation).filter(code=code).first()
    if indicator is None:
        raise Http404("No such indicator.")
    return indicator


@org_view()
def catalogue(request):
    org = request.organisation
    found = IndicatorFilter(request.GET, queryset=Indicator.objects.available_to(org), organisation=org)
    groups = selectors.catalogue(org, found.qs)
    return render(
        request,
        "performance/catalogue.html",
        {
            "groups": groups,
            "filter": found,
            "found": sum(len(entries) for _, entries in groups),
            "searched": any(request.GET.get(name) for name in found.filters),
            "crumbs": settings_crumbs(request),
        },
    )


@org_view(**EDITORS)
@require_POST
def catalogue_track(request):
    """Track, or stop tracking, every indicator ticked in the catalogue, in one go; then back to
    the catalogue as it was searched."""
    org = request.organisation
    form = IndicatorsTrackForm(request.POST, organisation=org)
    if form.is_valid():
        tracked = form.cleaned_data["tracked"] == "on"
        changed = services.indicators_tracking_set(
            organisation=org, indicators=list(form.cleaned_data["indicators"]), tracked=tracked
        )
        noun = counted(changed, "indicator")
        if not changed:
            messages.info(request, f"Nothing changed: the indicators ticked were {'' if tracked else 'not '}tracked.")
        elif tracked:
            messages.success(request, f"{noun} tracked.")
        else:
            messages.success(request, f"{noun} no longer tracked; their values are kept.")
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    # Back to the search the person made: only the filter's own parameters, re-encoded.
    asked = QueryDict(request.POST.get("search", ""))
    search = QueryDict(mutable=True)
    for name in IndicatorFilter.base_filters:
        if asked.get(name):
            search[name] = asked[name]
    page = reverse("performance:catalogue", kwargs={"org": org.slug})
    return redirect(f"{page}?{search.urlencode()}" if search else page)


@org_view(**EDITORS)
@require_POST
def indicator_track(request, code: str):
    indicator = _available(request, code)
    tracked = request.POST.get("tracked") == "on"
    services.indicator_tracking_set(organisation=request.organisation, indicator=indicator, tracked=tracked)
    if tracked:
        messages.success(request, f"{indicator.name} is on the dashboard. Set its target next.")
    else:
        messages.success(request, f"{indicator.name} is no longer on the dashboard; its values are kept.")
    return redirect(f"{reverse('performance:catalogue', kwargs={'org': request.organisation.slug})}#{code}")


@org_view(**EDITORS)
def local_indicator_edit(request, code: str | None = None):
    org = request.organisation
    indicator = org.local_indicators.filter(code=code).first() if code else Indicator(organisation=org)
    if indicator is None:
        raise Http404("Only a service's own indicators can be edited here.")
    form = LocalIndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        saved = services.local_indicator_save(form=form, organisation=org)
        messages.success(request, f"{saved.name} is saved{'' if code else ' and on the dashboard'}.")
        return redirect("performance:indicator_settings", org=org.slug, code=saved.code)
    return render(
        request,
        "performance/local_indicator_form.html",
        {
            "form": form,
            "title": f"Edit {indicator.name}" if code else "Add a local indicator",
            "crumbs": [
                *settings_crumbs(request),
                ("Indicators", reverse("performance:catalogue", kwargs={"org": org.slug})),
            ],
        },
    )


@org_view(**EDITORS)
def indicator_settings(request, code: str):
    org = request.organisation
    indicator = _available(request, code)
    target_form = TargetForm(
        request.POST if request.POST.get("form") == "target" else None,
        instance=Target(organisation=org, indicator=indicator),
        prefix="target",
    )
    comparator_form = ComparatorForm(
        request.POST if request.POST.get("form") == "comparator" else None,
        instance=Comparator(organisation=org, indicator=indicator),
        prefix="comparator",
    )
    bound = next((f for f in (target_form, comparator_form) if f.is_bound), None)
    if bound is not None and bound.is_valid():
        bound.save()
        messages.success(request, "The target is saved." if bound is target_form else "The comparator is saved.")
        return redirect("performance:indicator_settings", org=org.slug, code=code)
    return render(
        request,
        "performance/indicator_settings.html",
        {
            "page": selectors.indicator_settings(org, indicator),
            "target_form": target_form,
            "comparator_form": comparator_form,
            "crumbs": [
                *settings_crumbs(request),
                ("Indicators", reverse("performance:catalogue", kwargs={"org": org.slug})),
            ],
        },
    )


@org_view(**EDITORS)
@require_POST
def indicator_setting_delete(request, code: str, kind: str, pk: int):
    indicator = _available(request, code)
    model = {"target": Target, "comparator": Comparator}.get(kind)
    if model is None:
        raise Http404("No such setting.")
    model.objects.filter(indicator=indicator).get_for_org(request.organisation, pk=pk).delete()
    messages.success(request, f"The {kind} is deleted; its history is kept.")
    return redirect("performance:indicator_settings", org=request.organisation.slug, code=code)


@org_view()
def tracker(request):
    """The live tracker: cohorts side by side, as the records stood on the chosen day."""
    try:
        as_at = datetime.date.fromisoformat(request.GET.get("as_at", "").strip() or timezone.localdate().isoformat())
    except ValueError:
        raise Http404("No such date.") from None
    chosen = [int(pk) for pk in request.GET.getlist("cohort") if pk.isdecimal()]
    shown = selectors.live_tracker(request.organisation, as_at=as_at, cohort_ids=chosen)
    return render(request, "performance/tracker.html", {"tracker": shown})


@org_view(**EDITORS)
def cohort_create(request):
    form = CohortForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        cohort = form.save()
        messages.success(request, f"Cohort “{cohort.name}” added.")
        return redirect("performance:tracker", org=request.organisation.slug)
    return render(request, "performance/cohort_form.html", {"form": form})


@org_view()
def tracker_cases(request):
    cases = selectors.tracker_cases(request.organisation, page=request.GET.get("page"))
    return render(request, "performance/tracker_cases.html", {"cases": cases})


@org_view()
def tracker_cases_export(request, fmt: str):
    """Every case record, one row per outcome or reoffence, in the layout the import reads."""
    org = request.organisation
    return spreadsheet_download(
        fmt, f"{org.slug}-case-records", lambda fmt: tracker_import.case_records_export(org, fmt)
    )


tracker_cases_import = org_view(**EDITORS)(
    import_view(
        importer=tracker_import.TRACKER_IMPORTER,
        title="Import case records for the live tracker",
        done_url=lambda request: reverse("performance:tracker_cases", kwargs={"org": request.organisation.slug}),
        help_template="performance/_tracker_import_help.html",
    )
)


@org_view()
def tracker_case(request, pk: int):
    """A case's outcomes and reoffences; editors add to them here."""
    case = Case.objects.get_for_org(request.organisation, pk=pk)
    forms_shown = {
        "outcome_form": OutcomeForm(case=case, prefix="outcome"),
        "reoffence_form": ReoffenceForm(case=case, prefix="reoffence"),
    }
    if request.method == "POST":
        kind = request.POST.get("record")
        form_class = {"outcome": OutcomeForm, "reoffence": ReoffenceForm}.get(kind)
        if form_class is None:
            raise Http404("No such record.")
        form = form_class(request.POST, case=case, prefix=kind)
        if form.is_valid():
            form.save()
            messages.success(request, f"{'Outcome' if kind == 'outcome' else 'Reoffence'} recorded for {case}.")
            return redirect(case)
        forms_shown[f"{kind}_form"] = form
    context = {"case": case, "outcomes": case.outcomes.all(), "reoffences": case.reoffences.all(), **forms_shown}
    return render(request, "performance/tracker_case.html", context)


@org_view(**EDITORS)
def tracker_case_create(request):
    form = CaseForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        case = form.save()
        messages.success(request, f"Case {case} added: record its qualifying outcome.")
        return redirect(case)
    return render(request, "performance/tracker_case_form.html", {"form": form})


@org_view(**EDITORS)
def tracker_case_edit(request, pk: int):
    case = Case.objects.get_for_org(request.organisation, pk=pk)
    form = CaseForm(request.POST or None, instance=case, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Case {case} is saved.")
            return redirect(case)
    return render(request, "performance/tracker_case_form.html", {"form": form, "case": case})


@org_view(**EDITORS)
@require_POST
def tracker_record_remove(request, pk: int, kind: str, record: int):
    case = Case.objects.get_for_org(request.organisation, pk=pk)
    records = {"outcome": case.outcomes, "reoffence": case.reoffences}.get(kind)
    if records is None:
        raise Http404("No such record.")
    found = get_object_or_404(records, pk=record)
    try:
        services.case_record_remove(found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{'Outcome' if kind == 'outcome' else 'Reoffence'} {found} removed.")
    return redirect(case)


def _quality(request) -> list:
    return quality.data_quality(
        request.organisation,
        today=timezone.localdate(),
        team=request.GET.get("team", ""),
        case_manager=request.GET.get("case_manager", ""),
    )


@org_view()
def data_quality(request):
    cases = Case.objects.for_org(request.organisation)
    context = {
        "groups": _quality(request),
        "teams": sorted(set(cases.exclude(team="").values_list("team", flat=True))),
        "case_managers": sorted(set(cases.exclude(case_manager="").values_list("case_manager", flat=True))),
    }
    return render(request, "performance/data_quality.html", context)


@org_view()
def data_quality_export(request, fmt: str):
    """The exceptions as the page shows them, filters included."""
    rows = [[group.title, item.record, item.detail] for group in _quality(request) for item in group.items]
    return spreadsheet_download(
        fmt,
        f"{request.organisation.slug}-data-quality",
        lambda fmt: write_table(["Exception", "Record", "Detail"], rows, fmt, title="Data quality"),
    )


@org_view()
def data_quality_summary(request):
    """The counts the home page shows (fetched by htmx, so the core's page needs no import of this app)."""
    return render(request, "performance/_data_quality_summary.html", {"groups": _quality(request)})
