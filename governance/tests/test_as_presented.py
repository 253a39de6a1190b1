"""A version re-renders exactly as it was presented: records entered later, even ones dated inside
its period, do not rewrite it. Lewisham's June 2017 report is rendered, records of every kind the
report shows are entered afterwards (a value for June 2017 where the version judged it, a value
corrected from 44 to 99, an update typed today but dated 15/06/2017, a corrected update, reworded
actions, recommendations and risks, new next steps, a risk review dated in the period, changed
inspection and self-assessment ratings, a reoffence in the live tracker, and the report's own
narrative), and the same version rendered again gives the same PDF text."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance import report_services, reporting
from governance import services as governance_services
from governance.changes import changes_since
from governance.models import CommitteeReport, Risk, SelfAssessment
from governance.tests.test_reports import pdf_text
from improvement import services as improvement_services
from improvement.models import Action, ImprovementPlan, Inspection, ProgressUpdate, RagStatus
from performance import services as performance_services
from performance.choices import OffenceType
from performance.models import Case, Cohort, Indicator, Reoffence

pytestmark = pytest.mark.django_db
JUNE = datetime.date(2017, 6, 1)


@pytest.fixture
def report(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")


def enter_later_records_of_every_kind(report: CommitteeReport, manager) -> None:
    organisation = report.organisation
    scale = {s.code: s for s in RagStatus.objects.for_org(organisation)}
    plan = ImprovementPlan.objects.for_org(organisation).in_force(report.period_end)
    # Values: one for June 2017 where the version rated the indicator by judgement, one corrected.
    for code, value in (("SL_INTERVENTION", 5), ("CUSTODY_COUNT", 99)):
        performance_services.measurement_record(
            organisation=organisation,
            indicator=Indicator.objects.get(code=code),
            period=JUNE,
            value=value,
            user=manager,
        )
    # Progress: an update typed today but dated inside the period, and an update of the period corrected.
    action = Action.objects.get(recommendation__plan=plan, reference="4.2")
    in_period = ProgressUpdate.objects.filter(
        action__recommendation__plan=plan, date__range=(report.period_start, report.period_end)
    ).first()
    improvement_services.action_update_add(
        action=action, author=manager, date=datetime.date(2017, 6, 15), status=scale["R"], narrative="Slipped."
    )
    improvement_services.action_update_correct(
        update=in_period, date=in_period.date, status=scale["R"], narrative="Corrected later.", reason="Typo"
    )
    # Wording: an action, its recommendation, the recommendation's next steps, a risk.
    improvement_services.action_change(action=action, description="Reworded after the meeting.")
    recommendation = action.recommendation
    recommendation.text = "A recommendation reworded after the meeting."
    recommendation.save()
    improvement_services.next_steps_set(owner=recommendation, texts=["A step written after the meeting."])
    risk = Risk.objects.get(organisation=organisation, number=2)
    governance_services.risk_save(organisation=organisation, risk=risk, title="Retitled after the meeting")
    governance_services.risk_review_record(
        risk=Risk.objects.get(pk=risk.pk),
        reviewer=manager,
        date=datetime.date(2017, 6, 20),
        inherent_likelihood=3,
        inherent_impact=3,
        residual_likelihood=3,
        residual_impact=3,
    )
    # Ratings: the inspection's and the board's self-assessment's.
    inspection = Inspection.objects.get(organisation=organisation)
    first = inspection.judgements.first()
    other_level = inspection.framework.levels.exclude(pk=first.level_id).first()
    improvement_services.inspection_ratings_save(
        inspection=inspection,
        ratings={
            j.standard: (other_level if j.pk == first.pk else j.level, j.narrative) for j in inspection.judgements.all()
        },
    )
    assessment = SelfAssessment.objects.for_org(organisation).filter(date__lte=report.period_end).latest("date")
    rating = assessment.ratings.first()
    rating.commentary = "Rewritten after the meeting."
    rating.save()
    # The live tracker: a reoffence recorded today for a child of the 2017 cohort.
    cohort = Cohort.objects.get(organisation=organisation, name="2017 live tracker")
    case = Case.objects.filter(organisation=organisation, outcomes__date__range=(cohort.period_start, JUNE)).first()
    Reoffence.objects.create(
        case=case,
        offence_date=datetime.date(2017, 6, 10),
        proven_date=datetime.date(2017, 6, 20),
        offence_type=OffenceType.VIOLENCE,
        violent=True,
    )
    # The report's own narrative.
    report.purpose = "Rewritten after the meeting."
    report.save()


def test_a_version_rendered_again_after_later_records_says_exactly_what_it_said(report, manager):
    presented = timezone.now()
    html = reporting.render_html(report, presented)
    pdf, pages = reporting.render_pdf(report, recorded=presented)

    enter_later_records_of_every_kind(CommitteeReport.objects.get(pk=report.pk), manager)

    assert reporting.render_html(report, presented) == html
    again, pages_again = reporting.render_pdf(report, recorded=presented)
    assert (pdf_text(again)[1], pages_again) == (pdf_text(pdf)[1], pages)
    restated = reporting.render_html(report)  # as recorded now: the later records are in it
    for later in ("Slipped.", "Corrected later.", "Reworded after the meeting.", "A step written after the meeting."):
        assert later in restated and later not in html


def test_the_changes_since_a_version_name_each_later_record_and_a_corrected_version_lists_them(report, manager):
    first = report_services.render_request(report=report, user=manager)
    enter_later_records_of_every_kind(CommitteeReport.objects.get(pk=report.pk), manager)

    changes = changes_since(report, first.recorded_at)
    kinds = {row.subject.split(":")[0] for row in changes}
    assert kinds >= {
        "The report itself",
        "Value",
        "Progress update",
        "Action",
        "Recommendation",
        "Next step",
        "Risk",
        "Risk review",
        "Inspection judgement",
        "Self-assessment rating",
        "Reoffence",
    }
    assert all(row.who for row in changes) and all(row.when > first.recorded_at for row in changes)
    value = next(row for row in changes if row.subject.startswith("Value: CUSTODY_COUNT 06/2017"))
    assert ("Value", "44", "99") in [(c.field, c.old, c.new) for c in value.changes]

    again = report_services.render_request(report=report, user=manager, restates=first)
    corrected = report_services.render_request(report=report, user=manager, restates=first, corrected=True)
    assert again.recorded_at == first.recorded_at < corrected.recorded_at
    assert "Changes since version" not in reporting.render_html(report, again.recorded_at, again.restates)
    html = reporting.render_html(report, corrected.recorded_at, corrected.restates)
    assert f"this version restates version {first.version}" in html and "Changes since version 1" in html
    assert "Slipped." in html and "44 → 99" in html


def test_appendix_a_shows_the_plans_status_shares_from_the_roll_up_its_text_prints(report, manager):
    """An update back-dated into the period is in the text's roll-up and in Appendix A alike."""
    enter_later_records_of_every_kind(CommitteeReport.objects.get(pk=report.pk), manager)
    context = reporting.report_context(CommitteeReport.objects.get(pk=report.pk))
    rollup = context["plan_rollup"]
    shown = {row.indicator.code: row for _, rows in context["dashboard"].groups for row in rows}
    for code, status in (("IP_GREEN", "G"), ("IP_RED", "R")):
        assert shown[code].value == round(Decimal(100) * rollup.count_for(status) / rollup.total, 4), code
    assert rollup.count_for("R") >= 1
