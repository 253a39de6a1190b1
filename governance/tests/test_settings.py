"""The configuration pages of governance: the risk matrix (and what a change of size does to the
register), KPI 7 tracking, the pooled budget per year, and boards."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import services
from governance.choices import (
    BOARD_ATTENDANCE_KPI,
    DEFAULT_RISK_MATRIX,
    FIVE_BY_FIVE_RISK_MATRIX,
    Agency,
    AttendanceStatus,
)
from governance.models import Attendance, Board, BoardMember, Meeting, PartnerContribution, Risk, RiskMatrix
from governance.tests.factories import RiskFactory
from performance.models import Measurement, TrackedIndicator
from yos_tracker.tests.helpers import form_data

pytestmark = pytest.mark.django_db

LEVELS = ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")


def url(name, org="lewisham", query="", **kwargs):
    return reverse(f"governance:{name}", kwargs={"org": org, **kwargs}) + query


def _bands(definition) -> list[services.Band]:
    return [services.Band(*band) for band in definition["bands"]]


def _levels(risk: Risk) -> tuple[int, int, int, int]:
    risk.refresh_from_db()
    return tuple(getattr(risk, f) for f in LEVELS)


def _matrix_state(organisation) -> tuple[list[str], list[tuple]]:
    matrix = RiskMatrix.objects.get(organisation=organisation)
    return matrix.levels, [(b.lowest, b.highest, b.label, b.colour) for b in matrix.bands.all()]


# --- level_remap and bands_check ------------------------------------------------------------------


@pytest.mark.parametrize(
    "old_size, new_size, levels, expected",
    [
        (3, 5, [1, 2, 3], [1, 3, 5]),
        (5, 3, [1, 2, 3, 4, 5], [1, 2, 2, 3, 3]),
        (3, 3, [1, 2, 3], [1, 2, 3]),
        (5, 5, [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
    ],
)
def test_a_level_keeps_its_place_on_the_scale_of_a_matrix_of_another_size(old_size, new_size, levels, expected):
    assert [services.level_remap(v, old_size=old_size, new_size=new_size) for v in levels] == expected


def test_overlapping_bands_are_refused():
    bands = [services.Band(1, 3, "Low", "#00703c"), services.Band(3, 4, "Medium", "#ffbf47")]
    bands.append(services.Band(6, 9, "High", "#d4351c"))
    with pytest.raises(ValidationError) as refused:
        services.bands_check(bands, 3)
    assert refused.value.messages == ["“Low” and “Medium” overlap."]


def test_bands_that_leave_an_achievable_score_out_are_refused_naming_it():
    bands = [services.Band(1, 2, "Low", "#00703c"), services.Band(3, 4, "Medium", "#ffbf47")]
    bands.append(services.Band(7, 9, "High", "#d4351c"))  # 6 = 2 × 3 falls in none
    with pytest.raises(ValidationError) as refused:
        services.bands_check(bands, 3)
    assert refused.value.messages == ["No band holds the score 6."]


@pytest.mark.parametrize("definition", [DEFAULT_RISK_MATRIX, FIVE_BY_FIVE_RISK_MATRIX], ids=["3x3", "5x5"])
def test_the_preset_bands_are_accepted(definition):
    services.bands_check(_bands(definition), len(definition["levels"]))


def test_seed_004s_bands_are_accepted_though_5_is_in_no_band():
    bands = _bands(DEFAULT_RISK_MATRIX)
    assert not any(b.lowest <= 5 <= b.highest for b in bands)  # no two levels of 1–3 multiply to 5
    services.bands_check(bands, 3)


# --- risk_matrix_change -----------------------------------------------------------------------------


@pytest.fixture
def three_by_three(organisation):
    return services.risk_matrix_install(organisation=organisation)


@pytest.fixture
def risks(organisation, three_by_three):
    return [
        RiskFactory(
            organisation=organisation,
            number=1,
            inherent_likelihood=1,
            inherent_impact=2,
            residual_likelihood=3,
            residual_impact=1,
        ),
        RiskFactory(
            organisation=organisation,
            number=2,
            inherent_likelihood=3,
            inherent_impact=3,
            residual_likelihood=2,
            residual_impact=2,
        ),
    ]


def test_relabelling_a_matrix_of_the_same_size_saves_levels_and_bands_and_leaves_risks_alone(organisation, risks):
    bands = [
        services.Band(1, 2, "Green", "#00703c"),
        services.Band(3, 4, "Amber", "#ffbf47"),
        services.Band(5, 9, "Red", "#d4351c"),
    ]
    services.risk_matrix_change(organisation=organisation, levels=["Minor", "Moderate", "Major"], bands=bands)
    assert _matrix_state(organisation) == (
        ["Minor", "Moderate", "Major"],
        [(1, 2, "Green", "#00703c"), (3, 4, "Amber", "#ffbf47"), (5, 9, "Red", "#d4351c")],
    )
    assert [_levels(r) for r in risks] == [(1, 2, 3, 1), (3, 3, 2, 2)]
    assert [r.version for r in risks] == [1, 1]


def test_a_change_of_size_with_risks_needs_confirmation_and_changes_nothing(organisation, risks):
    before = _matrix_state(organisation)
    with pytest.raises(services.MatrixResizeNeedsConfirmation) as needed:
        services.risk_matrix_change(
            organisation=organisation,
            levels=FIVE_BY_FIVE_RISK_MATRIX["levels"],
            bands=_bands(FIVE_BY_FIVE_RISK_MATRIX),
        )
    assert (needed.value.old_size, needed.value.new_size) == (3, 5)
    assert [(row.risk.number, row.before, row.after) for row in needed.value.remapped] == [
        (1, (1, 2, 3, 1), (1, 3, 5, 1)),
        (2, (3, 3, 2, 2), (5, 5, 3, 3)),
    ]
    assert "from 3×3 to 5×5 moves the levels of 2 risks" in needed.value.messages[0]
    assert _matrix_state(organisation) == before
    assert [_levels(r) for r in risks] == [(1, 2, 3, 1), (3, 3, 2, 2)]
    assert [(r.version, r.history.count()) for r in risks] == [(1, 1), (1, 1)]


def test_a_confirmed_change_of_size_remaps_every_risk_and_records_why(
    organisation, risks, other_organisation, three_by_three
):
    services.risk_matrix_install(organisation=other_organisation)
    theirs = RiskFactory(organisation=other_organisation, number=1, inherent_likelihood=3, inherent_impact=3)
    change = {"levels": FIVE_BY_FIVE_RISK_MATRIX["levels"], "bands": _bands(FIVE_BY_FIVE_RISK_MATRIX)}
    with pytest.raises(services.MatrixResizeNeedsConfirmation) as needed:
        services.risk_matrix_change(organisation=organisation, **change)
    services.risk_matrix_change(organisation=organisation, confirmation=needed.value.token, **change)
    three_by_three.refresh_from_db()
    assert three_by_three.size == 5
    assert _matrix_state(organisation)[1] == [tuple(b) for b in FIVE_BY_FIVE_RISK_MATRIX["bands"]]
    assert [_levels(r) for r in risks] == [(1, 3, 5, 1), (5, 5, 3, 3)]
    for risk in risks:
        last = risk.history.first()
        assert risk.version == 2
        assert (risk.history.count(), last.history_change_reason) == (2, "Matrix changed from 3×3 to 5×5")
        assert last.inherent_impact == risk.inherent_impact  # the record holds the remapped levels
    # Another service's register is on its own matrix.
    assert (_levels(theirs), theirs.version) == ((3, 3, 2, 2), 1)


def test_a_change_of_size_with_no_risks_needs_no_confirmation(organisation, three_by_three, other_organisation):
    RiskFactory(organisation=other_organisation, number=1)  # another service's risks do not count
    services.risk_matrix_change(
        organisation=organisation,
        levels=FIVE_BY_FIVE_RISK_MATRIX["levels"],
        bands=_bands(FIVE_BY_FIVE_RISK_MATRIX),
    )
    assert _matrix_state(organisation)[0] == FIVE_BY_FIVE_RISK_MATRIX["levels"]


# --- The matrix page ------------------------------------------------------------------------------


def _matrix_post(definition, **extra) -> dict:
    """The matrix form as the browser posts it: the levels and a row per band."""
    bands = definition["bands"]
    data = {
        "levels": "\n".join(definition["levels"]),
        "bands-TOTAL_FORMS": str(len(bands)),
        "bands-INITIAL_FORMS": "0",
        "bands-MIN_NUM_FORMS": "1",
        "bands-MAX_NUM_FORMS": "1000",
    }
    for i, (lowest, highest, label, colour) in enumerate(bands):
        data.update(
            {f"bands-{i}-lowest": lowest, f"bands-{i}-highest": highest, f"bands-{i}-label": label}
            | {f"bands-{i}-colour": colour}
        )
    return data | extra


def test_board_member_cannot_open_or_post_the_matrix_page(client, board_member, three_by_three, organisation):
    client.force_login(board_member)
    assert client.get(url("matrix")).status_code == 403
    assert client.post(url("matrix"), _matrix_post(FIVE_BY_FIVE_RISK_MATRIX)).status_code == 403
    assert _matrix_state(organisation)[0] == ["Low", "Medium", "High"]


@pytest.fixture
def five_by_five_register(organisation):
    services.risk_matrix_install(organisation=organisation, definition=FIVE_BY_FIVE_RISK_MATRIX)
    return [
        RiskFactory(
            organisation=organisation,
            number=1,
            inherent_likelihood=4,
            inherent_impact=5,
            residual_likelihood=5,
            residual_impact=4,
        ),
        RiskFactory(
            organisation=organisation,
            number=2,
            inherent_likelihood=2,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=1,
        ),
    ]


def test_manager_shrinking_the_matrix_sees_the_preview_and_nothing_changes(
    client, manager, organisation, five_by_five_register
):
    before = _matrix_state(organisation)
    client.force_login(manager)
    response = client.post(url("matrix"), _matrix_post(DEFAULT_RISK_MATRIX))
    html = response.content.decode()
    assert response.status_code == 200
    assert "What happens to the register" in html
    assert (
        "Changing the matrix from 5×5 to 3×3 moves the levels of 2 risks, as shown below. Nothing has been "
        "saved: confirm to make the change." in html
    )
    # Each risk's scores before and after the change: 4×5 becomes 3×3, 2×3 becomes 2×2.
    assert "20 → <strong>9</strong>" in html and "6 → <strong>4</strong>" in html
    # The page asks for the confirmation the next post carries.
    token = response.context["preview"].token
    assert re.search(rf'<input type="hidden" name="confirmation" value="{token}"', html)
    assert "Confirm the change" in html
    assert _matrix_state(organisation) == before
    assert [(_levels(r), r.version) for r in five_by_five_register] == [((4, 5, 5, 4), 1), ((2, 3, 1, 1), 1)]


def test_manager_confirming_the_shrink_changes_the_matrix_and_remaps_the_register(
    client, manager, organisation, five_by_five_register
):
    client.force_login(manager)
    token = client.post(url("matrix"), _matrix_post(DEFAULT_RISK_MATRIX)).context["preview"].token
    response = client.post(url("matrix"), _matrix_post(DEFAULT_RISK_MATRIX, confirmation=token))
    assert response.status_code == 302
    assert _matrix_state(organisation) == (
        DEFAULT_RISK_MATRIX["levels"],
        [tuple(b) for b in DEFAULT_RISK_MATRIX["bands"]],
    )
    assert [(_levels(r), r.version) for r in five_by_five_register] == [((3, 3, 3, 3), 2), ((2, 2, 1, 1), 2)]


def test_overlapping_bands_on_the_matrix_page_show_a_message_and_change_nothing(
    client, manager, organisation, three_by_three
):
    before = _matrix_state(organisation)
    bad = {
        "levels": ["Minor", "Moderate", "Major"],
        "bands": [(1, 4, "Low", "#00703c"), (3, 9, "High", "#d4351c")],
    }
    client.force_login(manager)
    response = client.post(url("matrix"), _matrix_post(bad))
    assert response.status_code == 200
    assert "“Low” and “High” overlap." in response.content.decode()
    assert _matrix_state(organisation) == before


def test_the_five_by_five_preset_prefills_five_levels_and_its_bands(client, manager, organisation, three_by_three):
    client.force_login(manager)
    html = client.get(url("matrix", query="?preset=5")).content.decode()
    levels = re.search(r'<textarea name="levels"[^>]*>(.*?)</textarea>', html, re.DOTALL).group(1)
    assert levels.strip().splitlines() == ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    assert 'value="Very high"' in html and 'name="bands-3-lowest" id="id_bands-3-lowest" value="20"' in html
    assert _matrix_state(organisation)[0] == ["Low", "Medium", "High"]  # nothing saved until posted


def test_the_register_of_a_service_without_a_matrix_shows_a_notice_and_writes_nothing(client, manager):
    client.force_login(manager)
    response = client.get(url("risk_register"))
    assert response.status_code == 200
    assert "This service has no risk matrix yet" in response.content.decode()
    assert not RiskMatrix.objects.exists()


# --- KPI 7 ----------------------------------------------------------------------------------------


@pytest.fixture
def boards(organisation):
    """The management board, which met in two quarters of 2018, and a sub-group that met in one of
    them and in a third."""
    board = Board.objects.create(organisation=organisation, name="Youth Justice Management Board")
    police = BoardMember.objects.create(board=board, name="Borough Commander", agency=Agency.POLICE)
    health = BoardMember.objects.create(board=board, name="ICB lead", agency=Agency.HEALTH)
    for date, police_status, health_status in [
        (datetime.date(2018, 6, 13), AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES),
        (datetime.date(2018, 9, 12), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT),
    ]:
        meeting = Meeting.objects.create(board=board, date=date)
        Attendance.objects.create(meeting=meeting, member=police, status=police_status)
        Attendance.objects.create(meeting=meeting, member=health, status=health_status)
    sub_group = Board.objects.create(organisation=organisation, name="Out-of-court panel", parent=board)
    education = BoardMember.objects.create(board=sub_group, name="Head of inclusion", agency=Agency.EDUCATION)
    for date in (datetime.date(2018, 6, 20), datetime.date(2018, 11, 7)):
        meeting = Meeting.objects.create(board=sub_group, date=date)
        Attendance.objects.create(meeting=meeting, member=education, status=AttendanceStatus.PRESENT)
    return {"board": board, "police": police, "sub_group": sub_group, "education": education}


def _kpi7_values(organisation) -> dict:
    measurements = Measurement.objects.for_org(organisation).filter(indicator__code=BOARD_ATTENDANCE_KPI)
    return {m.period: m.value for m in measurements}


def _kpi7_tracked(organisation) -> bool:
    return TrackedIndicator.objects.for_org(organisation).filter(indicator__code=BOARD_ATTENDANCE_KPI).exists()


def test_turning_kpi7_on_tracks_it_and_records_each_quarter_the_board_met_in(client, manager, organisation, boards):
    client.force_login(manager)
    response = client.post(url("kpi7"), {"tracked": "on"}, follow=True)
    assert _kpi7_tracked(organisation)
    # Only the management board's quarters, and only its attendance: the sub-group's
    # full attendance in June and its November meeting change nothing.
    assert _kpi7_values(organisation) == {datetime.date(2018, 4, 1): Decimal("50"), datetime.date(2018, 7, 1): 100}
    html = response.content.decode()
    assert "KPI 7 is tracked; 2 quarters recorded from the board&#x27;s attendance." in html
    assert "50.0%" in html and "100.0%" in html


def test_turning_kpi7_on_also_records_the_partners_disproportionality_data(client, manager, organisation, boards):
    Attendance.objects.filter(member=boards["police"], meeting__date=datetime.date(2018, 9, 12)).update(
        shared_disproportionality_data=True
    )
    client.force_login(manager)
    client.post(url("kpi7"), {"tracked": "on"})
    shared = Measurement.objects.for_org(organisation).filter(indicator__code="KPI7_DISPROPORTIONALITY_DATA")
    # June: neither partner brought data; September: the police did, health did not.
    assert {m.period: (m.numerator, m.denominator) for m in shared} == {
        datetime.date(2018, 4, 1): (0, 2),
        datetime.date(2018, 7, 1): (1, 2),
    }
    assert "Partners contributing disproportionality data" in client.get(url("kpi7")).content.decode()


def _meeting_with_attendance(client, board, date: str, statuses: dict) -> None:
    """Record a meeting, then its attendance on the meeting's page, as a manager does."""
    client.post(url("meeting_create", board_pk=board.pk), {"date": date, "decisions": "", "agenda_text": ""})
    page = url("meeting_detail", pk=Meeting.objects.get(board=board, date=date).pk)
    data = form_data(client.get(page)) | {f"status_{member.pk}": status for member, status in statuses.items()}
    assert client.post(page, data).status_code == 302


