import datetime

import pytest
from django.urls import reverse

from governance import renders, report_services, reporting
from governance import services as governance_services
from governance.models import CommitteeReport, PlanSignOff, ReportRender
from governance.models.reports import RenderStatus, ReportKind, SignOffStep
from governance.tests.factories import RiskFactory
from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from performance.tests.factories import MeasurementFactory, TrackedFactory, indicator
from yos_tracker.celery import app
from yos_tracker.choices import Role
from yos_tracker.tests.helpers import queries_with_two_rows_and_ten

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        meeting_date=datetime.date(2017, 6, 28),
        title="Progress of the improvement plan",
        period_start=datetime.date(2016, 12, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["appendix_c"],
    )


def url(name, org="lewisham", **kwargs):
    return reverse(f"governance:{name}", kwargs={"org": org, **kwargs})


def test_officer_generates_a_version(client, officer, report, django_capture_on_commit_callbacks):
    client.force_login(officer)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(url("report_detail", pk=report.pk), HTTP_HX_REQUEST="true")
    render = ReportRender.objects.get()
    assert (render.version, render.status, render.requested_by) == (1, RenderStatus.QUEUED, officer)
    assert len(queued) == 1  # the task is sent only once the request's transaction commits
    assert 'data-hx-trigger="every 1s"' in response.content.decode()  # the row polls until finished


def test_a_version_is_rendered_into_the_bucket_and_downloaded_from_it_by_the_organisation_only(
    client, officer, report, outsider, s3_media
):
    client.force_login(officer)
    client.post(url("report_detail", pk=report.pk), HTTP_HX_REQUEST="true")
    render = renders.render_execute(render_id=ReportRender.objects.get().pk)  # what the worker runs
    pdf = s3_media.objects()[render.file.name]
    assert pdf.startswith(b"%PDF-")
    download = client.get(url("render_download", pk=render.pk))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == pdf
    client.force_login(outsider)
    assert client.get(url("render_download", org="bromley", pk=render.pk)).status_code == 404


def test_board_member_reads_reports_but_cannot_generate_or_define_them(client, board_member, report):
    client.force_login(board_member)
    assert client.get(url("reports")).status_code == 200
    assert client.get(url("report_detail", pk=report.pk)).status_code == 200
    assert client.post(url("report_detail", pk=report.pk)).status_code == 403
    assert client.get(url("report_create")).status_code == 403
    assert not ReportRender.objects.exists()


def test_another_organisation_cannot_reach_a_report_or_its_file(client, report, other_organisation, make_member):
    render = ReportRender.objects.create(report=report, version=1, status=RenderStatus.DONE, file="reports/x.pdf")
    client.force_login(make_member(other_organisation, Role.OFFICER, "bromley-officer"))
    for name, pk in [
        ("report_detail", report.pk),
        ("render_status", render.pk),
        ("render_download", render.pk),
        ("report_appendices", report.pk),
        ("report_edit", report.pk),
    ]:
        assert client.get(url(name, org="bromley", pk=pk)).status_code == 404, name
        assert client.get(url(name, pk=pk)).status_code == 404, name


def test_a_failed_render_shows_why_and_offers_retry(client, officer, report):
    render = ReportRender.objects.create(
        report=report, version=1, status=RenderStatus.FAILED, failure="It stopped because the PDF could not be written."
    )
    client.force_login(officer)
    html = client.get(url("render_status", pk=render.pk)).content.decode()
    assert "the PDF could not be written" in html and ">Retry</button>" in html


def test_the_report_page_says_generation_is_delayed_when_the_broker_is_down(client, officer, report, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        client.force_login(officer)
        html = client.get(url("report_detail", pk=report.pk)).content.decode()
    finally:
        app.conf.broker_url = previous
    assert "Report generation is delayed" in html


def test_appendices_export_as_one_workbook(client, officer, report):
    client.force_login(officer)
    response = client.get(url("report_appendices", pk=report.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_the_form_prefills_from_the_previous_report(client, officer, report):
    report.purpose = "To update the committee on the plan."
    report.save()
    client.force_login(officer)
    html = client.get(url("report_create"), {"committee": report.committee}).content.decode()
    assert "To update the committee on the plan." in html and 'value="2017-06-29"' in html


def test_a_failed_version_says_why_in_words_and_never_shows_the_error(client, officer, report):
    ReportRender.objects.create(
        report=report,
        version=1,
        status=RenderStatus.FAILED,
        failure="It stopped because the pages could not be laid out.",
        error="Traceback (most recent call last):\n  File \"/srv/yos/governance/reporting.py\"\nKeyError: 'x'",
    )
    client.force_login(officer)
    html = client.get(url("report_detail", pk=report.pk)).content.decode()
    assert "It stopped because the pages could not be laid out." in html
    assert "Traceback" not in html and "/srv/yos" not in html and "KeyError" not in html


def test_the_reports_page_makes_as_many_queries_for_ten_reports_as_for_two(client, officer, organisation):
    def report(n):
        """Every third a youth justice plan, signed off once; each with two versions."""
        is_plan = n % 3 == 2
        made = CommitteeReport.objects.create(
            organisation=organisation,
            kind=ReportKind.YJ_PLAN if is_plan else ReportKind.COMMITTEE,
            plan_year=2010 + n if is_plan else None,
            committee=f"Committee {n % 4}",
            meeting_date=datetime.date(2017, 1, 1) + datetime.timedelta(days=n),
            title=f"Report {n}",
            period_start=datetime.date(2016, 1, 1),
            period_end=datetime.date(2016, 12, 31),
        )
        ReportRender.objects.bulk_create([ReportRender(report=made, version=v) for v in (1, 2)])
        if is_plan:
            PlanSignOff.objects.create(report=made, step=SignOffStep.AGREED, date=made.meeting_date, name="YJMB")

    client.force_login(officer)
    few, many = queries_with_two_rows_and_ten(client, url("reports"), report)
    assert many == few


def test_a_new_report_starts_with_only_the_appendices_the_service_has_records_for(client, officer, organisation):
    governance_services.risk_matrix_install(organisation=organisation)
    RiskFactory(organisation=organisation)
    client.force_login(officer)
    form = client.get(url("report_create")).context["form"]
    assert form.initial["sections"] == ["appendix_b"]


def test_indicators_without_values_can_be_left_out_and_the_report_says_how_many(report, organisation):
    for code in ("CUSTODY_COUNT", "FTE_COUNT", "REMAND_NIGHTS"):
        TrackedFactory(organisation=organisation, indicator=indicator(code))
    MeasurementFactory(
        organisation=organisation, indicator=indicator("CUSTODY_COUNT"), period=datetime.date(2017, 6, 1)
    )
    assert report_services.report_prefill(organisation=organisation, committee="")[
        "leave_out_indicators_without_values"
    ]
    report.sections, report.leave_out_indicators_without_values = ["appendix_a"], True
    report.save()
    context = reporting.report_context(report)
    assert [row.indicator.code for _, rows in context["dashboard"].groups for row in rows] == ["CUSTODY_COUNT"]
    assert "2 indicators have no value by 28 June 2017 and are left out." in reporting.render_html(report)


def test_the_reports_page_warns_where_the_narrative_counts_actions_the_plan_does_not_have(
    client, officer, report, organisation
):
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    ActionFactory(recommendation=RecommendationFactory(plan=plan))
    report.background = "The plan's 12 actions are all on track."
    report.save()
    client.force_login(officer)
    page = client.get(url("report_detail", pk=report.pk)).content.decode()
    assert "narrative-warnings" in page and "The plan&#x27;s 12 actions are all on track." in page
    assert "has 1 action" in page
