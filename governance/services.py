"""Writes of the governance app: keyword-only functions named <thing>_<verb>."""

import datetime
import hashlib
import itertools
import math
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from governance.choices import (
    BOARD_ATTENDANCE_KPI,
    DEFAULT_RISK_MATRIX,
    KPI7_ATTENDED,
    KPI7_DISPROPORTIONALITY_KPI,
    KPI7_PARTNERS,
    Agency,
    AttendanceStatus,
)
from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardMember,
    Meeting,
    Risk,
    RiskBand,
    RiskMatrix,
    RiskReview,
    SelfAssessment,
    StandardRating,
)
from improvement.models import Recommendation
from performance import rag
from performance.models import Indicator, Measurement, TrackedIndicator
from performance.services import indicator_tracking_set, measurement_record
from yos_tracker import records
from yos_tracker.dates import refuse_future
from yos_tracker.history import Moment, recorded_versions
from yos_tracker.models import Organisation
from yos_tracker.words import counted

# --- Risk register ----------------------------------------------------------------------------


def risk_matrix_install(*, organisation: Organisation, definition: dict | None = None, apps=global_apps) -> RiskMatrix:
    """Give an organisation a risk matrix (seed 004's 3×3 by default) if it has none. A data
    migration passes its own `apps`, so that this runs on the models as they were then."""
    definition = definition or DEFAULT_RISK_MATRIX
    matrix_model, band_model = apps.get_model("governance", "RiskMatrix"), apps.get_model("governance", "RiskBand")
    matrix, created = matrix_model._default_manager.get_or_create(
        organisation=organisation, defaults={"levels": definition["levels"]}
    )
    if created:
        for low, high, label, colour in definition["bands"]:
            band_model._default_manager.create(matrix=matrix, lowest=low, highest=high, label=label, colour=colour)
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
    matrix = RiskMatrix.objects.filter(organisation=current.organisation_id).first()
    if matrix is None:
        raise ValidationError("This service has no risk matrix yet; set one up before reviewing risks.")
    size = matrix.size
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


def risk_save(*, organisation: Organisation, risk: Risk | None = None, **fields) -> Risk:
    """Add a risk, or change the fields given of one: nothing is saved when they already say what
    is stored; otherwise its version moves on, so a form opened before is refused."""
    if risk is None:
        risk = Risk(organisation=organisation, **fields)
    elif not records.changes_applied(risk, fields):
        return risk
    risk.full_clean(validate_unique=False, validate_constraints=False)
    risk.save()
    return risk


# --- Board attendance ----------------------------------------------------------------------------