def test_a_sub_groups_meetings_never_change_the_kpi7_value(client, manager, organisation, boards):
    client.force_login(manager)
    client.post(url("kpi7"), {"tracked": "on"})
    recorded = {m.pk: m.version for m in Measurement.objects.for_org(organisation)}
    _meeting_with_attendance(client, boards["sub_group"], "2018-06-27", {boards["education"]: "present"})
    assert Meeting.objects.filter(board=boards["sub_group"], date=datetime.date(2018, 6, 27)).exists()
    assert {m.pk: m.version for m in Measurement.objects.for_org(organisation)} == recorded
    # The management board's own meeting in a new quarter is recorded: the route works.
    _meeting_with_attendance(client, boards["board"], "2018-11-14", {boards["police"]: "absent"})
    assert _kpi7_values(organisation) == {
        datetime.date(2018, 4, 1): Decimal("50"),
        datetime.date(2018, 7, 1): 100,
        datetime.date(2018, 10, 1): 0,
    }


def test_moving_a_meeting_to_another_quarter_recomputes_both_quarters(client, manager, organisation, boards):
    """The June meeting moves to October: April's quarter has no meeting left, so loses its value;
    October's quarter gets one."""
    client.force_login(manager)
    client.post(url("kpi7"), {"tracked": "on"})
    june = Meeting.objects.get(board=boards["board"], date=datetime.date(2018, 6, 13))
    health = BoardMember.objects.get(board=boards["board"], agency=Agency.HEALTH)
    response = client.post(
        url("meeting_edit", board_pk=boards["board"].pk, pk=june.pk),
        {"date": "2018-10-10", "decisions": "", "agenda_text": ""},
    )
    assert response.status_code == 302
    assert {a.member: a.status for a in june.attendance.all()} == {boards["police"]: "present", health: "apologies"}
    assert _kpi7_values(organisation) == {datetime.date(2018, 7, 1): 100, datetime.date(2018, 10, 1): 50}


