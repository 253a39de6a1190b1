"""Sign-off keeps a record: each approval is added, never overwritten, and freezes the plan as it
stood that day; a page shows it and what has changed since, or between two sign-offs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement import selectors, services
from improvement.models import PlanApproval, RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory

pytestmark = pytest.mark.django_db
FEBRUARY, JULY = datetime.date(2017, 2, 1), datetime.date(2017, 7, 1)


@pytest.fixture
def plan(organisation):
    scale = {s.code: s for s in RagStatus.objects.install(organisation)}
    plan = PlanFactory(organisation=organisation)
    rec = RecommendationFactory(plan=plan, reference="1")
    first = ActionFactory(recommendation=rec, reference="1.1", start_date=datetime.date(2017, 1, 1))
    UpdateFactory(action=first, status=scale["A"], date=datetime.date(2017, 1, 20))
    UpdateFactory(action=first, status=scale["G"], date=datetime.date(2017, 6, 1))
    ActionFactory(recommendation=rec, reference="1.2", start_date=datetime.date(2017, 5, 1))
    return plan


def approve(plan, day, manager, **extra):
    return services.plan_approve(plan=plan, approved_by="YJMB", approved_on=day, user=manager, **extra)


def test_each_sign_off_is_a_new_record_and_the_plan_shows_the_latest(plan, manager):
    first = approve(plan, FEBRUARY, manager, role="Independent chair", note="Minute 4.2")
    second = approve(plan, JULY, manager)
    assert PlanApproval.objects.filter(plan=plan).count() == 2
    first.refresh_from_db()
    assert (first.approved_on, first.role, first.note) == (FEBRUARY, "Independent chair", "Minute 4.2")
    plan.refresh_from_db()
    assert (plan.status, plan.approved_on) == ("approved", JULY) and second.recorded_by == manager


def test_a_sign_off_freezes_the_plan_as_it_stood_that_day(plan, manager):
    snapshot = approve(plan, FEBRUARY, manager).snapshot
    (recommendation,) = snapshot["recommendations"]
    # 1.2 starts in May: not on the plan in February. 1.1 was Amber then (Green only from June).
    assert [(a["reference"], a["status"]["label"]) for a in recommendation["actions"]] == [("1.1", "Amber")]


def _saved_on(record, when: datetime.datetime) -> None:
    """Save as if on an earlier day (its history says so)."""
    record._history_date = when
    record.save()


def test_a_sign_off_recorded_after_its_date_shows_the_wording_of_that_day_not_later_edits(plan, manager):
    """Signed off on 1 February 2017 but recorded today: the action reads as it stood that day,
    though it was reworded on 1 March 2017 and again just before the sign-off was recorded."""
    action = plan.recommendations.get().actions.get(reference="1.1")
    action.history.update(history_date=datetime.datetime(2016, 12, 1, 9, tzinfo=datetime.UTC))
    action.description = "Reworded after the sign-off"
    _saved_on(action, datetime.datetime(2017, 3, 1, 9, tzinfo=datetime.UTC))
    action.description = "Reworded again today"
    action.save()
    snapshot = approve(plan, FEBRUARY, manager).snapshot
    (recommendation,) = snapshot["recommendations"]
    assert [(a["reference"], a["description"]) for a in recommendation["actions"]] == [
        ("1.1", "Audit risk management plans monthly.")
    ]


def test_the_snapshot_does_not_move_when_the_plan_does(plan, manager, organisation):
    approval = approve(plan, JULY, manager)
    frozen = approval.snapshot
    action = plan.recommendations.get().actions.get(reference="1.2")
    UpdateFactory(action=action, status=RagStatus.objects.get(organisation=organisation, code="R"), date=JULY)
    action.description = "Reworded later"
    action.save()
    approval.refresh_from_db()
    assert approval.snapshot == frozen


def test_changes_since_a_sign_off_are_listed_by_action(plan, manager, organisation):
    approval = approve(plan, FEBRUARY, manager)
    now = selectors.plan_snapshot(plan, JULY)
    changes = {(c.reference, c.what, c.before, c.after) for c in selectors.snapshot_changes(approval.snapshot, now)}
    assert changes == {
        ("1.1", "status", "Amber", "Green"),
        ("1.2", "added", "", "Audit risk management plans monthly."),
    }


def test_a_closed_plan_cannot_be_signed_off_and_nothing_is_recorded(plan, manager):
    plan.status = "closed"
    plan.save()
    with pytest.raises(ValidationError, match="closed plan"):
        approve(plan, FEBRUARY, manager)
    assert not PlanApproval.objects.exists()


def test_the_sign_off_page_shows_the_snapshot_and_compares_two_sign_offs(client, board_member, plan, manager):
    february, july = approve(plan, FEBRUARY, manager), approve(plan, JULY, manager)
    client.force_login(board_member)
    page = client.get(february.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200 and "The plan as it stood on 1 February 2017" in html
    assert "What has changed since" in html
    compared = client.get(february.get_absolute_url(), {"with": july.pk}).content.decode()
    assert "between the sign-offs of 01/02/2017 and 01/07/2017" in compared and "Green" in compared


def test_another_organisations_sign_off_is_not_found(client, plan, manager, outsider):
    approval = approve(plan, FEBRUARY, manager)
    client.force_login(outsider)
    assert client.get(approval.get_absolute_url()).status_code == 404
    other = reverse("improvement:approval_detail", kwargs={"org": "bromley", "pk": approval.pk})
    assert client.get(other).status_code == 404


def test_the_sign_off_page_records_the_role_and_note(client, manager, plan):
    client.force_login(manager)
    response = client.post(
        reverse("improvement:plan_approve", kwargs={"org": "lewisham", "pk": plan.pk}),
        {"approved_by": "YJMB", "role": "Chair", "approved_on": "2017-02-01", "note": "Agreed at the meeting."},
    )
    approval = PlanApproval.objects.get()
    assert response.url == approval.get_absolute_url()
    assert (approval.role, approval.note) == ("Chair", "Agreed at the meeting.")
