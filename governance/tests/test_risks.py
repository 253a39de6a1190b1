"""The risk rules: score = likelihood × impact on the organisation's matrix, its band, overdue reviews."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import demo_data, services, spreadsheet
from governance.choices import FIVE_BY_FIVE_RISK_MATRIX
from governance.models import Risk, RiskReview
from governance.selectors import heat_map, risk_matrix_of
from governance.tests.factories import RiskFactory
from yos_tracker.imports import Choices

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "likelihood, impact, score, band",
    [
        (1, 1, 1, "Low"),
        (1, 2, 2, "Low"),
        (1, 3, 3, "Medium"),
        (2, 2, 4, "Medium"),
        (2, 3, 6, "High"),
        (3, 3, 9, "High"),
    ],
)
def test_score_and_band_on_the_default_three_by_three_matrix(organisation, likelihood, impact, score, band):
    matrix = services.risk_matrix_install(organisation=organisation)
    r = RiskFactory(organisation=organisation, residual_likelihood=likelihood, residual_impact=impact)
    assert r.residual_score == score
    assert matrix.band_for(r.residual_score).label == band
    assert matrix.level_name(likelihood) == ["Low", "Medium", "High"][likelihood - 1]


@pytest.mark.parametrize(
    "likelihood, impact, score, band",
    [(1, 4, 4, "Low"), (3, 3, 9, "Medium"), (4, 3, 12, "High"), (5, 4, 20, "Very high"), (5, 5, 25, "Very high")],
)
def test_score_and_band_on_a_five_by_five_matrix(organisation, likelihood, impact, score, band):
    matrix = services.risk_matrix_install(organisation=organisation, definition=FIVE_BY_FIVE_RISK_MATRIX)
    r = RiskFactory(organisation=organisation, inherent_likelihood=likelihood, inherent_impact=impact)
    assert (matrix.size, r.inherent_score, matrix.band_for(r.inherent_score).label) == (5, score, band)


def test_a_level_outside_the_matrix_is_refused(organisation):
    services.risk_matrix_install(organisation=organisation)
    with pytest.raises(Exception, match="from 1 to 3"):
        RiskFactory(organisation=organisation, inherent_likelihood=4).full_clean()


class TestOverdueReview:
    def test_an_open_risk_is_overdue_once_its_review_interval_has_passed(self, organisation):
        r = RiskFactory(organisation=organisation, last_reviewed=datetime.date(2018, 1, 1), review_every_days=90)
        assert not r.is_review_overdue(datetime.date(2018, 4, 1))  # day 90
        assert r.is_review_overdue(datetime.date(2018, 4, 2))

    def test_before_its_first_review_it_counts_from_when_it_was_raised(self, organisation):
        r = RiskFactory(organisation=organisation, raised_on=datetime.date(2018, 1, 1), review_every_days=30)
        assert r.is_review_overdue(datetime.date(2018, 2, 1))

    def test_closed_and_completed_risks_are_never_overdue(self, organisation):
        r = RiskFactory(organisation=organisation, last_reviewed=datetime.date(2015, 1, 1), status="completed")
        assert not r.is_review_overdue(datetime.date(2020, 1, 1))


class TestReview:
    def test_a_review_keeps_both_scores_and_moves_the_risk(self, organisation, manager):
        services.risk_matrix_install(organisation=organisation)
        r = RiskFactory(organisation=organisation)
        services.risk_review_record(
            risk=r,
            reviewer=manager,
            date=datetime.date(2018, 4, 20),
            inherent_likelihood=2,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=2,
            commentary="Analyst in post",
            expected_version=r.version,
        )
        r.refresh_from_db()
        assert (r.residual_score, r.last_reviewed, r.version) == (2, datetime.date(2018, 4, 20), 2)
        review = RiskReview.objects.get()
        assert (review.inherent_score, review.residual_score, review.reviewer) == (6, 2, manager)
        assert r.history.count() == 2  # the change itself is in the audit trail

    def test_a_stale_review_is_refused(self, organisation, manager):
        services.risk_matrix_install(organisation=organisation)
        r = RiskFactory(organisation=organisation)
        services.risk_review_record(
            risk=r,
            reviewer=manager,
            date=datetime.date(2018, 4, 20),
            inherent_likelihood=2,
            inherent_impact=3,
            residual_likelihood=1,
            residual_impact=2,
            expected_version=1,
        )
        with pytest.raises(Exception, match="after you opened it"):
            services.risk_review_record(
                risk=r,
                reviewer=manager,
                date=datetime.date(2018, 4, 21),
                inherent_likelihood=3,
                inherent_impact=3,
                residual_likelihood=3,
                residual_impact=3,
                expected_version=1,
            )
        assert RiskReview.objects.count() == 1


def test_the_heat_map_counts_risks_in_each_cell(organisation):
    matrix = services.risk_matrix_install(organisation=organisation)
    risks = [
        RiskFactory(organisation=organisation, number=1),
        RiskFactory(organisation=organisation, number=2),
        RiskFactory(organisation=organisation, number=3, residual_likelihood=3, residual_impact=1),
    ]
    grid = heat_map(matrix, risks, "residual")
    counts = {(c["likelihood"], c["impact"]): c["count"] for row in grid["rows"] for c in row["cells"]}
    assert counts[(2, 2)] == 2 and counts[(3, 1)] == 1 and sum(counts.values()) == 3
    assert grid["rows"][0]["impact"] == 3  # highest impact at the top


def _lewisham_register() -> SimpleUploadedFile:
    """Seed 004's register as the board keeps it, recorded scores and all."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(spreadsheet.HEADERS)
    for r in demo_data.RISKS:
        sheet.append(
            [
                r["number"],
                r["raised_on"],
                r["title"],
                r["description"],
                r["owner"],
                r["category"],
                r["inherent_likelihood"],
                r["inherent_impact"],
                r["inherent_score_recorded"],
                r["mitigations"],
                r["residual_likelihood"],
                r["residual_impact"],
                r["residual_score_recorded"],
                r["last_reviewed"],
                r["status"],
                r["status_commentary"],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("register.xlsx", buffer.getvalue())


def test_importing_lewishams_register_lists_every_score_disagreement_and_keeps_the_computed(organisation):
    services.risk_matrix_install(organisation=organisation)
    result = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=_lewisham_register())
    assert result.is_valid, result.errors
    found = {(d.number, d.when, d.recorded, d.computed) for d in spreadsheet.disagreements(result)}
    assert (2, "before", 2, 6) in found  # Medium × High recorded as 2
    assert (3, "after", 1, 4) in found
    expected = set()
    for r in demo_data.RISKS:
        for when, prefix in (("before", "inherent"), ("after", "residual")):
            levels = {"Low": 1, "Medium": 2, "High": 3}
            computed = levels[r[f"{prefix}_likelihood"]] * levels[r[f"{prefix}_impact"]]
            if r[f"{prefix}_score_recorded"] is not None and r[f"{prefix}_score_recorded"] != computed:
                expected.add((r["number"], when, r[f"{prefix}_score_recorded"], computed))
    assert found == expected and len(found) >= 5

    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=_lewisham_register())
    assert Risk.objects.get(number=2).inherent_score == 6
    assert Risk.objects.count() == len(demo_data.RISKS)


