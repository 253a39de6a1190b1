"""Two managers edit the same risk at once, in two real sessions: the second save is refused,
says who changed it, and nothing is overwritten."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from governance import services
from governance.models import Risk
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_two_managers_editing_one_risk(organisation, manager, make_member):
    services.risk_matrix_install(organisation=organisation)
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
