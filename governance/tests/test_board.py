import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from governance import services
from governance.choices import Agency, AttendanceStatus
from governance.forms import BoardMemberForm
from governance.models import AgendaItem, Attendance, Board, BoardAction, BoardMember, Meeting
from improvement.models import RagStatus
from improvement.tests.factories import PlanFactory, RecommendationFactory
from performance.models import Indicator, TrackedIndicator
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(organisation):
    board = Board.objects.create(organisation=organisation, name="Youth Justice Management Board")
    police = BoardMember.objects.create(board=board, name="Borough Commander", agency=Agency.POLICE, statutory=True)
    health = BoardMember.objects.create(board=board, name="CCG lead", agency=Agency.HEALTH, statutory=True)
    plan = [
        (datetime.date(2018, 6, 13), AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES),
        (datetime.date(2018, 9, 12), AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY),
        (datetime.date(2018, 12, 5), AttendanceStatus.ABSENT, AttendanceStatus.PRESENT),
        (datetime.date(2019, 3, 22), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT),
    ]
    for date, police_status, health_status in plan:
        meeting = Meeting.objects.create(board=board, date=date)
        Attendance.objects.create(meeting=meeting, member=police, status=police_status)
        Attendance.objects.create(meeting=meeting, member=health, status=health_status)
    return board


def test_attendance_rate_per_agency_over_a_period(board):
    rates = {
        r["agency"]: r
        for r in services.attendance_rates(board=board, start=datetime.date(2018, 4, 1), end=datetime.date(2019, 3, 31))
    }
    assert (rates["Police"]["expected"], rates["Police"]["rate"], rates["Police"]["represented"]) == (4, 75.0, 75.0)
    assert (rates["Health"]["rate"], rates["Health"]["represented"]) == (50.0, 75.0)  # a deputy represents, not attends


def test_the_period_bounds_the_meetings_counted(board):
    rates = services.attendance_rates(board=board, start=datetime.date(2018, 10, 1), end=datetime.date(2018, 12, 31))
    assert {r["agency"]: r["expected"] for r in rates} == {"Health": 1, "Police": 1}


def test_attendance_is_recorded_as_the_yjb_indicator_when_tracked(board, organisation):
    assert (
        services.board_attendance_record(organisation=board.organisation, period=datetime.date(2018, 12, 5)) == []
    )  # not tracked
    TrackedIndicator.objects.create(
        organisation=organisation, indicator=Indicator.objects.get(code="KPI7_BOARD_ATTENDANCE")
    )
    [measurement] = services.board_attendance_record(organisation=board.organisation, period=datetime.date(2018, 12, 5))
    assert (measurement.period, measurement.numerator, measurement.denominator) == (datetime.date(2018, 10, 1), 1, 2)
    assert measurement.value == D("50")


def test_kpi7_counts_the_senior_partners_and_not_the_chair_the_service_or_the_adviser(board, organisation):
    """A worked example: in the quarter from January 2019 the police and health attended in person
    (2 of 2 partner places); the chair and the service's manager, also present, and the YJB adviser,
    absent, are not what KPI 7 measures. Police brought disproportionality data; health did not."""
    meeting = Meeting.objects.get(board=board, date=datetime.date(2019, 3, 22))
    for agency, status in [
        (Agency.INDEPENDENT_CHAIR, AttendanceStatus.PRESENT),
        (Agency.YOUTH_JUSTICE_SERVICE, AttendanceStatus.PRESENT),
        (Agency.YOUTH_JUSTICE_ADVISER, AttendanceStatus.ABSENT),
    ]:
        member = BoardMember.objects.create(board=board, name=agency.label, agency=agency)
        Attendance.objects.create(meeting=meeting, member=member, status=status)
    meeting.attendance.filter(member__agency=Agency.POLICE).update(shared_disproportionality_data=True)
    for code in ("KPI7_BOARD_ATTENDANCE", "KPI7_DISPROPORTIONALITY_DATA"):
        TrackedIndicator.objects.create(organisation=organisation, indicator=Indicator.objects.get(code=code))

    written = services.board_attendance_record(organisation=organisation, period=datetime.date(2019, 3, 1))

    assert {m.indicator.code: (m.numerator, m.denominator, m.value) for m in written} == {
        "KPI7_BOARD_ATTENDANCE": (2, 2, D("100")),
        "KPI7_DISPROPORTIONALITY_DATA": (1, 2, D("50")),
    }


