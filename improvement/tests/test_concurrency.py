"""Two managers edit the same record at once, in two real sessions: the second save is refused,
says who changed it, when and what, and nothing is overwritten."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_two_managers_editing_one_action(organisation, manager, make_member):
    RagStatus.objects.install(organisation)
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