def attendance_rates(*, board: Board, start: datetime.date, end: datetime.date, recorded: Moment = None) -> list[dict]:
    """Per agency, over the meetings in [start, end]: how many places were expected, filled by the
    member in person, and filled by a deputy (as recorded at the moment `recorded`, if given).
    One aggregate query."""
    source = Attendance.objects.all() if recorded is None else recorded_versions(Attendance, recorded)
    rows = (
        source.filter(meeting__board=board, meeting__date__range=(start, end))
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


SOURCE_BOARD_ATTENDANCE = "Attendance at the management board"


def _period_bounds(indicator: Indicator, period: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the indicator's period (month, quarter or year) containing `period`."""
    start = rag.period_start(period, indicator.frequency)
    months = {"monthly": 1, "quarterly": 3, "annual": 12}[indicator.frequency]
    return start, start + relativedelta(months=months) - datetime.timedelta(days=1)


def kpi7_counts(*, organisation: Organisation, start: datetime.date, end: datetime.date) -> dict:
    """YJB KPI 7 over [start, end], from the management board's meetings (boards with no parent; a
    sub-group's meetings are not the board's), counting only the senior partners KPI7_PARTNERS names:
    their places, how many of them count as attended (KPI7_ATTENDED: in person; see choices.py for
    why a deputy does not) and how many a deputy filled; how many of them sat on the board, and how
    many of those brought data identifying disproportionality."""
    places = Attendance.objects.filter(
        meeting__board__organisation=organisation,
        meeting__board__parent__isnull=True,
        meeting__date__range=(start, end),
        member__agency__in=KPI7_PARTNERS,
    )
    counts = places.aggregate(
        places=Count("pk"),
        present=Count("pk", filter=Q(status__in=KPI7_ATTENDED)),
        deputised=Count("pk", filter=Q(status=AttendanceStatus.DEPUTY)),
    )
    counts |= places.aggregate(
        partners=Count("member", distinct=True),
        shared=Count("member", distinct=True, filter=Q(shared_disproportionality_data=True)),
    )
    return counts


def board_attendance_record(*, organisation: Organisation, period: datetime.date, user=None) -> list:
    """Record YJB KPI 7 for the quarter containing `period` from the management board's attendance:
    the senior partners' places filled in person (KPI7_BOARD_ATTENDANCE) and the share of them who
    contributed disproportionality data (KPI7_DISPROPORTIONALITY_DATA), each where the organisation
    tracks it. A quarter left with no senior partner recorded loses the values it had. Returns the
    measurements written."""
    tracked = (
        TrackedIndicator.objects.filter(
            organisation=organisation, indicator__code__in=[BOARD_ATTENDANCE_KPI, KPI7_DISPROPORTIONALITY_KPI]
        )
        .select_related("indicator")
        .order_by("indicator__code")
    )
    written = []
    for indicator in [t.indicator for t in tracked]:
        start, end = _period_bounds(indicator, period)
        counts = kpi7_counts(organisation=organisation, start=start, end=end)
        if not counts["places"]:
            for stale in Measurement.objects.for_org(organisation).filter(indicator=indicator, period=start):
                stale.delete()  # one by one, so that the value's history records its removal
            continue
        numerator, denominator = (
            (counts["present"], counts["places"])
            if indicator.code == BOARD_ATTENDANCE_KPI
            else (counts["shared"], counts["partners"])
        )
        written.append(
            measurement_record(
                organisation=organisation,
                indicator=indicator,
                period=start,
                numerator=Decimal(numerator),
                denominator=Decimal(denominator),
                source=SOURCE_BOARD_ATTENDANCE,
                user=user,
            )
        )
    return written


@dataclass(frozen=True)
class AttendanceEntry:
    """One member's place at a meeting as the minutes record it."""

    status: str
    deputy_name: str = ""
    deputy_agency: str = ""
    shared_data: bool = False  # brought data from their agency identifying disproportionality (KPI 7)

    def fields(self) -> dict:
        deputy = self.status == AttendanceStatus.DEPUTY  # a deputy's name is kept only when one came
        return {
            "status": self.status,
            "deputy_name": self.deputy_name.strip() if deputy else "",
            "deputy_agency": self.deputy_agency if deputy else "",
            "shared_disproportionality_data": self.shared_data,
        }


def attendance_state(meeting: Meeting) -> str:
    """A short fingerprint of the meeting's attendance as recorded. The attendance form carries the
    one it was opened with, so that a save on top of a colleague's later change is refused."""
    rows = meeting.attendance.order_by("member_id").values_list(
        "member_id", "status", "deputy_name", "deputy_agency", "shared_disproportionality_data"
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:20]


class StaleAttendance(ValidationError):
    def __init__(self, meeting: Meeting):
        last = (
            Attendance.history.filter(meeting_id=meeting.pk)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
            .first()
        )
        user = last.history_user if last else None
        who = (user.get_full_name() or user.get_username()) if user else ""
        when = timezone.localtime(last.history_date) if last else None
        at = f" at {when:%H:%M} on {when:%d/%m/%Y}" if when else ""
        super().__init__(
            f"{who or 'Someone'} changed this meeting's attendance{at}, after you opened it. Your attendance was "
            "not saved; it is still in the form below. Reload the page to see theirs, then make your change again "
            "if it is still needed.",
            code="stale",
        )


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    entries: dict[int, AttendanceEntry],
    offered: frozenset[int] | None = None,
    expected_state: str | None = None,
) -> bool:
    """Record who attended a meeting: entries by member pk; a member `offered` (all recorded when
    None) but left without an entry is no longer recorded. Only the places that change are written,
    each leaving its own history, so saving what is already recorded writes nothing. With
    `expected_state` (attendance_state as the form was opened), a save on top of a colleague's later
    change is refused. Returns whether anything changed."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # one save of a meeting's attendance at a time
    if expected_state is not None and attendance_state(meeting) != expected_state:
        raise StaleAttendance(meeting)
    members = set(BoardMember.objects.filter(board=meeting.board_id, pk__in=list(entries)).values_list("pk", flat=True))
    if unknown := set(entries) - members:
        raise ValidationError(f"Not members of this board: {', '.join(map(str, sorted(unknown)))}.")
    recorded = {a.member_id: a for a in meeting.attendance.all()}
    changed = False
    for member_id, entry in entries.items():
        fields = entry.fields()
        current = recorded.pop(member_id, None)
        if current is None:
            place = Attendance(meeting=meeting, member_id=member_id, **fields)
            place.full_clean(exclude=["meeting", "member"], validate_unique=False)
            place.save()
            changed = True
        elif records.changes_applied(current, fields):
            current.full_clean(exclude=["meeting", "member"], validate_unique=False)
            current.save()
            changed = True
    for member_id, dropped in recorded.items():
        if offered is None or member_id in offered:
            dropped.delete()  # one by one, so that its history records the removal
            changed = True
    return changed


@transaction.atomic
def meeting_save(
    *,
    meeting: Meeting,
    agenda: list[str],
    attendance: dict[int, str] | None = None,
    shared_data: frozenset[int] = frozenset(),
) -> Meeting:
    """Save a meeting with its agenda (in order); with `attendance` (status by member pk, and
    shared_data: the pks of members who brought data identifying disproportionality), who attended
    too, through attendance_record. What is already recorded as given is left as it is."""
    if Meeting.objects.filter(board=meeting.board, date=meeting.date).exclude(pk=meeting.pk).exists():
        raise ValidationError({"date": "The board already has a meeting on this day."})
    if records.unsaved_changes(meeting):
        meeting.save()
    if list(meeting.agenda.order_by("order").values_list("title", flat=True)) != agenda:
        meeting.agenda.all().delete()
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, order=i, title=t) for i, t in enumerate(agenda)])
    if attendance is not None:
        attendance_record(
            meeting=meeting,
            entries={
                pk: AttendanceEntry(status=status, shared_data=pk in shared_data) for pk, status in attendance.items()
            },
        )
    return meeting


@dataclass(frozen=True)
class ThemeLeadChange:
    reference: str
    before: str
    after: str


@transaction.atomic
def board_member_save(*, form, today: datetime.date) -> list[ThemeLeadChange]:
    """Save a board member from its form, then write onto each recommendation they lead, led before
    or lead no more the names of the board's members now leading it, so the plan, its exports and
    a report as presented name the board's theme leads with no reach into governance. Returns each
    recommendation's theme lead before → after."""
    member = form.instance
    before = set(member.theme_lead_for.values_list("pk", flat=True)) if member.pk else set()
    member = form.save()
    touched = before | set(member.theme_lead_for.values_list("pk", flat=True))
    return theme_leads_write(recommendations=Recommendation.objects.filter(pk__in=touched), today=today)


def _lead_name(name: str, agency: str) -> str:
    """ "Ann Lee (Police)"; "Independent Chair" alone where the name already says the agency."""
    agency = Agency(agency).label if agency in Agency.values else agency
    return name if name.casefold() == agency.casefold() else f"{name} ({agency})"


def _names_boards_wrote(organisation_id: int) -> set[str]:
    """Every name the service's boards could have written as a theme lead: each member's, under
    every name and agency they have had, so a renamed member's old name is theirs to replace."""
    versions = BoardMember.history.filter(board__organisation_id=organisation_id).values_list("name", "agency")
    return {_lead_name(name, agency) for name, agency in versions.distinct()}


def _board_wrote(part: str, names: set[str]) -> bool:
    """Whether one lead of a recommendation's text is a name the board wrote: whole, or the last one
    cut short with "…" where the names ran past the field's length. Anything else was typed."""
    if part in names:
        return True
    cut = part.removesuffix("…")
    return cut != part and any(name.startswith(cut.rstrip("; ")) for name in names)


def theme_leads_write(*, recommendations, today: datetime.date) -> list[ThemeLeadChange]:
    """Each recommendation's theme lead: the leads typed on the recommendation for people who do
    not sit on the board, kept as typed, then the board members in post today who lead it, by name
    and agency, in the order they were added. A member who no longer leads it is no longer named."""
    changes = []
    written = {}
    limit = Recommendation._meta.get_field("theme_lead").max_length
    for recommendation in recommendations.select_related("plan").order_by("order", "pk"):
        organisation_id = recommendation.plan.organisation_id
        if organisation_id not in written:
            written[organisation_id] = _names_boards_wrote(organisation_id)
        typed = [
            part
            for part in recommendation.theme_lead.split("; ")
            if part and not _board_wrote(part, written[organisation_id])
        ]
        leads = recommendation.theme_leads.filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).order_by("pk")
        names = "; ".join(typed + [_lead_name(member.name, member.agency) for member in leads])
        text = names if len(names) <= limit else names[: limit - 1] + "…"
        if text != recommendation.theme_lead:
            changes.append(ThemeLeadChange(recommendation.reference, recommendation.theme_lead, text))
            recommendation.theme_lead = text
            recommendation.save(update_fields=["theme_lead"])
    return changes


