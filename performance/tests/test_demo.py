import datetime
from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from performance.models import CaseAudit, Measurement, RollupRun

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
    # vulnerability management plans 45% good and 45% inadequate: of the 11 cases the plan applied to.
    assert round(figure("bromley", "CA_INADEQUATE_ASSESSMENT", october)) == 67
    assert figure("bromley", "CA_INADEQUATE_INTERVENTION", october) == D("80")
    assert figure("bromley", "CA_INADEQUATE_RISK", october) == D("60")
    assert round(figure("bromley", "CA_GOOD_VULNERABILITY", october)) == 45  # 5 of 11
    assert round(figure("bromley", "CA_INADEQUATE_VULNERABILITY", october)) == 45
    run = RollupRun.objects.get(organisation__slug="bromley")
    assert (run.status, run.rows) == ("succeeded", 15)


def _dashboard_row(html: str, code: str) -> str:
    start = html.index(f'<tr data-indicator="{code}">')
    return " ".join(html[start : html.index("</tr>", start)].split())


def test_lewishams_dashboard_gives_seed_004s_comparisons_with_a_year_before(demo, client):
    """Seed 004, of the quarter October-December 2018: "FTEs down 24.1% ... 151 per 100,000 less";
    "Re-offending ... from 56.3 (Jan-March 16 compared to cohort tracked since Jan-March 17 - 39.7%)";
    "Custody ... 23 compared to 44 previous year"."""
    client.force_login(get_user_model().objects.get(username="lewisham.board"))
    # Its local indicators' figures stop in June 2017, so the page opens there (opening_period).
    index = reverse("performance:index", kwargs={"org": "lewisham"})
    html = client.get(index, {"period": "2018-12-01"}).content.decode()

    fte = _dashboard_row(html, "FTE_RATE")
    assert "Oct 2018" in fte and "476.0" in fte and "−24.1% on a year before (626.9)" in fte
    custody = _dashboard_row(html, "CUSTODY_COUNT")
    assert "Dec 2018" in custody and ">23<" in custody and "−47.7% on a year before (44)" in custody
    reoffending = _dashboard_row(html, "REOFF_BINARY")
    assert "Jan 2017" in reoffending and "39.7%" in reoffending
    assert "−16.6 points on a year before (56.3%)" in reoffending


def test_the_demo_loads_twice_without_change(demo):
    before = (Measurement.objects.count(), RollupRun.objects.count(), Measurement.history.count())
    call_command("load_demo")
    assert (Measurement.objects.count(), RollupRun.objects.count(), Measurement.history.count()) == before


def test_lewishams_illustrative_audits_give_its_audit_lines_figures_from_the_audits(demo):
    june = datetime.date(2017, 6, 1)
    audits = CaseAudit.objects.filter(organisation__slug="lewisham", month=june)
    assert figure("lewisham", "CA_AUDITED", june) == audits.count() == 15
    graded = audits.filter(vulnerability__isnull=False)
    assert graded.count() < audits.count()  # some plans not applicable, left out of the share
    good = graded.filter(vulnerability__is_good=True).count()
    assert figure("lewisham", "CA_GOOD_VULNERABILITY", june) == (D(good) / graded.count() * 100).quantize(D("0.0001"))
    assert Measurement.objects.filter(
        organisation__slug="lewisham", indicator__code="CA_GOOD", period=datetime.date(2017, 1, 1)
    ).exists()  # each month's figures, not only the latest
    assert {a.notes for a in audits} == {"Illustrative: a demo audit, not Lewisham's."}
