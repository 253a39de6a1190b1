import datetime
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from performance.models import Measurement, RollupRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def figure(slug, code, period):
    return Measurement.objects.get(organisation__slug=slug, indicator__code=code, period=period).value


def test_bromleys_audit_figures_are_computed_from_its_fifteen_audits_and_match_the_report(demo):
    october = datetime.date(2015, 10, 1)
    assert figure("bromley", "CA_AUDITED", october) == 15
    # Seed 003: Asset/ROSH 66% inadequate, intervention plans 80%, risk management plans 60%,
    # vulnerability management plans 45% good and 45% inadequate (15 cases allow 46.7%).
    assert round(figure("bromley", "CA_INADEQUATE_ASSESSMENT", october)) == 67
    assert figure("bromley", "CA_INADEQUATE_INTERVENTION", october) == D("80")
    assert figure("bromley", "CA_INADEQUATE_RISK", october) == D("60")
    assert abs(figure("bromley", "CA_GOOD_VULNERABILITY", october) - 45) < 2
    assert abs(figure("bromley", "CA_INADEQUATE_VULNERABILITY", october) - 45) < 2
    run = RollupRun.objects.get(organisation__slug="bromley")
    assert (run.status, run.rows) == ("succeeded", 15)


def test_lewisham_reoffending_falls_as_the_documents_say(demo):
    values = list(
        Measurement.objects.filter(organisation__slug="lewisham", indicator__code="REOFF_BINARY")
        .order_by("period")
        .values_list("value", flat=True)
    )
    assert round(values[0], 1) == D("56.3") and round(values[-1], 1) == D("39.7")
    custody = list(
        Measurement.objects.filter(organisation__slug="lewisham", indicator__code="CUSTODY_COUNT")
        .order_by("period")
        .values_list("value", flat=True)
    )
    assert (custody[0], custody[-1]) == (44, 23)


def test_the_demo_loads_twice_without_change(demo):
    before = (Measurement.objects.count(), RollupRun.objects.count(), Measurement.history.count())
    call_command("load_demo")
    assert (Measurement.objects.count(), RollupRun.objects.count(), Measurement.history.count()) == before
