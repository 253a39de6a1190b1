import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from governance import selectors
from governance.models import SelfAssessment
from improvement import reminders
from improvement.models import Action
from yos_tracker.models import Membership, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def development(settings):
    """The test runner turns DEBUG off; the demo is for development installations."""
    settings.DEBUG = True


def snapshot():
    return {
        model.__name__: (model.objects.count(), model.history.count() if hasattr(model, "history") else None)
        for model in (Organisation, Membership, get_user_model())
    }


def test_it_loads_the_four_services_and_their_people():
    call_command("load_demo")
    assert set(Organisation.objects.values_list("slug", flat=True)) == {"lewisham", "islington", "southwark", "bromley"}
    user = get_user_model().objects.get(username="bromley.board")
    assert user.check_password("yos-demo-2026")
    assert Membership.objects.get(user=user).get_role_display() == "Board member"
    assert Membership.objects.get(user__username="regional").organisation is None
    assert get_user_model().objects.count() == 17


def test_running_it_twice_changes_nothing():
    call_command("load_demo")
    before = snapshot()
    call_command("load_demo", password="another-password")
    assert snapshot() == before
    assert get_user_model().objects.get(username="lewisham.manager").check_password("yos-demo-2026")


def test_password_comes_from_the_option_or_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-environment")
    call_command("load_demo")
    assert get_user_model().objects.get(username="regional").check_password("from-the-environment")


def test_it_refuses_when_debug_is_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not Organisation.objects.exists()
    call_command("load_demo", force=True)
    assert Organisation.objects.count() == 4


def test_the_demo_sets_a_self_assessment_beside_an_inspection_scored_out_of_36_and_keeps_bromleys_audit():
    call_command("load_demo")
    southwark = SelfAssessment.objects.get(organisation__slug="southwark")
    beside = selectors.assessment_beside_inspection(southwark)
    assert (beside.theirs.total, beside.theirs.maximum, beside.theirs.overall.label) == (19, 36, "Good")
    assert [row.standard.code for row in beside.above] == ["1.3", "2.2", "2.4"]
    assert beside.inspection.inspectorate == "Illustrative example: not an HMIP inspection"
    # Seed 003, 3.3.1: Bromley's National Standards audit of 29 pre-court cases, by category.
    audit = SelfAssessment.objects.get(organisation__slug="bromley")
    ratings = {r.standard.title: (r.level.label, r.commentary) for r in audit.ratings.all()}
    assert ratings["Preventing offending"][0] == "Standard met with improvement"
    assert "54% met the standard and in 6% the standard was not met" in ratings["Out-of-court disposals"][1]
    assert ratings["Work with victims of crime"] == ("Standard met", "80% of cases met the standard.")


def test_the_demo_manager_has_a_weekly_digest_of_the_actions_they_own():
    call_command("load_demo")
    lewisham = Organisation.objects.get(slug="lewisham")
    manager = get_user_model().objects.get(username="lewisham.manager")
    today = timezone.localdate()
    digest = reminders.digests(organisation=lewisham, today=today)[manager.pk]
    listed = {a.pk for a in digest.overdue + digest.due_soon + digest.stale}
    assert listed
    assert listed <= set(Action.objects.filter(owner=manager).values_list("pk", flat=True))
    # The plan's wording of who owns it is kept beside the account.
    assert Action.objects.filter(owner=manager, owner_name="YOS Strategic Manager").exists()

    assert reminders.reminders_send(today=today, organisation=lewisham) >= 1
    (message,) = [m for m in mail.outbox if m.to == [manager.email]]
    listed_action = Action.objects.get(pk=min(listed))
    assert f"- {listed_action.reference} {listed_action.description[:40]}" in message.body
