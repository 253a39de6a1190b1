"""Forms follow the rule every way in follows (yos_tracker.records): a stored record saved as it
was writes nothing, so it gains no history entry and no version; what a form keeps beside the
record (an action's next steps) is still saved."""

import datetime
import importlib
import importlib.util

import pytest
from django import forms
from django.urls import reverse

from governance import services as governance_services
from governance.tests.factories import RiskFactory
from improvement.models import Action, RagStatus, Recommendation
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from yos_tracker.forms import RecordForm
from yos_tracker.tests.helpers import form_data

pytestmark = pytest.mark.django_db
APPS = ["yos_tracker", "improvement", "performance", "governance", "onboarding"]


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_every_model_form_of_the_apps_is_a_record_form():
    for app in APPS:
        if importlib.util.find_spec(f"{app}.forms"):
            importlib.import_module(f"{app}.forms")
    ours = [
        form
        for form in _subclasses(forms.ModelForm)
        if form.__module__.split(".")[0] in APPS and form.__module__.endswith("forms")
    ]
    assert len(ours) > 20  # the walk found the apps' forms
    assert [form.__qualname__ for form in ours if not issubclass(form, RecordForm)] == []


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation)


def test_an_action_saved_as_it_was_is_not_saved_again(client, manager, plan):
    # Stored with LF; the browser posts the textarea back with CRLF: the same text.
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), description="Plan\nthen report")
    url = reverse("improvement:action_edit", kwargs={"org": "lewisham", "plan_pk": plan.pk, "pk": action.pk})
    client.force_login(manager)
    data = form_data(client.get(url)) | {"description": "Plan\r\nthen report"}
    assert client.post(url, data).status_code == 302
    action = Action.objects.get(pk=action.pk)
    assert (action.version, action.history.count(), action.description) == (1, 1, "Plan\nthen report")
    assert client.post(url, data | {"lead": "Police lead"}).status_code == 302
    action = Action.objects.get(pk=action.pk)
    assert (action.version, action.history.count(), action.lead) == (2, 2, "Police lead")


def test_a_risk_saved_as_it_was_is_not_saved_again(client, manager, organisation):
    governance_services.risk_matrix_install(organisation=organisation)
    risk = RiskFactory(organisation=organisation, raised_on=datetime.date(2017, 6, 9))
    url = reverse("governance:risk_edit", kwargs={"org": "lewisham", "pk": risk.pk})
    client.force_login(manager)
    assert client.post(url, form_data(client.get(url))).status_code == 302
    risk.refresh_from_db()
    assert (risk.version, risk.history.count()) == (1, 1)


def test_next_steps_changed_alone_are_saved_and_the_recommendation_is_not(client, manager, plan):
    recommendation = RecommendationFactory(plan=plan)
    url = reverse(
        "improvement:recommendation_edit", kwargs={"org": "lewisham", "plan_pk": plan.pk, "pk": recommendation.pk}
    )
    client.force_login(manager)
    data = form_data(client.get(url)) | {"next_steps_text": "Audit ten cases"}
    assert client.post(url, data).status_code == 302
    recommendation = Recommendation.objects.get(pk=recommendation.pk)
    assert [step.text for step in recommendation.next_steps.all()] == ["Audit ten cases"]
    assert recommendation.history.count() == 1
