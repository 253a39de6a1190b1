"""A council's own tracker, as people have typed into it for a year: a title above the headers,
headers in their own words, case and spacing, recommendations as plain titles, statuses as
G, green, a, White and one the scale does not know, formulas with and without the value Excel
last worked out, blank rows, dates four ways, and two rows that are wrong. The preview says
what it will do and what is wrong, naming the row and the action; nothing is written until
every row is right and every question answered; then the rest imports with the right statuses."""

import datetime
import io
import re
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement import spreadsheet
from improvement.models import Action, ProgressUpdate, RagStatus, RagStatusAlias, Recommendation
from improvement.tests.factories import PlanFactory, RecommendationFactory
from yos_tracker.imports import Choices
from yos_tracker.models import ImportMapping

pytestmark = pytest.mark.django_db

HEADERS = [" Ref ", "RECOMMENDATION", "action", "Action Owner ", "Target date", "  RAG status", "Progress update"]
HEADERS += ["Date of update", "Notes for chair"]
BOARD = "Board focuses on outcomes"


def tracker(*, fixed: bool = False) -> SimpleUploadedFile:
    """The messy tracker; `fixed` corrects its two wrong rows and types in the value of the formula
    Excel never worked out."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Lewisham YOS: HMIP improvement tracker (as at October 2016)"
    for column, header in enumerate(HEADERS, start=1):
        sheet.cell(3, column, header)
    rows = {
        4: ["4(a)", BOARD, "Agree outcome measures", "Head of Service", "01/10/2015", "G", "Agreed", "01/10/2015"],
        5: ["4(b)", BOARD, "Quarterly performance report", "Head of Service", "31-Mar-16", "green", "Two so far"],
        7: ["4(c)", " board focuses on OUTCOMES ", "Partners attend", "Chair", "2016-03-31", "a", "Better"],
        8: ["4(g)", BOARD, "Audit case files", "QA lead", "31/03/2016" if fixed else "31/02/2016", "White"],
        9: ["5(a)", "3 — Case managers should plan for safety", "Safety training", "Trainer"],
        10: ["5(b)", "Case managers should plan for safety", "Safety plans audited", "QA lead"],
        11: ["5(c)", "3", "Amber" if fixed else '=A10&" follow-up"', "QA lead"],
        12: ["5(d)", BOARD, "Board away day" if fixed else "", "Chair", "", ""],
    }
    rows[5] += ["31/03/2016"]
    rows[7] += [datetime.datetime(2016, 2, 1)]  # noqa: DTZ001 - a date cell, as Excel keeps it
    rows[9] += [datetime.datetime(2016, 3, 31), "Blue", "Booked", "01/03/2016", "Chair to see"]  # noqa: DTZ001
    rows[10] += [None, '=IF(1,"Green","Red")', "Done"]
    rows[11] += [None, "Amber"]
    if fixed:
        rows[11][2] = "Follow-up audit"
    for number, values in rows.items():  # row 6 is left blank
        for column, value in enumerate(values, start=1):
            sheet.cell(number, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("tracker.xlsx", _with_cached_value(buffer.getvalue(), "F10", "Green"))


def _with_cached_value(workbook: bytes, cell: str, value: str) -> bytes:
    """The workbook as Excel saves it: the formula in `cell` with the value it last worked out
    (openpyxl writes formulas without one, as a program that never calculated would)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text, found = re.subn(
                    rf'<c r="{cell}"><f>(.*?)</f><v\s*/>',
                    rf'<c r="{cell}" t="str"><f>\1</f><v>{value}</v>',
                    data.decode(),
                )
                assert found == 1
                data = text.encode()
            target.writestr(item, data)
    return out.getvalue()


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation, "bromley")
    plan = PlanFactory(organisation=organisation)
    RecommendationFactory(plan=plan, reference="3", text="Case managers should plan for safety.", order=1)
    return plan


def preview(plan, upload, **choices):
    return spreadsheet.PLAN_IMPORTER.preview(
        organisation=plan.organisation, upload=upload, choices=Choices(**choices), plan=plan
    )


def apply(plan, upload, user, **choices):
    return spreadsheet.PLAN_IMPORTER.apply(
        organisation=plan.organisation, upload=upload, user=user, choices=Choices(**choices), plan=plan
    )


