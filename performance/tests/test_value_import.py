"""Indicator values from a spreadsheet, read as people mean them: a percentage as the percentage it
shows (a cell Excel formats as 62% holds 0.62), plain fractions asked about once, a column the
file does not have kept as stored, and every change to a stored value shown as before → after."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance.models import Measurement, TrackedIndicator
from performance.spreadsheet import MEASUREMENT_FEED, MEASUREMENT_IMPORTER, fractions_guessed, period_header
from performance.tests.factories import MeasurementFactory, TrackedFactory, indicator, local_indicator
from yos_tracker.imports import Choices

pytestmark = pytest.mark.django_db
JANUARY = datetime.date(2024, 1, 1)


def workbook(rows, headers=("Indicator code", "Period", "Value"), percent_cells=(), title="") -> SimpleUploadedFile:
    """An .xlsx of the rows; the cells named in percent_cells (e.g. "C2") formatted as Excel's 0%.
    A title goes above the headers as trackers put one: merged across them, a blank row below."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        sheet.append([])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    for cell in percent_cells:
        sheet[cell].number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("values.xlsx", buffer.getvalue())


def csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("values.csv", text.encode())


def preview(organisation, upload, **choices):
    return MEASUREMENT_IMPORTER.preview(organisation=organisation, upload=upload, choices=Choices(**choices))


def apply(organisation, upload, user=None, **choices):
    return MEASUREMENT_IMPORTER.apply(organisation=organisation, upload=upload, user=user, choices=Choices(**choices))


@pytest.fixture
def eet(organisation):
    """A service's own percentage indicator, entered directly."""
    return TrackedFactory(organisation=organisation, indicator=local_indicator(organisation)).indicator


@pytest.fixture
def custody(organisation):
    return TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT")).indicator


class TestPercentages:
    def test_a_cell_formatted_as_a_percentage_is_the_percentage_it_shows(self, organisation, eet):
        upload = workbook([["EET_LOCAL", "2024-01", 0.62]], percent_cells=["C2"])
        result = preview(organisation, upload)
        assert result.is_valid and result.percentages is None  # nothing guessed, nothing to ask
        assert result.rows[0].detail == "62.0%"
        apply(organisation, workbook([["EET_LOCAL", "2024-01", 0.62]], percent_cells=["C2"]))
        assert Measurement.objects.get().value == Decimal(62)

    def test_text_with_a_percent_sign_is_a_percentage(self, organisation, eet):
        apply(organisation, csv("Indicator code,Period,Value\nEET_LOCAL,2024-01,62.5%\n"))
        assert Measurement.objects.get().value == Decimal("62.5")

    def test_plain_fractions_are_asked_about_once_and_shown_as_they_would_be_stored(self, organisation, eet):
        upload = csv("Indicator code,Period,Value\nEET_LOCAL,2024-01,0.62\nEET_LOCAL,2024-02,0.7\n")
        result = preview(organisation, upload)
        assert result.percentages.rows == (2, 3) and result.percentages.examples == ("0.62", "0.7")
        assert [row.detail for row in result.rows] == ["62.0%", "70.0%"]  # read as the guess says
        assert not result.is_valid and not result.errors  # nothing is written until answered
        assert not apply(organisation, upload).is_valid
        assert not Measurement.objects.exists()

    @pytest.mark.parametrize("answer, stored", [("fraction", Decimal(62)), ("percent", Decimal("0.62"))])
    def test_the_answer_says_how_the_numbers_read(self, organisation, eet, answer, stored):
        upload = csv("Indicator code,Period,Value\nEET_LOCAL,2024-01,0.62\n")
        assert apply(organisation, upload, percentages=answer).is_valid
        assert Measurement.objects.get().value == stored

    def test_values_beyond_one_are_percentages_without_a_question(self, organisation, eet):
        result = preview(
            organisation, csv("Indicator code,Period,Value\nEET_LOCAL,2024-01,0.5\nEET_LOCAL,2024-02,62\n")
        )
        assert result.percentages is None and [row.detail for row in result.rows] == ["0.5%", "62.0%"]

    def test_a_percentage_for_an_indicator_that_is_not_one_is_refused(self, organisation, custody):
        result = preview(organisation, workbook([["CUSTODY_COUNT", "2024-01", 0.23]], percent_cells=["C2"]))
        assert result.errors[0].reference == "CUSTODY_COUNT"
        assert "“23%” is a percentage, but CUSTODY_COUNT is measured as count" in result.errors[0].message

    @pytest.mark.parametrize(
        "values, guessed",
        [
            ([Decimal("0.62")], True),
            ([Decimal(0), Decimal(1)], False),
            ([Decimal("0.5"), Decimal(2)], False),
            ([], False),
        ],
    )
    def test_what_reads_as_fractions(self, values, guessed):
        assert fractions_guessed(values) is guessed

    def test_the_question_is_answered_on_the_preview_page(self, client, manager, organisation, eet):
        client.force_login(manager)
        page = reverse("performance:measurement_import", kwargs={"org": "lewisham"})
        first = client.post(page, {"file": csv("Indicator code,Period,Value\nEET_LOCAL,2024-01,0.62\n")})
        html = first.content.decode()
        assert "Percentages given as plain numbers" in html and "Confirm import" not in html
        token = first.context["token"]
        answered = client.post(page, {"token": token, "answer": "1", "percentages": "fraction"})
        assert "Confirm import" in answered.content.decode()
        client.post(page, {"token": token, "confirm": "1"})
        assert Measurement.objects.get().value == Decimal(62)


