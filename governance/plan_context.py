"""What a youth justice plan says beyond a committee report's appendices, as it stood on the
plan's date: the board in post and its attendance over the year, the pooled budget, the logic
models, the sign-off, and the appendices of staffing and the service's structure.
governance.reporting builds the rest (performance, the improvement plan,
risks, the self-assessment) the same way for both kinds."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from governance import selectors, services
from governance.choices import Agency
from governance.models import Board, BoardMember, CommitteeReport, PartnerContribution
from governance.models.reports import YJ_PLAN_APPENDICES, YJ_PLAN_HEADINGS, YJ_PLAN_PRIORITIES, stage_of
from governance.staffing import staffing_as_of, structure_chart
from yos_tracker.history import Moment, as_recorded, end_of_day, known_by, until, versions_as_of

BUDGET_FIELDS = ("staffing", "payments_in_kind", "other_delegated")


@dataclass
class Heading:
    number: str  # "10", "10.2" for a sub-heading of Priorities, "Appendix 1"
    code: str
    title: str
    text: str
    records: str  # which of the service's records the section shows beside the narrative
    level: int = 1  # 2: a sub-heading

    @property
    def is_appendix(self) -> bool:
        return self.code in YJ_PLAN_APPENDICES

    @property
    def label(self) -> str:
        return f"{self.number}: {self.title}" if self.is_appendix else f"{self.number}. {self.title}"


@dataclass
class BudgetYear:
    year: str
    rows: list[dict]  # agency, the three amounts and their total
    totals: dict[str, Decimal]

    @property
    def staffing_share(self) -> float | None:
        """Staffing's share of the year's pooled budget, in per cent."""
        total = self.totals["total"]
        return round(float(100 * self.totals["staffing"] / total), 1) if total else None


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def plan_headings(report: CommitteeReport) -> list[Heading]:
    """The YJB's headings in order, numbered as the plan prints them, each with its narrative."""
    text = report.plan_text or {}
    headings, number, sub, appendix = [], 0, 0, 0
    for code, title, records in YJ_PLAN_HEADINGS:
        if code in YJ_PLAN_APPENDICES:
            appendix += 1
            shown, level = f"Appendix {appendix}", 1
        elif code in YJ_PLAN_PRIORITIES:
            sub += 1
            shown, level = f"{number}.{sub}", 2
        else:
            number += 1
            shown, level = str(number), 1
        headings.append(Heading(shown, code, title, text.get(code, ""), records, level))
    return headings


def text_without_heading(report: CommitteeReport) -> list[str]:
    """Narrative kept under a code that is no heading of the plan (written under an older list of
    headings), so that the plan still prints it rather than lose it."""
    known = {code for code, _, _ in YJ_PLAN_HEADINGS}
    return [text for code, text in (report.plan_text or {}).items() if code not in known and text]


def budget_years(organisation, plan_year: int, as_of: datetime.date, recorded: Moment = None) -> list[BudgetYear]:
    """The pooled budget of the plan's year and the year before, as recorded by the plan's date
    (and by the moment `recorded`, if given); a year with no rows is left out, so the section can
    say so."""
    wanted = [year_label(plan_year - 1), year_label(plan_year)]
    history = until(PartnerContribution.history.filter(organisation=organisation, year__in=wanted), recorded)
    stood = sorted(versions_as_of(history, end_of_day(as_of)).values(), key=lambda row: row.id)
    years = []
    for year in wanted:
        rows = [
            {"agency": r.agency, **{f: getattr(r, f) for f in BUDGET_FIELDS}}
            | {"total": sum(getattr(r, f) for f in BUDGET_FIELDS)}
            for r in stood
            if r.year == year
        ]
        if rows:
            totals = {f: sum((row[f] for row in rows), Decimal(0)) for f in (*BUDGET_FIELDS, "total")}
            years.append(BudgetYear(year, rows, totals))
    return years


def board_in_post(organisation, as_of: datetime.date, recorded: Moment = None):
    """The management board (the one without a parent) and its members in post on the day, by
    agency, as recorded at the moment `recorded` if given."""
    board = known_by(Board.objects.for_org(organisation), recorded).filter(parent__isnull=True).order_by("pk").first()
    if board is None:
        return None, []
    members = (
        as_recorded(BoardMember, organisation, recorded)
        .filter(board=board)
        .filter(
            Q(start_date__isnull=True) | Q(start_date__lte=as_of), Q(end_date__isnull=True) | Q(end_date__gte=as_of)
        )
    )
    by_agency: dict[str, list] = {}
    order = {value: index for index, value in enumerate(Agency.values)}
    for member in sorted(members, key=lambda m: (order.get(m.agency, 99), m.name)):
        by_agency.setdefault(member.get_agency_display(), []).append(member)
    return board, list(by_agency.items())


def plan_context(report: CommitteeReport, base: dict) -> dict:
    """A plan's own sections beside the report's (`base`, from governance.reporting), read as
    that context's moment recorded them."""
    organisation, as_of, recorded = report.organisation, report.period_end, base.get("recorded")
    board, members = board_in_post(organisation, as_of, recorded)
    staffing = staffing_as_of(organisation, as_of, recorded)
    sign_offs = list(known_by(report.sign_offs.all(), recorded))
    year_before = as_of - datetime.timedelta(days=365)
    dashboard = base.get("dashboard")
    statuses = selectors.indicator_statuses(dashboard) if dashboard else {}
    return {
        **base,
        "headings": plan_headings(report),
        "unplaced_text": text_without_heading(report),
        "staffing": staffing,
        "chart": structure_chart(board, members, staffing),
        "board": board,
        "members_by_agency": members,
        "attendance": (
            services.attendance_rates(board=board, start=year_before, end=as_of, recorded=recorded) if board else []
        ),
        "attendance_from": year_before,
        "budget_years": budget_years(organisation, report.plan_year, as_of, recorded) if report.plan_year else [],
        "plan_label": report.plan_label,
        "logic_models": selectors.logic_models_as_of(organisation, as_of, statuses, recorded=recorded),
        "sign_offs": sign_offs,
        "stage": stage_of(sign_offs),
    }
