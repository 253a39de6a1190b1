import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

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