@transaction.atomic
def self_assessment_save(
    *, organisation, framework, assessment, date, title, inspection=None, ratings: dict
) -> SelfAssessment:
    """Record the board's ratings (ratings: {standard: (level, commentary, evidence)}); a standard
    missing from ratings is no longer rated. What is already recorded as given is left as it is."""
    fields = {"date": date, "title": title, "inspection": inspection}
    if assessment is None:
        assessment = SelfAssessment(organisation=organisation, framework=framework, **fields)
    if assessment.pk is None or records.changes_applied(assessment, fields):
        assessment.full_clean()
        assessment.save()
    assessment.ratings.exclude(standard__in=list(ratings)).delete()
    for standard, (level, commentary, evidence) in ratings.items():
        records.upsert(
            StandardRating.objects,
            assessment=assessment,
            standard=standard,
            defaults={"level": level, "commentary": commentary, "evidence": evidence},
        )
    return assessment


# --- Changing the risk matrix ------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    lowest: int
    highest: int
    label: str
    colour: str


@dataclass(frozen=True)
class RemappedRisk:
    risk: Risk
    before: tuple[int, int, int, int]  # inherent likelihood, impact; residual likelihood, impact
    after: tuple[int, int, int, int]

    @property
    def scores(self) -> tuple[int, int, int, int]:
        """Inherent and residual scores before, then after."""
        b, a = self.before, self.after
        return b[0] * b[1], b[2] * b[3], a[0] * a[1], a[2] * a[3]


