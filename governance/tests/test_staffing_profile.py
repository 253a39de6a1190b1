"""The staffing profile: posts entered in pages by the service's managers only, kept in history,
and printed in the youth justice plan as they stood on the plan's date, as recorded when a
version was rendered; the structure chart drawn from the board and the teams."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import reporting
from governance.choices import Agency
from governance.models import CommitteeReport, StaffPost
from governance.models.reports import ReportKind
from governance.models.staffing import Contract, Ethnicity, RoleType, Sex
from governance.staffing import staffing_as_of
from governance.staffing_forms import StaffPostForm
from governance.tests.factories import BoardFactory, BoardMemberFactory
from governance.tests.test_reports import pdf_text

pytestmark = pytest.mark.django_db
PLAN_DATE = datetime.date(2019, 6, 30)


@pytest.fixture
def plan(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        kind=ReportKind.YJ_PLAN,
        committee="Youth Justice Board",
        plan_year=2019,
        title="Youth Justice Plan 2019/20",
        meeting_date=PLAN_DATE,
        period_start=datetime.date(2018, 4, 1),
        period_end=PLAN_DATE,
        sections=[],
    )


def post(organisation, **fields):
    values = {
        "team": "Intake team",
        "title": "Senior Practitioner",
        "role_type": RoleType.PRACTITIONER,
        "fte": Decimal("1"),
        "sex": Sex.FEMALE,
        "ethnicity": Ethnicity.WHITE,
    }
    return StaffPost.objects.create(organisation=organisation, **(values | fields))


def staffing_appendix(pdf: bytes) -> str:
    _, text = pdf_text(pdf)
    return text[text.rindex("Appendix 3: Staffing profile") :]


def test_the_profile_counts_posts_fte_and_holders_by_sex_and_ethnicity(organisation):
    post(organisation)
    post(organisation, fte=Decimal("0.5"), sex=Sex.MALE, ethnicity=Ethnicity.BLACK)
    post(organisation, title="YOS Officer", contract=Contract.VACANT, sex="", ethnicity="")
    profile = staffing_as_of(organisation, PLAN_DATE)

    practitioners, total = profile.by_role
    assert (practitioners.label, practitioners.posts, practitioners.vacant, practitioners.fte) == (
        "Practitioner",
        3,
        1,
        Decimal("2.5"),
    )
    assert total.sex_cells == [("Female", 1), ("Male", 1), ("Not known", 0)]
    by_ethnicity = {row.label: row.posts for row in profile.by_ethnicity}
    assert by_ethnicity == {
        "Asian or Asian British": 0,
        "Black or Black British": 1,
        "Mixed": 0,
        "White": 1,
        "Any other ethnic group": 0,
        "Not known": 0,
        "Total": 2,
    }


def test_a_post_ended_before_the_plans_date_or_started_after_it_is_not_in_its_profile(organisation):
    post(organisation, title="In post")
    post(organisation, title="Left in 2018", end_date=datetime.date(2018, 12, 31))
    post(organisation, title="Started in 2020", start_date=datetime.date(2020, 1, 6))
    assert [p.title for p in staffing_as_of(organisation, PLAN_DATE).posts] == ["In post"]


def test_a_later_change_to_staffing_does_not_change_a_version_rendered_before_it(organisation, plan):
    probation = post(organisation, title="Probation Officer", contract=Contract.SECONDED, agency=Agency.PROBATION)
    rendered_at = timezone.now()
    before = staffing_appendix(reporting.render_pdf(plan, recorded=rendered_at)[0])

    probation.fte = Decimal("0.5")
    probation.save()
    post(organisation, title="CAMHS Clinician", contract=Contract.SECONDED, agency=Agency.HEALTH)

    again = staffing_appendix(reporting.render_pdf(plan, recorded=rendered_at)[0])
    now = staffing_appendix(reporting.render_pdf(plan)[0])
    assert "Probation Officer Practitioner Seconded (Probation) 1.00" in before
    assert again == before
    assert "Probation Officer Practitioner Seconded (Probation) 0.50" in now
    assert "CAMHS Clinician" in now and "CAMHS Clinician" not in before


def test_the_structure_chart_names_the_boards_members_and_the_teams(organisation, plan):
    board = BoardFactory(organisation=organisation, name="Youth Justice Management Board")
    BoardMemberFactory(board=board, name="Borough Commander", agency=Agency.POLICE)
    BoardMemberFactory(board=board, name="Keith Fraser", agency=Agency.INDEPENDENT_CHAIR, role="Independent chair")
    BoardMemberFactory(board=board, name="Gone by then", end_date=datetime.date(2019, 1, 1))
    post(organisation, team="Intervention team 2", title="Operational Manager", role_type=RoleType.OPERATIONAL_MANAGER)

    _, text = pdf_text(reporting.render_pdf(plan)[0])
    chart = text[text.rindex("Appendix 1: Service structure chart") : text.rindex("Appendix 2: Budget costs")]
    assert "Chair: Keith Fraser, Independent chair" in chart
    assert "Borough Commander" in chart
    assert "Gone by then" not in chart
    assert "Intervention team 2 Operational Manager (1 FTE)" in chart


def test_a_vacant_post_has_no_holder_and_a_filled_post_needs_one():
    data = {"title": "YOS Officer", "role_type": RoleType.PRACTITIONER, "agency": Agency.LOCAL_AUTHORITY, "fte": "1"}
    vacant = StaffPostForm({**data, "contract": Contract.VACANT, "sex": Sex.MALE, "ethnicity": ""})
    filled = StaffPostForm({**data, "contract": Contract.PERMANENT, "sex": "", "ethnicity": ""})
    too_many_hours = StaffPostForm({**data, "fte": "1.5", "contract": Contract.VACANT})
    assert "leave sex and ethnicity blank" in str(vacant.errors)
    assert set(filled.errors) == {"sex", "ethnicity"}
    assert "fte" in too_many_hours.errors


FORM = {
    "team": "Intake team",
    "title": "Youth Support Officer",
    "role_type": RoleType.PRACTITIONER,
    "contract": Contract.PERMANENT,
    "agency": Agency.LOCAL_AUTHORITY,
    "fte": "0.8",
    "sex": Sex.FEMALE,
    "ethnicity": Ethnicity.MIXED,
}


def test_a_manager_adds_and_edits_a_post_and_each_change_is_kept_in_history(client, manager, organisation):
    client.force_login(manager)
    response = client.post(reverse("governance:staff_post_create", kwargs={"org": "lewisham"}), FORM)
    assert response.status_code == 302
    saved = StaffPost.objects.get(organisation=organisation)
    edit = reverse("governance:staff_post_edit", kwargs={"org": "lewisham", "pk": saved.pk})
    client.post(edit, {**FORM, "fte": "1"})
    assert [h.fte for h in saved.history.order_by("history_date")] == [Decimal("0.8"), Decimal("1")]
    page = client.get(reverse("governance:staffing", kwargs={"org": "lewisham"}))
    assert "Youth Support Officer" in page.content.decode()


def test_a_board_member_reads_the_profile_but_cannot_write_a_post(client, board_member, organisation):
    client.force_login(board_member)
    assert client.get(reverse("governance:staffing", kwargs={"org": "lewisham"})).status_code == 200
    response = client.post(reverse("governance:staff_post_create", kwargs={"org": "lewisham"}), FORM)
    assert response.status_code == 403
    assert not StaffPost.objects.exists()


def test_a_manager_of_another_service_cannot_open_or_edit_its_posts(client, outsider, organisation):
    kept = post(organisation)
    client.force_login(outsider)
    assert client.get(reverse("governance:staffing", kwargs={"org": "lewisham"})).status_code in (403, 404)
    edit = reverse("governance:staff_post_edit", kwargs={"org": "bromley", "pk": kept.pk})
    assert client.post(edit, FORM).status_code == 404
    kept.refresh_from_db()
    assert kept.title == "Senior Practitioner"


def test_the_staffing_page_says_its_categories_are_not_yet_checked_against_the_yjbs_template(
    client, board_member, organisation
):
    client.force_login(board_member)
    page = client.get(reverse("governance:staffing", kwargs={"org": "lewisham"})).content.decode()
    assert "Unverified" in page
    assert "not yet been checked word for word against the YJB&#x27;s plan template" in page
