"""A new service starts from its old tracker: one workbook, four sheets laid out as councils keep
them, each read as what it is, previewed with every default it is given, and imported together
or not at all."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import Risk
from governance.spreadsheet import RISK_IMPORTER
from improvement.models import Action, ImprovementPlan
from improvement.spreadsheet import PLAN_IMPORTER
from onboarding.services import organisation_create
from performance.models import CaseAudit, Measurement
from performance.spreadsheet import AUDIT_IMPORTER, MEASUREMENT_IMPORTER
from yos_tracker.choices import Role
from yos_tracker.imports import Choices
from yos_tracker.models import Organisation
from yos_tracker.spreadsheets import read_header
from yos_tracker.workbooks import sheet_guess

pytestmark = pytest.mark.django_db
IMPORTERS = [PLAN_IMPORTER, MEASUREMENT_IMPORTER, RISK_IMPORTER, AUDIT_IMPORTER]

PLAN = [
    ["Greenwich YJS improvement plan 2024/25"],  # a merged title row above the headers
    ["Ref", "Recommendation", "Action", "Owner", "Start", "Target date", "RAG", "Progress update"],
    ["1.1", "1 — Improve assessment quality", "Audit every assessment", "Head of Service", "01/04/2024",
     "30/09/2024", "Green", "All assessments audited"],
    ["1.2", "1 — Improve assessment quality", "Train case managers", "Practice lead", "01/05/2024",
     "31/03/2025", "Amber", "Half trained"],
    ["2.1", "2 — Strengthen the board", "Induct new members", "Board chair", "01/06/2024", "31/12/2024", "", ""],
]  # fmt: skip
KPIS = [
    ["KPI tracker 2024/25"],
    ["Indicator", "Apr-24", "May-24", "Jun-24"],
    ["Reducing the number of Custodial Disposals", 2, 3, "n/a"],
    ["FTE_COUNT", 4, None, 6],
]
RISKS = [  # pasted from Word: no number, no date raised, no scores after mitigation
    ["Risk", "Description", "Risk owner", "Likelihood", "Impact"],
    ["Staff turnover", "Vacancies in the court team", "Head of Service", "High", "Medium"],
    ["Police data late", "Returns miss the deadline", "Performance lead", "Medium", "Medium"],
]
AUDITS = [
    ["Month", "Case reference", "Case type", "Assessment", "Intervention plan", "Risk management plan",
     "Vulnerability plan", "Overall"],
    ["Apr 2024", "GR-2024-001", "Court order", "Good", "Good", "Satisfactory", "n/a", "Good"],
    ["Apr 2024", "GR-2024-002", "Out-of-court", "Poor", "Satisfactory", "Poor", "Poor", "Not satisfactory"],
]  # fmt: skip
NOTES = [["How we keep this tracker"], ["Update it before each board meeting."]]


def workbook(sheets: dict[str, list[list]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if len(rows[0]) == 1 and len(rows) > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("greenwich-tracker.xlsx", buffer.getvalue())


FOUR_SHEETS = {"Action plan": PLAN, "KPIs": KPIS, "Risk register": RISKS, "Audits": AUDITS, "Notes": NOTES}


@pytest.fixture
def greenwich(make_member):
    organisation = organisation_create(
        organisation=Organisation(name="Greenwich Youth Justice Service", slug="greenwich", local_authority="Greenwich")
    )
    return organisation, make_member(organisation, Role.MANAGER, "greenwich-manager")


def url(name, **kwargs):
    return reverse(name, kwargs={"org": "greenwich", **kwargs})


def test_a_four_sheet_workbook_sets_a_new_service_up_with_every_default_named(client, greenwich):
    organisation, manager = greenwich
    client.force_login(manager)
    assert "Start from your old tracker" in client.get(url("onboarding:settings")).text

    preview = client.post(url("onboarding:workbook"), {"file": workbook(FOUR_SHEETS)})
    result = preview.context["result"]
    assert [(p.name, p.key, p.sure) for p in result.parts] == [
        ("Action plan", "plan", True),
        ("KPIs", "measurements", True),
        ("Risk register", "risks", True),
        ("Audits", "audits", True),
        ("Notes", "", True),
    ]
    plan, kpis, risks, audits = (part.result for part in result.read)
    assert result.is_valid and all(r.errors == [] for r in (plan, kpis, risks, audits))
    # Every default, named in the preview.
    assert result.notes == [
        "No plan chosen: the actions go into a new draft plan, “Improvement plan from greenwich-tracker.xlsx”, whose "
        "period runs from their first date to their last."
    ]
    across = "Read across: a column for each of 3 periods, 04/2024 to 06/2024"
    assert any(note.startswith(across) for note in kpis.notes)
    assert any("“n/a”" in note for note in kpis.notes)  # skipped, and said so
    today = timezone.localdate()
    assert [r.detail for r in risks.rows] == [
        f"no number given: numbered {n}, after the register's last; no date raised given: raised {today:%d/%m/%Y}, "
        "the import's date; no scores after mitigation given: the scores before it"
        for n in (1, 2)
    ]
    assert [r.detail for r in plan.rows] == [
        f"under the new recommendation 1; no update date given: dated {today:%d/%m/%Y}, the import's date",
        f"under the new recommendation 1; no update date given: dated {today:%d/%m/%Y}, the import's date",
        "under the new recommendation 2",  # no status, so no update
    ]
    assert "No source given for 4 new values: recorded as from “Spreadsheet import”." in kpis.notes
    assert [r.detail for r in audits.rows] == [
        "Good; no auditor given: audited by you",
        "Not satisfactory; no auditor given: audited by you",
    ]
    assert not ImprovementPlan.objects.for_org(organisation).exists()  # the preview writes nothing
    page = preview.text
    for heading in ("“Action plan”: an action plan", "“KPIs”: indicator values", "“Risk register”: a risk register"):
        assert heading in page

    done = client.post(url("onboarding:workbook"), {"token": preview.context["token"], "confirm": "1"}, follow=True)
    assert (
        "Imported greenwich-tracker.xlsx: “Action plan”, 3 actions added, 0 changed, 0 unchanged; “KPIs”, 4 values "
        "added, 0 changed, 0 unchanged; “Risk register”, 2 risks added"
    ) in done.text

    made = ImprovementPlan.objects.get(organisation=organisation)
    assert (made.period_start, made.period_end) == (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))
    assert "Train case managers" in client.get(url("improvement:plan_detail", pk=made.pk)).text
    assert list(Action.objects.filter(recommendation__plan=made).values_list("reference", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
    ]
    values = Measurement.objects.for_org(organisation).order_by("indicator__code", "period")
    assert [(m.indicator.code, m.period.month, m.value) for m in values] == [
        ("CUSTODY_COUNT", 4, 2),
        ("CUSTODY_COUNT", 5, 3),
        ("FTE_COUNT", 4, 4),
        ("FTE_COUNT", 6, 6),
    ]
    assert (
        "Reducing the number of Custodial Disposals"
        in client.get(url("performance:indicator_detail", code="CUSTODY_COUNT")).text
    )
    register = client.get(url("governance:risk_register")).text
    assert "Staff turnover" in register and "Police data late" in register
    assert Risk.objects.for_org(organisation).get(number=1).residual_likelihood == 3
    listed = client.get(url("performance:audit_list")).text
    assert "GR-2024-001" in listed and "GR-2024-002" in listed
    assert set(CaseAudit.objects.for_org(organisation).values_list("auditor", flat=True)) == {manager.pk}


def test_a_sheet_in_error_holds_back_every_sheet_until_its_rows_in_error_are_left_out(client, greenwich):
    organisation, manager = greenwich
    client.force_login(manager)
    wrong = [*AUDITS, ["Apr 2024", "John Smith", "Court order", "Good", "Good", "Good", "Good", "Good"]]
    preview = client.post(url("onboarding:workbook"), {"file": workbook({**FOUR_SHEETS, "Audits": wrong})})
    result = preview.context["result"]
    assert not result.is_valid and [p.name for p in result.parts if not p.is_ready] == ["Audits"]
    assert "Nothing is imported until every sheet read is ready" in preview.text
    assert "Import every sheet" not in preview.text

    token = preview.context["token"]
    client.post(url("onboarding:workbook"), {"token": token, "confirm": "1"})
    assert not ImprovementPlan.objects.for_org(organisation).exists()
    assert not Measurement.objects.for_org(organisation).exists()
    assert not Risk.objects.for_org(organisation).exists()
    assert not CaseAudit.objects.for_org(organisation).exists()

    # The row in doubt holds only itself, once the person says to leave it out.
    assert "Leave out row 4 of this sheet" in preview.text
    left_out = client.post(url("onboarding:workbook"), {"token": token, "s3-leave_out_errors": "on"})
    audits = left_out.context["result"].parts[3]
    assert left_out.context["result"].is_valid
    assert audits.result.summary == "2 audits added, 0 changed, 0 unchanged. Left out, in error: row 4."
    client.post(url("onboarding:workbook"), {"token": token, "confirm": "1"})
    assert Risk.objects.for_org(organisation).count() == 2
    assert list(CaseAudit.objects.for_org(organisation).values_list("case_reference", flat=True).order_by("pk")) == [
        "GR-2024-001",
        "GR-2024-002",
    ]


def test_a_sheet_the_columns_do_not_settle_is_asked_about_and_read_as_the_person_says(client, greenwich):
    organisation, manager = greenwich
    client.force_login(manager)
    half_a_register = [["Risk", "Owner", "Likelihood"], ["Staff turnover", "Head of Service", "High"]]
    preview = client.post(url("onboarding:workbook"), {"file": workbook({"Risks": half_a_register})})
    result = preview.context["result"]
    [part] = result.parts
    assert (part.key, part.sure) == ("risks", False)
    assert part.reason == "its name says a risk register, but not every column one needs is there"
    assert not result.is_valid and "Say which sheet this is" in preview.text

    answered = client.post(
        url("onboarding:workbook"), {"token": preview.context["token"], "sheets": "1", "as:0": "risks", "plan": ""}
    )
    [part] = answered.context["result"].parts
    assert part.sure and [c.label for c in part.result.missing] == ["Description and consequences", "Impact before"]
    assert not Risk.objects.for_org(organisation).exists()


def test_sheet_answers_are_kept_per_sheet_and_for_the_service(client, greenwich):
    organisation, manager = greenwich
    client.force_login(manager)
    graded = [AUDITS[0], ["Apr 2024", "GR-2024-003", "Court order", "Good", "Good", "Good", "Good", "Requires work"]]
    preview = client.post(url("onboarding:workbook"), {"file": workbook({"Risk register": RISKS, "QA": graded})})
    audits = preview.context["result"].parts[1]
    assert [q.label for q in audits.result.labels] == ["Requires work"]
    assert "s1-label:Requires work" in preview.text  # named for its sheet

    answer = {"token": preview.context["token"], "s1-answer": "1", "s1-label:Requires work": "poor"}
    answered = client.post(url("onboarding:workbook"), answer)
    result = answered.context["result"]
    assert result.is_valid and result.parts[1].result.rows[0].detail.startswith("Poor")
    fresh = AUDIT_IMPORTER.preview(organisation=organisation, upload=workbook({"QA": graded}), user=manager)
    assert fresh.labels == []  # the answer is the service's, for its next file too


@pytest.mark.parametrize(
    ("name", "rows", "expected"),
    [
        ("Sheet1", RISKS, ("risks", True)),
        ("Data", [["Indicator", "Period", "Value"]], ("measurements", True)),
        ("Cover", NOTES, ("", True)),
        ("Sheet2", [["Title", "Owner"]], ("risks", False)),
        ("Risks", [["Risk", "Owner"]], ("risks", False)),
    ],
)
def test_a_sheet_is_told_by_its_columns_then_its_name(greenwich, name, rows, expected):
    organisation, _ = greenwich
    upload = workbook({name: rows})
    headers = {
        i.key: read_header(upload, i.columns, mapping=i.mapping(organisation, Choices()), across=i.across)
        for i in IMPORTERS
    }
    assert sheet_guess(IMPORTERS, headers, name)[:2] == expected


def test_a_file_that_cannot_be_read_is_refused_with_a_message(client, greenwich):
    _, manager = greenwich
    client.force_login(manager)
    response = client.post(url("onboarding:workbook"), {"file": SimpleUploadedFile("tracker.csv", b"\x80\x81")})
    assert "This CSV file is not UTF-8 text" in response.text
    assert "result" not in response.context