class TestWhatIsKept:
    def test_a_file_without_note_and_source_keeps_both(self, organisation, custody, manager):
        stored = MeasurementFactory(
            organisation=organisation, indicator=custody, period=JANUARY, value=23, note="Provisional", source="PNC"
        )
        history = Measurement.history.count()
        result = apply(organisation, workbook([["CUSTODY_COUNT", "2024-01", 23]]), manager)
        assert result.counts == {"create": 0, "change": 0, "unchanged": 1}
        stored.refresh_from_db()
        assert (stored.note, stored.source, stored.version) == ("Provisional", "PNC", 1)
        assert Measurement.history.count() == history

    def test_a_changed_value_shows_before_and_after_and_an_empty_note_is_cleared(self, organisation, custody):
        MeasurementFactory(organisation=organisation, indicator=custody, period=JANUARY, value=25, note="Provisional")
        text = "Indicator code,Period,Value,Note\nCUSTODY_COUNT,2024-01,99,\n"
        result = preview(organisation, csv(text))
        assert result.rows[0].changes == [("Value", "25", "99"), ("Note", "Provisional", "cleared")]

    def test_a_new_value_with_no_source_comes_from_the_import(self, organisation, custody):
        apply(organisation, workbook([["CUSTODY_COUNT", "2024-01", 23]]))
        assert Measurement.objects.get().source == "Spreadsheet import"


@pytest.fixture
def reoffending(organisation):
    """The YJB's binary reoffending rate: a quarterly percentage worked out from two counts."""
    return TrackedFactory(organisation=organisation, indicator=indicator("REOFF_BINARY")).indicator


