"""Building a committee report: the data for each section, then HTML, then a PDF (WeasyPrint).
A youth justice plan is built the same way, with what only a plan says (governance.plan_context).

The rules the report states are those of the pages: the plan roll-up and statuses come from
improvement, the dashboard and its charts from performance, the risk scores and heat map from
this app. Nothing is recomputed here.

Every figure has two dates. It is as it stood at the end of the report's period (`as_of`), read
through the selectors' as-of forms: the plan then in force, the actions on it then and the status
each had, the risks raised by then with their scores then, the self-assessment then in force, and
the indicators up to that period. And it is as it had been recorded at the version's moment
(`recorded`, yos_tracker.history): a value corrected later, an update typed later but dated in the
period, a review added later or an action reworded later is not in the version presented, so a
version re-rendered says what it said the first time; a version "with later corrections" reads
them, and lists them (governance.changes).
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pydyf
from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from governance import selectors as governance_selectors
from governance.changes import changes_since
from governance.choices import RiskStatus
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import NARRATIVES, SECTIONS
from governance.plan_context import plan_context
from improvement.models import ImprovementPlan, Inspection, NextStep, ProgressUpdate, RagStatus, Recommendation
from improvement.rollups import rollup
from improvement.selectors import inspection_ratings, plan_actions
from performance import rag
from performance import selectors as performance_selectors
from performance.models import TrackedIndicator
from performance.rollup import plan_status_shares
from yos_tracker.history import (
    Moment,
    as_recorded,
    end_of_day,
    known_by,
    overlaid,
    recorded_by,
    until,
    versions_as_of,
)

# The indicators Appendix A charts in full, where the service tracks them.
CHARTED_INDICATORS = ["REOFF_BINARY", "FTE_RATE", "CUSTODY_COUNT"]


@dataclass(frozen=True)
class Activity:
    """A progress update of the period as the report prints it (as recorded at its moment)."""

    date: datetime.date
    reference: str  # the action's
    status: object
    narrative: str
    corrected_on: datetime.datetime | None


@dataclass
class RecommendationProgress:
    recommendation: object
    activities: list = field(default_factory=list)  # progress updates dated in the period
    actions: list = field(default_factory=list)  # (action, status) pairs
    rollup: object = None
    next_steps: list = field(default_factory=list)


PLAN_TEXT = ("title", "period_start", "period_end", "status", "approved_by", "approved_on", "stale_after_days")
RECOMMENDATION_TEXT = ("kind", "reference", "addressed_to", "text", "theme", "theme_lead", "order")
INSPECTION_TEXT = (
    "inspectorate",
    "inspection_type",
    "fieldwork_start",
    "published_on",
    "overall_judgement",
    "overall_narrative",
)


def as_presented(report: CommitteeReport, recorded: Moment) -> CommitteeReport:
    """The report's own definition (its narrative, period, sections) as it had been recorded at
    the moment `recorded`: edited later, a version presented before still says what it said."""
    if recorded is None:
        return report
    try:
        return report.history.as_of(recorded_by(recorded).known_until)
    except CommitteeReport.DoesNotExist:
        return report


def report_context(report: CommitteeReport, recorded: Moment = None) -> dict:
    """What a report shows, as it stood at the end of its period, and as recorded at the moment
    `recorded` (None: as recorded now)."""
    report = as_presented(report, recorded)
    organisation = report.organisation
    as_of = report.period_end
    plan = known_by(ImprovementPlan.objects.for_org(organisation), recorded).in_force(as_of)
    if plan is not None:
        overlaid([plan], recorded, PLAN_TEXT)
    scale = list(RagStatus.objects.for_org(organisation))
    by_pk = {s.pk: s for s in scale}
    context = {
        "report": report,
        "organisation": organisation,
        "plan": plan,
        "scale": scale,
        "narratives": [(label, getattr(report, name)) for name, label in NARRATIVES if getattr(report, name)],
        "section_labels": dict(SECTIONS),
        "generated_at": timezone.localtime(),
        "as_of": as_of,
        "recorded": recorded_by(recorded),
    }
    if plan is not None:
        actions = list(
            plan_actions(plan, as_of, recorded)
            .select_related("recommendation", "owner")
            .order_by("recommendation__order", "order", "id")
        )
        context["plan_rollup"] = rollup(scale=scale, status_pks=[a.current_status_pk for a in actions])
        context["action_rows"] = [(a, by_pk.get(a.current_status_pk)) for a in actions]
        if report.includes("recommendations"):
            context["progress"] = _progress(report, plan, actions, scale, by_pk, recorded)
    if report.includes("inspection"):
        published = known_by(Inspection.objects.for_org(organisation), recorded).filter(
            Q(published_on__lte=as_of) | Q(published_on__isnull=True, fieldwork_start__lte=as_of)
        )
        inspection = plan.inspection if plan and plan.inspection else published.first()
        if inspection is not None:
            overlaid([inspection], recorded, INSPECTION_TEXT)
        context["inspection"] = inspection
        context["inspection_rated"] = inspection_ratings(inspection, recorded) if inspection else None
    if report.includes("appendix_a"):
        # The plan's status shares in Appendix A are the roll-up its text and Appendix C print.
        month = as_of.replace(day=1)
        shares = plan_status_shares(context.get("plan_rollup"))
        latest = performance_selectors.latest_period(organisation, as_of, recorded)
        context["dashboard"] = performance_selectors.dashboard(
            organisation,
            max(latest, month) if latest and shares else latest,
            recorded,
            computed={code: (month, share) for code, share in shares.items()},
        )
        if report.leave_out_indicators_without_values:
            context["left_out"] = context["dashboard"].leave_out_rows_without_values()
        context["charts"] = _charts(organisation, as_of, recorded)
        context["kpi_statuses"] = rag.STATUSES
        context["tracker"] = performance_selectors.live_tracker(organisation, as_at=as_of, recorded=recorded)
    matrix = None
    if report.includes("appendix_b"):
        matrix = governance_selectors.risk_matrix_of(organisation, as_of, recorded)
    if matrix is not None:  # a service without a matrix has no scored register to append
        risks = governance_selectors.risks_as_of(organisation, as_of, recorded)
        context["matrix"] = matrix
        context["risk_rows"] = governance_selectors.risk_rows(matrix, risks, as_of)
        context["risk_checks"] = governance_selectors.score_checks(risks)
        open_risks = [r for r in risks if r.status == RiskStatus.OPEN]
        context["heat_maps"] = [
            governance_selectors.heat_map(matrix, open_risks, "inherent"),
            governance_selectors.heat_map(matrix, open_risks, "residual"),
        ]
    if report.includes("appendix_d"):
        assessment = governance_selectors.assessment_in_force(organisation, as_of, recorded)
        context["assessment"] = assessment
        context["assessment_rated"] = (
            governance_selectors.assessment_rated(assessment, recorded) if assessment else None
        )
    return context


def _progress(report, plan, actions, scale, by_pk, recorded) -> list[RecommendationProgress]:
    """Each recommendation with the activities of the period, its actions' statuses then, and
    the next steps as they stood at the period's end."""
    references = {action.id: action.reference for action in actions}
    updates = (
        as_recorded(ProgressUpdate, plan.organisation, recorded)
        .filter(action__recommendation__plan=plan, date__range=(report.period_start, report.period_end))
        .select_related("status")
        .with_corrected_on(recorded)
        .order_by("date", "id")
    )
    by_rec: dict[int, RecommendationProgress] = {}
    cutoff = end_of_day(report.period_end)
    # Recommendations on the plan then: recorded by then, or with an action that was.
    history = until(Recommendation.history.filter(plan=plan), recorded)
    on_plan = set(versions_as_of(history, cutoff, late_entries=False)) | {a.recommendation_id for a in actions}
    recommendations = overlaid(
        [rec for rec in known_by(plan.recommendations.all(), recorded) if rec.pk in on_plan],
        recorded,
        RECOMMENDATION_TEXT,
    )
    steps_then = _next_steps_as_of(plan, cutoff, recorded)
    for rec in recommendations:
        by_rec[rec.pk] = RecommendationProgress(rec, next_steps=steps_then.get(rec.pk, []))
    for update in updates:
        rec_id = next((a.recommendation_id for a in actions if a.id == update.action_id), None)
        if rec_id is None:
            rec_id = update.action.recommendation_id  # an action no longer on the plan that day
        if rec_id in by_rec:
            by_rec[rec_id].activities.append(
                Activity(
                    update.date,
                    references.get(update.action_id, update.action.reference),
                    update.status,
                    update.narrative,
                    update.corrected_on,
                )
            )
    for action in actions:
        by_rec[action.recommendation_id].actions.append((action, by_pk.get(action.current_status_pk)))
    for item in by_rec.values():
        item.rollup = rollup(scale=scale, status_pks=[a.current_status_pk for a, _ in item.actions])
    recommendations.sort(key=lambda rec: (rec.order, rec.pk))
    return [by_rec[rec.pk] for rec in recommendations]


