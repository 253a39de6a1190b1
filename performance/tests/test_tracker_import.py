"""Case records for the live tracker arrive as a case-management extract through the shared
import flow: all or nothing, each wrong row named by its row and its case."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from performance.models import Case, OutcomeKind, QualifyingOutcome, Reoffence
from performance.tracker_import import TRACKER_IMPORTER
from yos_tracker.imports import Choices
from yos_tracker.scales import scale_step_retire

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outcome_kinds(organisation):
    return {kind.code: kind for kind in OutcomeKind.objects.install(organisation)}


HEADER = "Case ref,Record,Date,Type,Date proven,Gravity,Violent?,YOT team,Case worker"


def _csv(*lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("extract.csv", "\r\n".join([HEADER, *lines]).encode())


def _apply(organisation, manager, upload):
    return TRACKER_IMPORTER.apply(organisation=organisation, upload=upload, user=manager)


GOOD = [
    "LW-17-001,Outcome,10/01/2017,Youth caution,,3,,Out of court team,Case manager 1",
    "LW-17-001,Reoffence,25/01/2017,Robbery,01/03/2017,5,,,",
    "LW-17-001,Reoffence,02/04/2017,Shoplifting,10/05/2017,2,yes,,",
    "LW-17-002,Qualifying outcome,2017-02-15,Conviction,,4,,Court team,",
]


def test_an_extract_adds_cases_outcomes_and_reoffences_and_a_second_import_adds_nothing(organisation, manager):
    result = _apply(organisation, manager, _csv(*GOOD))
    assert result.is_valid, result.errors
    assert result.counts == {"create": 4, "change": 0, "unchanged": 0}
    assert [r.detail for r in result.rows][:2] == ["new case; outcome on 10/01/2017", "reoffence on 25/01/2017"]
    case = Case.objects.get(organisation=organisation, reference="LW-17-001")
    assert (case.team, case.case_manager) == ("Out of court team", "Case manager 1")
    assert QualifyingOutcome.objects.get(case=case).kind.code == "caution"
    offences = list(Reoffence.objects.filter(case=case).values_list("offence_type", "violent", "proven_date"))
    assert offences == [
        ("robbery", True, datetime.date(2017, 3, 1)),  # robbery is violent unless the file says otherwise
        ("theft", True, datetime.date(2017, 5, 10)),  # the file says it was
    ]

    again = _apply(organisation, manager, _csv(*GOOD))
    assert again.counts == {"create": 0, "change": 0, "unchanged": 4}
    assert Reoffence.objects.count() == 2 and QualifyingOutcome.objects.count() == 2


def test_bad_rows_are_named_by_row_and_case_and_nothing_is_written(organisation, manager):
    result = _apply(
        organisation,
        manager,
        _csv(
            *GOOD,
            "John Smith,Outcome,10/01/2017,Conviction,,,,,",
            "JS-01-05-2009,Outcome,10/01/2017,Conviction,,,,,",
            "LW-17-002,Reoffence,01/02/2017,Theft,01/03/2017,,,,",
            "LW-17-002,Reoffence,01/06/2017,Joyriding,01/07/2017,,,,",
            "LW-17-002,Reoffence,01/06/2017,Theft,01/05/2017,,,,",
            "LW-17-003,Reoffence,01/06/2017,Theft,01/07/2017,,,,",
        ),
    )
    assert [(e.where, e.column) for e in result.errors] == [
        ("row 6, John Smith", "Case reference"),
        ("row 7, JS-01-05-2009", "Case reference"),
        ("row 8, LW-17-002", "Date"),
        ("row 9, LW-17-002", "Type"),
        ("row 10, LW-17-002", "Proven date"),
        ("row 11, LW-17-003", "Case reference"),
    ]
    messages = [e.message for e in result.errors]
    assert "never a name" in messages[0] and "holds a date (01-05-2009)" in messages[1]
    assert messages[2] == (
        "the offence on 01/02/2017 is not after the case's first qualifying outcome (15/02/2017), "
        "so it is not a reoffence"
    )
    assert messages[3].startswith("“Joyriding” is not a known reoffence type: Violence against the person, Robbery")
    assert messages[5] == "no qualifying outcome is recorded for this case"
    assert not Case.objects.exists() and not Reoffence.objects.exists()


def test_a_type_the_service_defines_is_read_by_its_label_and_a_retired_one_is_refused(
    organisation, manager, outcome_kinds
):
    OutcomeKind.objects.create(organisation=organisation, code="triage", label="Triage (diversion)", position=4)
    scale_step_retire(outcome_kinds["custody_release"])
    result = _apply(
        organisation,
        manager,
        _csv(
            "LW-17-001,Outcome,10/01/2017,triage (DIVERSION),,,,,", "LW-17-002,Outcome,10/01/2017,Custody release,,,,,"
        ),
    )
    assert [(e.where, e.column) for e in result.errors] == [("row 3, LW-17-002", "Type")]
    assert result.errors[0].message == (
        "the outcome type “Release from custody” is retired: record new outcomes with a current one"
    )
    assert not Case.objects.exists()

    assert _apply(organisation, manager, _csv("LW-17-001,Outcome,10/01/2017,Triage (diversion),,,,,")).is_valid
    assert QualifyingOutcome.objects.get().kind.code == "triage"


def test_a_word_for_an_outcome_type_is_asked_once_and_the_answer_kept_for_the_next_file(
    organisation, manager, outcome_kinds
):
    scale_step_retire(outcome_kinds["custody_release"])  # so "DTO release" names nothing current
    lines = ("LW-17-001,Outcome,10/01/2017,DTO release,,,,,", "LW-17-002,Outcome,11/01/2017,dto release,,,,,")
    result = _apply(organisation, manager, _csv(*lines))
    assert [(q.label, q.rows) for q in result.labels] == [("DTO release", (2, 3))]
    assert [code for code, _ in result.label_choices] == ["caution", "conviction"]  # never the retired type
    assert result.errors[0].message == (
        "outcome type “DTO release” is not one of this service's outcome types: say what it means above"
    )
    assert not Case.objects.exists()

    answered = Choices(labels={"dto release": "conviction"})
    result = TRACKER_IMPORTER.apply(organisation=organisation, upload=_csv(*lines), user=manager, choices=answered)
    assert result.is_valid and result.labels == []
    assert set(QualifyingOutcome.objects.values_list("kind__code", flat=True)) == {"conviction"}

    later = _apply(organisation, manager, _csv("LW-17-003,Outcome,12/01/2017,DTO Release,,,,,"))
    assert later.is_valid and later.labels == []  # remembered for the service
    assert QualifyingOutcome.objects.get(case__reference="LW-17-003").kind.code == "conviction"


def test_a_service_with_no_outcome_types_is_told_where_to_add_them(organisation, manager):
    OutcomeKind.objects.all().delete()
    result = _apply(organisation, manager, _csv("LW-17-001,Outcome,10/01/2017,Conviction,,,,,"))
    assert result.errors[0].message.endswith("the service has none yet; add them in Settings")
