"""Reads behind the governance pages, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from governance.choices import BOARD_ATTENDANCE_KPI, KPI7_DISPROPORTIONALITY_KPI, RiskStatus
from governance.models import (
    Attendance,
    Board,
    BoardMember,
    LogicModel,
    LogicOutcome,
    LogicOutcomeReview,
    Risk,
    RiskBand,
    RiskMatrix,
    RiskReview,
    SelfAssessment,
    StandardRating,
)
from governance.models.logic import OutcomeTerm
from improvement.selectors import rated_standards
from performance.models import Measurement, TrackedIndicator
from yos_tracker.charts import Series, line_chart
from yos_tracker.history import (
    Moment,
    as_recorded,
    children_as_recorded,
    end_of_day,
    known_by,
    recorded_by,
    until,
    versions_as_of,
)


@dataclass
class RiskRow:
    risk: Risk
    inherent_band: object
    residual_band: object
    overdue: bool


def risk_matrix_of(organisation, as_of: datetime.date | None = None, recorded: Moment = None) -> RiskMatrix | None:
    """The organisation's matrix with its bands (every row, both heat maps and the key read
    them), or None for one that has not been given a matrix. With `as_of`, its levels and bands
    as they stood that day (in memory: a matrix resized since still scores a past register on
    the scale it had), as recorded at the moment `recorded` if given."""
    matrix = RiskMatrix.objects.prefetch_related("bands").filter(organisation=organisation).first()
    if matrix is None or as_of is None:
        return matrix
    cutoff = end_of_day(as_of)
    history = until(RiskMatrix.history.filter(id=matrix.pk), recorded)
    version = versions_as_of(history, cutoff, late_entries=False).get(matrix.pk)
    bands = versions_as_of(until(RiskBand.history.filter(matrix_id=matrix.pk), recorded), cutoff, late_entries=False)
    if version is None or not bands:
        return matrix
    matrix.levels = version.levels
    fields = ("lowest", "highest", "label", "colour")
    then = [RiskBand(matrix=matrix, **{f: getattr(b, f) for f in fields}) for b in bands.values()]
    matrix._prefetched_objects_cache["bands"] = sorted(then, key=lambda band: band.lowest)
    return matrix


def risk_rows(matrix: RiskMatrix, risks, today: datetime.date | None = None) -> list[RiskRow]:
    today = today or timezone.localdate()
    bands = list(matrix.bands.all())
    return [
        RiskRow(
            risk=r,
            inherent_band=matrix.band_for(r.inherent_score, bands),
            residual_band=matrix.band_for(r.residual_score, bands),
            overdue=r.is_review_overdue(today),
        )
        for r in risks
    ]


def heat_map(matrix: RiskMatrix, risks, which: str) -> dict:
    """The matrix as rows (impact, highest first) of cells (likelihood) with the risks in each cell."""
    bands = list(matrix.bands.all())
    cells: dict[tuple[int, int], list[Risk]] = {}
    for risk in risks:
        key = (getattr(risk, f"{which}_likelihood"), getattr(risk, f"{which}_impact"))
        cells.setdefault(key, []).append(risk)
    size = matrix.size
    rows = []
    for impact in range(size, 0, -1):
        row = []
        for likelihood in range(1, size + 1):
            score = likelihood * impact
            band = matrix.band_for(score, bands)
            found = cells.get((likelihood, impact), [])
            row.append(
                {
                    "likelihood": likelihood,
                    "impact": impact,
                    "score": score,
                    "band": band,
                    "risks": found,
                    "count": len(found),
                    # The cell's tooltip, joined here once rather than by a loop in the template per cell.
                    "names": "; ".join(f"{risk.number}. {risk.title}" for risk in found),
                }
            )
        rows.append({"impact": impact, "label": matrix.level_name(impact), "cells": row})
    return {"which": which, "rows": rows, "levels": [matrix.level_name(i) for i in range(1, size + 1)]}


def risk_score_chart(risk: Risk):
    """Both scores at each review (and as raised), for the risk page."""
    reviews = list(risk.reviews.all())
    points_inherent = [(r.date, r.inherent_score) for r in reviews]
    points_residual = [(r.date, r.residual_score) for r in reviews]
    if not reviews or reviews[0].date > risk.raised_on:
        first = reviews[0] if reviews else risk
        points_inherent.insert(0, (risk.raised_on, first.inherent_score))
        points_residual.insert(0, (risk.raised_on, first.residual_score))
    if len(points_inherent) < 2:
        points_inherent.append((risk.last_reviewed or risk.raised_on, risk.inherent_score))
        points_residual.append((risk.last_reviewed or risk.raised_on, risk.residual_score))
    return line_chart(
        title=f"Risk {risk.number}: score over time",
        y_label="Score",
        series=[Series("Before mitigation", points_inherent), Series("After mitigation", points_residual)],
        target=[(risk.raised_on, risk.target_score)] if risk.target_score else None,
    )


def risks_for(organisation):
    return (
        Risk.objects.for_org(organisation)
        .select_related("organisation")
        .prefetch_related(Prefetch("reviews", queryset=RiskReview.objects.order_by("date", "pk")))
    )


RISK_LEVELS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
# What else of a risk a past register shows as it stood: its wording, owner and status.
RISK_STATE = (
    "title",
    "description",
    "owner",
    "category",
    "mitigations",
    "status",
    "status_commentary",
    "inherent_score_recorded",
    "residual_score_recorded",
)


def risks_as_of(organisation, as_of: datetime.date, recorded: Moment = None) -> list[Risk]:
    """The register as it stood on `as_of`: the risks raised by then, each with the scores of its
    latest review on or before that day (or of the risk itself as it stood then, where that is
    later or there was no review) and its wording, owner and status then. With `recorded`, only
    what had been recorded by that moment: the risks, their versions and their reviews then. The
    risks are changed in memory only, so every rule of the register (scores, bands, overdue
    reviews, heat maps) applies to them unchanged. Two queries, and one for the risks' history."""
    risks = list(known_by(risks_for(organisation), recorded).filter(raised_on__lte=as_of))
    cutoff = end_of_day(as_of)
    versions = versions_as_of(until(Risk.history.filter(organisation=organisation), recorded), cutoff)
    for risk in risks:
        version = versions.get(risk.pk)
        reviews = [
            review
            for review in risk.reviews.all()
            if review.date <= as_of and (recorded is None or review.recorded_at <= recorded_by(recorded).known_until)
        ]
        review = reviews[-1] if reviews else None
        if version is not None:
            for field in RISK_STATE:
                setattr(risk, field, getattr(version, field))
        # A version saved after the day is only the risk as first recorded: a review by then wins.
        saved_then = version is not None and version.history_date <= cutoff
        if review and not (saved_then and timezone.localtime(version.history_date).date() > review.date):
            source = review
        else:
            source = version
        if source is not None:
            for field in RISK_LEVELS:
                setattr(risk, field, getattr(source, field))
        risk.last_reviewed = review.date if review else None
        risk._prefetched_objects_cache["reviews"] = reviews  # the score history as it was then
    return risks