def level_remap(level: int, *, old_size: int, new_size: int) -> int:
    """A level of an old_size matrix on a new_size one, keeping its place on the scale: 3×3 → 5×5
    takes Low, Medium, High to 1, 3, 5, and 5×5 → 3×3 takes 1..5 to 1, 2, 2, 3, 3."""
    if old_size == new_size or old_size < 2:
        return min(level, new_size)
    return math.floor(1 + (level - 1) * (new_size - 1) / (old_size - 1) + 0.5)


def bands_check(bands: list[Band], size: int) -> None:
    """Bands must not overlap, and every score the matrix can give (likelihood × impact) must fall
    in one: seed 004's 3×3 has no band for 5, since no two levels of 1–3 multiply to 5."""
    ordered = sorted(bands, key=lambda b: b.lowest)
    problems = []
    for band in ordered:
        if band.lowest > band.highest:
            problems.append(f"“{band.label}” runs from {band.lowest} down to {band.highest}.")
    for first, second in itertools.pairwise(ordered):
        if second.lowest <= first.highest:
            problems.append(f"“{first.label}” and “{second.label}” overlap.")
    scores = sorted({i * j for i in range(1, size + 1) for j in range(1, size + 1)})
    missing = [s for s in scores if not any(b.lowest <= s <= b.highest for b in ordered)]
    if missing:
        problems.append(f"No band holds the score{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))}.")
    if problems:
        raise ValidationError(problems)


class MatrixResizeNeedsConfirmation(ValidationError):
    """A change of size would move the register's risks: nothing is saved until it is confirmed.
    `token` names exactly this change of these risks; confirming passes it back."""

    def __init__(self, remapped: list[RemappedRisk], old_size: int, new_size: int, token: str):
        self.remapped, self.old_size, self.new_size, self.token = remapped, old_size, new_size, token
        super().__init__(
            f"Changing the matrix from {old_size}×{old_size} to {new_size}×{new_size} moves the levels of "
            f"{counted(len(remapped), 'risk')}, as shown below. Nothing has been saved: "
            "confirm to make the change."
        )