def test_two_management_boards_meeting_in_a_quarter_count_together(client, manager, organisation, boards):
    other = Board.objects.create(organisation=organisation, name="Partnership board")
    member = BoardMember.objects.create(board=other, name="Probation head", agency=Agency.PROBATION)
    meeting = Meeting.objects.create(board=other, date=datetime.date(2018, 5, 2))
    Attendance.objects.create(meeting=meeting, member=member, status=AttendanceStatus.ABSENT)
    client.force_login(manager)
    client.post(url("kpi7"), {"tracked": "on"})
    # April–June: the police and health places (one in person) and the probation place (absent).
    assert _kpi7_values(organisation)[datetime.date(2018, 4, 1)] == Decimal("33.3333")


def test_turning_kpi7_off_stops_tracking_and_keeps_the_values(client, manager, organisation, boards):
    client.force_login(manager)
    client.post(url("kpi7"), {"tracked": "on"})
    response = client.post(url("kpi7"), {"tracked": "off"}, follow=True)
    assert not _kpi7_tracked(organisation)
    assert _kpi7_values(organisation) == {datetime.date(2018, 4, 1): 50, datetime.date(2018, 7, 1): 100}
    assert "KPI 7 is no longer tracked; the values recorded are kept." in response.content.decode()


def test_board_member_cannot_open_or_change_kpi7_tracking(client, board_member, organisation, boards):
    client.force_login(board_member)
    assert client.get(url("kpi7")).status_code == 403
    assert client.post(url("kpi7"), {"tracked": "on"}).status_code == 403
    assert not _kpi7_tracked(organisation) and not _kpi7_values(organisation)