class TestEmptyMeansEmpty:
    @pytest.mark.parametrize("empty", ["", "n/a", "N/A", "-", "not available"])
    def test_a_row_with_no_figure_is_left_out_with_a_note_and_the_stored_value_kept(self, organisation, custody, empty):
        MeasurementFactory(organisation=organisation, indicator=custody, period=JANUARY, value=Decimal(7))
        upload = csv(
            f"Indicator code,Period,Value\nCUSTODY_COUNT,2024-01,{empty}\nCUSTODY_COUNT,2024-02,3\n"
            "CUSTODY_COUNT,2024-03,n/a\n"
        )
        result = preview(organisation, upload)
        assert result.is_valid and not result.errors
        assert [row.label for row in result.rows] == ["CUSTODY_COUNT 02/2024"]
        assert any(note.startswith("Left out: rows 2, 4, with no figure") for note in result.notes)
        upload.seek(0)
        apply(organisation, upload)
        assert sorted(Measurement.objects.values_list("period", "value")) == [
            (JANUARY, Decimal(7)),
            (datetime.date(2024, 2, 1), Decimal(3)),
        ]

    def test_a_feed_item_with_no_value_is_still_refused(self, organisation, custody):
        result = MEASUREMENT_FEED.apply_rows(
            organisation=organisation, rows=[{"indicator": "CUSTODY_COUNT", "period": "2024-01", "value": None}]
        )
        assert [error.message for error in result.errors] == ["Give a value."]

    def test_a_ratio_indicator_takes_the_percentage_alone(self, organisation, reoffending):
        apply(organisation, csv("Indicator code,Period,Value\nREOFF_BINARY,2023-04,34.5%\n"))
        stored = Measurement.objects.get()
        assert (stored.value, stored.numerator, stored.denominator) == (Decimal("34.5"), None, None)

    def test_a_ratio_given_one_part_says_to_give_both_or_the_value(self, organisation, reoffending):
        result = preview(organisation, csv("Indicator code,Period,Value,Numerator\nREOFF_BINARY,2023-04,,12\n"))
        assert [str(error) for error in result.errors] == [
            f"row 2, REOFF_BINARY: Give the {reoffending.numerator_label} and the {reoffending.denominator_label}, "
            "or the value alone."
        ]

    def test_monthly_rows_for_a_quarterly_indicator_say_it_is_quarterly(self, organisation, reoffending):
        upload = csv("Indicator code,Period,Value\nREOFF_BINARY,2023-04,30%\nREOFF_BINARY,2023-05,31%\n")
        assert [error.message for error in preview(organisation, upload).errors] == [
            "REOFF_BINARY is measured quarterly: 04/2023 (row 2) and 05/2023 both fall in the quarter starting "
            "04/2023; give one value for it"
        ]

    def test_the_same_period_twice_still_says_so(self, organisation, custody):
        upload = csv("Indicator code,Period,Value\nCUSTODY_COUNT,2024-01,3\nCUSTODY_COUNT,Jan 2024,4\n")
        assert [error.message for error in preview(organisation, upload).errors] == [
            "CUSTODY_COUNT for 01/2024 appears twice (also row 2)"
        ]


@pytest.fixture
def first_time_entrants(organisation):
    return TrackedFactory(organisation=organisation, indicator=indicator("FTE_RATE")).indicator


class TestIndicatorsByName:
    def test_an_indicator_is_found_by_its_catalogue_name_in_any_case(self, organisation, custody):
        upload = csv("Indicator,Period,Value\nreducing the number of custodial disposals,2024-01,3\n")
        result = preview(organisation, upload)
        assert result.is_valid and [row.label for row in result.rows] == ["CUSTODY_COUNT 01/2024"]

    def test_a_name_the_service_uses_is_asked_about_once_with_a_suggestion(
        self, organisation, first_time_entrants, reoffending
    ):
        upload = csv(
            "Indicator,Period,Value\nFirst time entrants,2023-04,210\nRe-offending rate,2023-04,34%\n"
            "First time entrants,2023-07,190\n"
        )
        result = preview(organisation, upload)
        assert [(q.label, q.suggestion, q.rows) for q in result.labels] == [
            ("First time entrants", "FTE_RATE", (2, 4)),
            ("Re-offending rate", "REOFF_BINARY", (3,)),
        ]
        assert result.label_words.heading == "Indicators not known by these names"
        assert not result.is_valid and not Measurement.objects.exists()

    def test_the_answer_imports_the_rows_and_is_remembered_for_the_next_file(
        self, organisation, first_time_entrants, reoffending
    ):
        text = "Indicator,Period,Value\nFirst time entrants,2023-04,210\nRe-offending rate,2023-04,34%\n"
        answers = {"first time entrants": "FTE_RATE", "re-offending rate": "REOFF_BINARY"}
        assert apply(organisation, csv(text), labels=answers).is_valid
        assert sorted(Measurement.objects.values_list("indicator__code", "value")) == [
            ("FTE_RATE", Decimal(210)),
            ("REOFF_BINARY", Decimal(34)),
        ]
        again = preview(organisation, csv(text.replace("210", "211")))
        assert again.labels == [] and again.is_valid
        assert [(row.label, row.kind) for row in again.rows] == [
            ("FTE_RATE 04/2023", "change"),
            ("REOFF_BINARY 04/2023", "unchanged"),
        ]

    def test_an_indicator_not_tracked_yet_can_be_the_answer_and_is_tracked_on_import(self, organisation, custody):
        upload = csv("Indicator,Period,Value\nFirst time entrants,2023-04,210\n")
        result = preview(organisation, upload)
        assert result.labels[0].suggestion.startswith("FTE_")  # the count or the rate: both are first time entrants
        assert ("FTE_RATE", f"FTE_RATE: {indicator('FTE_RATE').name} (not tracked yet)") in result.label_choices
        answered = preview(
            organisation,
            csv("Indicator,Period,Value\nFirst time entrants,2023-04,210\n"),
            labels={"first time entrants": "FTE_RATE"},
        )
        assert any(note.startswith("Will start tracking FTE_RATE") for note in answered.notes)
        apply(
            organisation,
            csv("Indicator,Period,Value\nFirst time entrants,2023-04,210\n"),
            labels={"first time entrants": "FTE_RATE"},
        )
        assert TrackedIndicator.objects.filter(organisation=organisation, indicator__code="FTE_RATE").exists()

    def test_a_name_left_unmatched_keeps_its_rows_in_error(self, organisation, custody):
        result = preview(organisation, csv("Indicator,Period,Value\nMystery,2024-01,3\n"), labels={"mystery": ""})
        assert [error.message for error in result.errors] == [
            "“Mystery” was left unmatched, so this row cannot be imported"
        ]

    def test_a_feed_finds_only_tracked_indicators_and_asks_nothing(self, organisation, custody):
        result = MEASUREMENT_FEED.apply_rows(
            organisation=organisation, rows=[{"indicator": "FTE_RATE", "period": "2024-01", "value": 3}]
        )
        assert [error.message for error in result.errors] == ["“FTE_RATE” is not an indicator this service tracks"]
        assert result.labels == []


