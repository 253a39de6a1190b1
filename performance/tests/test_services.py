import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from performance import rollup, selectors, services
from performance.choices import Frequency, Polarity, Scope, Unit
from performance.models import AuditGrade, CaseAudit, Indicator, IndicatorCategory, Measurement, TrackedIndicator
from performance.services import StaleEdit
from performance.tests.factories import CaseAuditFactory, indicator

pytestmark = pytest.mark.django_db
OCTOBER = datetime.date(2015, 10, 1)


@pytest.fixture
def grades(organisation):
    AuditGrade.objects.install(organisation, "bromley")
    return {g.code: g for g in AuditGrade.objects.for_org(organisation)}


def audit(organisation, grades, **areas):
    defaults = {
        "assessment": "good",
        "intervention": "good",
        "risk": "good",
        "vulnerability": "good",
        "overall": "good",
    }
    defaults.update(areas)
    return CaseAuditFactory(
        organisation=organisation,
        **{k: grades[v] if v else None for k, v in defaults.items()},  # None: n/a
    )


def values(organisation, month=OCTOBER):
    return {
        m.indicator.code: m.value
        for m in Measurement.objects.for_org(organisation).filter(period=month).select_related("indicator")
    }


class TestRollup:
    def test_percentages_come_from_the_audits(self, organisation, grades):
        audit(organisation, grades, assessment="inadequate", overall="inadequate")
        audit(organisation, grades, assessment="inadequate", risk="satisfactory", overall="satisfactory")
        audit(organisation, grades, vulnerability="inadequate")
        audit(organisation, grades)
        assert rollup.case_audit_rollup(organisation=organisation, month=OCTOBER) == 4
        figures = values(organisation)
        assert figures["CA_AUDITED"] == 4
        assert figures["CA_INADEQUATE_ASSESSMENT"] == D("50")
        assert figures["CA_GOOD_ASSESSMENT"] == D("50")
        assert figures["CA_GOOD_RISK"] == D("75")
        assert figures["CA_INADEQUATE_VULNERABILITY"] == D("25")
        assert figures["CA_GOOD"] == D("50") and figures["CA_INADEQUATE"] == D("25")

    def test_an_area_not_applicable_is_in_no_denominator_of_that_area(self, organisation, grades):
        audit(organisation, grades, vulnerability=None)
        audit(organisation, grades, vulnerability=None, overall="inadequate")
        audit(organisation, grades, vulnerability="inadequate")
        audit(organisation, grades, vulnerability="good")
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        figures = values(organisation)
        assert figures["CA_INADEQUATE_VULNERABILITY"] == D("50")  # 1 of the 2 graded, not of 4 audited
        assert figures["CA_GOOD_VULNERABILITY"] == D("50")
        assert figures["CA_GOOD_ASSESSMENT"] == D("100")  # every audit graded assessment
        assert figures["CA_INADEQUATE"] == D("25")  # the overall grade is never "not applicable"

    def test_an_area_no_audit_graded_has_no_figure(self, organisation, grades):
        audit(organisation, grades, risk=None)
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        figures = values(organisation)
        assert "CA_GOOD_RISK" not in figures and figures["CA_GOOD_ASSESSMENT"] == D("100")

    def test_a_second_run_changes_nothing(self, organisation, grades):
        audit(organisation, grades, overall="inadequate")
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        before = list(Measurement.objects.values_list("pk", "value", "version"))
        history = Measurement.history.count()
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        assert list(Measurement.objects.values_list("pk", "value", "version")) == before
        assert Measurement.history.count() == history

    def test_a_rerun_after_new_audits_replaces_never_duplicates(self, organisation, grades):
        audit(organisation, grades, overall="inadequate")
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        audit(organisation, grades)
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        assert Measurement.objects.filter(indicator__code="CA_AUDITED").count() == 1
        assert values(organisation)["CA_INADEQUATE"] == D("50")

    def test_it_aggregates_in_one_query_after_reading_the_grades(self, organisation, grades, django_assert_num_queries):
        for _ in range(20):
            audit(organisation, grades)
        with django_assert_num_queries(2):
            rollup.case_audit_figures(organisation=organisation, month=OCTOBER)

    def test_other_organisations_audits_are_not_counted(self, organisation, other_organisation, grades):
        other = {g.code: g for g in AuditGrade.objects.install(other_organisation, "bromley")}
        audit(other_organisation, other, overall="inadequate")
        audit(organisation, grades)
        rollup.case_audit_rollup(organisation=organisation, month=OCTOBER)
        assert values(organisation)["CA_AUDITED"] == 1

    def test_it_records_the_improvement_plan_proportions(self, organisation, grades):
        RagStatus.objects.install(organisation)
        scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
        rec = RecommendationFactory(plan=PlanFactory(organisation=organisation))
        for code in ["G", "G", "G", "A"]:
            UpdateFactory(action=ActionFactory(recommendation=rec), status=scale[code])  # dated 1 March 2017
        rollup.case_audit_rollup(organisation=organisation, month=datetime.date(2017, 3, 1))
        figures = values(organisation, month=datetime.date(2017, 3, 1))
        assert (figures["IP_GREEN"], figures["IP_AMBER"], figures["IP_RED"]) == (D("75"), D("25"), D("0"))