# --- Contributions --------------------------------------------------------------------------------

BLANK_ROW = {"agency": "", "staffing": "", "payments_in_kind": "", "other_delegated": ""}  # as the page shows it


def _contributions_post(year: str, rows: list[dict], *, initial: int = 0, extra: int = 3) -> dict:
    """The year and the rows formset as the browser posts it: the rows given, then blank ones."""
    rows = [*rows, *[BLANK_ROW] * extra]
    data = {
        "year": year,
        "rows-TOTAL_FORMS": str(len(rows)),
        "rows-INITIAL_FORMS": str(initial),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"rows-{i}-{name}": value for name, value in row.items()})
    return data


POLICE = {"agency": "Police", "staffing": "10000", "payments_in_kind": "80000", "other_delegated": "0"}
HEALTH = {"agency": "Health", "staffing": "125000.50", "payments_in_kind": "0", "other_delegated": "2499.50"}


def test_manager_enters_a_new_year_and_the_list_totals_it(client, manager, organisation):
    client.force_login(manager)
    response = client.post(url("contributions_edit"), _contributions_post("2020/21", [POLICE, HEALTH]))
    assert (response.status_code, response.url) == (302, url("contributions", query="?year=2020/21"))
    saved = {c.agency: c.total for c in PartnerContribution.objects.for_org(organisation).filter(year="2020/21")}
    assert saved == {"Police": Decimal("90000"), "Health": Decimal("127500")}
    page = client.get(url("contributions", query="?year=2020/21"))
    assert page.context["totals"]["total"] == sum(saved.values()) == Decimal("217500")
    assert re.search(r'id="grand-total">£217,500<', page.content.decode())


