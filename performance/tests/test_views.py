import datetime
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from performance import services
from performance.choices import Frequency, Polarity, RunTrigger, Scope, Unit
from performance.models import (
    AuditGrade,
    CaseAudit,
    Indicator,
    IndicatorCategory,
    Measurement,
    RollupRun,
    TrackedIndicator,
)
from performance.tests.factories import MeasurementFactory, TargetFactory, TrackedFactory, indicator
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten, rendered_inputs

pytestmark = pytest.mark.django_db
MARCH = datetime.date(2017, 3, 1)


def url(name, org="lewisham", **kwargs):
    return reverse(f"performance:{name}", kwargs={"org": org, **kwargs})


@pytest.fixture
def custody(organisation):
    TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
    TargetFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), value=30, tolerance=5)
    for months_ago, value in enumerate([23, 26, 31, 44]):
        MeasurementFactory(
            organisation=organisation,
            indicator=indicator("CUSTODY_COUNT"),
            period=datetime.date(2017, 3 - months_ago, 1) if months_ago < 3 else datetime.date(2016, 3, 1),
            value=value,
        )
    return indicator("CUSTODY_COUNT")


class TestDashboard:
    def test_board_member_sees_value_target_rag_trend_and_sparkline(self, client, board_member, custody):
        client.force_login(board_member)
        html = client.get(url("index")).content.decode()
        row = html[html.index('data-indicator="CUSTODY_COUNT"') :]
        row = row[: row.index("</tr>")]
        assert ">23<" in row and ">30<" in row
        assert ">Green</span>" in row
        assert "Better" in row  # 23 after 26, and lower is better
        assert '<svg class="sparkline"' in row

    def test_the_period_selector_shows_the_dashboard_as_it_stood(self, client, board_member, custody):
        client.force_login(board_member)
        html = client.get(url("index"), {"period": "2017-01-01"}).content.decode()
        row = html[html.index('data-indicator="CUSTODY_COUNT"') :]
        row = row[: row.index("</tr>")]
        assert ">31<" in row and ">Amber</span>" in row

    @pytest.mark.parametrize("period", ["0001-01-01", "9999-12-01", "March"])
    def test_a_period_that_cannot_be_shown_is_not_found(self, client, board_member, custody, period):
        client.force_login(board_member)
        assert client.get(url("index"), {"period": period}).status_code == 404

    def test_no_value_reads_as_no_data(self, client, board_member, organisation, custody):
        TrackedFactory(organisation=organisation, indicator=indicator("EET_END_ORDER"))
        client.force_login(board_member)
        html = client.get(url("index")).content.decode()
        row = html[html.index('data-indicator="EET_END_ORDER"') :]
        assert ">No data</span>" in row[: row.index("</tr>")]

    @pytest.mark.parametrize("count, history", [(8, 3), (68, 36)])  # 68: the whole catalogue
    def test_queries_do_not_grow_with_indicators_or_history(
        self, client, board_member, organisation, count, history, django_assert_max_num_queries
    ):
        codes = list(Indicator.objects.values_list("code", flat=True)[:count])
        for order, code in enumerate(codes):
            TrackedIndicator.objects.create(organisation=organisation, indicator=indicator(code), order=order)
        Measurement.objects.bulk_create(
            [
                Measurement(
                    organisation=organisation,
                    indicator=indicator(code),
                    value=D(i),
                    period=datetime.date(2014 + (i // 12), 1 + i % 12, 1),
                )
                for code in codes
                for i in range(history)
            ]
        )
        client.force_login(board_member)
        with django_assert_max_num_queries(14):  # 13, and the judgements on the service's key
            response = client.get(url("index"))
        assert response.content.decode().count("data-indicator=") == len(codes)

    def test_another_organisations_dashboard_is_not_found(self, client, outsider, custody):
        client.force_login(outsider)
        assert client.get(url("index")).status_code == 404
        assert client.get(url("indicator_detail", code="CUSTODY_COUNT")).status_code == 404


class TestIndicatorPage:
    def test_it_charts_the_series_against_target_and_lists_values(self, client, board_member, custody, organisation):
        client.force_login(board_member)
        html = client.get(url("indicator_detail", code="CUSTODY_COUNT")).content.decode()
        assert '<svg class="line-chart"' in html and ">Target</text>" in html
        assert html.count("<tr>") >= 5

    def test_an_untracked_indicator_is_not_found(self, client, board_member, custody):
        client.force_login(board_member)
        assert client.get(url("indicator_detail", code="FTE_RATE")).status_code == 404

    def test_each_value_links_to_its_history_counting_its_changes(self, client, board_member, custody, organisation):
        changed, twice = (
            Measurement.objects.get(organisation=organisation, period=p) for p in (MARCH, MARCH.replace(month=2))
        )
        changed.note = "Provisional"
        changed.save()
        for value in (27, 28):
            twice.value = value
            twice.save()
        client.force_login(board_member)
        html = client.get(url("indicator_detail", code="CUSTODY_COUNT")).content.decode()
        assert f'values/{changed.pk}/history/">1 change</a>' in html
        assert f'values/{twice.pk}/history/">2 changes</a>' in html
        assert html.count("/history/") == 2  # a value never changed links to no history


class TestEntryGrid:
    def test_manager_enters_a_period_and_ratios_are_computed(self, client, manager, organisation, custody):
        TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"))
        client.force_login(manager)
        binary, count = indicator("REOFF_BINARY"), indicator("CUSTODY_COUNT")
        data = {
            "period": "2017-04-01",
            "months": "1",
            f"i{count.pk}-201704-value": "21",
            f"i{count.pk}-201704-version": "0",
            f"i{binary.pk}-201704-numerator": "31",
            f"i{binary.pk}-201704-denominator": "78",
            f"i{binary.pk}-201704-version": "0",
        }
        response = client.post(url("measurement_entry"), data, HTTP_HX_REQUEST="true")
        assert "Saved 2 values for April 2017" in response.content.decode()
        assert Measurement.objects.get(indicator=binary, period=datetime.date(2017, 4, 1)).value == D("39.7436")

    def test_one_bad_row_saves_nothing_and_is_marked(self, client, manager, organisation, custody):
        TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"))
        client.force_login(manager)
        binary, count = indicator("REOFF_BINARY"), indicator("CUSTODY_COUNT")
        data = {
            "period": "2017-04-01",
            "months": "1",
            f"i{count.pk}-201704-value": "21",
            f"i{count.pk}-201704-version": "0",
            f"i{binary.pk}-201704-numerator": "31",
            f"i{binary.pk}-201704-version": "0",
        }
        html = client.post(url("measurement_entry"), data).content.decode()
        assert "Nothing was saved" in html and "Give both the" in html
        assert not Measurement.objects.filter(period=datetime.date(2017, 4, 1)).exists()

    def test_a_stale_grid_does_not_overwrite_a_colleagues_value(self, client, manager, organisation, custody):
        client.force_login(manager)
        march = Measurement.objects.get(indicator=custody, period=MARCH)
        services.measurement_record(
            organisation=organisation, indicator=custody, period=MARCH, value=25, expected_version=march.version
        )
        data = {
            "period": "2017-03-01",
            "months": "1",
            f"i{custody.pk}-201703-value": "27",
            f"i{custody.pk}-201703-version": str(march.version),
        }
        html = client.post(url("measurement_entry"), data).content.decode()
        assert "changed this value to 25" in html
        assert Measurement.objects.get(indicator=custody, period=MARCH).value == 25

    def test_saving_the_grid_writes_only_the_cell_changed(self, client, manager, make_member, organisation, custody):
        """Changing one note re-saves no other value: their authors, sources and histories stay."""
        TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"))
        colleague = make_member(organisation, Role.MANAGER, "colleague")
        binary = MeasurementFactory(
            organisation=organisation,
            indicator=indicator("REOFF_BINARY"),
            period=MARCH,
            value=D("39.7436"),
            numerator=31,
            denominator=78,
            note="Provisional: police data to 28/11",
            source="Live tracker (computed from case records)",
            entered_by=colleague,
        )
        Measurement.objects.filter(indicator=custody, period=MARCH).update(source="YJB data summary")
        client.force_login(manager)
        page = client.get(url("measurement_entry"), {"period": "2017-03-01", "months": "1"}).content.decode()
        data = rendered_inputs(page) | {f"i{custody.pk}-201703-note": "Checked against police data"}
        before = {m.pk: (m.version, m.entered_by_id, m.source, m.note) for m in Measurement.objects.all()}
        history = Measurement.history.count()
        response = client.post(url("measurement_entry"), data, HTTP_HX_REQUEST="true")
        assert "Saved 1 value for March 2017" in response.content.decode()
        after = {m.pk: (m.version, m.entered_by_id, m.source, m.note) for m in Measurement.objects.all()}
        march = Measurement.objects.get(indicator=custody, period=MARCH)
        assert after[march.pk] == (2, manager.pk, "YJB data summary", "Checked against police data")
        assert {pk: state for pk, state in after.items() if pk != march.pk} == {
            pk: state for pk, state in before.items() if pk != march.pk
        }
        assert before[binary.pk] == (1, colleague.pk, "Live tracker (computed from case records)", binary.note)
        assert Measurement.history.count() == history + 1

    def test_board_member_cannot_enter_values(self, client, board_member, custody):
        client.force_login(board_member)
        assert client.post(url("measurement_entry"), {"period": "2017-04-01"}).status_code == 403


class TestImports:
    def csv(self, text, name="values.csv"):
        return SimpleUploadedFile(name, text.encode())

    def test_values_import_previews_then_writes_all(self, client, manager, organisation, custody):
        client.force_login(manager)
        text = "Indicator code,Period,Value,Numerator,Denominator,Note,Source\nCUSTODY_COUNT,Apr 2017,21,,,,YJB\n"
        preview = client.post(url("measurement_import"), {"file": self.csv(text)})
        assert "1 value added" in preview.content.decode()
        assert not Measurement.objects.filter(period=datetime.date(2017, 4, 1)).exists()
        client.post(url("measurement_import"), {"token": preview.context["token"], "confirm": "1"})
        assert Measurement.objects.get(period=datetime.date(2017, 4, 1)).value == 21

    def test_values_import_lists_row_errors_and_writes_nothing(self, client, manager, organisation, custody):
        client.force_login(manager)
        text = (
            "Indicator code,Period,Value,Numerator,Denominator,Note,Source\n"
            "CUSTODY_COUNT,2017-04,21,,,,\nNOPE,2017-04,1,,,,\nCUSTODY_COUNT,someday,2,,,,\nCUSTODY_COUNT,2017-05,lots,,,,\n"
        )
        html = client.post(url("measurement_import"), {"file": self.csv(text)}).content.decode()
        assert "3 problems to fix first" in html
        assert "“NOPE” is not an indicator this service tracks" in html and "“lots” is not a number" in html
        assert not Measurement.objects.filter(period__gte=datetime.date(2017, 4, 1)).exists()

    def test_audits_import_validates_references_grades_and_types(self, client, manager, organisation):
        AuditGrade.objects.install(organisation, "lewisham")
        client.force_login(manager)
        header = (
            "Month,Case reference,Case type,Assessment,Intervention plan,Risk management plan,"
            "Vulnerability plan,Overall,Notes\n"
        )
        bad = (
            header
            + "Oct 2015,John Smith,court order,Good,Good,Good,Good,Good,\n"
            + "Oct 2015,LW-1,teleport,Great,Good,Good,Good,Good,\n"
        )
        html = client.post(url("audit_import"), {"file": self.csv(bad)}).content.decode()
        assert "never a name" in html and "is not a case type" in html
        assert "Grade “Great” is not on this service" in html
        good = header + "Oct 2015,LW-2015-001,Court order,good,Satisfactory,POOR,not satisfactory,Satisfactory,\n"
        preview = client.post(url("audit_import"), {"file": self.csv(good)})
        client.post(url("audit_import"), {"token": preview.context["token"], "confirm": "1"})
        audit = CaseAudit.objects.get()
        assert (audit.case_reference, audit.risk.label, audit.month) == (
            "LW-2015-001",
            "Poor",
            datetime.date(2015, 10, 1),
        )

    def test_an_audit_area_marked_not_applicable_imports_as_such_and_a_blank_one_is_refused(
        self, client, manager, organisation
    ):
        AuditGrade.objects.install(organisation, "lewisham")
        client.force_login(manager)
        header = (
            "Month,Case reference,Case type,Assessment,Intervention plan,Risk management plan,"
            "Vulnerability plan,Overall\n"
        )
        blank = header + "Oct 2015,LW-2015-001,Court order,Good,Good,Good,,Good\n"
        html = client.post(url("audit_import"), {"file": self.csv(blank)}).content.decode()
        assert "Give a grade: Good, Satisfactory, Not satisfactory, Poor, or n/a where the area does not apply" in html
        na = header + "Oct 2015,LW-2015-001,Court order,Good,Good,Good,N/A,Good\n"
        preview = client.post(url("audit_import"), {"file": self.csv(na)})
        client.post(url("audit_import"), {"token": preview.context["token"], "confirm": "1"})
        audit = CaseAudit.objects.get()
        assert (audit.vulnerability, audit.risk.label) == (None, "Good")
        listed = client.get(url("audit_list")).content.decode()
        assert "Not applicable" in listed
        refused = header + "Oct 2015,LW-2015-002,Court order,Good,Good,Good,Good,n/a\n"
        html = client.post(url("audit_import"), {"file": self.csv(refused)}).content.decode()
        assert "“n/a” is not a grade: Good, Satisfactory, Not satisfactory, Poor" in html  # overall always applies


class TestAudits:
    def test_a_name_is_refused_as_a_case_reference(self, client, manager, organisation):
        grades = AuditGrade.objects.install(organisation)
        client.force_login(manager)
        data = {
            "month": "2017-05-10",
            "case_reference": "Jane Doe",
            "case_type": "court_order",
            **{f: grades[0].pk for f in ["assessment", "intervention", "risk", "vulnerability", "overall"]},
        }
        html = client.post(url("audit_create"), data).content.decode()
        assert "never a name" in html
        data["case_reference"] = "LW-2017-014"
        assert client.post(url("audit_create"), data).status_code == 302
        assert CaseAudit.objects.get().month == datetime.date(2017, 5, 1)
        assert "already been audited" in client.post(url("audit_create"), data).content.decode()

    def test_recalculate_queues_a_run_for_the_month(self, client, manager, organisation):
        AuditGrade.objects.install(organisation)
        client.force_login(manager)
        response = client.post(url("rollup_recalculate"), {"month": "2017-05-01", "next": "https://evil.example/"})
        assert response["Location"] == url("audit_list")
        assert organisation.rollup_runs.get().month == datetime.date(2017, 5, 1)

    def test_other_roles_and_organisations(self, client, board_member, organisation, other_organisation, make_member):
        grades = AuditGrade.objects.install(organisation)
        audit = CaseAudit.objects.create(
            organisation=organisation,
            month=MARCH,
            case_reference="LW-1",
            case_type="custody",
            **{f: grades[0] for f in ["assessment", "intervention", "risk", "vulnerability", "overall"]},
        )
        client.force_login(board_member)
        assert client.get(url("audit_list")).status_code == 200
        assert client.post(url("audit_edit", pk=audit.pk), {}).status_code == 403
        assert client.post(url("rollup_recalculate"), {"month": "2017-05-01"}).status_code == 403
        client.force_login(make_member(other_organisation, Role.MANAGER, "bromley-manager"))
        assert client.get(url("audit_edit", org="bromley", pk=audit.pk)).status_code == 404
        assert AuditGrade.objects.for_org(other_organisation).count() == 0

    def test_the_audits_page_makes_as_many_queries_for_ten_audits_as_for_two(
        self, client, board_member, organisation, make_member
    ):
        grades = AuditGrade.objects.install(organisation)
        areas = ["assessment", "intervention", "risk", "vulnerability", "overall"]

        def audit(n):
            month = datetime.date(2017, 1 + n % 12, 1)
            CaseAudit.objects.create(
                organisation=organisation,
                month=month,
                case_reference=f"LW-{n}",
                case_type="custody",
                auditor=make_member(organisation, Role.MANAGER, f"auditor{n}"),
                **{area: grades[n % len(grades)] for area in areas},
            )
            RollupRun.objects.create(organisation=organisation, month=month, trigger=RunTrigger.MANUAL)

        client.force_login(board_member)
        few, many = queries_with_two_rows_and_ten(client, url("audit_list"), audit)
        assert many == few


def test_the_catalogue_makes_as_many_queries_for_ten_own_tracked_indicators_as_for_two(client, manager, organisation):
    def own(n):
        local = Indicator.objects.create(
            organisation=organisation,
            code=f"LW_OWN_{n}",
            name=f"Lewisham's own {n}",
            category=IndicatorCategory.objects.order_by("pk")[n % 3],
            scope=Scope.LOCAL,
            unit=Unit.COUNT,
            polarity=Polarity.HIGHER_BETTER,
            frequency=Frequency.MONTHLY,
        )
        TrackedFactory(organisation=organisation, indicator=local)
        TargetFactory(organisation=organisation, indicator=local, value=n)

    client.force_login(manager)
    few, many = queries_with_two_rows_and_ten(client, url("catalogue"), own)
    assert many == few


def test_rolled_up_figures_are_not_typed_in_the_grid(client, manager, organisation):
    TrackedFactory(organisation=organisation, indicator=indicator("CA_INADEQUATE"))
    client.force_login(manager)
    html = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
    row = html[html.index('data-indicator="CA_INADEQUATE"') :]
    row = row[: row.index("</tr>")]
    assert "computed by the monthly roll-up" in row and "<input" not in row


def test_the_period_selector_lists_each_period_once(client, board_member, organisation, custody):
    TrackedFactory(organisation=organisation, indicator=indicator("REMAND_NIGHTS"))
    MeasurementFactory(organisation=organisation, indicator=indicator("REMAND_NIGHTS"), period=MARCH, value=300)
    client.force_login(board_member)
    html = client.get(url("index")).content.decode()
    assert html.count('<option value="2017-03-01"') == 1


def test_values_audits_and_case_records_export_in_the_layouts_their_imports_read(
    client, board_member, organisation, custody
):
    grades = {g.code: g for g in AuditGrade.objects.install(organisation, "lewisham")}
    for reference, grade in (("LW-101", "good"), ("LW-102", "poor")):
        CaseAudit.objects.create(
            organisation=organisation,
            month=MARCH,
            case_reference=reference,
            case_type="court_order",
            overall=grades[grade],
        )
    client.force_login(board_member)
    values = client.get(url("measurement_export", fmt="csv"))
    assert values["Content-Disposition"] == 'attachment; filename="lewisham-indicator-values.csv"'
    lines = values.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Indicator code,Period,Value,Numerator,Denominator,Note,Source"
    assert "CUSTODY_COUNT,01/03/2017,23,,,," in lines
    audits = client.get(url("audit_export", fmt="csv"), {"overall": grades["poor"].pk})
    assert audits["Content-Disposition"].endswith('case-audits-filtered.csv"')
    assert [line.split(",")[1] for line in audits.content.decode("utf-8-sig").splitlines()[1:]] == ["LW-102"]
    cases = client.get(url("tracker_cases_export", fmt="xlsx"))
    assert cases.status_code == 200 and cases["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(url("audit_export", fmt="pdf")).status_code == 404


def shown(html: str) -> set[str]:
    """The codes of the indicators the catalogue lists."""
    return {i.code for i in Indicator.objects.all() if f'id="{i.code}"' in html}


class TestCatalogueSearch:
    def test_a_code_finds_its_indicator(self, client, board_member):
        client.force_login(board_member)
        html = client.get(url("catalogue"), {"q": "custody_rate"}).content.decode()
        assert shown(html) == {"CUSTODY_RATE"}
        assert "1 indicator matches the search." in html

    def test_every_word_must_be_in_the_code_name_or_definition(self, client, board_member):
        client.force_login(board_member)
        html = client.get(url("catalogue"), {"q": "custodial LAC"}).content.decode()
        assert shown(html) == {"CUSTODY_LAC_COUNT"}

    def test_a_word_of_the_definition_alone_finds_the_indicator(self, client, board_member):
        assert "detention" not in indicator("CUSTODY_COUNT").name.lower()
        client.force_login(board_member)
        html = client.get(url("catalogue"), {"q": "detention"}).content.decode()
        assert "CUSTODY_COUNT" in shown(html) and "FTE_RATE" not in shown(html)

    @pytest.mark.parametrize(
        "framework, inside, outside",
        [
            ("national", {"FTE_RATE", "CUSTODY_COUNT"}, {"KPI1_ACCOMMODATION", "EET_CASELOAD", "LW_OWN"}),
            ("kpis", {"KPI1_ACCOMMODATION", "KPI10_VICTIMS"}, {"FTE_RATE", "EET_CASELOAD", "LW_OWN"}),
            ("local", {"EET_CASELOAD", "WF_VACANCY"}, {"FTE_RATE", "KPI1_ACCOMMODATION", "LW_OWN"}),
            ("own", {"LW_OWN"}, {"FTE_RATE", "KPI1_ACCOMMODATION", "EET_CASELOAD"}),
        ],
    )
    def test_the_set_filter_keeps_only_that_set(self, client, board_member, organisation, framework, inside, outside):
        own_indicator(organisation, "LW_OWN")
        client.force_login(board_member)
        found = shown(client.get(url("catalogue"), {"framework": framework}).content.decode())
        assert inside <= found and not outside & found

    def test_the_category_filter_keeps_only_that_category(self, client, board_member):
        workforce = IndicatorCategory.objects.get(code="workforce")
        client.force_login(board_member)
        found = shown(client.get(url("catalogue"), {"category": workforce.pk}).content.decode())
        assert found == set(Indicator.objects.shared().filter(category=workforce).values_list("code", flat=True))

    def test_the_tracking_filter_splits_tracked_from_untracked(self, client, board_member, organisation, custody):
        client.force_login(board_member)
        assert shown(client.get(url("catalogue"), {"tracking": "yes"}).content.decode()) == {"CUSTODY_COUNT"}
        untracked = shown(client.get(url("catalogue"), {"tracking": "no"}).content.decode())
        assert "CUSTODY_COUNT" not in untracked and "FTE_RATE" in untracked

    def test_another_services_own_indicator_is_never_found(self, client, board_member, other_organisation):
        own_indicator(other_organisation, "THEIR_OWN")
        client.force_login(board_member)
        assert "THEIR_OWN" not in shown(client.get(url("catalogue"), {"q": "THEIR_OWN"}).content.decode())

    def test_the_whole_catalogue_is_counted_when_nothing_is_searched(self, client, board_member, organisation):
        client.force_login(board_member)
        html = client.get(url("catalogue")).content.decode()
        assert f"{Indicator.objects.available_to(organisation).count()} indicators." in html


def own_indicator(organisation, code):
    return Indicator.objects.create(
        organisation=organisation,
        code=code,
        name=f"{organisation.name}'s {code}",
        category=IndicatorCategory.objects.get(code="workforce"),
        scope=Scope.LOCAL,
        unit=Unit.COUNT,
        polarity=Polarity.HIGHER_BETTER,
        frequency=Frequency.MONTHLY,
    )


def pks(codes):
    return [indicator(code).pk for code in codes]


TEN = ["FTE_RATE", "FTE_COUNT", "CUSTODY_RATE", "REMAND_NIGHTS", "EET_CASELOAD"]
TEN += ["EET_ATTENDANCE", "ACCOM_END_ORDER", "WF_VACANCY", "WF_ABSENCE", "CRIME_SYV"]


class TestCatalogueTicks:
    def test_each_tick_box_is_labelled_with_its_indicator(self, client, manager):
        client.force_login(manager)
        html = client.get(url("catalogue")).content.decode()
        fte = indicator("FTE_RATE")
        assert (
            'id="pick-FTE_RATE"' in html
            and f'<label class="visually-hidden" for="pick-FTE_RATE">Select {fte.name}' in html
        )

    def test_ten_ticked_indicators_are_tracked_in_one_post(self, client, manager, organisation, custody):
        client.force_login(manager)
        response = client.post(url("catalogue_track"), {"indicators": pks(TEN), "tracked": "on"}, follow=True)
        assert "10 indicators tracked." in [str(m) for m in response.context["messages"]]
        tracked = TrackedIndicator.objects.for_org(organisation).order_by("order", "pk")
        in_catalogue_order = list(Indicator.objects.shared().filter(code__in=TEN).values_list("code", flat=True))
        assert [t.indicator.code for t in tracked] == ["CUSTODY_COUNT", *in_catalogue_order]

    def test_one_indicator_is_told_in_the_singular(self, client, manager, organisation):
        client.force_login(manager)
        response = client.post(url("catalogue_track"), {"indicators": pks(["FTE_RATE"]), "tracked": "on"}, follow=True)
        assert "1 indicator tracked." in [str(m) for m in response.context["messages"]]

    def test_ticked_indicators_stop_being_tracked_and_keep_their_values(self, client, manager, organisation, custody):
        for code in TEN:
            TrackedFactory(organisation=organisation, indicator=indicator(code))
        client.force_login(manager)
        response = client.post(
            url("catalogue_track"),
            {"indicators": pks(["CUSTODY_COUNT", "FTE_RATE", "CRIME_GUN"]), "tracked": "off"},
            follow=True,
        )
        assert "2 indicators no longer tracked; their values are kept." in [
            str(m) for m in response.context["messages"]
        ]
        codes = set(TrackedIndicator.objects.for_org(organisation).values_list("indicator__code", flat=True))
        assert codes == set(TEN) - {"FTE_RATE"}
        assert Measurement.objects.for_org(organisation).filter(indicator=custody).count() == 4

    def test_it_goes_back_to_the_search_it_came_from(self, client, manager):
        client.force_login(manager)
        response = client.post(
            url("catalogue_track"),
            {
                "indicators": pks(["FTE_RATE"]),
                "tracked": "on",
                "search": "q=rate&framework=national&next=//evil.example",
            },
        )
        assert response["Location"] == url("catalogue") + "?q=rate&framework=national"

    def test_nothing_ticked_is_told_and_changes_nothing(self, client, manager, organisation):
        client.force_login(manager)
        response = client.post(url("catalogue_track"), {"tracked": "on"}, follow=True)
        assert "Tick the indicators first." in [str(m) for m in response.context["messages"]]
        assert not TrackedIndicator.objects.exists()

    def test_another_services_own_indicator_cannot_be_ticked(self, client, manager, other_organisation):
        theirs = own_indicator(other_organisation, "THEIR_OWN")
        client.force_login(manager)
        client.post(url("catalogue_track"), {"indicators": [indicator("FTE_RATE").pk, theirs.pk], "tracked": "on"})
        assert not TrackedIndicator.objects.exists()

    def test_board_member_cannot_track_many(self, client, board_member):
        client.force_login(board_member)
        assert client.post(url("catalogue_track"), {"indicators": pks(TEN), "tracked": "on"}).status_code == 403
        assert "pick-FTE_RATE" not in client.get(url("catalogue")).content.decode()
        assert not TrackedIndicator.objects.exists()

    def test_another_organisations_member_is_answered_not_found(self, client, outsider):
        client.force_login(outsider)
        assert client.post(url("catalogue_track"), {"indicators": pks(TEN), "tracked": "on"}).status_code == 404
        assert not TrackedIndicator.objects.exists()

    def test_the_single_buttons_still_track_one(self, client, manager, organisation):
        client.force_login(manager)
        html = client.get(url("catalogue")).content.decode()
        assert f'formaction="{url("indicator_track", code="FTE_RATE")}" name="tracked" value="on"' in html


def test_the_catalogue_search_makes_as_many_queries_for_ten_own_indicators_as_for_two(client, manager, organisation):
    client.force_login(manager)
    few, many = queries_with_two_rows_and_ten(
        client, url("catalogue") + "?q=own&tracking=no&framework=own", lambda n: own_indicator(organisation, f"OWN_{n}")
    )
    assert many == few


def cell(indicator, month: datetime.date, field: str) -> str:
    """A grid cell's field name: the indicator's, for the period starting in that month."""
    return f"i{indicator.pk}-{month:%Y%m}-{field}"


JANUARY, FEBRUARY, APRIL, MAY = (datetime.date(2017, m, 1) for m in (1, 2, 4, 5))


class TestMonthsGrid:
    def test_three_months_stand_side_by_side_by_default(self, client, manager, custody):
        client.force_login(manager)
        html = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
        headers = [f'<th scope="col">{m} 2017</th>' for m in ("January", "February", "March")]
        assert all(h in html for h in headers) and html.index(headers[0]) < html.index(headers[2])
        inputs = rendered_inputs(html)
        assert [inputs[cell(custody, m, "value")] for m in (JANUARY, FEBRUARY, MARCH)] == ["31", "26", "23"]

    def test_the_months_are_picked_by_name_from_a_list(self, client, manager, custody):
        client.force_login(manager)
        html = client.get(url("measurement_entry"), {"period": "2017-03-01", "months": "6"}).content.decode()
        assert '<option value="2017-03-01" selected>March 2017</option>' in html
        assert '<option value="6" selected>6 months</option>' in html
        assert 'type="date"' not in html and "A day in the month" not in html
        assert '<th scope="col">October 2016</th>' in html

    def test_a_quarterly_indicator_takes_one_cell_per_quarter(self, client, manager, organisation):
        TrackedFactory(organisation=organisation, indicator=indicator("FTE_RATE"))
        client.force_login(manager)
        html = client.get(url("measurement_entry"), {"period": "2017-05-01"}).content.decode()
        inputs = rendered_inputs(html)
        fte = indicator("FTE_RATE")
        # March shows the quarter it ends, April starts the next, May is in April's quarter.
        assert cell(fte, JANUARY, "numerator") in inputs and cell(fte, APRIL, "numerator") in inputs
        assert not any(name.startswith(f"i{fte.pk}-201705") for name in inputs)
        assert "In Apr–Jun 2017" in html and "Jan–Mar 2017" in html

    def test_values_in_two_months_save_in_one_post(self, client, manager, organisation, custody):
        client.force_login(manager)
        page = client.get(url("measurement_entry"), {"period": "2017-05-01"}).content.decode()
        data = rendered_inputs(page) | {cell(custody, APRIL, "value"): "19", cell(custody, MAY, "value"): "17"}
        response = client.post(url("measurement_entry"), data)
        assert response.status_code == 302 and response["Location"].endswith("?period=2017-05-01&months=3")
        assert "Saved 2 values for March to May 2017." in [
            str(m) for m in client.get(response["Location"]).context["messages"]
        ]
        stored = Measurement.objects.for_org(organisation).filter(indicator=custody, period__gte=APRIL)
        assert {m.period: m.value for m in stored} == {APRIL: 19, MAY: 17}

    def test_an_unchanged_grid_writes_nothing(self, client, manager, organisation, custody):
        TrackedFactory(organisation=organisation, indicator=indicator("FTE_RATE"))
        MeasurementFactory(organisation=organisation, indicator=indicator("FTE_RATE"), period=JANUARY, value=D("312.5"))
        client.force_login(manager)
        page = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
        before = {m.pk: (m.version, m.updated_at) for m in Measurement.objects.all()}
        history = Measurement.history.count()
        response = client.post(url("measurement_entry"), rendered_inputs(page), HTTP_HX_REQUEST="true")
        assert "Saved 0 values for January to March 2017." in response.content.decode()
        assert {m.pk: (m.version, m.updated_at) for m in Measurement.objects.all()} == before
        assert Measurement.history.count() == history

    def test_a_colleagues_later_value_is_named_and_nothing_is_overwritten(
        self, client, manager, make_member, organisation, custody
    ):
        client.force_login(manager)
        page = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
        colleague = make_member(organisation, Role.MANAGER, "colleague")
        march = Measurement.objects.get(indicator=custody, period=MARCH)
        services.measurement_record(
            organisation=organisation,
            indicator=custody,
            period=MARCH,
            value=25,
            user=colleague,
            expected_version=march.version,
        )
        data = rendered_inputs(page) | {cell(custody, FEBRUARY, "value"): "20", cell(custody, MARCH, "value"): "27"}
        html = client.post(url("measurement_entry"), data).content.decode()
        assert "Nothing was saved: correct the cells marked below." in html
        assert f"{custody.name}, March 2017</a>: {colleague.get_full_name()} changed this value to 25" in html
        assert Measurement.objects.get(indicator=custody, period=MARCH).value == 25
        assert Measurement.objects.get(indicator=custody, period=FEBRUARY).value == 26  # all or nothing, as before

    def test_each_cell_is_labelled_with_its_indicator_and_month(self, client, manager, custody):
        client.force_login(manager)
        html = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
        assert f'for="id_{cell(custody, FEBRUARY, "value")}">{custody.name}, February 2017: value</label>' in html

    @override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=50)
    def test_a_grid_too_big_to_post_shows_fewer_months(self, client, manager, organisation, custody):
        for code in ("FTE_COUNT", "REMAND_NIGHTS", "EET_CASELOAD"):
            TrackedFactory(organisation=organisation, indicator=indicator(code))
        client.force_login(manager)
        response = client.get(url("measurement_entry"), {"period": "2017-03-01", "months": "6"})
        html = response.content.decode()
        assert '<th scope="col">February 2017</th>' in html and '<th scope="col">January 2017</th>' not in html
        assert "Showing 2 months" in html

    def test_the_grid_makes_as_many_queries_for_ten_indicators_as_for_two(self, client, manager, organisation):
        codes = ["FTE_RATE", "FTE_COUNT", "CUSTODY_RATE", "REMAND_NIGHTS", "EET_CASELOAD"]
        codes += ["REOFF_BINARY", "ACCOM_END_ORDER", "WF_VACANCY", "CA_GOOD", "CRIME_SYV"]

        def tracked_with_values(n):
            TrackedFactory(organisation=organisation, indicator=indicator(codes[n]))
            for month in (JANUARY, MARCH):
                MeasurementFactory(organisation=organisation, indicator=indicator(codes[n]), period=month, value=n)

        client.force_login(manager)
        few, many = queries_with_two_rows_and_ten(
            client, url("measurement_entry") + "?period=2017-03-01", tracked_with_values
        )
        assert many == few
