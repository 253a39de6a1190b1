"""Demo governance records: Lewisham's board, risk register, self-assessments, pooled budget,
logic models, committee report and 2019/20 youth justice plan (governance/demo_data.py, from seed
004; governance/report_demo_data.py)."""

from simple_history.utils import bulk_create_with_history

from governance import demo_data, services
from governance.demo_staffing import load_staffing
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardAction,
    BoardMember,
    CommitteeReport,
    LogicModel,
    LogicOutcome,
    LogicOutcomeReview,
    Meeting,
    PartnerContribution,
    Risk,
    RiskReview,
    SelfAssessment,
)
from governance.models.reports import YJ_PLAN_SECTIONS, ReportKind
from governance.models.risks import recorded_score_kept
from governance.report_demo_data import LEWISHAM_PLAN_2019, LEWISHAM_REPORT
from governance.report_services import YJ_PLAN_COMMITTEE, plan_dates
from improvement.models import Inspection, InspectionFramework, RagStatus
from performance.models import Indicator
from yos_tracker.models import Organisation

# --- Board, risks, self-assessment and contributions (governance/demo_data.py, from seed 004) ----


def load_governance() -> None:
    """Lewisham's board, meetings, risk register, self-assessments and pooled budget. Creates what
    is missing; never changes what exists."""
    lewisham = Organisation.objects.get(slug="lewisham")
    if not Board.objects.for_org(lewisham).exists():
        _board(lewisham, demo_data)
    if not Risk.objects.for_org(lewisham).exists():
        _risks(lewisham, demo_data)
    if not SelfAssessment.objects.for_org(lewisham).exists():
        _assessments(lewisham, demo_data.SELF_ASSESSMENTS)
    for slug, item in demo_data.OTHER_SELF_ASSESSMENTS.items():
        organisation = Organisation.objects.get(slug=slug)
        if not SelfAssessment.objects.for_org(organisation).filter(title=item["title"]).exists():
            _assessments(organisation, [item])
    if not LogicModel.objects.for_org(lewisham).exists():
        _logic_models(lewisham, demo_data)
    if not PartnerContribution.objects.for_org(lewisham).exists():
        bulk_create_with_history(
            [
                PartnerContribution(organisation=lewisham, year=demo_data.CONTRIBUTIONS_YEAR, **row)
                for row in demo_data.CONTRIBUTIONS
            ],
            PartnerContribution,
        )
    load_staffing(lewisham)


def _board(organisation, data) -> None:
    board = Board.objects.create(
        organisation=organisation,
        name=data.BOARD["name"],
        terms_of_reference=data.BOARD["terms_of_reference"],
        terms_of_reference_review=data.BOARD["terms_of_reference_review"],
    )
    for sub in data.BOARD["sub_groups"]:
        Board.objects.create(
            organisation=organisation, parent=board, name=sub["name"], terms_of_reference=sub["terms_of_reference"]
        )
    members = {m["name"]: BoardMember.objects.create(board=board, **m) for m in data.MEMBERS}
    statuses = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    for item in data.MEETINGS:
        meeting = Meeting.objects.create(board=board, date=item["date"], decisions=item["decisions"])
        AgendaItem.objects.bulk_create(
            [AgendaItem(meeting=meeting, order=i, title=t) for i, t in enumerate(item["agenda"])]
        )
        bulk_create_with_history(
            [
                Attendance(meeting=meeting, member=members[name], status=status)
                for name, status in item["attendance"].items()
            ],
            Attendance,
        )
        for action in item["actions"]:
            BoardAction.objects.create(
                board=board,
                meeting=meeting,
                description=action["description"],
                owner=action["owner"],
                due_date=action["due"],
                status=statuses[action["status"]],
            )