def wide_tracker(header, rows, *, title="Lewisham YJS KPI tracker 2023/24", percent_cells=()) -> SimpleUploadedFile:
    """A KPI tracker as councils keep one: a merged title row, a blank row, then a row per indicator
    and a column per period."""
    return workbook(rows, headers=header, percent_cells=percent_cells, title=title)


class TestWideLayout:
    def test_a_tracker_with_a_title_a_column_per_month_blanks_and_excel_percentages_reads_as_meant(
        self, organisation, custody, eet
    ):
        upload = wide_tracker(
            ["Indicator", "Apr-23", "May-23", "Jun-23"],
            [["CUSTODY_COUNT", 3, "n/a", 5], ["Bromley's own EET measure", 0.62, 0.7, None]],
            percent_cells=["B5", "C5"],
        )
        result = preview(organisation, upload)
        assert result.is_valid and not result.errors and not result.missing
        assert [(row.row, row.label, row.detail) for row in result.rows] == [
            (4, "CUSTODY_COUNT 04/2023", "3"),
            (4, "CUSTODY_COUNT 06/2023", "5"),
            (5, "EET_LOCAL 04/2023", "62.0%"),
            (5, "EET_LOCAL 05/2023", "70.0%"),
        ]
        assert result.notes[0].startswith("Read across: a column for each of 3 periods, 04/2023 to 06/2023")
        assert any(note.startswith("Left out: rows 4, 5, with no figure") for note in result.notes)
        upload.seek(0)
        apply(organisation, upload)
        assert Measurement.objects.filter(indicator=eet).get(period=datetime.date(2023, 5, 1)).value == Decimal(70)

    @pytest.mark.parametrize(
        "header",
        ["Apr-23", "April 2023", "2023-04", "Apr 2023", "04/2023", datetime.datetime(2023, 4, 1)],  # noqa: DTZ001 - a date cell, as Excel keeps one
    )
    def test_a_months_header_is_read_in_any_usual_form(self, organisation, custody, header):
        upload = wide_tracker(["KPI", header, "May 2023"], [["CUSTODY_COUNT", 3, 4]])
        assert [row.label for row in preview(organisation, upload).rows] == [
            "CUSTODY_COUNT 04/2023",
            "CUSTODY_COUNT 05/2023",
        ]

    def test_quarters_of_the_april_to_march_year_are_read(self, organisation, reoffending):
        upload = wide_tracker(
            ["Indicator", "Q1 2023/24", "Q2 2023/24", "Q4 2023/24"], [["REOFF_BINARY", "31%", "30%", "29%"]]
        )
        assert [row.label for row in preview(organisation, upload).rows] == [
            "REOFF_BINARY 04/2023",
            "REOFF_BINARY 07/2023",
            "REOFF_BINARY 01/2024",
        ]

    def test_a_formula_with_no_saved_value_is_its_own_cells_error_only(self, organisation, custody):
        upload = wide_tracker(["Indicator", "Apr-23", "May-23"], [["CUSTODY_COUNT", 3, "=B4+1"]])
        result = preview(organisation, upload)
        assert [(e.row, e.message.split(" holds")[0]) for e in result.errors] == [(4, "cell C4")]
        assert [row.label for row in result.rows] == ["CUSTODY_COUNT 04/2023"]

    def test_the_preview_page_shows_the_grid_it_read_before_anything_is_written(
        self, client, manager, organisation, custody
    ):
        MeasurementFactory(organisation=organisation, indicator=custody, period=datetime.date(2023, 5, 1), value=4)
        client.force_login(manager)
        page = reverse("performance:measurement_import", kwargs={"org": "lewisham"})
        upload = wide_tracker(["Indicator", "Apr-23", "May-23", "Jun-23"], [["CUSTODY_COUNT", 3, 9, "n/a"]])
        response = client.post(page, {"file": upload})
        grid = response.context["result"].grid
        assert grid.columns == ["Apr 2023", "May 2023", "Jun 2023"]
        assert grid.rows == [("CUSTODY_COUNT", [("3", "create"), ("9", "change"), ("—", "")])]
        html = response.content.decode()
        assert 'class="table table-sm table-bordered import-grid"' in html and "Confirm import" in html
        assert Measurement.objects.get().value == 4

    def test_a_long_file_with_a_period_column_is_not_read_across(self, organisation, custody):
        upload = csv("Indicator code,Period,Value,Apr-23,May-23\nCUSTODY_COUNT,2024-01,3,9,9\n")
        assert [row.label for row in preview(organisation, upload).rows] == ["CUSTODY_COUNT 01/2024"]