def test_the_preview_explains_the_file_and_names_each_wrong_row_by_row_and_action(plan):
    result = preview(plan, tracker())

    # Headers found under the title, in the council's words; one it does not know is left out.
    assert result.missing == [] and result.unknown_headers == ["Notes for chair"]
    assert result.recognised["rag status"] == "status" and result.recognised["action owner"] == "owner"
    assert [str(e) for e in result.errors] == [
        "row 8, 4(g): due date “31/02/2016” is not a date; write it as 31/03/2017",
        "row 9, 5(a): status “Blue” is not on this service's scale: say what it means above",
        'row 11, 5(c): cell C11 holds the formula =A10&" follow-up" and no value Excel worked out for it: '
        "type the value in instead",
        "row 12, 5(d): describe the action",
    ]
    assert [(q.label, q.rows) for q in result.labels] == [("Blue", (9,))]
    # The cached value is offered, never used unasked.
    assert [(f.cell, f.formula, f.cached) for f in result.formulas] == [("F10", '=IF(1,"Green","Red")', "Green")]
    assert result.needs_formula_consent and not result.is_valid
    # The plain title becomes one new recommendation, numbered after the plan's own; the three
    # ways of naming recommendation 3 all find it.
    assert result.notes == ["Will create recommendation 4: “Board focuses on outcomes”."]
    answered = preview(plan, tracker(fixed=True), labels={"blue": "G"}, accept_formulas=True)
    planned = {row.label: row for row in answered.rows}
    assert {planned[ref].payload.recommendation.reference for ref in ("5(a)", "5(b)", "5(c)")} == {"3"}
    assert planned["4(c)"].payload.new_recommendation == ("4", BOARD)


def test_nothing_is_written_until_every_row_is_right_and_every_question_answered(plan, manager):
    counts = (Action.objects.count(), Recommendation.objects.count(), ProgressUpdate.objects.count())
    refused = apply(plan, tracker(), manager)
    assert not refused.is_valid
    # Answering the questions is not enough while rows are wrong.
    refused = apply(plan, tracker(), manager, labels={"blue": "G"}, accept_formulas=True)
    assert [e.where for e in refused.errors] == ["row 8, 4(g)", "row 11, 5(c)", "row 12, 5(d)"]
    assert (Action.objects.count(), Recommendation.objects.count(), ProgressUpdate.objects.count()) == counts
    assert not RagStatusAlias.objects.exists() and not ImportMapping.objects.exists()


def test_once_fixed_and_answered_the_rest_imports_with_the_right_statuses_and_dates(plan, manager):
    unanswered = preview(plan, tracker(fixed=True))
    assert [e.where for e in unanswered.errors] == ["row 9, 5(a)"] and unanswered.needs_formula_consent

    result = apply(plan, tracker(fixed=True), manager, labels={"blue": "G"}, accept_formulas=True)
    assert result.is_valid, result.errors
    assert result.counts == {"create": 8, "change": 0, "unchanged": 0}
    statuses = {
        u.action.reference: u.status.code for u in ProgressUpdate.objects.filter(action__recommendation__plan=plan)
    }
    assert statuses == {
        "4(a)": "G",  # G
        "4(b)": "G",  # green
        "4(c)": "A",  # a
        "4(g)": "W",  # White
        "5(a)": "G",  # Blue, as the person said
        "5(b)": "G",  # the formula's cached "Green", accepted
        "5(c)": "A",
    }
    due = dict(Action.objects.filter(recommendation__plan=plan).values_list("reference", "due_date"))
    assert due["4(a)"] == datetime.date(2015, 10, 1)  # 01/10/2015
    assert due["4(b)"] == datetime.date(2016, 3, 31)  # 31-Mar-16
    assert due["4(c)"] == datetime.date(2016, 3, 31)  # 2016-03-31
    assert due["5(a)"] == datetime.date(2016, 3, 31)  # a date cell
    update = ProgressUpdate.objects.get(action__reference="4(c)")
    assert (update.date, update.narrative) == (datetime.date(2016, 2, 1), "Better")

    board = Recommendation.objects.get(plan=plan, reference="4")
    assert board.text == BOARD and board.actions.count() == 5
    assert Recommendation.objects.get(plan=plan, reference="3").actions.count() == 3
    # "Blue" is now this service's own name for Green: the next file is not asked about it.
    assert RagStatusAlias.objects.get(organisation=plan.organisation).status.code == "G"
    again = preview(plan, tracker(fixed=True), accept_formulas=True)
    assert again.is_valid and not again.labels
    assert {row.kind for row in again.rows} == {"unchanged"}


