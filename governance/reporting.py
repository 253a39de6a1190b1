"""Building a committee report: the data for each section, then HTML, then a PDF (WeasyPrint).
A youth justice plan is built the same way, with what only a plan says (governance.plan_context).

The rules the report states are those of the pages: the plan roll-up and statuses come from
improvement, the dashboard and its charts from performance, the risk scores and heat map from
this app. Nothing is recomputed here.

Every figure is as it stood at the end of the report's period (`as_of`), read through the
selectors' as-of forms: the plan then in force, the actions on it then and the status each had,
the risks raised by then with their scores then, the self-assessment then in force, and the
indicators up to that period. A report re-rendered later says what it said the first time.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from governance import selectors as governance_selectors
from governance.choices import RiskStatus
from governance.models import CommitteeReport
from governance.models.reports import NARRATIVES, SECTIONS
from governance.plan_context import plan_context
from improvement.models import ImprovementPlan, Inspection, NextStep, ProgressUpdate, RagStatus, Recommendation
from improvement.rollups import rollup
from improvement.selectors import inspection_ratings, plan_actions
from performance import rag
from performance import selectors as performance_selectors
from performance.models import TrackedIndicator
from yos_tracker.history import end_of_day, versions_as_of

# The indicators Appendix A charts in full, where the service tracks them.
CHARTED_INDICATORS = ["REOFF_BINARY", "FTE_RATE", "CUSTODY_COUNT"]


@dataclass
class RecommendationProgress:
    recommendation: object
    activities: list = field(default_factory=list)  # progress updates dated in the period
    actions: list = field(default_factory=list)  # (action, status) pairs
    rollup: object = None
    next_steps: list = field(default_factory=list)


def report_context(report: CommitteeReport) -> dict:
    organisation = report.organisation
    as_of = report.period_end
    plan = ImprovementPlan.objects.for_org(organisation).in_force(as_of)
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
    }
    if plan is not None:
        actions = list(plan_actions(plan, as_of).select_related("recommendation", "owner"))
        context["plan_rollup"] = rollup(scale=scale, status_pks=[a.current_status_pk for a in actions])
        context["action_rows"] = [(a, by_pk.get(a.current_status_pk)) for a in actions]
        if report.includes("recommendations"):
            context["progress"] = _progress(report, plan, actions, scale, by_pk)
    if report.includes("inspection"):
        published = Inspection.objects.for_org(organisation).filter(
            Q(published_on__lte=as_of) | Q(published_on__isnull=True, fieldwork_start__lte=as_of)
        )
        inspection = plan.inspection if plan and plan.inspection else published.first()
        context["inspection"] = inspection
        context["inspection_rated"] = inspection_ratings(inspection) if inspection else None
    if report.includes("appendix_a"):
        context["dashboard"] = performance_selectors.dashboard(
            organisation, performance_selectors.latest_period(organisation, as_of)
        )
        context["charts"] = _charts(organisation, as_of)
        context["kpi_statuses"] = rag.STATUSES
        context["tracker"] = performance_selectors.live_tracker(organisation, as_at=as_of)
    matrix = governance_selectors.risk_matrix_of(organisation, as_of) if report.includes("appendix_b") else None
    if matrix is not None:  # a service without a matrix has no scored register to append
        risks = governance_selectors.risks_as_of(organisation, as_of)
        context["matrix"] = matrix
        context["risk_rows"] = governance_selectors.risk_rows(matrix, risks, as_of)
        context["risk_checks"] = governance_selectors.score_checks(risks)
        open_risks = [r for r in risks if r.status == RiskStatus.OPEN]
        context["heat_maps"] = [
            governance_selectors.heat_map(matrix, open_risks, "inherent"),
            governance_selectors.heat_map(matrix, open_risks, "residual"),
        ]
    if report.includes("appendix_d"):
        assessment = governance_selectors.assessment_in_force(organisation, as_of)
        context["assessment"] = assessment
        context["assessment_rated"] = governance_selectors.assessment_rated(assessment) if assessment else None
    return context


def _progress(report, plan, actions, scale, by_pk) -> list[RecommendationProgress]:
    """Each recommendation with the activities of the period, its actions' statuses then, and
    the next steps as they stood at the period's end."""
    updates = (
        ProgressUpdate.objects.filter(
            action__recommendation__plan=plan, date__range=(report.period_start, report.period_end)
        )
        .select_related("action", "status")
        .with_corrected_on()
        .order_by("date", "pk")
    )
    by_rec: dict[int, RecommendationProgress] = {}
    cutoff = end_of_day(report.period_end)
    # Recommendations on the plan then: recorded by then, or with an action that was.
    recorded = versions_as_of(Recommendation.history.filter(plan=plan), cutoff, late_entries=False)
    on_plan = set(recorded) | {action.recommendation_id for action in actions}
    recommendations = [rec for rec in plan.recommendations.all() if rec.pk in on_plan]
    steps_then = _next_steps_as_of(plan, cutoff)
    for rec in recommendations:
        by_rec[rec.pk] = RecommendationProgress(rec, next_steps=steps_then.get(rec.pk, []))
    for update in updates:
        by_rec[update.action.recommendation_id].activities.append(update)
    for action in actions:
        by_rec[action.recommendation_id].actions.append((action, by_pk.get(action.current_status_pk)))
    for item in by_rec.values():
        item.rollup = rollup(scale=scale, status_pks=[a.current_status_pk for a, _ in item.actions])
    return [by_rec[rec.pk] for rec in recommendations]


def _next_steps_as_of(plan, cutoff: datetime.datetime) -> dict[int, list]:
    """Each recommendation's next steps as they stood: those recorded by then. A recommendation
    whose steps were all entered later (the demo, an import) shows them as first recorded; one
    whose steps were rewritten later shows the earlier ones, not both."""
    history = NextStep.history.filter(recommendation__plan=plan)
    strict = versions_as_of(history, cutoff, late_entries=False)
    every = versions_as_of(history, cutoff)
    recorded_then = {step.recommendation_id for step in strict.values()}
    by_rec: dict[int, list] = {}
    for step in (every | strict).values():
        if step.recommendation_id and (step.id in strict or step.recommendation_id not in recorded_then):
            by_rec.setdefault(step.recommendation_id, []).append(step)
    return {rec: sorted(steps, key=lambda s: (s.order, s.id)) for rec, steps in by_rec.items()}


def _charts(organisation, as_of: datetime.date) -> list:
    tracked = {
        t.indicator.code: t.indicator
        for t in TrackedIndicator.objects.for_org(organisation)
        .filter(indicator__code__in=CHARTED_INDICATORS)
        .select_related("indicator__category")
    }
    return [
        performance_selectors.indicator_page(organisation, tracked[code], until=as_of).chart
        for code in CHARTED_INDICATORS
        if code in tracked
    ]


def render_html(report: CommitteeReport) -> str:
    if report.is_plan:
        return render_to_string("governance/report/yj_plan.html", plan_context(report, report_context(report)))
    return render_to_string("governance/report/pdf.html", report_context(report))


def render_pdf(report: CommitteeReport, progress: Callable[[str], None] = lambda step: None) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count. `progress` is told each step as it starts."""
    from weasyprint import HTML

    progress("Collecting the figures")
    html = render_html(report)
    progress("Laying out the pages")
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    progress("Writing the PDF")
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