def score_checks(risks) -> dict[str, int]:
    """What a register asks its reader to check: recorded scores the matrix disagrees with, and
    risks scored higher after mitigation than before."""
    risks = list(risks)
    return {
        "disagreements": sum(len(r.score_disagreements) for r in risks),
        "raised": sum(r.mitigation_raises_score for r in risks),
    }


def assessment_in_force(
    organisation, as_of: datetime.date | None = None, recorded: Moment = None
) -> SelfAssessment | None:
    """The board's latest self-assessment dated on or before the day (today when None), as
    recorded at the moment `recorded` if given."""
    assessments = as_recorded(SelfAssessment, organisation, recorded).select_related("framework")
    if as_of is not None:
        assessments = assessments.filter(date__lte=as_of)
    found = assessments.order_by("-date", "-id").first()
    return found.instance if recorded is not None and found is not None else found


# --- The register as filtered and sorted on its page (and in its exports) ---------------------------

REGISTER_FILTERS = ("status", "owner", "band", "overdue", "cell")
REGISTER_SORTS = {
    "residual": lambda row: -row.risk.residual_score,
    "inherent": lambda row: -row.risk.inherent_score,
    "number": lambda row: row.risk.number,
}


def _risk_matches(row, params) -> bool:
    risk = row.risk
    checks = [
        ("status", lambda v: risk.status == v),
        ("owner", lambda v: risk.owner == v),
        ("band", lambda v: row.residual_band is not None and row.residual_band.label == v),
        ("overdue", lambda v: row.overdue),
    ]
    if not all(test(params[name]) for name, test in checks if params.get(name)):
        return False
    which = params.get("cell")  # "residual-2-3": the heat-map cell (likelihood 2, impact 3) clicked
    if which:
        try:
            kind, likelihood, impact = which.split("-")
            return (getattr(risk, f"{kind}_likelihood"), getattr(risk, f"{kind}_impact")) == (
                int(likelihood),
                int(impact),
            ) and risk.status == RiskStatus.OPEN
        except (ValueError, AttributeError):
            return False
    return True


