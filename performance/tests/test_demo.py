import datetime
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from performance import rag
from performance.choices import CohortConvention
from performance.cohorts import cohort_months, yjb_final_on
from performance.demo_data import LEWISHAM_POPULATION, SEED_FIGURES
from performance.models import CaseAudit, Cohort, Measurement, RollupRun

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
    # The seed cuts its percentages to whole numbers (10 of 15 is 66.7%, printed 66%).
    assert int(figure("bromley", "CA_INADEQUATE_ASSESSMENT", october)) == 66
    assert figure("bromley", "CA_INADEQUATE_INTERVENTION", october) == D("80")
    assert figure("bromley", "CA_INADEQUATE_RISK", october) == D("60")
    assert int(figure("bromley", "CA_GOOD_VULNERABILITY", october)) == 45  # 5 of 11
    assert int(figure("bromley", "CA_INADEQUATE_VULNERABILITY", october)) == 45
    run = RollupRun.objects.get(organisation__slug="bromley")
    assert (run.status, run.rows) == ("succeeded", 15)


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


def series(slug, code):
    return {
        m.period: m
        for m in Measurement.objects.filter(organisation__slug=slug, indicator__code=code).select_related("indicator")
    }


def test_every_rate_is_its_count_at_the_quarters_end_over_the_population(demo):
    for count_code, rate_code in [("FTE_COUNT", "FTE_RATE"), ("CUSTODY_COUNT", "CUSTODY_RATE")]:
        counts, rates = series("lewisham", count_code), series("lewisham", rate_code)
        assert len(rates) == len([p for p in counts if p.month in (3, 6, 9, 12)]) > 4
        for period, rate in rates.items():
            quarter_end = period.replace(month=period.month + 2)
            assert (rate.numerator, rate.denominator) == (counts[quarter_end].value, LEWISHAM_POPULATION), period
            assert rate.value == rag.compute_value(rate.numerator, rate.denominator, rate.indicator.multiplier)


def test_the_yjb_reoffending_measures_are_counted_from_each_cohorts_case_records(demo):
    binary, frequency, per_reoffender = (
        series("lewisham", code) for code in ("REOFF_BINARY", "REOFF_FREQUENCY", "REOFF_PER_REOFFENDER")
    )
    cohorts = Cohort.objects.filter(organisation__slug="lewisham", convention=CohortConvention.YJB)
    assert set(binary) == set(frequency) == set(per_reoffender) == {c.period_start for c in cohorts}
    for cohort in cohorts:
        final = cohort_months(cohort, as_at=yjb_final_on(cohort))[-1]
        period = cohort.period_start
        assert (binary[period].numerator, binary[period].denominator) == (final.reoffenders, final.members)
        assert (frequency[period].numerator, frequency[period].denominator) == (final.reoffences, final.members)
        assert (per_reoffender[period].numerator, per_reoffender[period].denominator) == (
            final.reoffences,
            final.reoffenders,
        )
    # Seed 004's two cohorts, as its rates round.
    assert round(binary[datetime.date(2016, 1, 1)].value, 1) == D("56.3")
    assert round(binary[datetime.date(2017, 1, 1)].value, 1) == D("39.7")


@pytest.mark.parametrize(
    "slug, prefix", [("lewisham", "LAC_REOFF_"), ("islington", "REOFF_")], ids=["lewisham-lac", "islington"]
)
def test_typed_reoffending_measures_describe_the_same_cohorts(demo, slug, prefix):
    binary, frequency, per_reoffender = (
        series(slug, prefix + name) for name in ("BINARY", "FREQUENCY", "PER_REOFFENDER")
    )
    assert set(binary) == set(frequency) == set(per_reoffender) != set()
    for period in binary:
        members, reoffenders = binary[period].denominator, binary[period].numerator
        assert frequency[period].denominator == members, period
        assert (per_reoffender[period].numerator, per_reoffender[period].denominator) == (
            frequency[period].numerator,
            reoffenders,
        ), period


def test_every_typed_demo_value_says_whether_a_seed_gives_it(demo):
    typed = Measurement.objects.filter(source="Demo data")
    notes = set(typed.values_list("note", flat=True))
    quoting = {note for note in notes if "seed 004" in note.lower()}
    assert set(notes) - quoting == {
        "Illustrative: demo figures, not Lewisham's.",
        "Illustrative: demo figures, not Islington's.",
    }
    assert len(quoting) == len(SEED_FIGURES)
    seeded = typed.get(
        organisation__slug="lewisham", indicator__code="CUSTODY_COUNT", period=datetime.date(2018, 12, 1)
    )
    assert (seeded.value, seeded.note) == (23, 'Seed 004: "23 compared to 44 previous year".')
