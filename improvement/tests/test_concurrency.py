"""Two managers edit the same record at once, in two real sessions: the second save is refused,
says who changed it, when and what, and nothing is overwritten."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from governance import services as governance_services
from governance.choices import Role
from governance.models import Risk
from improvement.models import Action
from improvement.services import rag_scale_install
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What the browser would post back: the form's current values, hidden version included."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [v.pk if hasattr(v, "pk") else v for v in value] if isinstance(value, list | tuple) else value
    return data


def test_two_managers_editing_one_action(organisation, manager, make_member):
    rag_scale_install(organisation=organisation)
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="4(g)")
    other = make_member(organisation, Role.MANAGER, "second-manager")
    first, second = Client(), Client()
    first.force_login(manager)
    second.force_login(other)
    url = reverse("improvement:action_edit", kwargs={"org": "lewisham", "plan_pk": plan.pk, "pk": action.pk})

    mine, theirs = form_data(first.get(url)), form_data(second.get(url))
    mine["due_date"] = "2017-09-30"
    assert first.post(url, mine).status_code == 302
    theirs["lead"] = "Police lead"
    response = second.post(url, theirs)

    html = response.content.decode()
    assert response.status_code == 200
    assert f"{manager.get_full_name()} changed this record at" in html
    assert "Due date: 30/06/2017 → 30/09/2017" in html
    action.refresh_from_db()
    assert (action.due_date, action.lead, action.version) == (datetime.date(2017, 9, 30), "", 2)


def test_two_managers_editing_one_risk(organisation, manager, make_member):
    governance_services.risk_matrix_install(organisation=organisation)
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
    other = make_member(organisation, Role.MANAGER, "second-manager")
    first, second = Client(), Client()
    first.force_login(manager)
    second.force_login(other)
    url = reverse("governance:risk_edit", kwargs={"org": "lewisham", "pk": risk.pk})
    mine, theirs = form_data(first.get(url)), form_data(second.get(url))
    mine["owner"] = "KC"
    theirs["status_commentary"] = "Reviewed"
    assert first.post(url, mine).status_code == 302
    assert "changed this record at" in second.post(url, theirs).content.decode()
    risk.refresh_from_db()
    assert (risk.owner, risk.status_commentary) == ("KC", "")
    assert Action.objects.count() == 0