def _risks(organisation, data) -> None:
    levels = {name: i for i, name in enumerate(data.RISK_MATRIX["levels"], start=1)}
    for row in data.RISKS:
        risk = Risk.objects.create(
            organisation=organisation,
            number=row["number"],
            raised_on=row["raised_on"],
            title=row["title"],
            description=row["description"],
            owner=row["owner"],
            category=row["category"],
            inherent_likelihood=levels[row["inherent_likelihood"]],
            inherent_impact=levels[row["inherent_impact"]],
            mitigations=row["mitigations"],
            residual_likelihood=levels[row["residual_likelihood"]],
            residual_impact=levels[row["residual_impact"]],
            inherent_score_recorded=recorded_score_kept(
                row["inherent_score_recorded"],
                levels[row["inherent_likelihood"]] * levels[row["inherent_impact"]],
            ),
            residual_score_recorded=recorded_score_kept(
                row["residual_score_recorded"],
                levels[row["residual_likelihood"]] * levels[row["residual_impact"]],
            ),
            last_reviewed=row["last_reviewed"],
            status=row["status"],
            status_commentary=row["status_commentary"],
        )
        if row["last_reviewed"]:
            RiskReview.objects.create(
                risk=risk,
                date=row["last_reviewed"],
                commentary=row["status_commentary"],
                inherent_likelihood=risk.inherent_likelihood,
                inherent_impact=risk.inherent_impact,
                residual_likelihood=risk.residual_likelihood,
                residual_impact=risk.residual_impact,
            )


def _assessments(organisation, assessments) -> None:
    for item in assessments:
        framework = InspectionFramework.objects.get(code=item["framework"])
        standards = {s.code: s for s in framework.standards.all()}
        levels = {level.label: level for level in framework.levels.all()}
        inspection = None
        if item.get("inspection_by"):
            inspection = Inspection.objects.for_org(organisation).filter(inspectorate=item["inspection_by"]).first()
        services.self_assessment_save(
            organisation=organisation,
            framework=framework,
            assessment=None,
            date=item["date"],
            title=item["title"],
            inspection=inspection,
            ratings={standards[code]: (levels[label], text, "") for code, (label, text) in item["ratings"].items()},
        )


def load_reports() -> None:
    """The June 2017 progress report to Lewisham's Safer Stronger Select Committee and Lewisham's
    2019/20 youth justice plan, ready to render."""
    lewisham = Organisation.objects.get(slug="lewisham")
    CommitteeReport.objects.get_or_create(
        organisation=lewisham,
        committee=LEWISHAM_REPORT["committee"],
        meeting_date=LEWISHAM_REPORT["meeting_date"],
        defaults={k: v for k, v in LEWISHAM_REPORT.items() if k not in ("committee", "meeting_date")},
    )
    plan = LEWISHAM_PLAN_2019
    CommitteeReport.objects.get_or_create(
        organisation=lewisham,
        kind=ReportKind.YJ_PLAN,
        plan_year=plan["plan_year"],
        defaults={
            **{k: v for k, v in plan.items() if k != "plan_year"},
            **plan_dates(year=plan["plan_year"], plan_date=plan["meeting_date"]),
            "committee": YJ_PLAN_COMMITTEE,
            "sections": list(YJ_PLAN_SECTIONS),
        },
    )


def _logic_models(organisation, data) -> None:
    scale = {status.code: status for status in RagStatus.objects.for_org(organisation)}
    indicators = {i.code: i for i in Indicator.objects.available_to(organisation)}
    for item in data.LOGIC_MODELS:
        fields = {k: v for k, v in item.items() if k != "outcomes"}
        model = LogicModel.objects.create(organisation=organisation, note=data.LOGIC_MODEL_NOTE, **fields)
        for order, (term, text, codes, reviews) in enumerate(item["outcomes"]):
            outcome = LogicOutcome.objects.create(model=model, term=term, text=text, order=order)
            outcome.indicators.set([indicators[code] for code in codes if code in indicators])
            bulk_create_with_history(
                [
                    LogicOutcomeReview(outcome=outcome, date=day, status=scale[code], note=note)
                    for day, code, note in reviews
                ],
                LogicOutcomeReview,
            )
