from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from governance import report_services, selectors, services, spreadsheet
from governance.appendices import report_appendix_workbook
from governance.choices import DEFAULT_RISK_MATRIX, PRESET_MATRICES, RiskStatus
from governance.forms import (
    AttendanceForm,
    BoardActionForm,
    BoardForm,
    BoardMemberForm,
    CommitteeReportForm,
    ContributionFormSet,
    ContributionYearForm,
    MeetingForm,
    RiskBandFormSet,
    RiskForm,
    RiskMatrixForm,
    RiskReviewForm,
    SelfAssessmentForm,
)
from governance.models import (
    Board,
    BoardAction,
    BoardMember,
    CommitteeReport,
    Meeting,
    PartnerContribution,
    ReportRender,
    Risk,
    SelfAssessment,
)
from governance.models.reports import RenderStatus
from governance.report_pages import report_page_context
from improvement.models import Inspection, InspectionFramework, RagStatus
from yos_tracker import page_cache
from yos_tracker.choices import Capability
from yos_tracker.downloads import file_download, spreadsheet_download
from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.import_views import import_view
from yos_tracker.scale_views import settings_crumbs
from yos_tracker.scoping import EDITORS, org_view
from yos_tracker.spreadsheets import CONTENT_TYPES
from yos_tracker.words import counted


@org_view()
def index(request):
    org = request.organisation
    return render(
        request,
        "governance/index.html",
        {
            "boards": Board.objects.for_org(org).filter(parent__isnull=True).prefetch_related("sub_groups"),
            "risk_count": Risk.objects.for_org(org).filter(status=RiskStatus.OPEN).count(),
            "assessment": SelfAssessment.objects.for_org(org).first(),
            "contribution_year": PartnerContribution.objects.for_org(org).values_list("year", flat=True).first(),
        },
    )


# --- Board ----------------------------------------------------------------------------------------


def _boards(request):
    return Board.objects.for_org(request.organisation)


@org_view()
def board_detail(request, pk: int):
    board = _boards(request).get_for_org(request.organisation, pk=pk)
    today = timezone.localdate()
    start = today - relativedelta(years=1)
    last_meeting = board.meetings.order_by("-date").first()
    if last_meeting and last_meeting.date < start:  # a historic board: the year up to its last meeting
        start, today = last_meeting.date - relativedelta(years=1), last_meeting.date
    scale = {s.pk: s for s in RagStatus.objects.for_org(request.organisation)}
    return render(
        request,
        "governance/board_detail.html",
        {
            "board": board,
            "members": board.members_in_order().prefetch_related("theme_lead_for"),
            "meetings": board.meetings.prefetch_related("agenda"),
            # A sub-group's address names its organisation, and an action's its meeting's.
            "sub_groups": board.sub_groups.select_related("organisation"),
            "rates": services.attendance_rates(board=board, start=start, end=today),
            "rates_from": start,
            "rates_to": today,
            "actions": board.actions.select_related("meeting__board__organisation", "status"),
            "scale": scale,
        },
    )


@org_view(**EDITORS)
def board_member_edit(request, board_pk: int, pk: int | None = None):
    board = _boards(request).get_for_org(request.organisation, pk=board_pk)
    member = (
        BoardMember.objects.filter(board=board).get_for_org(request.organisation, pk=pk)
        if pk
        else BoardMember(board=board)
    )
    form = BoardMemberForm(request.POST or None, instance=member, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        changes = services.board_member_save(form=form, today=timezone.localdate())
        messages.success(request, f"{member.name} is saved.")
        for change in changes:
            before, after = change.before or "(none)", change.after or "(none)"
            messages.info(request, f"Recommendation {change.reference}'s theme lead: {before} → {after}.")
        return redirect(board)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Edit board member" if pk else "Add a board member",
            "cancel_url": board.get_absolute_url(),
        },
    )


@org_view(**EDITORS)
def board_action_edit(request, board_pk: int, pk: int | None = None):
    board = _boards(request).get_for_org(request.organisation, pk=board_pk)
    action = (
        BoardAction.objects.filter(board=board).get_for_org(request.organisation, pk=pk)
        if pk
        else BoardAction(board=board)
    )
    form = BoardActionForm(request.POST or None, instance=action, board=board)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The board action is saved.")
        return redirect(board)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": "Edit board action" if pk else "Add a board action",
            "cancel_url": board.get_absolute_url(),
        },
    )