class TestMeasurementRecord:
    def test_a_ratios_value_is_computed(self, organisation, manager):
        m = services.measurement_record(
            organisation=organisation,
            indicator=indicator("REOFF_BINARY"),
            period=datetime.date(2017, 2, 14),
            numerator=D(31),
            denominator=D(78),
            user=manager,
        )
        assert m.value == D("39.7436") and m.period == datetime.date(2017, 1, 1)  # quarterly

    def test_a_second_editor_with_a_stale_form_is_refused_and_told_who(self, organisation, manager, board_member):
        kpi = indicator("CUSTODY_COUNT")
        first = services.measurement_record(
            organisation=organisation, indicator=kpi, period=OCTOBER, value=30, user=manager, expected_version=0
        )
        services.measurement_record(
            organisation=organisation,
            indicator=kpi,
            period=OCTOBER,
            value=28,
            user=manager,
            expected_version=first.version,
        )
        with pytest.raises(StaleEdit, match=f"{manager.get_full_name()} changed this value to 28"):
            services.measurement_record(
                organisation=organisation,
                indicator=kpi,
                period=OCTOBER,
                value=35,
                user=board_member,
                expected_version=first.version,
            )
        assert Measurement.objects.get().value == 28

    def test_two_people_entering_a_new_value_at_once_do_not_overwrite(self, organisation, manager):
        kpi = indicator("CUSTODY_COUNT")
        services.measurement_record(
            organisation=organisation, indicator=kpi, period=OCTOBER, value=30, user=manager, expected_version=0
        )
        with pytest.raises(StaleEdit):
            services.measurement_record(
                organisation=organisation, indicator=kpi, period=OCTOBER, value=31, user=manager, expected_version=0
            )

    def test_a_ratio_needs_both_parts(self, organisation):
        with pytest.raises(Exception, match="Give the"):
            services.measurement_record(
                organisation=organisation, indicator=indicator("REOFF_BINARY"), period=OCTOBER, numerator=D(3)
            )


def test_the_grouped_figures_are_the_same_as_per_month(organisation, grades):
    audit(organisation, grades, assessment="inadequate", overall="inadequate")
    audit(organisation, grades)
    CaseAuditFactory(
        organisation=organisation,
        month=datetime.date(2015, 11, 1),
        **{k: grades["good"] for k in ["assessment", "intervention", "risk", "vulnerability", "overall"]},
    )

    grouped = rollup.case_audit_figures_by_month(CaseAudit.objects.all())
    assert grouped[(organisation.pk, OCTOBER)] == rollup.case_audit_figures(organisation=organisation, month=OCTOBER)
    assert grouped[(organisation.pk, datetime.date(2015, 11, 1))]["CA_AUDITED"] == (1, None)


def test_the_audits_split_across_grades_with_shares_of_those_graded(organisation, grades):
    audit(organisation, grades, vulnerability=None, overall="inadequate")
    audit(organisation, grades, vulnerability="inadequate", overall="satisfactory")
    audit(organisation, grades)
    splits = {s.label: s for s in selectors.audit_distribution(organisation, CaseAudit.objects.for_org(organisation))}
    vulnerability = splits["Vulnerability (safety and wellbeing) plan"]
    assert [(g.code, n, share) for g, n, share in vulnerability.counts] == [
        ("good", 1, D("50.0")),
        ("satisfactory", 0, D("0.0")),
        ("inadequate", 1, D("50.0")),
    ]
    assert vulnerability.not_applicable == 1
    overall = splits["Overall"]
    assert [n for _, n, _ in overall.counts] == [1, 1, 1] and overall.not_applicable is None


class TestTrackingMany:
    def test_it_tracks_after_those_tracked_and_counts_only_the_new(self, organisation):
        services.indicator_tracking_set(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), tracked=True)
        picked = [indicator(code) for code in ("FTE_RATE", "CUSTODY_COUNT", "REMAND_NIGHTS")]
        assert services.indicators_tracking_set(organisation=organisation, indicators=picked, tracked=True) == 2
        tracked = TrackedIndicator.objects.for_org(organisation).order_by("order", "pk")
        assert [t.indicator.code for t in tracked] == ["CUSTODY_COUNT", "FTE_RATE", "REMAND_NIGHTS"]
        assert TrackedIndicator.history.filter(organisation=organisation).count() == 3  # each leaves its history

    def test_it_stops_tracking_those_tracked_and_keeps_their_values(self, organisation):
        for code in ("FTE_RATE", "CUSTODY_COUNT"):
            services.indicator_tracking_set(organisation=organisation, indicator=indicator(code), tracked=True)
        services.measurement_record(
            organisation=organisation, indicator=indicator("FTE_RATE"), period=OCTOBER, numerator=3, denominator=1000
        )
        picked = [indicator("FTE_RATE"), indicator("REMAND_NIGHTS")]
        assert services.indicators_tracking_set(organisation=organisation, indicators=picked, tracked=False) == 1
        assert list(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True)) == [
            "CUSTODY_COUNT"
        ]
        assert Measurement.objects.for_org(organisation).count() == 1

    def test_another_services_own_indicator_refuses_them_all(self, organisation, other_organisation):
        theirs = Indicator.objects.create(
            organisation=other_organisation,
            code="THEIRS",
            name="Theirs",
            category=IndicatorCategory.objects.first(),
            scope=Scope.LOCAL,
            unit=Unit.COUNT,
            polarity=Polarity.HIGHER_BETTER,
            frequency=Frequency.MONTHLY,
        )
        with pytest.raises(ValidationError, match="another service's own"):
            services.indicators_tracking_set(
                organisation=organisation, indicators=[indicator("FTE_RATE"), theirs], tracked=True
            )
        assert not TrackedIndicator.objects.exists()