def test_an_exported_register_imports_unchanged(organisation):
    services.risk_matrix_install(organisation=organisation)
    imported = spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=_lewisham_register())
    # Line breaks as a browser posts them (CRLF); a worksheet gives them back as LF.
    Risk.objects.filter(number=2).update(mitigations="Vetting of staff.\r\nSupervision monthly.")
    exported = SimpleUploadedFile("r.xlsx", spreadsheet.export(organisation))
    result = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=exported)
    assert result.is_valid and {row.kind for row in result.rows} == {"unchanged"}
    # The recorded scores travel with the register: the same disagreements, found again.
    assert {(d.number, d.when, d.recorded) for d in spreadsheet.disagreements(result)} == {
        (d.number, d.when, d.recorded) for d in spreadsheet.disagreements(imported)
    }


def _register(
    rows, headers=("No", "Date raised", "Title", "Description and consequences", "Owner")
) -> SimpleUploadedFile:
    """A register as another service keeps it: its own numbers, Low/Medium/High, no categories."""
    levels = ["Likelihood before", "Impact before", "Likelihood after", "Impact after"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*headers, *levels])
    for row in rows:
        sheet.append([*row, "Low", "High", "Low", "Medium"])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("other-register.xlsx", buffer.getvalue())


@pytest.fixture
def four_risks(organisation):
    services.risk_matrix_install(organisation=organisation)
    return [
        RiskFactory(organisation=organisation, number=n, title=f"Our risk {n}", category="Finance") for n in range(1, 5)
    ]


