"""The youth justice plan: Lewisham's 2019/20 plan rendered from the demo under every YJB
heading, each section's records as they stood on the plan's date, the pages read as a councillor
would, a section without records saying so, and the sign-off from draft to endorsement."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from weasyprint import HTML

from governance import reporting
from governance.models import Board, BoardMember, CommitteeReport, PartnerContribution, Risk
from governance.models.reports import ReportKind
from governance.narratives import narrative_warnings
from governance.plan_context import board_in_post, budget_years, plan_headings
from governance.tests.test_report_layout import _pages_of_rows
from governance.tests.test_reports import pdf_text
from improvement.models import ImprovementPlan
from improvement.selectors import plan_actions

pytestmark = pytest.mark.django_db
PLAN_DATE = datetime.date(2019, 6, 30)


def squashed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def lewisham_2019(django_db_setup, django_db_blocker):
    """Lewisham's demo plan, rendered once for the module, in a transaction rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        plan = CommitteeReport.objects.get(organisation__slug="lewisham", kind=ReportKind.YJ_PLAN, plan_year=2019)
        organisation = plan.organisation
        pdf, _ = reporting.render_pdf(plan)
        document = HTML(string=reporting.render_html(plan)).render()
        in_force = ImprovementPlan.objects.for_org(organisation).in_force(PLAN_DATE)
        expected = {
            "members": [m.name for _, members in board_in_post(organisation, PLAN_DATE)[1] for m in members],
            "budget": sum(
                (r.total for r in PartnerContribution.objects.for_org(organisation).filter(year="2019/20")), Decimal(0)
            ),
            "risks": list(Risk.objects.for_org(organisation).order_by("number").values_list("title", flat=True)[:3]),
            "actions": plan_actions(in_force, PLAN_DATE).count(),
        }
        warnings = narrative_warnings(plan)
        transaction.set_rollback(True)
    _, text = pdf_text(pdf)
    return {"text": text, "expected": expected, "rows": _pages_of_rows(document), "warnings": warnings}


def test_figures_from_2017_are_marked_latest_available_two_years_on(lewisham_2019):
    """The plan of June 2019 prints the performance dashboard's figures of April to June 2017 (the
    latest the demo holds) as the latest available, not as June 2019's."""
    text = lewisham_2019["text"]
    assert "Jun 2017 latest available" in text
    assert text.count("latest available") >= 10


def test_the_narrative_that_the_records_contradict_is_flagged_before_rendering(lewisham_2019):
    flagged = {w.section: w for w in lewisham_2019["warnings"]}
    previous = flagged["Progress on previous plan"]
    assert "all 32 actions rated GREEN" in previous.sentence
    assert f"has {lewisham_2019['expected']['actions']} actions" in previous.records
    assert "signed off by all key partners" in flagged["Sign off, submission and approval"].sentence


def test_the_plan_holds_every_yjb_heading_in_order(lewisham_2019):
    text = lewisham_2019["text"]
    labels = [h.label for h in plan_headings(CommitteeReport(kind=ReportKind.YJ_PLAN))]
    # The last occurrence of each is the section's own heading, past the contents list.
    positions = [text.rindex(label) for label in labels]
    assert positions == sorted(positions)
    assert positions[0] > text.index("Contents")
    assert labels[1] == "2. Local context" and "6. Board development" in labels
    assert labels[10:20] == [
        "10.1. Children from groups which are over-represented",
        "10.2. Prevention",
        "10.3. Diversion",
        "10.4. Education",
        "10.5. Restorative approaches and victims",
        "10.6. Serious violence and exploitation",
        "10.7. Detention in police custody",
        "10.8. Remands",
        "10.9. Use of custody and constructive resettlement",
        "10.10. Working with families",
    ]
    assert labels[-3:] == [
        "Appendix 1: Service structure chart",
        "Appendix 2: Budget costs",
        "Appendix 3: Staffing profile",
    ]


def test_the_staffing_appendix_prints_the_seeds_posts_and_says_what_is_illustrative(lewisham_2019):
    appendix = lewisham_2019["text"][lewisham_2019["text"].rindex("Appendix 3: Staffing profile") :]
    assert appendix.count("YOS Police Officer Practitioner Seconded (Police) 1.00") == 2  # seed 004: two officers
    assert "Probation Officer Practitioner Seconded (Probation) 0.50" in appendix  # 1 to 1.5 officers
    assert "Seconded: Probation 2 1.50" in appendix
    assert "every holder's sex and ethnicity are illustrative" in appendix


def test_the_plan_names_the_boards_members_in_post_on_its_date(lewisham_2019):
    members = lewisham_2019["expected"]["members"]
    assert len(members) >= 8
    text = squashed(lewisham_2019["text"])
    assert [name for name in members if squashed(name) not in text] == []


