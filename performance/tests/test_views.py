import datetime
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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


class TestEntryGrid:
    def test_manager_enters_a_period_and_ratios_are_computed(self, client, manager, organisation, custody):
        TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY"))
        client.force_login(manager)
        binary, count = indicator("REOFF_BINARY"), indicator("CUSTODY_COUNT")
        data = {
            "period": "2017-04-01",
            f"i{count.pk}-value": "21",
            f"i{count.pk}-version": "0",
            f"i{binary.pk}-numerator": "31",
            f"i{binary.pk}-denominator": "78",
            f"i{binary.pk}-version": "0",
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
            f"i{count.pk}-value": "21",
            f"i{count.pk}-version": "0",
            f"i{binary.pk}-numerator": "31",
            f"i{binary.pk}-version": "0",
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
        data = {"period": "2017-03-01", f"i{custody.pk}-value": "27", f"i{custody.pk}-version": str(march.version)}
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
        page = client.get(url("measurement_entry"), {"period": "2017-03-01"}).content.decode()
        data = rendered_inputs(page) | {f"i{custody.pk}-note": "Checked against police data"}
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