def test_a_label_left_unmatched_stays_an_error_for_its_rows_only(plan, manager):
    result = preview(plan, tracker(fixed=True), labels={"blue": ""}, accept_formulas=True)
    assert [str(e) for e in result.errors] == ["row 9, 5(a): “Blue” was left unmatched, so this row cannot be imported"]
    assert not result.labels  # answered (with "nothing"), so not asked again
    assert len(result.rows) == 7


def test_a_column_no_name_matches_is_mapped_by_the_person_and_remembered_for_the_service(plan, manager):
    book = openpyxl.Workbook()
    book.active.append(["Ref", "Recommendation", "What we will do", "Who"])  # "Who" is a known alias
    book.active.append(["1.1", BOARD, "Agree outcome measures", "Head of Service"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = buffer.getvalue()

    asked = preview(plan, SimpleUploadedFile("t.xlsx", upload))
    assert [c.key for c in asked.missing] == ["action"] and asked.unknown_headers == ["What we will do"]
    assert not asked.rows and not asked.is_valid
    choices = {"columns": {"what we will do": "action"}}
    assert apply(plan, SimpleUploadedFile("t.xlsx", upload), manager, **choices).is_valid
    action = Action.objects.get(recommendation__plan=plan, reference="1.1")
    assert (action.description, action.owner_name) == ("Agree outcome measures", "Head of Service")

    remembered = preview(plan, SimpleUploadedFile("t.xlsx", upload))
    assert remembered.missing == [] and remembered.unknown_headers == []
    elsewhere = spreadsheet.PLAN_IMPORTER.preview(  # remembered for this service only
        organisation=PlanFactory().organisation, upload=SimpleUploadedFile("t.xlsx", upload), plan=PlanFactory()
    )
    assert [c.key for c in elsewhere.missing] == ["action"]


def test_the_import_page_asks_the_files_questions_then_imports_on_confirmation(client, plan, manager):
    client.force_login(manager)
    url = reverse("improvement:plan_import", kwargs={"org": plan.organisation.slug, "pk": plan.pk})
    page = client.post(url, {"file": tracker(fixed=True)})
    html = page.content.decode()
    token = page.context["token"]
    assert "Statuses the scale does not know" in html and "“Blue” (row 9) means" in html
    assert "=IF(1,&quot;Green&quot;,&quot;Red&quot;)" in html and "Import these last values" in html
    assert "Will create recommendation 4: “Board focuses on outcomes”." in html
    assert "Confirm import" not in html

    answered = client.post(url, {"token": token, "label:Blue": "G", "accept_formulas": "on"})
    assert answered.context["result"].is_valid
    assert "Confirm import" in answered.content.decode()
    assert not Action.objects.filter(recommendation__plan=plan).exists()

    done = client.post(url, {"token": token, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == plan.get_absolute_url()
    assert Action.objects.filter(recommendation__plan=plan).count() == 8
    assert ProgressUpdate.objects.get(action__reference="5(a)").status.code == "G"


def test_a_recommendation_found_by_its_reference_alone_is_named_with_the_plans_wording(plan):
    book = openpyxl.Workbook()
    book.active.append(["Ref", "Recommendation", "Action"])
    book.active.append(["5(e)", "3 - Safety plans for every child", "Safety plans checked"])
    buffer = io.BytesIO()
    book.save(buffer)

    result = preview(plan, SimpleUploadedFile("t.xlsx", buffer.getvalue()))

    assert result.is_valid and result.rows[0].payload.recommendation.reference == "3"
    assert result.rows[0].detail == "under recommendation 3"
    assert result.notes == [
        "Row 2: recommendation 3 is “Case managers should plan for safety.” in the plan; the file calls it "
        "“Safety plans for every child”. The plan's wording is kept."
    ]