def test_a_register_numbered_like_ours_is_added_under_new_numbers_not_written_over_ours(organisation, four_risks):
    upload = _register([[n, "01/04/2024", f"Their risk {n}", "d", "AB"] for n in range(1, 5)])
    preview = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=upload)
    assert [(q.reference, q.stored, q.given, q.new_reference) for q in preview.same_records] == [
        (f"risk {n}", f"Our risk {n}", f"Their risk {n}", f"risk {n + 4}") for n in range(1, 5)
    ]
    assert [(r.kind, r.label) for r in preview.rows] == [
        ("create", f"Risk {n + 4}: Their risk {n}") for n in range(1, 5)
    ]
    assert "since the register's risk 1 is “Our risk 1”" in preview.rows[0].detail
    history = Risk.history.count()
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    ours = {r.number: (r.title, r.category, r.version) for r in Risk.objects.filter(number__lte=4)}
    assert ours == {n: (f"Our risk {n}", "Finance", 1) for n in range(1, 5)}
    assert [r.title for r in Risk.objects.filter(number__gt=4)] == [f"Their risk {n}" for n in range(1, 5)]
    assert Risk.history.count() == history + 4


def test_a_row_ticked_as_the_same_risk_changes_it_and_shows_each_change(organisation, four_risks):
    upload = _register([[2, "09/06/2017", "Analytic capacity, retitled", "d", "GR"]])
    preview = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=upload, choices=Choices(same=["2"]))
    row = preview.rows[0]
    assert row.kind == "change"
    assert ("Title", "Our risk 2", "Analytic capacity, retitled") in row.changes
    assert ("Likelihood before mitigation", "Medium", "Low") in row.changes
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload, choices=Choices(same=["2"]))
    risk = Risk.objects.get(organisation=organisation, number=2)
    assert (risk.title, risk.category, risk.version) == ("Analytic capacity, retitled", "Finance", 2)
    assert Risk.objects.count() == 4


def test_a_file_without_optional_columns_keeps_what_they_hold(organisation, four_risks):
    first = four_risks[0]
    Risk.objects.filter(pk=first.pk).update(mitigations="Vetting", status_commentary="Reviewed at board")
    upload = _register([[1, "09/06/2017", "Our risk 1", "d", "GR"]])
    preview = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=upload)
    assert not preview.same_records and preview.rows[0].kind == "change"
    assert preview.rows[0].changes == [
        ("Likelihood before mitigation", "Medium", "Low"),
        ("Likelihood after mitigation", "Medium", "Low"),
    ]
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    first = Risk.objects.get(pk=first.pk)
    assert (first.category, first.mitigations, first.status_commentary) == ("Finance", "Vetting", "Reviewed at board")


