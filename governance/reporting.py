"""Building a committee report: the data for each section, then HTML, then a PDF (WeasyPrint).

The rules the report states are those of the pages: the plan roll-up and statuses come from
improvement, the dashboard and its charts from performance, the risk scores and heat map from
this app. Nothing is recomputed here.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from governance import selectors as governance_selectors
from governance.choices import RiskStatus
from governance.models import CommitteeReport
from governance.models.reports import NARRATIVES, SECTIONS
from improvement.choices import PlanStatus
from improvement.models import ImprovementPlan, Inspection, ProgressUpdate, RagStatus
from improvement.selectors import plan_actions
from improvement.services import rollup
from performance import rag
from performance import selectors as performance_selectors
from performance.models import Measurement, TrackedIndicator

# The indicators Appendix A charts in full, where the service tracks them.
CHARTED_INDICATORS = ["REOFF_BINARY", "FTE_RATE", "CUSTODY_COUNT"]


@dataclass
class RecommendationProgress:
    recommendation: object
    activities: list = field(default_factory=list)  # progress updates dated in the period
    actions: list = field(default_factory=list)  # (action, status) pairs
    rollup: object = None
    next_steps: list = field(default_factory=list)


def current_plan(organisation):
    return (
        ImprovementPlan.objects.for_org(organisation)
        .exclude(status=PlanStatus.CLOSED)
        .select_related("inspection__overall_judgement")
        .order_by("-period_start")
        .first()
    )


def report_context(report: CommitteeReport, *, today: datetime.date | None = None) -> dict:
    organisation = report.organisation
    plan = current_plan(organisation)
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
    }
    if plan is not None:
        actions = list(plan_actions(plan).select_related("recommendation", "owner"))
        context["plan_rollup"] = rollup(scale=scale, status_pks=[a.current_status_pk for a in actions])
        context["action_rows"] = [(a, by_pk.get(a.current_status_pk)) for a in actions]
        if report.includes("recommendations"):
            context["progress"] = _progress(report, plan, actions, scale, by_pk)
    if report.includes("inspection"):
        inspection = plan.inspection if plan and plan.inspection else Inspection.objects.for_org(organisation).first()
        context["inspection"] = inspection
        context["judgements"] = list(inspection.judgements.select_related("level")) if inspection else []
    if report.includes("appendix_a"):
        context["dashboard"] = performance_selectors.dashboard(organisation, _period_for(report))
        context["charts"] = _charts(organisation)
        context["kpi_statuses"] = rag.STATUSES
    matrix = governance_selectors.risk_matrix_of(organisation) if report.includes("appendix_b") else None
    if matrix is not None:  # a service without a matrix has no scored register to append
        risks = list(governance_selectors.risks_for(organisation))
        context["matrix"] = matrix
        context["risk_rows"] = governance_selectors.risk_rows(matrix, risks, today)
        open_risks = [r for r in risks if r.status == RiskStatus.OPEN]
        context["heat_maps"] = [
            governance_selectors.heat_map(matrix, open_risks, "inherent"),
            governance_selectors.heat_map(matrix, open_risks, "residual"),
        ]
    return context


def _period_for(report: CommitteeReport):
    latest = (
        Measurement.objects.for_org(report.organisation)
        .filter(period__lte=report.period_end)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )
    return latest


def _progress(report, plan, actions, scale, by_pk) -> list[RecommendationProgress]:
    updates = (
        ProgressUpdate.objects.filter(
            action__recommendation__plan=plan, date__range=(report.period_start, report.period_end)
        )
        .select_related("action", "status")
        .order_by("date", "pk")
    )
    by_rec: dict[int, RecommendationProgress] = {}
    recommendations = list(plan.recommendations.prefetch_related("next_steps"))
    for rec in recommendations:
        by_rec[rec.pk] = RecommendationProgress(rec, next_steps=list(rec.next_steps.all()))
    for update in updates:
        by_rec[update.action.recommendation_id].activities.append(update)
    for action in actions:
        by_rec[action.recommendation_id].actions.append((action, by_pk.get(action.current_status_pk)))
    for item in by_rec.values():
        item.rollup = rollup(scale=scale, status_pks=[a.current_status_pk for a, _ in item.actions])
    return [by_rec[rec.pk] for rec in recommendations]


def _charts(organisation) -> list:
    tracked = {
        t.indicator.code: t.indicator
        for t in TrackedIndicator.objects.for_org(organisation)
        .filter(indicator__code__in=CHARTED_INDICATORS)
        .select_related("indicator__category")
    }
    return [
        performance_selectors.indicator_page(organisation, tracked[code]).chart
        for code in CHARTED_INDICATORS
        if code in tracked
    ]


def render_html(report: CommitteeReport) -> str:
    return render_to_string("governance/report/pdf.html", report_context(report))


def render_pdf(report: CommitteeReport, progress: Callable[[str], None] = lambda step: None) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count. `progress` is told each step as it starts."""
    from weasyprint import HTML

    progress("Collecting the figures")
    html = render_html(report)
    progress("Laying out the pages")
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    progress("Writing the PDF")
    pdf = document.write_pdf(pdf_tags=True)
    return pdf, len(document.pages)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
