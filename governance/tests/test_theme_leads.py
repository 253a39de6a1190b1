"""A board member made a recommendation's theme lead is named beside it on the plan (the board's
choice, written onto the recommendation by governance.services.theme_leads_write)."""

import datetime

import pytest
from django.urls import reverse

from governance import services
from governance.choices import Agency
from governance.models import Board, BoardMember
from improvement.tests.factories import PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(organisation):
    return Board.objects.create(organisation=organisation, name="Youth Justice Management Board")


@pytest.fixture
def recommendation(organisation):
    return RecommendationFactory(plan=PlanFactory(organisation=organisation), reference="3", theme_lead="")


def _member_page(board, member=None):
    if member is None:
        return reverse("governance:board_member_create", kwargs={"org": board.organisation.slug, "board_pk": board.pk})
    return reverse(
        "governance:board_member_edit", kwargs={"org": board.organisation.slug, "board_pk": board.pk, "pk": member.pk}
    )


def _fields(name, agency, leads, **extra):
    return {"name": name, "agency": agency, "theme_lead_for": [r.pk for r in leads], **extra}


def test_a_member_made_theme_lead_on_the_boards_page_is_named_on_the_plan_with_the_change_shown(
    client, manager, board, recommendation
):
    client.force_login(manager)
    response = client.post(_member_page(board), _fields("Ann Lee", Agency.POLICE, [recommendation]), follow=True)

    recommendation.refresh_from_db()
    assert recommendation.theme_lead == "Ann Lee (Police)"
    shown = [str(m) for m in response.context["messages"]]
    assert "Recommendation 3's theme lead: (none) → Ann Lee (Police)." in shown
    plan = client.get(recommendation.plan.get_absolute_url())
    assert "Board theme lead: Ann Lee (Police)" in plan.content.decode()


def test_two_leads_are_named_in_the_order_they_joined_and_one_stepping_down_leaves_the_other(
    client, manager, board, recommendation
):
    client.force_login(manager)
    client.post(_member_page(board), _fields("Ann Lee", Agency.POLICE, [recommendation]))
    client.post(_member_page(board), _fields("Bo Chan", Agency.HEALTH, [recommendation]))
    recommendation.refresh_from_db()
    assert recommendation.theme_lead == "Ann Lee (Police); Bo Chan (Health)"

    ann = BoardMember.objects.get(name="Ann Lee")
    client.post(_member_page(board, ann), _fields("Ann Lee", Agency.POLICE, []))
    recommendation.refresh_from_db()
    assert recommendation.theme_lead == "Bo Chan (Health)"


def test_a_lead_who_has_left_the_board_is_no_longer_named(board, recommendation):
    member = BoardMember.objects.create(board=board, name="Ann Lee", agency=Agency.POLICE)
    member.theme_lead_for.add(recommendation)
    today = datetime.date(2020, 5, 1)
    services.theme_leads_write(recommendations=type(recommendation).objects.filter(pk=recommendation.pk), today=today)
    recommendation.refresh_from_db()
    assert recommendation.theme_lead == "Ann Lee (Police)"

    member.end_date = datetime.date(2020, 4, 30)
    member.save()
    changes = services.theme_leads_write(
        recommendations=type(recommendation).objects.filter(pk=recommendation.pk), today=today
    )
    recommendation.refresh_from_db()
    assert recommendation.theme_lead == ""
    assert [(c.reference, c.before, c.after) for c in changes] == [("3", "Ann Lee (Police)", "")]


def test_saving_a_member_whose_leads_are_unchanged_writes_no_new_version_of_the_recommendation(
    client, manager, board, recommendation
):
    client.force_login(manager)
    client.post(_member_page(board), _fields("Ann Lee", Agency.POLICE, [recommendation]))
    versions = recommendation.history.count()
    ann = BoardMember.objects.get(name="Ann Lee")
    client.post(_member_page(board, ann), _fields("Ann Lee", Agency.POLICE, [recommendation], role="Chair"))
    assert recommendation.history.count() == versions


def test_a_lead_whose_name_is_their_agency_is_named_once(board, recommendation):
    chair = BoardMember.objects.create(board=board, name="Independent Chair", agency=Agency.INDEPENDENT_CHAIR)
    chair.theme_lead_for.add(recommendation)
    services.theme_leads_write(
        recommendations=type(recommendation).objects.filter(pk=recommendation.pk), today=datetime.date(2020, 5, 1)
    )
    recommendation.refresh_from_db()
    assert recommendation.theme_lead == "Independent Chair"


def _write(recommendation, today=datetime.date(2020, 5, 1)):
    changes = services.theme_leads_write(
        recommendations=type(recommendation).objects.filter(pk=recommendation.pk), today=today
    )
    recommendation.refresh_from_db()
    return [(c.reference, c.before, c.after) for c in changes]


def test_a_lead_typed_on_the_recommendation_for_someone_off_the_board_is_kept_beside_the_boards(board, recommendation):
    recommendation.theme_lead = "Jo Bloggs (Voluntary sector)"
    recommendation.save()
    member = BoardMember.objects.create(board=board, name="Ann Lee", agency=Agency.POLICE)
    member.theme_lead_for.add(recommendation)
    assert _write(recommendation) == [
        ("3", "Jo Bloggs (Voluntary sector)", "Jo Bloggs (Voluntary sector); Ann Lee (Police)")
    ]

    member.theme_lead_for.remove(recommendation)
    assert _write(recommendation) == [
        ("3", "Jo Bloggs (Voluntary sector); Ann Lee (Police)", "Jo Bloggs (Voluntary sector)")
    ]


def test_a_renamed_lead_is_named_anew_not_twice(board, recommendation):
    member = BoardMember.objects.create(board=board, name="Ann Lee", agency=Agency.POLICE)
    member.theme_lead_for.add(recommendation)
    _write(recommendation)
    member.name = "Ann Lee-Chan"
    member.save()
    assert _write(recommendation) == [("3", "Ann Lee (Police)", "Ann Lee-Chan (Police)")]


def test_another_services_board_member_of_the_same_name_does_not_take_a_typed_lead(
    board, recommendation, other_organisation
):
    other = Board.objects.create(organisation=other_organisation, name="Their board")
    BoardMember.objects.create(board=other, name="Jo Bloggs", agency=Agency.HEALTH)
    recommendation.theme_lead = "Jo Bloggs (Health)"
    recommendation.save()
    assert _write(recommendation) == []
    assert recommendation.theme_lead == "Jo Bloggs (Health)"


def test_a_typed_lead_ending_in_an_ellipsis_is_kept_and_a_board_name_cut_short_is_replaced(board, recommendation):
    member = BoardMember.objects.create(board=board, name="Ann Lee", agency=Agency.POLICE)
    member.theme_lead_for.add(recommendation)
    recommendation.theme_lead = "Jo Bloggs and others…; Ann Lee (Pol…"
    recommendation.save()
    assert _write(recommendation) == [
        ("3", "Jo Bloggs and others…; Ann Lee (Pol…", "Jo Bloggs and others…; Ann Lee (Police)")
    ]
