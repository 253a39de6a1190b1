"""Property tests for what people type where an importer expects a header or a status: every name
a column goes by, in any case, with stray spaces, underscores or a trailing dot or colon, finds
that column in every importer; every code, label and meaning on a RAG scale, typed the same ways,
finds that status; and a label the scale does not know is asked about, never guessed."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance import spreadsheet as risk_spreadsheet
from improvement import spreadsheet as plan_spreadsheet
from improvement.choices import RAG_SCALES
from improvement.models import RagStatus
from improvement.tests.factories import PlanFactory
from performance import spreadsheet as performance_spreadsheet
from performance import tracker_import
from yos_tracker.imports import IMPORTERS, Choices
from yos_tracker.spreadsheets import normalise, read_sheet

QUICK = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ALL_IMPORTERS = [
    plan_spreadsheet.PLAN_IMPORTER,
    performance_spreadsheet.MEASUREMENT_IMPORTER,
    performance_spreadsheet.AUDIT_IMPORTER,
    risk_spreadsheet.RISK_IMPORTER,
    tracker_import.TRACKER_IMPORTER,
]
NAMES = [
    (importer.key, column.key, name)
    for importer in ALL_IMPORTERS
    for column in importer.columns
    for name in (column.label, *column.aliases)
]


@st.composite
def typed_as_people_do(draw, name: str) -> str:
    """`name` as someone might have typed it in a header or a status cell."""
    cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in name)
    words = cased.split(" ")
    joined = words[0]
    for word in words[1:]:
        joined += draw(st.sampled_from([" ", "  ", "_", " \u00a0"])) + word
    return (
        draw(st.sampled_from(["", " ", "  ", "\t"]))
        + joined
        + draw(st.sampled_from(["", ".", ":", " ", " :"]))
        + draw(st.sampled_from(["", " ", "\u00a0"]))
    )


def _csv(headers, row) -> SimpleUploadedFile:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerow(row)
    return SimpleUploadedFile("upload.csv", text.getvalue().encode())


def test_every_importer_is_registered_under_its_key():
    assert {key: IMPORTERS[key] for key in ("plan", "measurements", "audits", "risks", "cases")} == {
        importer.key: importer for importer in ALL_IMPORTERS
    }


@pytest.mark.parametrize("importer", ALL_IMPORTERS, ids=lambda importer: importer.key)
def test_no_two_columns_of_an_importer_answer_to_the_same_name(importer):
    owners: dict[str, str] = {}
    for column in importer.columns:
        for name in column.names:
            assert name, f"a name of {column.key} is blank once normalised"
            assert owners.setdefault(name, column.key) == column.key, f"“{name}” names {owners[name]} and {column.key}"


@QUICK
@given(data=st.data(), named=st.sampled_from(NAMES))
def test_any_name_a_column_goes_by_finds_it_however_it_is_typed(data, named):
    importer_key, key, name = named
    columns = IMPORTERS[importer_key].columns
    header = data.draw(typed_as_people_do(name))
    headers = [header if column.key == key else column.label for column in columns]

    sheet = read_sheet(_csv(headers, ["x"] * len(headers)), columns, max_rows=10)

    assert sheet.recognised[normalise(header)] == key
    assert sheet.missing == [] and sheet.unknown == []
    assert sheet.rows == [(2, {column.key: "x" for column in columns})]


@pytest.fixture(params=sorted(RAG_SCALES))
def scaled_plan(request, organisation):
    RagStatus.objects.install(organisation, request.param)
    return PlanFactory(organisation=organisation)


def _plan_row(plan, status: str, choices: Choices | None = None):
    upload = _csv(["Ref", "Recommendation", "Action", "RAG"], ["1.1", "Board focuses on outcomes", "Agree", status])
    return plan_spreadsheet.PLAN_IMPORTER.preview(
        organisation=plan.organisation, upload=upload, choices=choices, plan=plan
    )


@pytest.mark.django_db
@QUICK
@given(data=st.data())
def test_any_code_label_or_meaning_on_the_scale_finds_its_status_however_it_is_typed(scaled_plan, data):
    status = data.draw(st.sampled_from(list(RagStatus.objects.for_org(scaled_plan.organisation))))
    typed = data.draw(typed_as_people_do(data.draw(st.sampled_from([status.code, status.label, status.meaning]))))

    result = _plan_row(scaled_plan, typed)

    assert result.errors == [] and result.labels == []
    assert result.rows[0].payload.update[1] == status


UNKNOWN = st.text(alphabet="bcdefhijklmnoqstuvxyz ", min_size=4, max_size=20).filter(lambda t: normalise(t))


@pytest.mark.django_db
@QUICK
@given(data=st.data(), label=UNKNOWN)
def test_a_label_the_scale_does_not_know_is_asked_about_then_taken_as_answered(scaled_plan, data, label):
    scale = list(RagStatus.objects.for_org(scaled_plan.organisation))
    known = {normalise(name) for s in scale for name in (s.code, s.label, s.meaning)}
    if normalise(label) in known:
        return

    asked = _plan_row(scaled_plan, label)
    assert [(q.label, q.rows) for q in asked.labels] == [(label.strip(), (2,))]
    assert [e.where for e in asked.errors] == ["row 2, 1.1"] and not asked.rows

    chosen = data.draw(st.sampled_from(scale))
    answered = _plan_row(scaled_plan, label, Choices(labels={normalise(label): chosen.code}))
    assert answered.errors == [] and answered.labels == []
    assert answered.rows[0].payload.update[1] == chosen