def _next_steps_as_of(plan, cutoff: datetime.datetime, recorded: Moment) -> dict[int, list]:
    """Each recommendation's next steps as they stood: those recorded by then. A recommendation
    whose steps were all entered later (the demo, an import) shows them as first recorded; one
    whose steps were rewritten later shows the earlier ones, not both. Nothing recorded after the
    moment `recorded` counts."""
    history = until(NextStep.history.filter(recommendation__plan=plan), recorded)
    strict = versions_as_of(history, cutoff, late_entries=False)
    every = versions_as_of(history, cutoff)
    recorded_then = {step.recommendation_id for step in strict.values()}
    by_rec: dict[int, list] = {}
    for step in (every | strict).values():
        if step.recommendation_id and (step.id in strict or step.recommendation_id not in recorded_then):
            by_rec.setdefault(step.recommendation_id, []).append(step)
    return {rec: sorted(steps, key=lambda s: (s.order, s.id)) for rec, steps in by_rec.items()}


def _charts(organisation, as_of: datetime.date, recorded: Moment) -> list:
    tracked = {
        t.indicator.code: t.indicator
        for t in as_recorded(TrackedIndicator, organisation, recorded)
        .filter(indicator__code__in=CHARTED_INDICATORS)
        .select_related("indicator__category")
    }
    return [
        performance_selectors.indicator_page(organisation, tracked[code], until=as_of, recorded=recorded).chart
        for code in CHARTED_INDICATORS
        if code in tracked
    ]


