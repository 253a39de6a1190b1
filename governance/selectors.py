"""Reads behind the governance pages, each a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from governance.choices import BOARD_ATTENDANCE_KPI, Rating
from governance.models import Board, Risk, RiskMatrix, RiskReview, SelfAssessment, StandardRating
from performance.models import Measurement, TrackedIndicator
from yos_tracker.charts import Series, line_chart


@dataclass
class RiskRow:
    risk: Risk
    inherent_band: object
    residual_band: object
    overdue: bool


def risk_matrix_of(organisation) -> RiskMatrix | None:
    """The organisation's matrix with its bands (every row, both heat maps and the key read
    them), or None for one that has not been given a matrix."""
    return RiskMatrix.objects.prefetch_related("bands").filter(organisation=organisation).first()


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


@dataclass
class Comparison:
    standard: object
    before: StandardRating | None
    after: StandardRating | None

    @property
    def movement(self) -> str:
        if not (self.before and self.after):
            return ""
        before, after = Rating(self.before.rating).rank, Rating(self.after.rating).rank
        return "improved" if after < before else "declined" if after > before else "unchanged"


def compare_assessments(first: SelfAssessment, second: SelfAssessment) -> list[Comparison]:
    ratings = StandardRating.objects.filter(assessment__in=[first, second]).select_related("standard")
    by = {(r.assessment_id, r.standard_id): r for r in ratings}
    standards = sorted({r.standard for r in ratings}, key=lambda s: s.code)
    return [Comparison(s, by.get((first.pk, s.pk)), by.get((second.pk, s.pk))) for s in standards]


@dataclass
class BoardAttendanceTracking:
    tracked: bool
    boards: list
    values: list  # the KPI 7 measurements recorded, latest first


def board_attendance_tracking(organisation) -> BoardAttendanceTracking:
    tracked = TrackedIndicator.objects.for_org(organisation).filter(indicator__code=BOARD_ATTENDANCE_KPI).exists()
    values = (
        Measurement.objects.for_org(organisation)
        .filter(indicator__code=BOARD_ATTENDANCE_KPI)
        .select_related("indicator")
        .order_by("-period")[:8]
    )
    boards = list(Board.objects.for_org(organisation).filter(parent__isnull=True))
    return BoardAttendanceTracking(tracked=tracked, boards=boards, values=list(values))
