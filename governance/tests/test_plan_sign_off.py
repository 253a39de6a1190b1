"""A youth justice plan's way from draft to endorsement: its steps in order, each dated on or
after the one before and never in the future, each keeping the version rendered at that step;
its definition written under the YJB's headings and prefilled from the previous year's plan."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import report_services
from governance.forms import YouthJusticePlanForm
from governance.models import CommitteeReport, PlanSignOff
from governance.models.reports import YJ_PLAN_HEADINGS, RenderStatus, ReportKind, SignOffStep

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def plan(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        kind=ReportKind.YJ_PLAN,
        committee="Youth Justice Board",
        plan_year=2019,
        title="Youth Justice Plan 2019/20",
        meeting_date=D(2019, 6, 30),
        period_start=D(2018, 4, 1),
        period_end=D(2019, 6, 30),
        plan_text={"introduction": "Our vision.", "priorities": "- Fewer first-time entrants"},
    )


def sign(plan, step, day, manager, name="Chair"):
    return report_services.plan_sign_off(report=plan, step=step, date=day, name=name, role="", user=manager)


def test_each_step_is_recorded_in_order_with_its_own_snapshot_version(plan, manager):
    agreed = sign(plan, SignOffStep.AGREED, D(2019, 6, 20), manager, "Keith Fraser, independent chair")
    submitted = sign(plan, SignOffStep.SUBMITTED, D(2019, 6, 28), manager, "Strategic YOS Manager")
    endorsed = sign(plan, SignOffStep.ENDORSED, D(2019, 7, 10), manager, "Full Council")

    assert [s.snapshot.version for s in (agreed, submitted, endorsed)] == [1, 2, 3]
    assert {s.snapshot.status for s in (agreed, submitted, endorsed)} == {RenderStatus.QUEUED}
    assert plan.sign_off_stage() == "Endorsed by the council"
    with pytest.raises(ValidationError, match="every step is recorded"):
        sign(plan, SignOffStep.ENDORSED, D(2019, 7, 11), manager)


def test_a_step_out_of_order_or_before_the_last_or_in_the_future_is_refused(plan, manager):
    with pytest.raises(ValidationError, match="The next step is “Agreed by the management board”"):
        sign(plan, SignOffStep.SUBMITTED, D(2019, 6, 28), manager)
    sign(plan, SignOffStep.AGREED, D(2019, 6, 20), manager)
    with pytest.raises(ValidationError, match=r"cannot come before the last one \(Agreed by the management board"):
        sign(plan, SignOffStep.SUBMITTED, D(2019, 6, 1), manager)
    with pytest.raises(ValidationError, match="cannot be dated in the future"):
        sign(plan, SignOffStep.SUBMITTED, D(2999, 1, 1), manager)
    assert PlanSignOff.objects.filter(report=plan).count() == 1
    assert plan.renders.count() == 1  # only the agreed step's snapshot


def test_the_sign_off_page_says_what_is_wrong_and_keeps_the_plan_as_it_was(client, plan, manager, board_member):
    url = reverse("governance:plan_sign_off", kwargs={"org": plan.organisation.slug, "pk": plan.pk})
    client.force_login(board_member)
    assert client.post(url, {"step": "agreed", "date": "2019-06-20", "name": "Chair"}).status_code == 403
    client.force_login(manager)
    refused = client.post(url, {"step": "agreed", "date": "2999-01-01", "name": "Chair"})
    assert "A sign-off step cannot be dated in the future." in refused.content.decode()
    assert not plan.sign_offs.exists()
    done = client.post(url, {"step": "agreed", "date": "2019-06-20", "name": "Chair", "role": "Independent chair"})
    assert done["Location"] == plan.get_absolute_url()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Agreed by the management board</strong>: 20 June 2019, Chair (Independent chair)" in page
    assert "Record the next step: Submitted to the Youth Justice Board" in page


def test_a_new_plan_is_prefilled_from_the_previous_years(plan, organisation):
    initial = report_services.plan_prefill(organisation=organisation, year=2020)
    assert initial["text_introduction"] == "Our vision."
    assert (initial["plan_year"], initial["meeting_date"], initial["title"]) == (
        2020,
        D(2020, 6, 30),
        "Youth Justice Plan 2020/21",
    )
    assert "text_introduction" not in report_services.plan_prefill(organisation=organisation, year=2019)


def _form_data(**fields):
    data = {"plan_year": 2020, "meeting_date": "2020-06-30", "title": "Plan 2020/21", "contact_officer": ""}
    data.update({f"text_{code}": "" for code, _, _ in YJ_PLAN_HEADINGS})
    return {**data, **fields}


def test_the_plan_form_saves_each_headings_narrative_and_the_year_it_looks_back_on(plan, organisation):
    form = YouthJusticePlanForm(
        _form_data(text_child_first="Child First, always."), instance=CommitteeReport(organisation=organisation)
    )
    assert form.is_valid(), form.errors
    saved = form.save()
    assert saved.plan_text["child_first"] == "Child First, always."
    assert (saved.kind, saved.period_start, saved.period_end) == (ReportKind.YJ_PLAN, D(2019, 4, 1), D(2020, 6, 30))
    assert saved.includes("appendix_a") and saved.includes("appendix_d")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"plan_year": 2019, "meeting_date": "2019-06-30"}, "plan_year", "already has a plan for that year"),
        ({"meeting_date": "2024-06-30"}, "meeting_date", "A plan for 2020/21 is dated in or near that year."),
        ({"plan_year": ""}, "plan_year", "This field is required."),
    ],
)
def test_the_plan_form_says_what_is_wrong(plan, organisation, fields, field, message):
    form = YouthJusticePlanForm(_form_data(**fields), instance=CommitteeReport(organisation=organisation))
    assert not form.is_valid()
    assert any(message in error for error in form.errors[field])


@pytest.mark.parametrize("year", ["0000", "9999", "twenty", "9" * 5000, "2020"])
def test_the_new_plan_page_takes_a_year_it_can_use_or_the_one_being_written(client, organisation, manager, year):
    client.force_login(manager)
    response = client.get(reverse("governance:plan_create", kwargs={"org": organisation.slug}), {"year": year})
    assert response.status_code == 200
    being_written = timezone.localdate().year + (timezone.localdate().month > 6)  # its 30 June deadline
    assert response.context["form"].initial["plan_year"] == (2020 if year == "2020" else being_written)