def test_a_meeting_records_who_brought_disproportionality_data(board):
    police = board.members.get(agency=Agency.POLICE)
    meeting = services.meeting_save(
        meeting=Meeting(board=board, date=datetime.date(2019, 5, 22)),
        agenda=[],
        attendance={police.pk: "present"},
        shared_data=frozenset({police.pk}),
    )
    assert meeting.attendance.get().shared_disproportionality_data
    services.meeting_save(meeting=meeting, agenda=[], attendance={police.pk: "present"})
    assert not meeting.attendance.get().shared_disproportionality_data


@pytest.mark.parametrize(
    ("agency", "counts"),
    [
        (Agency.POLICE, True),
        (Agency.CHILDRENS_SERVICES, True),
        (Agency.EDUCATION, True),
        (Agency.INDEPENDENT_CHAIR, False),
        (Agency.YOUTH_JUSTICE_SERVICE, False),
        (Agency.YOUTH_JUSTICE_ADVISER, False),
        (Agency.COURTS, False),
    ],
)
def test_a_member_s_category_decides_whether_kpi7_counts_them(agency, counts):
    assert agency.counts_for_kpi7 is counts


def test_saving_a_meeting_keeps_agenda_order_and_attendance(board):
    members = list(board.members.all())
    meeting = services.meeting_save(
        meeting=Meeting(board=board, date=datetime.date(2019, 5, 22)),
        agenda=["Performance report", "Risk register"],
        attendance={members[0].pk: "present"},
    )
    assert [a.title for a in meeting.agenda.all()] == ["Performance report", "Risk register"]
    services.meeting_save(meeting=meeting, agenda=["Risk register"], attendance={members[1].pk: "apologies"})
    assert [(a.member, a.status) for a in meeting.attendance.all()] == [(members[1], "apologies")]
    with pytest.raises(Exception, match="already has a meeting on this day"):
        services.meeting_save(meeting=Meeting(board=board, date=datetime.date(2019, 5, 22)), agenda=[], attendance={})


@pytest.mark.parametrize("key", ["99999999999999999999", "-9223372036854775808"])
def test_a_theme_lead_key_beyond_the_integer_range_is_an_invalid_choice_not_a_crash(board, organisation, key):
    form = BoardMemberForm(
        {"name": "Chair", "agency": Agency.LOCAL_AUTHORITY, "theme_lead_for": [key]}, organisation=organisation
    )
    assert not form.is_valid()
    assert form.errors["theme_lead_for"] == [f"Select a valid choice. {key} is not one of the available choices."]


def test_the_board_page_makes_as_many_queries_for_ten_meetings_members_sub_groups_and_actions_as_for_two(
    client, board_member, board
):
    organisation = board.organisation
    RagStatus.objects.install(organisation)
    status = RagStatus.objects.for_org(organisation).first()
    recommendation = RecommendationFactory(plan=PlanFactory(organisation=organisation))

    def row(n):
        """A member who leads a theme and attends a meeting of two agenda items that agreed an
        action, and a sub-group."""
        member = BoardMember.objects.create(board=board, name=f"Member {n}", agency=Agency.EDUCATION)
        member.theme_lead_for.add(recommendation)
        meeting = Meeting.objects.create(board=board, date=datetime.date(2019, 4, 1) + datetime.timedelta(weeks=n))
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, title=f"Item {i}", order=i) for i in (1, 2)])
        Attendance.objects.create(meeting=meeting, member=member, status=AttendanceStatus.PRESENT)
        BoardAction.objects.create(board=board, meeting=meeting, description=f"Action {n}", owner="YOS", status=status)
        Board.objects.create(organisation=organisation, name=f"Sub-group {n}", parent=board)

    client.force_login(board_member)
    page = reverse("governance:board_detail", kwargs={"org": "lewisham", "pk": board.pk})
    few, many = queries_with_two_rows_and_ten(client, page, row)
    assert many == few


def test_a_meetings_page_makes_as_many_queries_for_ten_attending_items_and_actions_as_for_two(
    client, board_member, board
):
    RagStatus.objects.install(board.organisation)
    status = RagStatus.objects.for_org(board.organisation).first()
    meeting = board.meetings.first()

    def row(n):
        member = BoardMember.objects.create(board=board, name=f"Member {n}", agency=Agency.EDUCATION)
        Attendance.objects.create(meeting=meeting, member=member, status=AttendanceStatus.DEPUTY, deputy_name="A. N.")
        AgendaItem.objects.create(meeting=meeting, title=f"Item {n}", order=n)
        BoardAction.objects.create(board=board, meeting=meeting, description=f"Action {n}", owner="YOS", status=status)

    client.force_login(board_member)
    page = reverse("governance:meeting_detail", kwargs={"org": "lewisham", "pk": meeting.pk})
    few, many = queries_with_two_rows_and_ten(client, page, row)
    assert many == few
