"""Writes of the governance app: keyword-only functions named <thing>_<verb>."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from governance.choices import DEFAULT_RISK_MATRIX, Agency, AttendanceStatus
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    Meeting,
    Risk,
    RiskBand,
    RiskMatrix,
    RiskReview,
    SelfAssessment,
    StandardRating,
)
from performance import rag
from performance.models import Indicator, TrackedIndicator
from performance.services import measurement_record
from yos_tracker.dates import refuse_future
from yos_tracker.models import Organisation

# The YJB key performance indicator the board's attendance feeds (catalogue code).
BOARD_ATTENDANCE_KPI = "KPI7_BOARD_ATTENDANCE"


# --- Risk register ----------------------------------------------------------------------------


def risk_matrix_install(*, organisation: Organisation, definition: dict | None = None) -> RiskMatrix:
    """Give an organisation a risk matrix (seed 004's 3×3 by default) if it has none."""
    definition = definition or DEFAULT_RISK_MATRIX
    matrix, created = RiskMatrix.objects.get_or_create(
        organisation=organisation, defaults={"levels": definition["levels"]}
    )
    if created:
        RiskBand.objects.bulk_create(
            [
                RiskBand(matrix=matrix, lowest=low, highest=high, label=label, colour=colour)
                for low, high, label, colour in definition["bands"]
            ]
        )
    return matrix


class StaleRiskEdit(ValidationError):
    def __init__(self, current: Risk):
        last = current.history.select_related("history_user").first()
        who = last.history_user.get_full_name() if last and last.history_user else "Someone"
        when = timezone.localtime(last.history_date) if last else None
        at = f" at {when:%H:%M} on {when:%d/%m/%Y}" if when else ""
        super().__init__(
            f"{who} changed this risk{at}, after you opened it (it now scores {current.inherent_score} before and "
            f"{current.residual_score} after mitigation). Your review was not saved; check the risk and review again."
        )


@transaction.atomic
def risk_review_record(
    *,
    risk: Risk,
    reviewer,
    date: datetime.date,
    inherent_likelihood: int,
    inherent_impact: int,
    residual_likelihood: int,
    residual_impact: int,
    commentary: str = "",
    expected_version: int | None = None,
) -> RiskReview:
    """Record a review: it keeps both scores as they stood and moves the risk to them."""
    current = Risk.objects.select_for_update().get(pk=risk.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleRiskEdit(current)
    size = risk_matrix_install(organisation=current.organisation).size
    ratings = {
        "inherent_likelihood": inherent_likelihood,
        "inherent_impact": inherent_impact,
        "residual_likelihood": residual_likelihood,
        "residual_impact": residual_impact,
    }
    for field, value in ratings.items():
        if not 1 <= value <= size:
            raise ValidationError({field: f"Choose a level from 1 to {size}."})
    refuse_future(date, what="A review")
    review = RiskReview.objects.create(risk=current, reviewer=reviewer, date=date, commentary=commentary, **ratings)
    for field, value in ratings.items():
        setattr(current, field, value)
    current.last_reviewed = max(date, current.last_reviewed or date)
    current.version += 1
    current.save()
    risk.__dict__.update(current.__dict__)
    return review


# --- Board attendance ----------------------------------------------------------------------------


def attendance_rates(*, board: Board, start: datetime.date, end: datetime.date) -> list[dict]:
    """Per agency, over the meetings in [start, end]: how many places were expected, filled by the
    member in person, and filled by a deputy. One aggregate query."""
    rows = (
        Attendance.objects.filter(meeting__board=board, meeting__date__range=(start, end))
        .values("member__agency")
        .annotate(
            expected=Count("pk"),
            present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            deputy=Count("pk", filter=Q(status=AttendanceStatus.DEPUTY)),
        )
        .order_by("member__agency")
    )
    return [
        {
            "agency": Agency(row["member__agency"]).label,
            "expected": row["expected"],
            "present": row["present"],
            "deputy": row["deputy"],
            "rate": round(100 * row["present"] / row["expected"], 1),
            "represented": round(100 * (row["present"] + row["deputy"]) / row["expected"], 1),
        }
        for row in rows
    ]


def board_attendance_record(*, board: Board, period: datetime.date, user=None):
    """Record the board attendance indicator (YJB KPI 7: senior partners attending in person) for
    the quarter containing `period`, when the organisation tracks it. Returns the measurement."""
    tracked = (
        TrackedIndicator.objects.filter(organisation=board.organisation, indicator__code=BOARD_ATTENDANCE_KPI)
        .select_related("indicator")
        .first()
    )
    if tracked is None:
        return None
    indicator: Indicator = tracked.indicator
    start = rag.period_start(period, indicator.frequency)
    end = (
        start
        + relativedelta(months={"monthly": 1, "quarterly": 3, "annual": 12}[indicator.frequency])
        - datetime.timedelta(days=1)
    )
    counts = Attendance.objects.filter(meeting__board=board, meeting__date__range=(start, end)).aggregate(
        expected=Count("pk"), present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT))
    )
    if not counts["expected"]:
        return None
    return measurement_record(
        organisation=board.organisation,
        indicator=indicator,
        period=start,
        numerator=Decimal(counts["present"]),
        denominator=Decimal(counts["expected"]),
        source=f"Attendance at {board}",
        user=user,
    )


@transaction.atomic
def meeting_save(*, meeting: Meeting, agenda: list[str], attendance: dict[int, str]) -> Meeting:
    """Save a meeting with its agenda (in order) and who attended; members left blank are not recorded."""
    if Meeting.objects.filter(board=meeting.board, date=meeting.date).exclude(pk=meeting.pk).exists():
        raise ValidationError({"date": "The board already has a meeting on this day."})
    meeting.save()
    meeting.agenda.all().delete()
    AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, order=i, title=t) for i, t in enumerate(agenda)])
    recorded = {a.member_id: a for a in meeting.attendance.all()}
    for member_id, status in attendance.items():
        current = recorded.pop(member_id, None)
        if current is None:
            Attendance.objects.create(meeting=meeting, member_id=member_id, status=status)
        elif current.status != status:
            current.status = status
            current.save()
    for dropped in recorded.values():
        dropped.delete()
    return meeting


@transaction.atomic
def self_assessment_save(*, organisation, framework, assessment, date, title, ratings: dict) -> SelfAssessment:
    if assessment is None:
        assessment = SelfAssessment.objects.create(
            organisation=organisation, framework=framework, date=date, title=title
        )
    else:
        assessment.date, assessment.title = date, title
        assessment.save()
    for standard, (rating, commentary, evidence) in ratings.items():
        StandardRating.objects.update_or_create(
            assessment=assessment,
            standard=standard,
            defaults={"rating": rating, "commentary": commentary, "evidence": evidence},
        )
    return assessment
