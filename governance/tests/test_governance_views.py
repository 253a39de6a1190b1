"""Roles and organisation scoping on every governance page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import selectors, services
from governance.choices import Agency
from governance.models import (
    Board,
    BoardMember,
    Meeting,
    PartnerContribution,
    Risk,
    RiskReview,
    SelfAssessment,
)
from improvement import services as improvement_services
from improvement.models import Inspection, InspectionFramework
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(organisation):
    services.risk_matrix_install(organisation=organisation)
    board = Board.objects.create(organisation=organisation, name="YJMB")
    member = BoardMember.objects.create(board=board, name="Chair", agency=Agency.INDEPENDENT_CHAIR)
    meeting = Meeting.objects.create(board=board, date=datetime.date(2018, 6, 13))
    risk = Risk.objects.create(
        organisation=organisation,
        number=1,
        raised_on=datetime.date(2017, 5, 9),
        title="ToR",
        description="d",
        owner="GR",
        inherent_likelihood=1,
        inherent_impact=3,
        residual_likelihood=1,
        residual_impact=1,
    )
    assessment = SelfAssessment.objects.create(
        organisation=organisation,
        date=datetime.date(2018, 12, 1),
        title="2018",
        framework=InspectionFramework.objects.get(code="hmip-2018"),
    )
    PartnerContribution.objects.create(
        organisation=organisation, year="2019/20", agency="Police", payments_in_kind=80000
    )
    return {"board": board, "member": member, "meeting": meeting, "risk": risk, "assessment": assessment}


def pages(r):
    """(name, kwargs, writes) for every governance page with an object."""
    return [
        ("index", {}, False),
        ("board_detail", {"pk": r["board"].pk}, False),
        ("board_member_create", {"board_pk": r["board"].pk}, True),
        ("board_member_edit", {"board_pk": r["board"].pk, "pk": r["member"].pk}, True),
        ("meeting_create", {"board_pk": r["board"].pk}, True),
        ("board_action_create", {"board_pk": r["board"].pk}, True),
        ("meeting_edit", {"board_pk": r["board"].pk, "pk": r["meeting"].pk}, True),
        ("meeting_detail", {"pk": r["meeting"].pk}, False),
        ("risk_register", {}, False),
        ("risk_create", {}, True),
        ("risk_detail", {"pk": r["risk"].pk}, False),
        ("risk_edit", {"pk": r["risk"].pk}, True),
        ("risk_import", {}, True),
        ("risk_export", {"fmt": "xlsx"}, False),
        ("assessments", {}, False),
        ("assessment_create", {}, True),
        ("assessment_edit", {"pk": r["assessment"].pk}, True),
        ("contributions", {}, False),
    ]


def url(name, org="lewisham", **kwargs):
    return reverse(f"governance:{name}", kwargs={"org": org, **kwargs})


def test_board_member_reads_every_page_and_writes_none(client, board_member, records):
    client.force_login(board_member)
    for name, kwargs, writes in pages(records):
        if not writes:
            assert client.get(url(name, **kwargs)).status_code == 200, name
        assert client.post(url(name, **kwargs), {}).status_code == 403, name


def test_manager_opens_every_page(client, manager, records):
    client.force_login(manager)
    for name, kwargs, _ in pages(records):
        assert client.get(url(name, **kwargs)).status_code == 200, name


def test_another_organisation_gets_404_on_every_page(client, records, other_organisation, make_member):
    client.force_login(make_member(other_organisation, Role.MANAGER, "bromley-manager"))
    for name, kwargs, _ in pages(records):
        assert client.get(url(name, **kwargs)).status_code == 404, name
        if any(key.endswith("pk") for key in kwargs):  # nor, through their own address, our objects
            assert client.get(url(name, org="bromley", **kwargs)).status_code == 404, name


def test_manager_records_a_review_from_the_risk_page(client, manager, records):
    risk = records["risk"]
    client.force_login(manager)
    data = {
        "date": "2017-06-12",
        "inherent_likelihood": 1,
        "inherent_impact": 3,
        "residual_likelihood": 1,
        "residual_impact": 1,
        "commentary": "ToR agreed",
        "version": risk.version,
    }
    assert client.post(url("risk_detail", pk=risk.pk), data).status_code == 302
    html = client.post(url("risk_detail", pk=risk.pk), data).content.decode()  # the same, now stale
    assert "after you opened it" in html


def test_manager_records_a_meeting_then_its_attendance_on_the_meeting_page(client, manager, records):
    board, member = records["board"], records["member"]
    client.force_login(manager)
    response = client.post(
        url("meeting_create", board_pk=board.pk),
        {"date": "2018-09-12", "decisions": "Agreed the plan", "agenda_text": "Performance\nRisks"},
    )
    meeting = Meeting.objects.get(date=datetime.date(2018, 9, 12))
    assert response.status_code == 302
    assert response.url == meeting.get_absolute_url()
    page = url("meeting_detail", pk=meeting.pk)
    data = form_data(client.get(page)) | {f"status_{member.pk}": "present"}
    assert client.post(page, data).status_code == 302
    assert [a.status for a in meeting.attendance.all()] == ["present"]
    assert "100.0%" in client.get(url("board_detail", pk=board.pk)).content.decode()


def _rate(framework, label, codes):
    level = framework.levels.get(label=label)
    return {s: (level, "", "") for s in framework.standards.filter(code__in=codes)}


def test_self_assessments_compare_side_by_side(client, board_member, records, organisation):
    framework = InspectionFramework.objects.get(code="hmip-2018")
    domain_1 = ["1.1", "1.2", "1.3", "1.4"]
    first = services.self_assessment_save(
        organisation=organisation,
        framework=framework,
        assessment=None,
        date=datetime.date(2016, 9, 1),
        title="September 2016",
        ratings=_rate(framework, "Inadequate", domain_1),
    )
    second = records["assessment"]
    services.self_assessment_save(
        organisation=organisation,
        framework=framework,
        assessment=second,
        date=second.date,
        title=second.title,
        ratings=_rate(framework, "Good", domain_1),
    )
    client.force_login(board_member)
    html = client.get(url("assessments"), {"a": first.pk, "b": second.pk}).content.decode()
    assert html.count("▲ Improved") == 4


def test_contributions_total(client, board_member, records, organisation):
    PartnerContribution.objects.create(
        organisation=organisation, year="2019/20", agency="Probation", staffing=75000, other_delegated=10000
    )
    client.force_login(board_member)
    assert 'id="grand-total">£165,000<' in client.get(url("contributions")).content.decode()


@pytest.mark.parametrize("count", [5, 60])
def test_risk_register_queries_do_not_grow_with_risks(
    client, board_member, organisation, count, django_assert_max_num_queries
):
    services.risk_matrix_install(organisation=organisation)
    for number in range(1, count + 1):
        risk = Risk.objects.create(
            organisation=organisation,
            number=number,
            raised_on=datetime.date(2017, 1, 1),
            title=f"Risk {number}",
            description="d",
            owner="GR",
            inherent_likelihood=1 + number % 3,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=1 + number % 3,
        )
        RiskReview.objects.create(
            risk=risk,
            date=datetime.date(2018, 1, 1),
            inherent_likelihood=1,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=1,
        )
    client.force_login(board_member)
    with django_assert_max_num_queries(11):
        response = client.get(url("risk_register"))
    assert response.content.decode().count("data-risk=") == count


def test_a_self_assessment_beside_its_inspection_says_where_the_board_rated_itself_above(
    client, board_member, organisation
):
    framework = InspectionFramework.objects.get(code="hmip-2021")
    inspection = Inspection.objects.create(organisation=organisation, framework=framework, inspection_type="full_joint")
    improvement_services.inspection_ratings_save(
        inspection=inspection,
        ratings={s: (framework.levels.get(label="Requires improvement"), "") for s in framework.standards.all()},
    )
    board = {"1.1": "Good", "1.2": "Requires improvement", "2.4": "Inadequate", "4.1": "Outstanding"}
    assessment = services.self_assessment_save(
        organisation=organisation,
        framework=framework,
        assessment=None,
        date=datetime.date(2023, 3, 31),
        title="Before inspection",
        inspection=inspection,
        ratings={
            framework.standards.get(code=code): (framework.levels.get(label=label), "", "")
            for code, label in board.items()
        },
    )
    beside = selectors.assessment_beside_inspection(assessment)
    assert [(r.standard.code, r.board_view) for r in beside.rows if r.board_view] == [
        ("1.1", "above"),
        ("1.2", "same"),
        ("2.4", "below"),
        ("4.1", "above"),
    ]
    assert (beside.theirs.total, beside.theirs.overall.label) == (12, "Requires improvement")
    client.force_login(board_member)
    html = client.get(url("assessments")).content.decode()
    assert "The board rated itself above the inspectorate on 2 standards: 1.1 Governance and leadership; 4.1" in html


def test_a_self_assessment_cannot_sit_beside_another_framework_s_inspection(organisation):
    inspection = Inspection.objects.create(
        organisation=organisation,
        framework=InspectionFramework.objects.get(code="hmip-2012"),
        inspection_type="full_joint",
    )
    framework = InspectionFramework.objects.get(code="hmip-2018")
    with pytest.raises(ValidationError, match="same framework"):
        services.self_assessment_save(
            organisation=organisation,
            framework=framework,
            assessment=None,
            date=datetime.date(2023, 3, 31),
            title="Mismatched",
            inspection=inspection,
            ratings={},
        )
    assert not SelfAssessment.objects.exists()


def test_a_service_never_inspected_assesses_itself_against_the_framework_in_use_now(client, manager, organisation):
    client.force_login(manager)
    html = client.get(url("assessment_create")).content.decode()
    assert "HMI Probation youth justice inspection programme, from 2025" in html
    assert 'data-standard="V1"' in html