def register_shown(rows: list[RiskRow], params) -> list[RiskRow]:
    """The rows the register's filters keep, in its sort (highest score after mitigation first)."""
    key = REGISTER_SORTS.get(params.get("sort", ""), REGISTER_SORTS["residual"])
    return sorted((r for r in rows if _risk_matches(r, params)), key=lambda r: (key(r), r.risk.number))


def risk_register(organisation, params) -> dict:
    """What the register page shows: the filtered rows, both heat maps of the open risks, the
    filters' choices and the scoring checks (or no matrix, when the service has none yet)."""
    matrix = risk_matrix_of(organisation)
    if matrix is None:
        return {"matrix": None}
    # Not risks_for: the register shows no review of its own, so none is fetched.
    risks = list(Risk.objects.for_org(organisation))
    rows = risk_rows(matrix, risks)
    open_risks = [r for r in risks if r.status == RiskStatus.OPEN]
    return {
        "matrix": matrix,
        "rows": register_shown(rows, params),
        "total": len(rows),
        "maps": [heat_map(matrix, open_risks, "inherent"), heat_map(matrix, open_risks, "residual")],
        "owners": sorted({r.owner for r in risks}),
        "checks": score_checks(risks),
        "bands": matrix.bands.all(),
        "statuses": RiskStatus.choices,
        "params": params,
        "export_query": params.urlencode(),
    }


def register_is_filtered(params) -> bool:
    return any(params.get(name) for name in REGISTER_FILTERS)


@dataclass
class Comparison:
    """One standard rated twice: by two self-assessments (before and after), or by the board and the
    inspectorate."""

    standard: object
    before: object | None
    after: object | None

    @property
    def movement(self) -> str:
        if not (self.before and self.after):
            return ""
        before, after = self.before.level.rank, self.after.level.rank
        return "improved" if after < before else "declined" if after > before else "unchanged"

    @property
    def board_view(self) -> str:
        """Set beside the inspectorate (before: the board's rating, after: the inspection's): "above"
        where the board rated itself better than the inspectors did."""
        if not (self.before and self.after):
            return ""
        ours, theirs = self.before.level.rank, self.after.level.rank
        return "above" if ours < theirs else "below" if ours > theirs else "same"


def compare_assessments(first: SelfAssessment, second: SelfAssessment) -> list[Comparison]:
    ratings = StandardRating.objects.filter(assessment__in=[first, second]).select_related("standard", "level")
    by = {(r.assessment_id, r.standard_id): r for r in ratings}
    standards = sorted({r.standard for r in ratings}, key=lambda s: (s.order, s.code))
    return [Comparison(s, by.get((first.pk, s.pk)), by.get((second.pk, s.pk))) for s in standards]


@dataclass
class BesideInspection:
    """A self-assessment set beside the inspection of the same framework it names."""

    inspection: object
    rows: list[Comparison]  # before: the board's rating, after: the inspectorate's
    ours: object  # FrameworkScore
    theirs: object

    @property
    def above(self) -> list[Comparison]:
        return [row for row in self.rows if row.board_view == "above"]


def assessment_beside_inspection(assessment: SelfAssessment) -> BesideInspection | None:
    inspection = assessment.inspection
    if inspection is None:
        return None
    ours = {r.standard_id: r for r in assessment.ratings.select_related("level")}
    theirs = {j.standard_id: j for j in inspection.judgements.select_related("level")}
    framework = assessment.framework
    return BesideInspection(
        inspection=inspection,
        rows=[Comparison(s, ours.get(s.pk), theirs.get(s.pk)) for s in framework.standards.all()],
        ours=framework.score({pk: r.level for pk, r in ours.items()}),
        theirs=framework.score({pk: j.level for pk, j in theirs.items()}),
    )