def test_the_budget_total_is_computed_from_the_rows(lewisham_2019):
    total = lewisham_2019["expected"]["budget"]
    assert total == Decimal("1793949")  # seed 004's pooled budget table, 2019/20
    assert f"Total 1,604,319 80,000 109,630 {total:,.0f}" in lewisham_2019["text"]
    assert "staffing accounts for 89.4% of the pooled budget in 2019/20" in lewisham_2019["text"]


def test_the_plan_shows_the_registers_risks_and_the_plans_action_counts(lewisham_2019):
    text = squashed(lewisham_2019["text"])
    assert [title for title in lewisham_2019["expected"]["risks"] if squashed(title) not in text] == []
    assert f"{lewisham_2019['expected']['actions']}actions" in text


def test_the_logic_models_are_drawn_with_a_red_outcome_showing_red(lewisham_2019):
    text = lewisham_2019["text"]
    assert "Logic model: Intake team" in text
    assert "Red Every child is screened for" in text


def test_no_table_row_of_the_plan_is_split_across_pages(lewisham_2019):
    split = {row: pages for row, pages in lewisham_2019["rows"].items() if len(pages) > 1}
    assert split == {}


# --- Sections without records, and the browser's logic model --------------------------------------


def _plan(organisation, year=2019, **fields):
    return CommitteeReport.objects.create(
        organisation=organisation,
        kind=ReportKind.YJ_PLAN,
        committee="Youth Justice Board",
        plan_year=year,
        title=f"Youth Justice Plan {year}",
        meeting_date=datetime.date(year, 6, 30),
        period_start=datetime.date(year - 1, 4, 1),
        period_end=datetime.date(year, 6, 30),
        sections=["appendix_a", "appendix_b", "appendix_c", "appendix_d"],
        **fields,
    )


def test_a_plan_for_a_year_with_no_budget_rows_says_so_in_that_section(organisation):
    PartnerContribution.objects.create(organisation=organisation, year="2016/17", agency="Police", staffing=5)
    html = reporting.render_html(_plan(organisation))
    budget = html[html.index("Appendix 2: Budget costs</h2>") : html.index("Appendix 3: Staffing profile</h2>")]
    assert "No pooled budget is recorded for 2019/20 or the year before" in budget
    assert "No management board is recorded for this service." in html
    assert "No logic models are recorded for this service." in html


def test_the_budget_is_read_as_it_stood_on_the_plans_date(organisation):
    row = PartnerContribution.objects.create(organisation=organisation, year="2019/20", agency="Police", staffing=100)
    row.history.update(history_date=datetime.datetime(2019, 5, 1, tzinfo=datetime.UTC))
    row.staffing = 999
    row.save()  # a correction entered today, after the plan's date
    (year,) = budget_years(organisation, 2019, PLAN_DATE)
    assert year.totals["staffing"] == 100
    assert year.year == "2019/20"


def test_only_members_in_post_on_the_day_are_listed(organisation):
    board = Board.objects.create(organisation=organisation, name="Management board")
    kept = BoardMember.objects.create(board=board, name="Chair", agency="independent_chair")
    BoardMember.objects.create(board=board, name="Left", agency="police", end_date=datetime.date(2019, 1, 1))
    BoardMember.objects.create(board=board, name="Later", agency="police", start_date=datetime.date(2019, 9, 1))
    _, by_agency = board_in_post(organisation, PLAN_DATE)
    assert by_agency == [("Independent chair", [kept])]


def test_the_plans_page_for_a_manager_links_to_its_own_form(client, organisation, manager):
    plan = _plan(organisation)
    client.force_login(manager)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("governance:plan_edit", kwargs={"org": organisation.slug, "pk": plan.pk}) in page
    assert "Draft: not yet agreed by the management board." in page
    old_form = reverse("governance:report_edit", kwargs={"org": organisation.slug, "pk": plan.pk})
    assert client.get(old_form)["Location"] == reverse(
        "governance:plan_edit", kwargs={"org": organisation.slug, "pk": plan.pk}
    )


def test_narrative_kept_under_a_heading_the_structure_no_longer_has_is_still_printed(organisation):
    text = {"local_context": "Lewisham.", "retired": "Kept words."}
    html = reporting.render_html(_plan(organisation, plan_text=text))
    assert "Lewisham." in html[html.index("2. Local context</h2>") : html.index("3. Child First</h2>")]
    assert "Kept words." in html[html.index("Text written under earlier headings") :]


def test_the_plans_form_tells_its_writers_the_headings_wording_is_unverified(client, organisation, manager):
    client.force_login(manager)
    page = client.get(reverse("governance:plan_create", kwargs={"org": organisation.slug})).content.decode()
    assert "Unverified" in page
    assert "exact wording has not yet been checked against its “Youth Justice Plan Structure” section" in page
