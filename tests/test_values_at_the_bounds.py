"""Every integer and date a service's records hold may sit at either end of its range (a risk raised
on 31 December 9998, a plan whose actions go stale after 3,650 days, a value of December 9998) and
every page still opens: each organisation page, the exports, the API's lists and the weekly digest.
Issue #29: such values once stored answered 500 for good."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import CommitteeReport
from improvement.models import ImprovementPlan
from improvement.reminders import reminders_send
from performance import rollup
from tests import ranged_world
from tests.demo_pages import ORG_PATTERNS, WALKER, lewisham_ids, valid_url
from yos_tracker.dates import LATEST
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db

API_LISTS = [
    "risks/",
    "plans/",
    "updates/",
    "measurements/",
    "targets/",
    "indicators/",
    "cases/",
    "dashboard/",
    "reports/",
    "case-audits/figures/",
]


@pytest.fixture(params=["lowest", "highest"])
def at_the_bound(request):
    organisation, manager = ranged_world.build()
    ranged_world.push_to(request.param)
    return organisation, manager


def _walker() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=WALKER))
    return client


def test_every_organisation_page_opens(at_the_bound):
    client, ids, opened = _walker(), lewisham_ids(), 0
    for pattern in ORG_PATTERNS:
        opened += valid_url(client, pattern, ids) is not None  # a server error raises here
    assert opened >= 100


def test_the_register_the_plan_and_the_logic_models_open_and_export(at_the_bound):
    client = _walker()
    plan = ImprovementPlan.objects.get()
    for url in [
        reverse("governance:risk_register", kwargs={"org": "lewisham"}),
        reverse("governance:risk_register", kwargs={"org": "lewisham"}) + f"?as_of={LATEST}",
        reverse("governance:risk_export", kwargs={"org": "lewisham", "fmt": "xlsx"}),
        reverse("governance:risk_export", kwargs={"org": "lewisham", "fmt": "csv"}),
        reverse("improvement:plan_detail", kwargs={"org": "lewisham", "pk": plan.pk}),
        reverse("improvement:plan_detail", kwargs={"org": "lewisham", "pk": plan.pk}) + f"?as_of={LATEST}",
        reverse("improvement:plan_export", kwargs={"org": "lewisham", "pk": plan.pk, "fmt": "xlsx"}),
        reverse("governance:logic_models", kwargs={"org": "lewisham"}),
        reverse("governance:logic_models", kwargs={"org": "lewisham"}) + f"?as_of={LATEST}",
        reverse("performance:index", kwargs={"org": "lewisham"}) + f"?period={LATEST}",
        reverse("governance:report_detail", kwargs={"org": "lewisham", "pk": CommitteeReport.objects.first().pk}),
    ]:
        assert client.get(url).status_code == 200, url


def test_the_api_lists_every_record(at_the_bound):
    _, manager = at_the_bound
    client = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Tests')[1]}")
    plan = ImprovementPlan.objects.get()
    for path in [*API_LISTS, f"plans/{plan.pk}/actions/", f"risks/?as_of={LATEST}", f"plans/?as_of={LATEST}"]:
        response = client.get(f"/api/v1/lewisham/{path}")
        assert response.status_code == 200, (path, response.content[:300])


def test_the_weekly_digest_and_the_monthly_rollup_run(at_the_bound):
    organisation, _ = at_the_bound
    for today in (timezone.localdate(), LATEST):
        reminders_send(today=today, organisation=organisation)
    rollup.rollup_now(organisation=organisation, month=LATEST, trigger="manual")
    assert not ranged_world.out_of_range()