@org_view()
def meeting_detail(request, pk: int):
    """The meeting, and its attendance: taken here by editors, for every member in post on the day."""
    meeting = Meeting.objects.select_related("board__organisation").get_for_org(request.organisation, pk=pk)
    places = selectors.meeting_places(meeting)
    form = None
    if request.access.can_edit and places:
        form = AttendanceForm(request.POST or None, places=places, state=services.attendance_state(meeting))
        if request.method == "POST" and form.is_valid():
            try:
                changed = services.attendance_record(
                    meeting=meeting,
                    entries=form.entries(),
                    offered=form.offered(),
                    expected_state=form.cleaned_data["state"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if changed:
                    services.board_attendance_record(
                        organisation=request.organisation, period=meeting.date, user=request.user
                    )
                    messages.success(request, f"The attendance of {meeting.date:%d/%m/%Y} is saved.")
                else:
                    messages.info(request, "The attendance was already recorded as given: nothing changed.")
                return redirect(meeting)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting.agenda.all(),
            "places": places,
            "form": form,
            "actions": meeting.actions.select_related("status"),
        },
    )


@org_view(**EDITORS)
def meeting_edit(request, board_pk: int, pk: int | None = None):
    board = _boards(request).get_for_org(request.organisation, pk=board_pk)
    meeting = (
        Meeting.objects.filter(board=board).get_for_org(request.organisation, pk=pk) if pk else Meeting(board=board)
    )
    form = MeetingForm(request.POST or None, instance=meeting)
    held_on = meeting.date  # a meeting moved to another quarter changes that quarter's KPI 7 too
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_save(meeting=form.save(commit=False), agenda=form.agenda())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            for day in {held_on, meeting.date} - {None}:
                services.board_attendance_record(organisation=board.organisation, period=day, user=request.user)
            messages.success(
                request,
                f"The meeting of {meeting.date:%d/%m/%Y} is saved." + ("" if pk else " Record who attended below."),
            )
            return redirect(meeting)
    return render(
        request,
        "governance/form.html",
        {"form": form, "title": "Edit meeting" if pk else "Record a meeting", "cancel_url": board.get_absolute_url()},
    )


# --- Risk register ------------------------------------------------------------------------------


@org_view()
def risk_register(request):
    body = page_cache.cached_part(
        request,
        "governance/_risk_register.html",
        lambda: selectors.risk_register(request.organisation, request.GET),
        reads=(*selectors.REGISTER_FILTERS, "sort"),
    )
    return render(request, "governance/risk_register.html", {"body": body})


def _matrix(organisation):
    matrix = selectors.risk_matrix_of(organisation)
    if matrix is None:
        raise Http404("This service has no risk matrix yet: a manager sets one up under Settings.")
    return matrix


@org_view()
def risk_detail(request, pk: int):
    org = request.organisation
    matrix = _matrix(org)
    risk = selectors.risks_for(org).get_for_org(org, pk=pk)
    form = RiskReviewForm(
        request.POST or None,
        matrix=matrix,
        initial={
            "date": timezone.localdate(),
            "version": risk.version,
            **{
                f: getattr(risk, f)
                for f in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
            },
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.risk_review_record(risk=risk, reviewer=request.user, expected_version=data.pop("version"), **data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"Review recorded: risk {risk.number} now scores {risk.residual_score} after mitigation."
            )
            return redirect(risk)
    row = selectors.risk_rows(matrix, [risk])[0]
    return render(
        request,
        "governance/risk_detail.html",
        {
            "risk": risk,
            "row": row,
            "matrix": matrix,
            "form": form,
            "reviews": list(risk.reviews.select_related("reviewer")),
            "chart": selectors.risk_score_chart(risk),
            "history": history_rows(risk.history.all()),
        },
    )


@org_view(**EDITORS)
def risk_edit(request, pk: int | None = None):
    org = request.organisation
    matrix = _matrix(org)
    if pk:
        risk = Risk.objects.get_for_org(org, pk=pk)
    else:
        last = Risk.objects.for_org(org).order_by("-number").first()
        risk = Risk(organisation=org, number=(last.number + 1) if last else 1, raised_on=timezone.localdate())
    form = RiskForm(request.POST or None, instance=risk, matrix=matrix)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save()
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Risk {saved.number} is saved.")
            return redirect(saved)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": f"Edit risk {risk.number}" if pk else "Add a risk",
            "cancel_url": reverse("governance:risk_register", kwargs={"org": org.slug}),
        },
    )