def _change_token(levels: list[str], bands: list[Band], remapped: list[RemappedRisk]) -> str:
    """What a confirmation confirms: these levels and bands, applied to these risks as they stand
    (their versions). If any of it differs when the confirmation arrives, it confirms nothing."""
    content = repr((levels, sorted(bands, key=lambda b: b.lowest), [(r.risk.pk, r.risk.version) for r in remapped]))
    return hashlib.sha256(content.encode()).hexdigest()[:32]


def matrix_remap_preview(*, organisation: Organisation, old_size: int, new_size: int) -> list[RemappedRisk]:
    fields = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
    remapped = []
    for risk in Risk.objects.for_org(organisation).order_by("number"):
        before = tuple(getattr(risk, f) for f in fields)
        after = tuple(level_remap(v, old_size=old_size, new_size=new_size) for v in before)
        remapped.append(RemappedRisk(risk, before, after))
    return remapped


@transaction.atomic
def risk_matrix_change(
    *, organisation: Organisation, levels: list[str], bands: list[Band], confirmation: str = ""
) -> RiskMatrix:
    """Set the matrix's levels and bands (giving the organisation one if it has none). A change of
    size while the register has risks moves each risk's levels to their place on the new scale
    (level_remap), and only when `confirmation` is the token of this very change; otherwise
    MatrixResizeNeedsConfirmation says what would happen, and nothing changes."""
    matrix = RiskMatrix.objects.select_for_update().filter(organisation=organisation).first()
    levels = [name.strip() for name in levels]
    if not 2 <= len(levels) <= 5 or not all(levels):
        raise ValidationError({"levels": "Name every level: between two and five of them."})
    bands_check(bands, len(levels))
    if matrix is None:
        matrix = RiskMatrix(organisation=organisation, levels=levels)
    old_size, new_size = matrix.size, len(levels)
    remapped = (
        matrix_remap_preview(organisation=organisation, old_size=old_size, new_size=new_size)
        if matrix.pk and old_size != new_size
        else []
    )
    token = _change_token(levels, bands, remapped)
    if remapped and confirmation != token:
        raise MatrixResizeNeedsConfirmation(remapped, old_size, new_size, token)
    matrix.levels = levels
    matrix.save()
    matrix.bands.all().delete()
    for band in sorted(bands, key=lambda b: b.lowest):
        RiskBand.objects.create(
            matrix=matrix, lowest=band.lowest, highest=band.highest, label=band.label, colour=band.colour
        )
    fields = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
    for row in remapped:
        for field, value in zip(fields, row.after, strict=True):
            setattr(row.risk, field, value)
        row.risk.version += 1
        row.risk._change_reason = f"Matrix changed from {old_size}×{old_size} to {new_size}×{new_size}"
        row.risk.save()
    return matrix


# --- Settings: KPI 7 and the pooled budget ---------------------------------------------------------


@transaction.atomic
def board_attendance_tracking_set(*, organisation: Organisation, tracked: bool, user=None) -> int:
    """Track YJB KPI 7 (board attendance and partners' disproportionality data) or stop. Turning it
    on records both for every quarter the management board has met in, from the attendance already
    recorded; returns how many quarters have values."""
    for code in (BOARD_ATTENDANCE_KPI, KPI7_DISPROPORTIONALITY_KPI):
        indicator = Indicator.objects.shared().get(code=code)
        indicator_tracking_set(organisation=organisation, indicator=indicator, tracked=tracked)
    if not tracked:
        return 0
    days = Meeting.objects.filter(board__organisation=organisation, board__parent__isnull=True).values_list(
        "date", flat=True
    )
    quarters = sorted({rag.period_start(day, indicator.frequency) for day in days})
    return sum(bool(board_attendance_record(organisation=organisation, period=q, user=user)) for q in quarters)


@transaction.atomic
def contributions_save(*, organisation: Organisation, year: str, formset) -> int:
    """Save one year's contributions from a formset of agencies: rows added, changed or removed.
    Returns how many rows that was."""
    changed = 0
    for form in formset.forms:
        if not form.has_changed():
            continue
        if form.cleaned_data.get("DELETE"):
            if form.instance.pk:
                form.instance.delete()
                changed += 1
            continue
        row = form.save(commit=False)
        row.organisation, row.year = organisation, year
        row.save()
        changed += 1
    return changed