# A version with later corrections lists at most this many; the report page lists them all.
CORRECTIONS_LISTED = 25


def render_html(report: CommitteeReport, recorded: Moment = None, restates: ReportRender | None = None) -> str:
    """The report's HTML, its records read as recorded at the moment `recorded` (None: now). A
    version restating an earlier one with later corrections lists the changes since that one."""
    context = report_context(report, recorded)
    recorded = recorded_by(recorded)
    if restates is not None and recorded is not None and restates.known.known_until < recorded.known_until:
        corrections = changes_since(report, restates.known.known_until, until=recorded.known_until)
        context.update(
            restated=restates,
            corrections=corrections[:CORRECTIONS_LISTED],
            corrections_left=max(0, len(corrections) - CORRECTIONS_LISTED),
        )
    if report.is_plan:
        return render_to_string("governance/report/yj_plan.html", plan_context(context["report"], context))
    return render_to_string("governance/report/pdf.html", context)


def render_pdf(
    report: CommitteeReport,
    progress: Callable[[str], None] = lambda step: None,
    recorded: Moment = None,
    restates: ReportRender | None = None,
) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count, as recorded at the moment `recorded` (see
    render_html). `progress` is told each step as it starts."""
    from weasyprint import HTML

    progress("Collecting the figures")
    html = render_html(report, recorded, restates)
    progress("Laying out the pages")
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    progress("Writing the PDF")
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", finisher=id_tree)
    return pdf, len(document.pages)


def id_tree(document, pdf: pydyf.PDF) -> None:
    """List the structure elements' IDs in the structure tree root's /IDTree, as PDF requires of
    a tagged document whose elements have IDs (ISO 32000-1, 14.7.2): WeasyPrint gives each table
    header cell one, for data cells to name in /Headers, but no tree. A WeasyPrint finisher."""
    objects = [obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)]
    root = next((obj for obj in objects if obj.get("Type") == "/StructTreeRoot"), None)
    named = sorted((obj for obj in objects if isinstance(obj.get("ID"), pydyf.String)), key=lambda o: o["ID"].string)
    if root is None or not named:
        return
    names = pydyf.Array()
    for element in named:
        names.extend([element["ID"], element.reference])
    tree = pydyf.Dictionary({"Names": names})
    pdf.add_object(tree)
    root["IDTree"] = tree.reference


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