@org_view()
def risk_export(request, fmt: str):
    """The register as the page shows it: its filters and sort come in the query string."""
    org = request.organisation
    filtered = "-filtered" if selectors.register_is_filtered(request.GET) else ""
    return spreadsheet_download(
        fmt, f"{org.slug}-risk-register{filtered}", lambda fmt: spreadsheet.export(org, fmt, request.GET)
    )


risk_import = org_view(**EDITORS)(
    import_view(
        importer=spreadsheet.RISK_IMPORTER,
        title="Import the risk register",
        done_url=lambda request: reverse("governance:risk_register", kwargs={"org": request.organisation.slug}),
        help_template="governance/_risk_import_help.html",
    )
)


# --- Self-assessment and contributions -------------------------------------------------------------


@org_view()
def assessment_list(request):
    assessments = list(
        SelfAssessment.objects.for_org(request.organisation).select_related("framework", "inspection__framework")
    )
    shown = next((a for a in assessments if str(a.pk) == request.GET.get("b")), assessments[0] if assessments else None)
    earlier = [a for a in assessments if shown and a != shown and a.framework_id == shown.framework_id]
    against = next((a for a in earlier if str(a.pk) == request.GET.get("a")), None)
    return render(
        request,
        "governance/assessments.html",
        {
            "assessments": assessments,
            "shown": shown,
            "earlier": earlier,
            "against": against,
            "rated": selectors.assessment_rated(shown) if shown else None,
            "beside": selectors.assessment_beside_inspection(shown) if shown else None,
            "comparison": selectors.compare_assessments(against, shown) if against else None,
        },
    )


@org_view(**EDITORS)
def assessment_edit(request, pk: int | None = None):
    org = request.organisation
    assessment = SelfAssessment.objects.select_related("framework").get_for_org(org, pk=pk) if pk else None
    frameworks = InspectionFramework.objects.all()
    if assessment:
        framework = assessment.framework
    else:
        # The framework asked for; else the latest inspection's; else the one in use now (the
        # frameworks are in date order).
        latest = Inspection.objects.for_org(org).select_related("framework").first()
        framework = frameworks.filter(code=request.GET.get("framework")).first() or (
            latest.framework if latest else frameworks.last()
        )
    if framework is None:
        raise Http404("No inspection framework has been loaded.")
    form = SelfAssessmentForm(
        request.POST or None,
        organisation=org,
        framework=framework,
        current={r.standard_id: r for r in assessment.ratings.all()} if assessment else {},
        initial={"date": assessment.date, "title": assessment.title, "inspection": assessment.inspection_id}
        if assessment
        else {
            "date": timezone.localdate(),
            "inspection": Inspection.objects.for_org(org).filter(framework=framework).first(),
        },
    )
    if request.method == "POST" and form.is_valid():
        assessment = services.self_assessment_save(
            organisation=org,
            framework=framework,
            assessment=assessment,
            date=form.cleaned_data["date"],
            title=form.cleaned_data["title"],
            inspection=form.cleaned_data["inspection"],
            ratings=form.ratings(),
        )
        messages.success(request, f"“{assessment.title}” is saved.")
        return redirect(f"{reverse('governance:assessments', kwargs={'org': org.slug})}?b={assessment.pk}")
    return render(
        request,
        "governance/assessment_form.html",
        {
            "form": form,
            "framework": framework,
            "frameworks": frameworks if not assessment else None,
            "title": "Edit self-assessment" if pk else "New self-assessment",
            "cancel_url": reverse("governance:assessments", kwargs={"org": org.slug}),
        },
    )


@org_view()
def contributions(request):
    rows = list(PartnerContribution.objects.for_org(request.organisation))
    years = sorted({r.year for r in rows}, reverse=True)
    year = request.GET.get("year") if request.GET.get("year") in years else (years[0] if years else None)
    shown = [r for r in rows if r.year == year]
    totals = {
        "staffing": sum(r.staffing for r in shown),
        "payments_in_kind": sum(r.payments_in_kind for r in shown),
        "other_delegated": sum(r.other_delegated for r in shown),
        "total": sum(r.total for r in shown),
    }
    return render(
        request, "governance/contributions.html", {"rows": shown, "years": years, "year": year, "totals": totals}
    )