@pytest.mark.parametrize(
    "header, period",
    [
        ("Apr-23", datetime.date(2023, 4, 1)),
        ("Q3 23/24", datetime.date(2023, 10, 1)),
        ("2023/24 Q4", datetime.date(2024, 1, 1)),
        ("Indicator", None),
        ("Target", None),
        ("90", None),
        (2023, None),
        ("2023/24", None),
    ],
)
def test_what_a_header_names_as_a_period(header, period):
    assert period_header(header) == period


class TestLeavingOutRowsInError:
    TEXT = "Indicator code,Period,Value\nCUSTODY_COUNT,2024-01,3\nCUSTODY_COUNT,someday,4\nCUSTODY_COUNT,2024-03,5\n"

    def test_nothing_is_written_without_the_choice(self, organisation, custody):
        result = apply(organisation, csv(self.TEXT))
        assert not result.is_valid and result.can_leave_out and result.left_out == [3]
        assert not Measurement.objects.exists()

    def test_the_choice_imports_the_other_rows_and_says_which_were_left_out(self, organisation, custody):
        result = apply(organisation, csv(self.TEXT), leave_out_errors=True)
        assert result.is_valid
        assert result.summary == "2 values added, 0 changed, 0 unchanged. Left out, in error: row 3."
        assert sorted(Measurement.objects.values_list("value", flat=True)) == [Decimal(3), Decimal(5)]

    def test_the_page_offers_the_other_rows_and_imports_them_once_chosen(self, client, manager, organisation, custody):
        client.force_login(manager)
        page = reverse("performance:measurement_import", kwargs={"org": "lewisham"})
        first = client.post(page, {"file": csv(self.TEXT)})
        html = first.content.decode()
        assert "Import the other 2 rows" in html and "leaving out row 3 to import later" in html
        assert "Confirm import" not in html
        token = first.context["token"]
        done = client.post(page, {"token": token, "confirm": "1", "leave_out_errors": "on"}, follow=True)
        assert "Left out, in error: row 3." in done.content.decode()
        assert Measurement.objects.count() == 2

    def test_a_confirmation_without_the_choice_writes_nothing(self, client, manager, organisation, custody):
        client.force_login(manager)
        page = reverse("performance:measurement_import", kwargs={"org": "lewisham"})
        token = client.post(page, {"file": csv(self.TEXT)}).context["token"]
        client.post(page, {"token": token, "confirm": "1"})
        assert not Measurement.objects.exists()

    def test_a_file_with_only_rows_in_error_offers_nothing_to_leave_out(self, organisation, custody):
        result = preview(organisation, csv("Indicator code,Period,Value\nCUSTODY_COUNT,someday,4\n"))
        assert not result.can_leave_out