def test_bad_rows_are_reported_and_nothing_is_written(organisation):
    services.risk_matrix_install(organisation=organisation)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(spreadsheet.HEADERS)
    sheet.append([1, "09/05/17", "ToR", "d", "GR", "", "Low", "Enormous", "", "", "Low", "Low", "", "", "open", ""])
    sheet.append(["", "someday", "", "d", "GR", "", "Low", "Low", "", "", "Low", "Low", "", "", "sleeping", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    result = spreadsheet.RISK_IMPORTER.apply(
        organisation=organisation, upload=SimpleUploadedFile("r.xlsx", buffer.getvalue())
    )
    assert {(e.row, e.column) for e in result.errors} == {
        (2, "Impact before"),
        (3, "Date raised"),
        (3, "Title"),
        (3, "Status"),
    }
    assert not Risk.objects.exists()


def _pasted_from_word(rows) -> SimpleUploadedFile:
    """A register pasted from a Word table: no number, no date raised, no scores after mitigation,
    and a score in words."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Risk", "Description", "Risk owner", "Likelihood", "Impact", "Score"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("pasted.xlsx", buffer.getvalue())


def test_a_register_pasted_from_word_gets_sensible_defaults_each_named_in_the_preview(organisation, four_risks):
    upload = _pasted_from_word(
        [
            ["Staff turnover", "Vacancies in the court team", "Head of Service", "High", "High", "High"],
            ["Data quality", "Police data late", "Performance lead", "High", "High", "Low"],
            ["Our risk 3", "Reworded", "AB", "Low", "Low", ""],
        ]
    )
    result = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=upload)
    assert result.is_valid and not result.missing and not result.errors
    today = timezone.localdate()
    assert [(row.label, row.kind) for row in result.rows] == [
        ("Risk 5: Staff turnover", "create"),
        ("Risk 6: Data quality", "create"),
        ("Risk 3: Our risk 3", "change"),
    ]
    assert result.rows[0].detail == (
        "no number given: numbered 5, after the register's last; "
        f"no date raised given: raised {today:%d/%m/%Y}, the import's date; "
        "no scores after mitigation given: the scores before it"
    )
    assert result.rows[2].detail == "no number given: the register's risk 3, which has this title"
    top = risk_matrix_of(organisation).band_for(9).label  # "High" × "High" on the default matrix
    assert [note for note in result.notes if "recorded as" in note] == [  # risk 5's "High" agrees: no note
        f"Row 3, risk 6: the score before mitigation is recorded as “Low”, but likelihood × impact is 9, which the "
        f"matrix bands as {top}. The register keeps 9 and flags the recorded score."
    ]
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload)
    staff = Risk.objects.get(organisation=organisation, number=5)
    assert (staff.raised_on, staff.residual_likelihood, staff.residual_impact) == (today, 3, 3)
    ours = Risk.objects.get(organisation=organisation, number=3)
    assert (ours.description, ours.raised_on) == ("Reworded", four_risks[2].raised_on)


def test_an_imported_recorded_score_that_disagrees_is_kept_beside_the_computed_one(organisation):
    services.risk_matrix_install(organisation=organisation)
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=_lewisham_register())
    risk = Risk.objects.get(organisation=organisation, number=2)  # Medium × High recorded as 2, 2 × 2 as 3
    assert (risk.inherent_score, risk.inherent_score_recorded) == (6, 2)
    assert risk.score_disagreements == [("before", 2, 6), ("after", 3, 4)]
    # A recorded score that agrees adds nothing, and is not kept.
    first = Risk.objects.get(organisation=organisation, number=1)
    assert (first.inherent_score_recorded, first.score_disagreements) == (None, [])


def test_the_register_flags_every_disagreement_and_a_risk_scored_higher_after_mitigation(client, manager, organisation):
    services.risk_matrix_install(organisation=organisation)
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=_lewisham_register())
    client.force_login(manager)
    response = client.get(reverse("governance:risk_register", kwargs={"org": "lewisham"}))
    html = response.content.decode()
    expected = sum(len(r.score_disagreements) for r in Risk.objects.for_org(organisation))
    assert expected == 11  # seed 004's register
    assert html.count('flag flag-check">Recorded') == 11
    assert f"{expected} recorded scores disagree with likelihood × impact" in html
    raised = [r.number for r in Risk.objects.for_org(organisation) if r.mitigation_raises_score]
    assert raised == [11] and "1 risk scores higher after mitigation than before" in html


def test_a_level_word_the_matrix_does_not_name_is_asked_once_and_the_answer_kept(organisation, four_risks):
    rows = [
        ["Staff turnover", "Vacancies", "Head of Service", "Almost certain", "H", ""],
        ["Data quality", "Police data late", "Performance lead", "almost certain", "M", ""],
    ]
    preview = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=_pasted_from_word(rows))
    assert [(q.label, q.rows) for q in preview.labels] == [("Almost certain", (2, 3))]
    assert preview.label_choices == [("1", "1 Low"), ("2", "2 Medium"), ("3", "3 High")]
    assert [(e.row, e.column, e.message) for e in preview.errors] == [
        (row, "Likelihood before", f"level “{word}” is not one the risk matrix names: say what it means above")
        for row, word in ((2, "Almost certain"), (3, "almost certain"))  # each cell as written
    ]

    answered = Choices(labels={"almost certain": "3"})
    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=_pasted_from_word(rows), choices=answered)
    added = Risk.objects.filter(organisation=organisation, number__gt=4).order_by("number")
    assert [(r.inherent_likelihood, r.inherent_impact) for r in added] == [(3, 3), (3, 2)]

    later = _pasted_from_word([["Estates", "Office move", "AB", "Almost Certain", "Low", ""]])
    again = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=later)
    assert again.is_valid and again.labels == []  # remembered for the service's next register


def test_a_registers_target_score_and_review_frequency_can_be_imported(organisation, four_risks):
    def register(target, every):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["No", "Risk", "Description", "Risk owner", "Likelihood", "Impact", "Target", "Review frequency"])
        sheet.append([1, "Our risk 1", "d", "AB", "Medium", "Medium", target, every])
        buffer = io.BytesIO()
        book.save(buffer)
        return SimpleUploadedFile("targets.xlsx", buffer.getvalue())

    spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=register(2, "Monthly"))
    risk = Risk.objects.get(organisation=organisation, number=1)
    assert (risk.target_score, risk.review_every_days) == (2, 30)

    kept = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=register(2, ""))
    assert kept.rows[0].kind == "unchanged"  # every risk has a frequency: a blank cell keeps it
    cleared = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=register("", 14))
    assert cleared.rows[0].changes == [("Target score", "2", "cleared"), ("Review frequency (days)", "30", "14")]

    wrong = spreadsheet.RISK_IMPORTER.preview(organisation=organisation, upload=register(10, "now and then"))
    assert [(e.column, e.message) for e in wrong.errors] == [
        ("Target score", "“10” is not a score on the matrix: a whole number from 1 to 9"),
        (
            "Review every (days)",
            "“now and then” is not a review frequency: a number of days, or weekly, monthly, quarterly, six-monthly "
            "or annually",
        ),
    ]
