"""Plan import and export: tolerant parsing, row-level errors, all-or-nothing, round trip."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from improvement import spreadsheet
from improvement.models import Action, ProgressUpdate, RagStatus, Recommendation
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.choices import Role
from yos_tracker.imports import Choices
from yos_tracker.spreadsheets import SpreadsheetError, escape_cell, parse_date

pytestmark = pytest.mark.django_db
HEADERS = spreadsheet.HEADERS


def xlsx(rows, headers=HEADERS, name="plan.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv(text, name="plan.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"))


def preview_of(plan, upload, **choices):
    return spreadsheet.PLAN_IMPORTER.preview(
        organisation=plan.organisation, upload=upload, choices=Choices(**choices), plan=plan
    )


def apply_of(plan, upload, user, **choices):
    return spreadsheet.PLAN_IMPORTER.apply(
        organisation=plan.organisation, upload=upload, user=user, choices=Choices(**choices), plan=plan
    )


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation)


@pytest.fixture
def rec(plan):
    return RecommendationFactory(plan=plan, reference="4", text="The board should oversee performance.")


def row(
    reference="4(g)",
    recommendation="4 — The board should oversee performance.",
    action="Quarterly report",
    owner="Head of Service",
    lead="",
    start="01/04/2015",
    due="31/03/2016",
    status="",
    update="",
    update_date="",
):
    return [reference, recommendation, action, owner, lead, start, due, status, update, update_date]


class TestParseDate:
    @pytest.mark.parametrize(
        "value",
        [
            "31/03/2017",
            "31-Mar-17",
            "2017-03-31",
            " 31/03/2017 ",
            "31-Mar-2017",
            "31 March 2017",
            "31/03/17",
            datetime.datetime(2017, 3, 31, 0, 0),  # noqa: DTZ001 - Excel cells are naive
            datetime.date(2017, 3, 31),
            42825,
        ],
    )
    def test_the_forms_people_type(self, value):
        assert parse_date(value) == datetime.date(2017, 3, 31)

    def test_blank_is_no_date(self):
        assert parse_date("") is None and parse_date(None) is None

    @pytest.mark.parametrize("value", ["next Tuesday", "31/13/2017", "2017-02-30"])
    def test_nonsense_is_an_error_that_says_how_to_write_it(self, value):
        with pytest.raises(ValueError, match="write it as 31/03/2017"):
            parse_date(value)


class TestPreview:
    def test_statuses_as_code_word_any_case_or_meaning(self, plan, rec):
        rows = [
            row(reference=f"4({c})", status=s, update="Going well", update_date="01/11/2015")
            for c, s in zip("abcdef", ["G", "green", "Green ", "AMBER", "slipped", "W"], strict=True)
        ]
        preview = preview_of(plan, xlsx(rows))
        assert preview.is_valid, preview.errors
        assert [r.payload.update[1].code for r in preview.rows] == ["G", "G", "G", "A", "R", "W"]

    def test_header_case_blank_rows_and_trailing_spaces_are_forgiven(self, plan, rec):
        headers = [h.upper() + "  " for h in HEADERS]
        preview = preview_of(plan, xlsx([row(reference=" 4(g) "), [None] * 10, row(reference="4(h)")], headers=headers))
        assert preview.is_valid
        assert [r.label for r in preview.rows] == ["4(g)", "4(h)"]

    def test_csv_is_read_too(self, plan, rec):
        text = (
            ",".join(HEADERS)
            + "\n"
            + "4(g),4 — The board should oversee performance.,Quarterly report,,,31-Mar-17,,G,Done,2017-03-31\n"
        )
        preview = preview_of(plan, csv(text))
        assert preview.is_valid, preview.errors
        assert preview.rows[0].payload.values["start_date"] == datetime.date(2017, 3, 31)

    def test_every_error_is_listed_with_row_column_and_message(self, plan, rec):
        rows = [
            row(reference=""),
            row(reference="4(b)", due="someday"),
            row(reference="4(c)", status="Blue"),
            row(reference="4(d)", recommendation=""),
            row(reference="4(e)", start="01/05/2016", due="01/04/2016"),
            row(reference="4(f)", action=""),
            row(reference="4(f)"),
        ]
        preview = preview_of(plan, xlsx(rows))
        found = {(e.row, e.column) for e in preview.errors}
        assert found == {
            (2, "Reference"),
            (3, "Due date"),
            (4, "Status"),
            (5, "Recommendation"),
            (6, "Due date"),
            (7, "Action"),
            (8, "Reference"),  # 4(f) again
        }
        assert [str(e) for e in preview.errors if e.column == "Status"] == [
            "row 4, 4(c): status “Blue” is not on this service's scale: say what it means above"
        ]
        assert [(q.label, q.rows) for q in preview.labels] == [("Blue", (4,))]

    def test_a_repeated_action_is_an_error(self, plan, rec):
        preview = preview_of(plan, xlsx([row(), row()]))
        assert [(e.row, e.column) for e in preview.errors] == [(3, "Reference")]
        assert "appears twice (also row 2)" in preview.errors[0].message

    def test_a_required_column_no_header_names_is_asked_for(self, plan):
        preview = preview_of(plan, xlsx([], headers=["Reference", "Recommendation", "What we will do"]))
        assert [c.key for c in preview.missing] == ["action"] and not preview.is_valid
        assert preview.unknown_headers == ["What we will do"]

    def test_a_file_that_is_not_a_workbook_is_refused(self, plan):
        with pytest.raises(SpreadsheetError):
            preview_of(plan, SimpleUploadedFile("plan.xlsx", b"PK\x03\x04 not really a zip"))
        with pytest.raises(Exception, match="cannot be uploaded"):
            preview_of(plan, SimpleUploadedFile("plan.exe", b"MZ"))


class TestApply:
    def test_nothing_is_written_while_any_row_is_invalid(self, plan, rec, manager):
        result = apply_of(plan, xlsx([row(reference="4(a)"), row(reference="4(b)", due="x")]), manager)
        assert not result.is_valid
        assert not Action.objects.filter(recommendation__plan=plan).exists()

    def test_it_creates_actions_recommendations_and_updates(self, plan, rec, manager):
        rows = [
            row(status="W"),
            row(
                reference="6(d)",
                recommendation="6 — Case managers should plan for safety.",
                status="A",
                update="Training booked",
                update_date="20/11/2015",
            ),
        ]
        result = apply_of(plan, xlsx(rows), manager)
        assert result.is_valid, result.errors
        new_rec = Recommendation.objects.get(plan=plan, reference="6")
        assert new_rec.text == "Case managers should plan for safety."
        update = ProgressUpdate.objects.get(action__reference="6(d)")
        assert (update.date, update.status.code, update.narrative, update.author) == (
            datetime.date(2015, 11, 20),
            "A",
            "Training booked",
            manager,
        )
        assert ProgressUpdate.objects.get(action__reference="4(g)").narrative == spreadsheet.IMPORT_NARRATIVE

    def test_it_changes_an_existing_action_and_reports_what_changed(self, plan, rec, manager):
        ActionFactory(
            recommendation=rec,
            reference="4(g)",
            description="Quarterly report",
            owner_name="Head of Service",
            start_date=datetime.date(2015, 4, 1),
            due_date=datetime.date(2016, 3, 31),
        )
        preview = preview_of(plan, xlsx([row(due="30/04/2016")]))
        assert preview.rows[0].kind == "change"
        assert preview.rows[0].changes == [("Due date", "31/03/2016", "30/04/2016")]
        apply_of(plan, xlsx([row(due="30/04/2016")]), manager)
        assert Action.objects.get(reference="4(g)").due_date == datetime.date(2016, 4, 30)


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    def test_exporting_then_importing_changes_nothing(self, plan, rec, manager, fmt):
        scale = {s.code: s for s in RagStatus.objects.for_org(plan.organisation)}
        first = ActionFactory(recommendation=rec, reference="4(g)", owner=manager, owner_name="", lead="Police lead")
        UpdateFactory(action=first, status=scale["A"], narrative="- started; =SUM(A1) is not a formula")
        # Line breaks as a browser posts them (CRLF); a worksheet gives them back as LF.
        second = ActionFactory(
            recommendation=rec, reference="4(h)", start_date=None, due_date=None, description="Plan\r\nthen report"
        )
        UpdateFactory(action=second, status=scale["R"], narrative="Not started.\r\nWaiting for the police lead.")
        before = (Action.objects.count(), ProgressUpdate.objects.count(), Action.history.count())

        exported = spreadsheet.plan_export(plan, fmt)
        preview = preview_of(plan, SimpleUploadedFile(f"plan.{fmt}", exported))
        assert preview.is_valid, preview.errors
        assert [r.kind for r in preview.rows] == ["unchanged", "unchanged"]
        apply_of(plan, SimpleUploadedFile(f"plan.{fmt}", exported), manager)
        assert (Action.objects.count(), ProgressUpdate.objects.count(), Action.history.count()) == before

    def test_owners_with_accounts_export_and_import_as_they_are(self, plan, rec, manager, make_member, organisation):
        """An owner shown by user name (no name given) or who has since left the service is still
        the account the action names, not a name typed in its place."""
        unnamed = make_member(organisation, Role.MANAGER, "jo.bloggs@lewisham.gov.uk")
        unnamed.first_name = unnamed.last_name = ""
        unnamed.save()
        departed = make_member(organisation, Role.MANAGER, "departed")
        for reference, owner in (("4(g)", unnamed), ("4(h)", departed), ("4(i)", manager)):
            ActionFactory(recommendation=rec, reference=reference, owner=owner, owner_name="")
        departed.memberships.all().delete()
        history = Action.history.count()
        exported = SimpleUploadedFile("plan.xlsx", spreadsheet.plan_export(plan, "xlsx"))
        preview = preview_of(plan, exported)
        assert [(r.kind, r.changes) for r in preview.rows] == [("unchanged", [])] * 3
        apply_of(plan, exported, manager)
        assert Action.history.count() == history
        assert {a.reference: a.owner for a in Action.objects.all()} == {
            "4(g)": unnamed,
            "4(h)": departed,
            "4(i)": manager,
        }

    def test_a_member_named_by_their_e_mail_address_owns_the_action(self, plan, rec, manager):
        preview = preview_of(plan, xlsx([row(owner=manager.email.upper())]))
        assert preview.rows[0].payload.values["owner"] == manager

    def test_a_file_without_an_owner_or_lead_column_keeps_them(self, plan, rec, manager):
        action = ActionFactory(recommendation=rec, reference="4(g)", owner=manager, owner_name="", lead="Police")
        headers = ["Reference", "Recommendation", "Action"]
        upload = xlsx([["4(g)", "4 — The board should oversee performance.", action.description]], headers=headers)
        preview = preview_of(plan, upload)
        assert [r.kind for r in preview.rows] == ["unchanged"]
        apply_of(plan, xlsx([["4(g)", "4 — The board should oversee performance.", "Reworded"]], headers), manager)
        action.refresh_from_db()
        assert (action.description, action.owner, action.lead) == ("Reworded", manager, "Police")

    def test_a_blank_owner_cell_clears_the_owner_and_the_preview_says_so(self, plan, rec, manager):
        ActionFactory(recommendation=rec, reference="4(g)", description="Quarterly report", owner=manager)
        preview = preview_of(plan, xlsx([row(owner="", start="", due="")]))
        assert ("Owner", manager.get_full_name(), "cleared") in preview.rows[0].changes

    def test_cells_that_look_like_formulas_are_escaped(self):
        assert escape_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
        assert escape_cell("@SUM") == "'@SUM"
        assert escape_cell("Plain") == "Plain"

    def test_the_blank_template_imports_as_its_example(self, plan, manager):
        preview = preview_of(plan, SimpleUploadedFile("t.xlsx", spreadsheet.plan_template()))
        assert preview.is_valid, preview.errors
        assert preview.rows[0].kind == "create"


def test_an_actions_success_measure_and_priority_can_be_imported_and_changed(plan, rec, manager):
    measured = [*row(), "Reports reach the board each quarter", "high"]
    apply_of(plan, xlsx([measured]), manager)
    action = Action.objects.get(reference="4(g)")
    assert (action.success_measure, action.priority) == ("Reports reach the board each quarter", "high")

    preview = preview_of(plan, xlsx([[*row(), "Reports reach the board each quarter", "Low"]]))
    assert preview.rows[0].changes == [("Priority", "High", "Low")]
    left_blank = preview_of(plan, xlsx([[*row(), "Reports reach the board each quarter", ""]]))
    assert left_blank.rows[0].kind == "unchanged"  # a priority always has a value: a blank cell keeps it

    wrong = preview_of(plan, xlsx([[*row(), "", "Urgent"]]))
    assert [(e.column, e.message) for e in wrong.errors] == [
        ("Priority", "“Urgent” is not a priority: High, Medium or Low")
    ]