def test_an_amount_that_is_not_a_number_is_shown_beside_its_field_and_nothing_is_saved(client, manager):
    client.force_login(manager)
    response = client.post(
        url("contributions_edit"), _contributions_post("2019/20", [POLICE | {"staffing": "lots"}, HEALTH])
    )
    assert response.status_code == 200
    assert re.search(
        r'id="id_rows-0-staffing-error">Give an amount in pounds, such as 125000 or 125000\.50\.</div>',
        response.content.decode(),
    )
    assert not PartnerContribution.objects.exists()


def test_the_same_agency_twice_in_a_year_is_refused(client, manager):
    client.force_login(manager)
    response = client.post(
        url("contributions_edit"), _contributions_post("2019/20", [POLICE, HEALTH | {"agency": "police"}])
    )
    assert response.status_code == 200
    assert "Give each agency once: police appears more than once." in response.content.decode()
    assert not PartnerContribution.objects.exists()


@pytest.mark.parametrize(
    "year, message",
    [
        ("2019/21", "2019/21 is not a financial year: 2019/20 runs from April 2019 to March 2020."),
        ("19/20", "Give the financial year as 2019/20."),
    ],
)
def test_a_year_that_is_not_a_financial_year_is_refused(client, manager, year, message):
    client.force_login(manager)
    response = client.post(url("contributions_edit"), _contributions_post(year, [POLICE]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PartnerContribution.objects.exists()


@pytest.fixture
def year_recorded(organisation):
    police = PartnerContribution.objects.create(
        organisation=organisation, year="2019/20", agency="Police", staffing=10000, payments_in_kind=80000
    )
    health = PartnerContribution.objects.create(
        organisation=organisation, year="2019/20", agency="Health", staffing=125000
    )
    return police, health


def test_manager_edits_a_year_removes_a_row_and_the_history_keeps_both(client, manager, organisation, year_recorded):
    police, health = year_recorded
    client.force_login(manager)
    edit = url("contributions_edit", query="?year=2019/20")
    assert client.get(edit).context["formset"].initial_form_count() == 2
    rows = [
        POLICE | {"id": str(police.pk), "staffing": "12000"},
        HEALTH | {"id": str(health.pk), "DELETE": "on"},
    ]
    response = client.post(edit, _contributions_post("2019/20", rows, initial=2))
    assert response.status_code == 302
    assert [(c.agency, c.staffing) for c in PartnerContribution.objects.for_org(organisation)] == [
        ("Police", Decimal("12000"))
    ]
    assert PartnerContribution.history.filter(id=health.pk, history_type="-").exists()
    html = client.get(edit).content.decode()
    assert 'Deleted <span class="fw-semibold">Health 2019/20</span>' in html
    assert "<del>10000</del> → <ins>12000</ins>" in html


def test_a_new_year_that_is_recorded_already_is_refused(client, manager, organisation, year_recorded):
    client.force_login(manager)
    probation = {"agency": "Probation", "staffing": "5000", "payments_in_kind": "0", "other_delegated": "0"}
    response = client.post(url("contributions_edit"), _contributions_post("2019/20", [probation]))
    assert response.status_code == 200
    assert "2019/20 is recorded already: edit it instead." in response.content.decode()
    assert sorted(PartnerContribution.objects.values_list("agency", flat=True)) == ["Health", "Police"]


def test_board_member_cannot_open_or_post_the_contributions_form(client, board_member, year_recorded):
    client.force_login(board_member)
    assert client.get(url("contributions_edit")).status_code == 403
    assert client.get(url("contributions_edit", query="?year=2019/20")).status_code == 403
    assert client.post(url("contributions_edit"), _contributions_post("2020/21", [POLICE])).status_code == 403
    assert PartnerContribution.objects.count() == 2


# --- Boards ---------------------------------------------------------------------------------------

BOARD = {"name": "Youth Justice Management Board", "parent": "", "terms_of_reference": ""}


def test_manager_creates_a_board_and_a_sub_group_of_it(client, manager, organisation):
    client.force_login(manager)
    response = client.post(url("board_create"), BOARD)
    board = Board.objects.get(organisation=organisation)
    assert (response.status_code, response.url, board.parent) == (302, board.get_absolute_url(), None)
    client.post(url("board_create"), {**BOARD, "name": "Out-of-court panel", "parent": board.pk})
    assert list(board.sub_groups.values_list("name", flat=True)) == ["Out-of-court panel"]


def test_a_second_board_of_the_same_name_is_refused(client, manager, organisation, other_organisation):
    Board.objects.create(organisation=organisation, name=BOARD["name"])
    Board.objects.create(organisation=other_organisation, name="Out-of-court panel")
    client.force_login(manager)
    response = client.post(url("board_create"), BOARD)
    assert response.status_code == 200
    assert "already has a board of this name" in str(response.context["form"].errors["name"])
    assert Board.objects.filter(organisation=organisation).count() == 1
    # A name another service uses is free here.
    assert client.post(url("board_create"), {**BOARD, "name": "Out-of-court panel"}).status_code == 302


def test_board_member_cannot_create_a_board(client, board_member, organisation):
    client.force_login(board_member)
    assert client.get(url("board_create")).status_code == 403
    assert client.post(url("board_create"), BOARD).status_code == 403
    assert not Board.objects.exists()


def test_a_confirmation_confirms_only_the_change_that_was_previewed(organisation, risks, three_by_three):
    """Levels edited on the preview page, or a risk changed since, need a new preview."""
    change = {"levels": FIVE_BY_FIVE_RISK_MATRIX["levels"], "bands": _bands(FIVE_BY_FIVE_RISK_MATRIX)}
    with pytest.raises(services.MatrixResizeNeedsConfirmation) as needed:
        services.risk_matrix_change(organisation=organisation, **change)
    renamed = {**change, "levels": ["One", "Two", "Three", "Four", "Five"]}
    with pytest.raises(services.MatrixResizeNeedsConfirmation):
        services.risk_matrix_change(organisation=organisation, confirmation=needed.value.token, **renamed)
    risks[0].version += 1
    risks[0].save()
    with pytest.raises(services.MatrixResizeNeedsConfirmation):
        services.risk_matrix_change(organisation=organisation, confirmation=needed.value.token, **change)
    three_by_three.refresh_from_db()
    assert three_by_three.size == 3


def test_a_service_without_a_matrix_sets_one_up_from_the_matrix_page(client, manager, organisation):
    client.force_login(manager)
    page = client.get(url("matrix"))
    assert page.status_code == 200 and "Low\nMedium\nHigh" in page.content.decode()
    assert client.post(url("matrix"), _matrix_post(DEFAULT_RISK_MATRIX)).status_code == 302
    assert RiskMatrix.objects.get(organisation=organisation).levels == DEFAULT_RISK_MATRIX["levels"]


def test_a_row_with_an_agency_and_some_amounts_left_empty_counts_them_as_nothing(client, manager, organisation):
    client.force_login(manager)
    row = {"agency": "Probation", "staffing": "64000", "payments_in_kind": "", "other_delegated": ""}
    assert client.post(url("contributions_edit"), _contributions_post("2020/21", [row])).status_code == 302
    assert PartnerContribution.objects.get(organisation=organisation).total == Decimal("64000")


def test_the_form_for_a_new_year_shows_empty_rows_and_posting_them_as_they_came_saves_nothing(client, manager):
    client.force_login(manager)
    page = client.get(url("contributions_edit")).content.decode()
    assert 'name="rows-0-staffing" id="id_rows-0-staffing" value=""' in page
    response = client.post(url("contributions_edit"), _contributions_post("2020/21", []))
    assert response.status_code == 302 and not PartnerContribution.objects.exists()