# --- Committee reports ------------------------------------------------------------------------------

REPORT = {"write": Capability.REPORT}


@org_view()
def reports(request):
    org_reports = (
        CommitteeReport.objects.for_org(request.organisation)
        .select_related("organisation")  # each report's address names it
        .prefetch_related("renders", "sign_offs")
    )
    committees: dict[str, list] = {}
    for report in org_reports:
        committees.setdefault(report.committee, []).append(report)
    return render(request, "governance/reports.html", {"committees": committees})


@org_view(read=Capability.REPORT, write=Capability.REPORT)
def report_edit(request, pk: int | None = None):
    org = request.organisation
    report = CommitteeReport.objects.get_for_org(org, pk=pk) if pk else CommitteeReport(organisation=org)
    if report.is_plan:
        return redirect("governance:plan_edit", org=org.slug, pk=report.pk)
    initial = None
    if not pk:
        initial = report_services.report_prefill(organisation=org, committee=request.GET.get("committee", ""))
    form = CommitteeReportForm(request.POST or None, instance=report, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.created_by = saved.created_by or request.user
        saved.save()
        messages.success(request, "The report is saved. Generate the PDF when you are ready.")
        return redirect(saved)
    committees = sorted(set(CommitteeReport.objects.for_org(org).values_list("committee", flat=True)))
    return render(request, "governance/report_form.html", {"form": form, "committees": committees, "report": report})


@org_view(**REPORT)
def report_detail(request, pk: int):
    report = CommitteeReport.objects.get_for_org(request.organisation, pk=pk)
    if request.method == "POST":
        restates = None
        if wanted := request.POST.get("restates"):
            if not (wanted.isdecimal() and len(wanted) < 10):
                raise Http404("No such version.")
            restates = ReportRender.objects.filter(report=report).get_for_org(request.organisation, pk=wanted)
        render_obj = report_services.render_request(
            report=report, user=request.user, restates=restates, corrected=request.POST.get("corrected") == "1"
        )
        if request.htmx:
            return render(request, "governance/_render_row.html", {"r": render_obj, "report": report})
        messages.info(request, f"Version {render_obj.version} is queued.")
        return redirect(report)
    return render(request, "governance/report_detail.html", report_page_context(report, since=request.GET.get("since")))


@org_view(**REPORT)
def render_status(request, pk: int):
    render_obj = ReportRender.objects.select_related("report__organisation").get_for_org(request.organisation, pk=pk)
    if request.method == "POST":
        render_obj = report_services.render_retry(render=render_obj)
    return render(request, "governance/_render_row.html", {"r": render_obj, "report": render_obj.report})


@org_view()
def render_download(request, pk: int):
    render_obj = ReportRender.objects.select_related("report__organisation").get_for_org(request.organisation, pk=pk)
    if render_obj.status != RenderStatus.DONE or not render_obj.file:
        raise Http404("This version has no file yet.")
    return file_download(render_obj.file, filename=render_obj.filename, content_type="application/pdf")


@org_view()
def report_appendices(request, pk: int):
    report = CommitteeReport.objects.get_for_org(request.organisation, pk=pk)
    response = HttpResponse(report_appendix_workbook(report), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{request.organisation.slug}-report-appendices.xlsx"'
    return response


# --- Settings: the risk matrix, KPI 7, the pooled budget and boards ------------------------------


def _matrix_initial(definition: dict) -> tuple[dict, list[dict]]:
    """Form and formset initial values of a matrix definition (levels, band tuples)."""
    levels = {"levels": "\n".join(definition["levels"])}
    names = ("lowest", "highest", "label", "colour")
    return levels, [dict(zip(names, band, strict=True)) for band in definition["bands"]]


@org_view(**EDITORS)
def matrix_edit(request):
    org = request.organisation
    matrix = selectors.risk_matrix_of(org)
    current = (
        {"levels": matrix.levels, "bands": [(b.lowest, b.highest, b.label, b.colour) for b in matrix.bands.all()]}
        if matrix
        else DEFAULT_RISK_MATRIX
    )
    if request.method == "POST":
        form, bands = RiskMatrixForm(request.POST), RiskBandFormSet(request.POST, prefix="bands")
    else:
        levels, initial_bands = _matrix_initial(PRESET_MATRICES.get(request.GET.get("preset", ""), current))
        form, bands = RiskMatrixForm(initial=levels), RiskBandFormSet(prefix="bands", initial=initial_bands)
    preview = None
    if request.method == "POST" and form.is_valid() and bands.is_valid():
        chosen = [
            services.Band(**{k: f.cleaned_data[k] for k in ("lowest", "highest", "label", "colour")})
            for f in bands.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            services.risk_matrix_change(
                organisation=org,
                levels=form.level_names(),
                bands=chosen,
                confirmation=form.cleaned_data["confirmation"],
            )
        except services.MatrixResizeNeedsConfirmation as needed:
            preview = needed
            form = RiskMatrixForm({**request.POST.dict(), "confirmation": needed.token})
            form.is_valid()
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The risk matrix is saved.")
            return redirect("governance:matrix", org=org.slug)
    return render(
        request,
        "governance/matrix_form.html",
        {
            "form": form,
            "bands": bands,
            "matrix": matrix,
            "preview": preview,
            "crumbs": settings_crumbs(request),
            "history": history_rows(matrix.history.all()) if matrix else None,
        },
    )


@org_view(**EDITORS)
def kpi7(request):
    org = request.organisation
    summary = selectors.board_attendance_tracking(org)
    if request.method == "POST":
        tracked = request.POST.get("tracked") == "on"
        recorded = services.board_attendance_tracking_set(organisation=org, tracked=tracked, user=request.user)
        if tracked:
            messages.success(
                request,
                f"KPI 7 is tracked; {counted(recorded, 'quarter')} recorded from the board's attendance.",
            )
        else:
            messages.success(request, "KPI 7 is no longer tracked; the values recorded are kept.")
        return redirect("governance:kpi7", org=org.slug)
    return render(request, "governance/kpi7.html", {"summary": summary, "crumbs": settings_crumbs(request)})


@org_view(**EDITORS)
def contributions_edit(request):
    """One year's contributions (?year=2019/20), or a new year's (no year given)."""
    org = request.organisation
    year = request.GET.get("year") or None
    if year and not PartnerContribution.objects.for_org(org).filter(year=year).exists():
        raise Http404("No contributions are recorded for that year.")
    rows = PartnerContribution.objects.for_org(org).filter(year=year) if year else PartnerContribution.objects.none()
    year_form = ContributionYearForm(request.POST or None, initial={"year": year})
    year_form.fields["year"].disabled = bool(year)  # a recorded year's rows are edited, not moved
    formset = ContributionFormSet(request.POST or None, queryset=rows, prefix="rows")
    if request.method == "POST" and year_form.is_valid() and formset.is_valid():
        chosen = year_form.cleaned_data["year"]
        if chosen != year and PartnerContribution.objects.for_org(org).filter(year=chosen).exists():
            year_form.add_error("year", f"{chosen} is recorded already: edit it instead.")
        else:
            if services.contributions_save(organisation=org, year=chosen, formset=formset):
                messages.success(request, f"The contributions for {chosen} are saved.")
            else:
                messages.info(request, f"Nothing was entered for {chosen}.")
            return redirect(f"{reverse('governance:contributions', kwargs={'org': org.slug})}?year={chosen}")
    return render(
        request,
        "governance/contributions_form.html",
        {
            "year_form": year_form,
            "formset": formset,
            "year": year,
            "title": f"Contributions for {year}" if year else "Contributions for a new year",
            "history": history_rows(PartnerContribution.history.filter(organisation=org, year=year), subjects=True)
            if year
            else None,
        },
    )


@org_view(**EDITORS)
def board_edit(request, pk: int | None = None):
    org = request.organisation
    board = _boards(request).get_for_org(org, pk=pk) if pk else Board(organisation=org)
    form = BoardForm(request.POST or None, instance=board)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.name} is saved.")
        return redirect(saved)
    return render(
        request,
        "governance/form.html",
        {
            "form": form,
            "title": f"Edit {board.name}" if pk else "Add a board or sub-group",
            "cancel_url": board.get_absolute_url() if pk else reverse("governance:index", kwargs={"org": org.slug}),
        },
    )
