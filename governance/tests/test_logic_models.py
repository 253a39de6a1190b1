"""Logic models: each outcome's RAG rating is its latest dated review by the day shown, beside
its indicators' latest status; managers define and rate them, board members read them."""

import datetime

import pytest
from django.urls import reverse

from governance import selectors
from governance.models import LogicModel, LogicOutcome, LogicOutcomeReview
from improvement.models import RagStatus
from performance import rag
from performance import selectors as performance_selectors
from performance.tests.factories import MeasurementFactory, TargetFactory, TrackedFactory, indicator
from yos_tracker.choices import Role

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def scale(organisation):
    return {s.code: s for s in RagStatus.objects.install(organisation, "lewisham")}


@pytest.fixture
def intake(organisation, scale):
    model = LogicModel.objects.create(
        organisation=organisation, name="Intake team", inputs="Operational Manager\n- Senior Practitioner"
    )
    outcome = LogicOutcome.objects.create(model=model, term="short", text="Every child is screened")
    LogicOutcomeReview.objects.create(outcome=outcome, date=D(2019, 1, 31), status=scale["R"], note="Not routine")
    LogicOutcomeReview.objects.create(outcome=outcome, date=D(2019, 9, 30), status=scale["G"], note="Routine")
    return model


def url(name, organisation, **kwargs):
    return reverse(f"governance:{name}", kwargs={"org": organisation.slug, **kwargs})


def test_an_outcomes_rating_is_its_latest_review_by_the_day_shown(organisation, intake):
    def rating(day):
        (shown,) = selectors.logic_models_as_of(organisation, day, {})
        review = shown.short[0].review
        return review.status.label if review else None

    assert [rating(D(2018, 12, 31)), rating(D(2019, 6, 30)), rating(D(2019, 12, 31))] == [None, "Red", "Green"]


def test_the_inputs_are_read_one_per_line_without_their_bullets(intake):
    assert intake.columns()[0] == ("Inputs", ["Operational Manager", "Senior Practitioner"])


def test_a_linked_indicator_shows_its_latest_status(organisation, intake):
    fte = indicator("FTE_RATE")
    TrackedFactory(organisation=organisation, indicator=fte)
    TargetFactory(organisation=organisation, indicator=fte, applies_from=D(2019, 1, 1), value=300, tolerance=10)
    MeasurementFactory(organisation=organisation, indicator=fte, period=D(2019, 3, 1), value=400)
    intake.outcomes.get().indicators.add(fte)
    statuses = selectors.indicator_statuses(performance_selectors.dashboard(organisation, D(2019, 3, 1)))
    (shown,) = selectors.logic_models_as_of(organisation, D(2019, 6, 30), statuses)
    assert shown.short[0].indicators == [(fte, rag.RED)]  # 400 against 300 ± 10, lower is better


def test_the_page_draws_the_model_with_the_red_outcome_as_it_stood(client, organisation, intake, board_member):
    client.force_login(board_member)
    then = client.get(url("logic_model", organisation, pk=intake.pk), {"as_at": "2019-06-30"}).content.decode()
    diagram = then[then.index('<figure class="logic-model"') : then.index("</figure>")]
    assert "Red</span> Every child is screened" in diagram
    assert "Senior Practitioner" in diagram
    now = client.get(url("logic_model", organisation, pk=intake.pk)).content.decode()
    assert "Green</span> Every child is screened" in now
    assert "Rate it" not in now and "Add an outcome" not in now  # a board member reads only


def test_a_manager_rates_an_outcome_and_a_future_date_is_refused(client, organisation, intake, scale, manager):
    outcome = intake.outcomes.get()
    client.force_login(manager)
    rate = url("logic_outcome_review", organisation, pk=intake.pk, outcome=outcome.pk)
    prefix = f"review-{outcome.pk}"
    refused = client.post(rate, {f"{prefix}-date": "2999-01-01", f"{prefix}-status": scale["A"].pk}, follow=True)
    assert "was not saved. Date: A rating cannot be dated in the future." in refused.content.decode()
    client.post(rate, {f"{prefix}-date": "2019-10-31", f"{prefix}-status": scale["A"].pk, f"{prefix}-note": "Slipped"})
    assert outcome.reviews.order_by("-date").first().status == scale["A"]
    assert outcome.reviews.count() == 3


def test_a_manager_defines_a_model_and_its_outcomes(client, organisation, manager, scale):
    client.force_login(manager)
    response = client.post(
        url("logic_model_create", organisation),
        {"name": "Intervention team 1", "aim": "", "inputs": "Staff", "activities": "", "outputs": "", "note": ""},
    )
    model = LogicModel.objects.get(organisation=organisation, name="Intervention team 1")
    assert response["Location"] == model.get_absolute_url()
    client.post(
        url("logic_outcome_create", organisation, pk=model.pk),
        {"outcome-term": "long", "outcome-text": "Fewer children reoffend", "outcome-order": 0},
    )
    assert list(model.outcomes.values_list("term", "text")) == [("long", "Fewer children reoffend")]
    duplicate = client.post(
        url("logic_model_create", organisation),
        {"name": "Intervention team 1", "inputs": "", "activities": "", "outputs": ""},
    )
    assert "already has a logic model with this name" in duplicate.content.decode()


def test_another_services_model_is_not_found(client, organisation, other_organisation, intake, make_member):
    client.force_login(make_member(other_organisation, Role.MANAGER, "bromley-manager"))
    assert client.get(url("logic_model", other_organisation, pk=intake.pk)).status_code == 404
    outcome = intake.outcomes.get()
    rate = url("logic_outcome_review", other_organisation, pk=intake.pk, outcome=outcome.pk)
    assert client.post(rate, {}).status_code == 404