def assessment_rated(assessment: SelfAssessment, recorded: Moment = None):
    """The assessment's ratings by domain, with the total they score (as recorded at the moment
    `recorded`, if given)."""
    return rated_standards(assessment.framework, children_as_recorded(assessment.ratings, recorded, "level"))


@dataclass
class BoardAttendanceTracking:
    tracked: bool
    boards: list
    values: list  # the KPI 7 measurements recorded, latest first


def board_attendance_tracking(organisation) -> BoardAttendanceTracking:
    tracked = TrackedIndicator.objects.for_org(organisation).filter(indicator__code=BOARD_ATTENDANCE_KPI).exists()
    values = (
        Measurement.objects.for_org(organisation)
        .filter(indicator__code__in=[BOARD_ATTENDANCE_KPI, KPI7_DISPROPORTIONALITY_KPI])
        .select_related("indicator")
        .order_by("-period", "indicator__code")[:16]
    )
    boards = list(Board.objects.for_org(organisation).filter(parent__isnull=True))
    return BoardAttendanceTracking(tracked=tracked, boards=boards, values=list(values))


@dataclass
class AttendancePlace:
    """A member's place at a meeting, and their attendance as recorded (None when not yet)."""

    member: BoardMember
    attendance: Attendance | None


def meeting_places(meeting) -> list[AttendancePlace]:
    """A meeting's places in the board's member order: every member in post on the meeting's day,
    whenever they were added to the board, and anyone else whose attendance is recorded. Two queries."""
    recorded = {a.member_id: a for a in meeting.attendance.all()}
    places = []
    for member in meeting.board.members_in_order():
        if member.pk in recorded or member.in_post_on(meeting.date):
            attendance = recorded.get(member.pk)
            if attendance is not None:
                attendance.member = member  # its deputy's label names the member: no query for it
            places.append(AttendancePlace(member, attendance))
    return places


# --- Logic models ---------------------------------------------------------------------------------


@dataclass
class OutcomeShown:
    outcome: LogicOutcome
    review: LogicOutcomeReview | None  # the latest by the day shown
    indicators: list[tuple[object, object]]  # (indicator, its latest KPI status, or None if untracked)


@dataclass
class LogicModelShown:
    model: LogicModel
    short: list[OutcomeShown]
    long: list[OutcomeShown]

    @property
    def outcome_columns(self) -> list[tuple[str, list[OutcomeShown]]]:
        return [("Short-term outcomes", self.short), ("Long-term outcomes", self.long)]

    @property
    def outcomes(self) -> list[OutcomeShown]:
        return self.short + self.long


def indicator_statuses(dashboard) -> dict[int, object]:
    """Each tracked indicator's latest status on a dashboard, by indicator id."""
    return {row.indicator.pk: row.status for _, rows in dashboard.groups for row in rows}


def logic_models_as_of(
    organisation,
    as_of: datetime.date,
    statuses: dict[int, object],
    pk: int | None = None,
    recorded: Moment = None,
):
    """The service's logic models (or one), each outcome with its rating as it stood on `as_of`
    (its latest review dated by then) and its indicators' latest statuses; with `recorded`, the
    models, outcomes and reviews as recorded at that moment. Four queries."""
    models = known_by(LogicModel.objects.for_org(organisation), recorded).prefetch_related(
        Prefetch("outcomes", queryset=known_by(LogicOutcome.objects.all(), recorded).prefetch_related("indicators"))
    )
    if pk is not None:
        models = models.filter(pk=pk)
    latest: dict[int, LogicOutcomeReview] = {}
    for review in (
        as_recorded(LogicOutcomeReview, organisation, recorded)
        .filter(date__lte=as_of)
        .select_related("status")
        .order_by("outcome_id", "-date", "-id")
    ):
        latest.setdefault(review.outcome_id, review)
    shown = []
    for model in models:
        outcomes = [
            OutcomeShown(
                outcome,
                latest.get(outcome.pk),
                [(indicator, statuses.get(indicator.pk)) for indicator in outcome.indicators.all()],
            )
            for outcome in model.outcomes.all()
        ]
        shown.append(
            LogicModelShown(
                model,
                [o for o in outcomes if o.outcome.term == OutcomeTerm.SHORT],
                [o for o in outcomes if o.outcome.term == OutcomeTerm.LONG],
            )
        )
    return shown
