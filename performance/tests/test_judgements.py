"""Rating an indicator by judgement on the service's own key, where no target computes its RAG."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from performance import rag, selectors, services
from performance.models import Indicator, IndicatorJudgement, RatingStep, Target, TrackedIndicator
from yos_tracker.models import Organisation

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2017, 6, 1)


@pytest.fixture
def trauma(organisation):
    RatingStep.objects.install(organisation)  # as setting up a service does (onboarding)
    indicator = Indicator.objects.get(code="TRAUMA_ASSESSED")
    TrackedIndicator.objects.create(organisation=organisation, indicator=indicator)
    return indicator


def _row(organisation, code, period):
    board = selectors.dashboard(organisation, period)
    return next(row for _, rows in board.groups for row in rows if row.indicator.code == code)


def _step(organisation, code):
    return RatingStep.objects.for_org(organisation).get(code=code)


def test_a_line_with_no_value_shows_the_service_s_judgement(organisation, trauma):
    Target.objects.create(organisation=organisation, indicator=trauma, applies_from=JUNE, value=D("100"))
    services.indicator_judgement_record(
        organisation=organisation, indicator=trauma, period=JUNE, step=_step(organisation, "red"), note="Not begun"
    )
    services.measurement_record(
        organisation=organisation, indicator=Indicator.objects.get(code="CUSTODY_COUNT"), period=JUNE, value=D(5)
    )  # so the dashboard has a period
    row = _row(organisation, "TRAUMA_ASSESSED", JUNE)
    assert row.status == rag.NO_DATA and row.badge.label == "Red" and row.judgement.note == "Not begun"


def test_a_target_with_a_value_computes_the_rag_and_the_judgement_gives_way(organisation, trauma):
    Target.objects.create(organisation=organisation, indicator=trauma, applies_from=JUNE, value=D("80"))
    services.measurement_record(organisation=organisation, indicator=trauma, period=JUNE, numerator=9, denominator=10)
    services.indicator_judgement_record(
        organisation=organisation, indicator=trauma, period=JUNE, step=_step(organisation, "red")
    )
    row = _row(organisation, "TRAUMA_ASSESSED", JUNE)
    assert row.badge == rag.GREEN and row.judgement is None


def test_the_dashboard_for_a_past_period_shows_the_judgement_made_by_then(organisation, trauma):
    custody = Indicator.objects.get(code="CUSTODY_COUNT")
    for month in (3, 9):
        services.measurement_record(
            organisation=organisation, indicator=custody, period=datetime.date(2017, month, 1), value=D(5)
        )
    services.indicator_judgement_record(
        organisation=organisation, indicator=trauma, period=datetime.date(2017, 2, 1), step=_step(organisation, "red")
    )
    services.indicator_judgement_record(
        organisation=organisation,
        indicator=trauma,
        period=datetime.date(2017, 8, 1),
        step=_step(organisation, "amber"),
    )
    assert _row(organisation, "TRAUMA_ASSESSED", datetime.date(2017, 3, 1)).badge.label == "Red"
    assert _row(organisation, "TRAUMA_ASSESSED", datetime.date(2017, 9, 1)).badge.label == "Amber"


def test_rating_the_same_period_again_replaces_the_rating(organisation, trauma):
    for code in ("red", "amber"):
        services.indicator_judgement_record(
            organisation=organisation,
            indicator=trauma,
            period=datetime.date(2017, 6, 20),
            step=_step(organisation, code),
        )
    judgement = IndicatorJudgement.objects.get()
    assert (judgement.period, judgement.step.code) == (JUNE, "amber")


def test_another_service_s_colour_is_refused(organisation, trauma):
    other = Organisation.objects.create(name="Other YOS", slug="other", local_authority="Other")
    RatingStep.objects.install(other)
    with pytest.raises(ValidationError, match="this service's key"):
        services.indicator_judgement_record(
            organisation=organisation, indicator=trauma, period=JUNE, step=_step(other, "green")
        )


def test_a_manager_rates_a_line_from_its_page(client, manager, organisation, trauma):
    client.force_login(manager)
    page = reverse("performance:indicator_judge", kwargs={"org": organisation.slug, "code": trauma.code})
    red = _step(organisation, "red")
    response = client.post(page, {"period": "2017-06-12", "step": red.pk, "note": "Not begun"})
    assert response.status_code == 302
    assert IndicatorJudgement.objects.get().step == red


def test_a_board_member_cannot_rate(client, board_member, organisation, trauma):
    client.force_login(board_member)
    page = reverse("performance:indicator_judge", kwargs={"org": organisation.slug, "code": trauma.code})
    assert client.post(page, {"period": "2017-06-12", "step": _step(organisation, "red").pk}).status_code == 403
    assert not IndicatorJudgement.objects.exists()


def test_a_rating_dated_in_the_future_is_refused_with_a_message(client, manager, organisation, trauma):
    client.force_login(manager)
    page = reverse("performance:indicator_judge", kwargs={"org": organisation.slug, "code": trauma.code})
    response = client.post(page, {"period": "2999-01-01", "step": _step(organisation, "red").pk}, follow=True)
    assert "A rating cannot be dated in the future." in response.content.decode()
    assert not IndicatorJudgement.objects.exists()
