"""Meetings the way boards minute them (issue #32): attendance taken on the meeting's page for every
member in post on the day, in the board's order, with the deputy a member sent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from governance import selectors, services
from governance.choices import Agency, AttendanceStatus, MemberOrder
from governance.models import Attendance
from governance.services import AttendanceEntry
from governance.tests.factories import BoardFactory, BoardMemberFactory, MeetingFactory
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import form_data, queries_with_two_rows_and_ten

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2019, 6, 12)


def url(name, **kwargs):
    return reverse(f"governance:{name}", kwargs={"org": "lewisham", **kwargs})


@pytest.fixture
def board(organisation):
    return BoardFactory(organisation=organisation, name="Youth Justice Management Board")


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board, date=JUNE)


def _page(meeting):
    return url("meeting_detail", pk=meeting.pk)


def _post_attendance(client, meeting, **changes):
    data = form_data(client.get(_page(meeting))) | changes
    return client.post(_page(meeting), data)


# --- Who is offered ----------------------------------------------------------------------------


def test_a_member_added_after_the_meeting_was_created_is_offered_on_its_page(client, manager, meeting, board):
    member = BoardMemberFactory(board=board, name="Borough Commander", agency=Agency.POLICE)
    client.force_login(manager)
    response = client.get(_page(meeting))
    assert f"status_{member.pk}" in response.context["form"].fields
    assert response.status_code == 200
    assert _post_attendance(client, meeting, **{f"status_{member.pk}": "present"}).status_code == 302
    assert [(a.member, a.status) for a in meeting.attendance.all()] == [(member, "present")]


def test_a_member_who_joined_after_the_meeting_or_left_before_it_is_not_offered(meeting, board):
    in_post = BoardMemberFactory(board=board, start_date=JUNE, end_date=JUNE)  # the day itself counts
    BoardMemberFactory(board=board, start_date=JUNE + datetime.timedelta(days=1))
    BoardMemberFactory(board=board, end_date=JUNE - datetime.timedelta(days=1))
    assert [p.member for p in selectors.meeting_places(meeting)] == [in_post]


def test_a_former_member_whose_attendance_is_recorded_stays_on_the_meeting(meeting, board):
    left = BoardMemberFactory(board=board, end_date=JUNE - datetime.timedelta(days=30))
    Attendance.objects.create(meeting=meeting, member=left, status=AttendanceStatus.APOLOGIES)
    [place] = selectors.meeting_places(meeting)
    assert (place.member, place.attendance.status) == (left, "apologies")


def test_an_empty_boards_meeting_says_add_members_first_with_a_link(client, manager, meeting, board):
    client.force_login(manager)
    html = client.get(_page(meeting)).content.decode()
    assert "Add members first." in html
    assert f'href="{url("board_member_create", board_pk=board.pk)}"' in html
    assert "Save attendance" not in html


# --- Order -------------------------------------------------------------------------------------


def test_members_are_listed_in_the_order_they_were_added_unless_the_board_lists_them_by_name(
    client, board_member, meeting, board
):
    for name, agency in [
        ("Zoe Young", Agency.INDEPENDENT_CHAIR),
        ("Amir Khan", Agency.POLICE),
        ("Bea Lowe", Agency.HEALTH),
    ]:
        BoardMemberFactory(board=board, name=name, agency=agency)
    client.force_login(board_member)

    def order(page):
        html = client.get(page).content.decode()
        return sorted(["Zoe Young", "Amir Khan", "Bea Lowe"], key=html.index)

    added = ["Zoe Young", "Amir Khan", "Bea Lowe"]  # the chair first, as added: not agency-code order
    assert order(url("board_detail", pk=board.pk)) == order(_page(meeting)) == added
    board.member_order = MemberOrder.NAME
    board.save()
    assert order(url("board_detail", pk=board.pk)) == order(_page(meeting)) == sorted(added)


def test_a_manager_chooses_the_member_order_on_the_board_form(client, manager, board):
    client.force_login(manager)
    data = form_data(client.get(url("board_edit", pk=board.pk))) | {"member_order": MemberOrder.NAME}
    assert client.post(url("board_edit", pk=board.pk), data).status_code == 302
    board.refresh_from_db()
    assert board.member_order == MemberOrder.NAME


# --- Deputies ----------------------------------------------------------------------------------


def test_a_deputy_is_recorded_with_name_and_agency_and_named_as_minutes_name_them(client, manager, meeting, board):
    member = BoardMemberFactory(board=board, name="Borough Commander", agency=Agency.POLICE)
    client.force_login(manager)
    response = _post_attendance(
        client,
        meeting,
        **{
            f"status_{member.pk}": "deputy",
            f"deputy_name_{member.pk}": "Jo Smith",
            f"deputy_agency_{member.pk}": "police",
        },
    )
    assert response.status_code == 302
    attendance = meeting.attendance.get()
    assert (attendance.status, attendance.deputy_name, attendance.deputy_agency) == ("deputy", "Jo Smith", "police")
    assert attendance.deputy_label == "Jo Smith (deputy for Borough Commander, Police)"


def test_readers_see_the_deputy_named_on_the_meeting_page(client, board_member, meeting, board):
    member = BoardMemberFactory(board=board, name="Borough Commander", agency=Agency.POLICE)
    Attendance.objects.create(
        meeting=meeting, member=member, status=AttendanceStatus.DEPUTY, deputy_name="Jo Smith", deputy_agency="police"
    )
    client.force_login(board_member)
    assert "Jo Smith (deputy for Borough Commander, Police)" in client.get(_page(meeting)).content.decode()


def test_a_deputy_must_be_named(client, manager, meeting, board):
    member = BoardMemberFactory(board=board)
    client.force_login(manager)
    response = _post_attendance(client, meeting, **{f"status_{member.pk}": "deputy"})
    assert response.status_code == 200
    assert "Give the name of the deputy" in response.content.decode()
    assert not meeting.attendance.exists()


def test_a_deputy_s_details_are_not_kept_when_the_member_came_themselves(meeting, board):
    member = BoardMemberFactory(board=board)
    entry = AttendanceEntry(status=AttendanceStatus.PRESENT, deputy_name="Jo Smith", deputy_agency=Agency.POLICE)
    services.attendance_record(meeting=meeting, entries={member.pk: entry})
    attendance = meeting.attendance.get()
    assert (attendance.deputy_name, attendance.deputy_agency, attendance.deputy_label) == ("", "", "")


def test_kpi7_counts_a_deputy_s_place_but_not_as_attended_in_person(organisation, meeting, board):
    police = BoardMemberFactory(board=board, agency=Agency.POLICE)
    health = BoardMemberFactory(board=board, agency=Agency.HEALTH)
    chair = BoardMemberFactory(board=board, agency=Agency.INDEPENDENT_CHAIR)
    services.attendance_record(
        meeting=meeting,
        entries={
            police.pk: AttendanceEntry(status=AttendanceStatus.PRESENT),
            health.pk: AttendanceEntry(
                status=AttendanceStatus.DEPUTY, deputy_name="Jo Smith", deputy_agency=Agency.HEALTH, shared_data=True
            ),
            chair.pk: AttendanceEntry(status=AttendanceStatus.DEPUTY, deputy_name="Vice chair"),
        },
    )
    counts = services.kpi7_counts(organisation=organisation, start=JUNE, end=JUNE)
    # Two senior partners' places (the chair's is not KPI 7's); one attended in person, one by a deputy.
    assert counts == {"places": 2, "present": 1, "deputised": 1, "partners": 2, "shared": 1}


# --- Who may take attendance -------------------------------------------------------------------


def test_a_board_member_sees_no_attendance_form_and_is_refused_a_post(client, board_member, meeting, board):
    member = BoardMemberFactory(board=board)
    client.force_login(board_member)
    response = client.get(_page(meeting))
    assert response.context["form"] is None
    assert "Save attendance" not in response.content.decode()
    assert client.post(_page(meeting), {f"status_{member.pk}": "present"}).status_code == 403
    assert not meeting.attendance.exists()


def test_another_boards_member_cannot_be_recorded(organisation, meeting):
    stranger = BoardMemberFactory(board=BoardFactory(organisation=organisation))
    with pytest.raises(ValidationError, match="Not members of this board"):
        services.attendance_record(meeting=meeting, entries={stranger.pk: AttendanceEntry(status="present")})


# --- Saving: nothing twice, nothing lost, every change in the history -----------------------------


def test_saving_the_attendance_as_it_stands_writes_nothing(client, manager, meeting, board):
    member = BoardMemberFactory(board=board)
    client.force_login(manager)
    _post_attendance(client, meeting, **{f"status_{member.pk}": "deputy", f"deputy_name_{member.pk}": "Jo Smith"})
    before = Attendance.history.count()
    response = _post_attendance(client, meeting)  # the form as it loads: what is recorded
    assert response.status_code == 302
    assert Attendance.history.count() == before


def test_two_managers_taking_attendance_at_once_the_second_is_refused_and_nothing_is_overwritten(
    organisation, manager, make_member, meeting, board
):
    police = BoardMemberFactory(board=board, name="Borough Commander")
    other = make_member(organisation, Role.MANAGER, "second-manager")
    other.first_name, other.last_name = "Sam", "Clerk"
    other.save()
    first, second = Client(), Client()
    first.force_login(other)
    second.force_login(manager)
    mine, theirs = form_data(first.get(_page(meeting))), form_data(second.get(_page(meeting)))
    assert first.post(_page(meeting), mine | {f"status_{police.pk}": "present"}).status_code == 302
    response = second.post(_page(meeting), theirs | {f"status_{police.pk}": "apologies"})
    assert response.status_code == 200
    assert "Sam Clerk changed this meeting&#x27;s attendance" in response.content.decode()
    assert meeting.attendance.get().status == "present"


def test_an_attendance_change_is_in_its_history_with_who_made_it(client, manager, meeting, board):
    member = BoardMemberFactory(board=board)
    client.force_login(manager)
    _post_attendance(client, meeting, **{f"status_{member.pk}": "apologies"})
    _post_attendance(client, meeting, **{f"status_{member.pk}": "deputy", f"deputy_name_{member.pk}": "Jo Smith"})
    _post_attendance(client, meeting, **{f"status_{member.pk}": ""})  # taken off the record
    history = Attendance.history.filter(meeting_id=meeting.pk).order_by("history_date", "history_id")
    assert [(h.history_type, h.status, h.deputy_name, h.history_user) for h in history] == [
        ("+", "apologies", "", manager),
        ("~", "deputy", "Jo Smith", manager),
        ("-", "deputy", "Jo Smith", manager),
    ]


def test_the_attendance_form_makes_as_many_queries_for_ten_members_as_for_two(client, manager, meeting, board):
    def row(n):
        member = BoardMemberFactory(board=board, name=f"Member {n}", agency=Agency.HEALTH)
        Attendance.objects.create(
            meeting=meeting, member=member, status=AttendanceStatus.DEPUTY, deputy_name=f"Deputy {n}"
        )

    client.force_login(manager)
    few, many = queries_with_two_rows_and_ten(client, _page(meeting), row)
    assert many == few
