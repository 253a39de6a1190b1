"""Every integer and date a person or an import writes has a range (yos_tracker.ranges), held by the
model beside its field, by every importer by row and record, and by the database against anything
else. A field the application alone writes (a clock's moment, a version, a job's counters) is named
here with why, so a new field is given a range or a reason."""

import datetime
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from governance.services import risk_matrix_install
from governance.spreadsheet import RISK_IMPORTER
from governance.tests.factories import RiskFactory
from improvement.models import ImprovementPlan, RagStatus
from improvement.spreadsheet import PLAN_IMPORTER
from improvement.tests.factories import PlanFactory
from performance.models import Measurement
from performance.services import measurement_record
from performance.spreadsheet import MEASUREMENT_FEED
from performance.tests.factories import TrackedFactory, indicator, outcome_kind
from performance.tracker_import import TRACKER_IMPORTER
from yos_tracker.ranges import ranges_of

PROJECT = ("yos_tracker", "improvement", "performance", "governance", "onboarding")
# Written by the application, never typed or imported: a record's version (raised by its service),
# a job's or a run's bookkeeping, a digest's own record of having gone out, the page cache's numbers,
# a rate limit's count.
SYSTEM = {
    "yos_tracker.ImportJob": {"attempts", "rows_read"},
    "yos_tracker.DataVersion": {"number", "scope"},
    "yos_tracker.RateCount": {"count"},
    "improvement.Action": {"version"},
    "improvement.ReminderSent": {"week_starting", "actions"},
    "performance.Case": {"version"},
    "performance.Measurement": {"version"},
    "performance.RollupRun": {"rows", "attempts"},
    "governance.LogicModel": {"version"},
    "governance.Risk": {"version"},
    "governance.ReportRender": {"version", "pages", "attempts"},
}
NUMBERS_AND_DAYS = (models.IntegerField, models.DateField)  # the small, big and positive ones too


def _models():
    for name in PROJECT:
        for model in apps.get_app_config(name).get_models():
            if not model._meta.object_name.startswith("Historical"):
                yield model


def _written_by_people(model) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, NUMBERS_AND_DAYS)
        and not isinstance(field, models.DateTimeField | models.AutoField)
        and field.name not in SYSTEM.get(model._meta.label, ())
    ]


def test_every_integer_and_date_people_or_imports_write_has_a_range():
    unranged = [
        f"{model._meta.label}.{name}"
        for model in _models()
        for name in _written_by_people(model)
        if name not in ranges_of(model)
    ]
    assert unranged == [], "give these a range (yos_tracker.ranges.in_range), or name them in SYSTEM with why"
    assert sum(len(ranges_of(model)) for model in _models()) >= 70


def test_no_form_asks_for_a_moment():
    """Moments (DateTimeFields) are the application's clock's, so they need no range: no form of
    the project offers one to type."""
    asked = []
    for package in PROJECT:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if ".tests" in info.name or ".migrations" in info.name:
                continue
            for _, cls in inspect.getmembers(importlib.import_module(info.name), inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == info.name:
                    fields = cls.base_fields.items()
                    asked += [f"{cls.__name__}.{n}" for n, f in fields if isinstance(f, forms.DateTimeField)]
    assert asked == []


@pytest.mark.django_db
def test_a_model_refuses_a_value_outside_its_range_beside_the_field_in_words(organisation):
    plan = PlanFactory.build(organisation=organisation, stale_after_days=2**31, period_end=datetime.date(9999, 12, 31))
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert refused.value.message_dict == {
        "stale_after_days": ["Enter a number of days from 1 to 3,650."],
        "period_end": ["Enter a date from 1 January 1998 to 31 December 9998."],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"stale_after_days": 3651},
        {"period_start": datetime.date(1997, 12, 31)},
        {"approved_on": datetime.date(9999, 1, 1)},
    ],
)
def test_the_database_refuses_a_value_outside_its_range_that_goes_round_the_model(organisation, change):
    plan = PlanFactory(organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        ImprovementPlan.objects.filter(pk=plan.pk).update(**change)


@pytest.mark.django_db
def test_the_values_at_the_bounds_are_kept(organisation):
    plan = PlanFactory(organisation=organisation)
    bounds = {
        "stale_after_days": 3650,
        "period_start": datetime.date(1998, 1, 1),
        "period_end": datetime.date(9998, 12, 31),
    }
    ImprovementPlan.objects.filter(pk=plan.pk).update(**bounds)
    plan.refresh_from_db()
    plan.full_clean()
    assert (plan.stale_after_days, plan.period_start, plan.period_end) == tuple(bounds.values())


def _risk(**changes) -> dict:
    levels = dict.fromkeys(("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"), "1")
    return {
        "number": "1",
        "raised_on": "09/06/2017",
        "title": "t",
        "description": "d",
        "owner": "GR",
        **levels,
        **changes,
    }


@pytest.mark.django_db
def test_the_risk_import_names_the_row_and_the_risk_of_each_value_out_of_range(organisation):
    risk_matrix_install(organisation=organisation)
    rows = [
        _risk(number="1", raised_on="31/12/9999"),
        _risk(number="2", review_every_days="400"),
        _risk(number="3", inherent_score="5000"),
        _risk(number="1000000"),
    ]
    result = RISK_IMPORTER.apply_rows(organisation=organisation, rows=rows)
    assert [(e.row, e.reference, e.column, e.message) for e in result.errors] == [
        (
            1,
            "risk 1",
            "Date raised",
            "date raised 31/12/9999 is out of range: give a date from 01/01/1998 to 31/12/9998",
        ),
        (2, "risk 2", "Review every (days)", "Enter a number of days from 1 to 365."),
        (3, "risk 3", "Score before as recorded", "Enter a whole number from 0 to 999."),
        (4, "risk 1000000", "No", "Enter a whole number from 0 to 999,999."),
    ]


@pytest.mark.django_db
def test_a_risk_numbered_after_a_register_at_its_last_number_is_a_row_error(organisation):
    risk_matrix_install(organisation=organisation)
    RiskFactory(organisation=organisation, number=999_999)
    result = RISK_IMPORTER.apply_rows(organisation=organisation, rows=[_risk(number="", title="New")])
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (1, "No", "Enter a whole number from 0 to 999,999.")
    ]


@pytest.mark.django_db
def test_the_plan_and_case_imports_name_the_row_and_the_record_of_a_date_out_of_range(organisation):
    RagStatus.objects.install(organisation)
    plan = PlanFactory(organisation=organisation)
    action = {"reference": "1.1", "recommendation": "1 — Audit plans", "action": "Audit", "due_date": "0001-01-01"}
    result = PLAN_IMPORTER.apply_rows(organisation=organisation, rows=[action], plan=plan)
    assert [(e.row, e.reference, e.column, e.message) for e in result.errors] == [
        (1, "1.1", "Due date", "due date 01/01/0001 is out of range: give a date from 01/01/1998 to 31/12/9998")
    ]
    outcome_kind(organisation)
    event = {"reference": "LW-17-001", "event": "outcome", "date": "31/12/9999", "kind": "conviction"}
    result = TRACKER_IMPORTER.apply_rows(organisation=organisation, rows=[event])
    assert [(e.row, e.reference, e.column, e.message) for e in result.errors] == [
        (1, "LW-17-001", "Date", "date 31/12/9999 is out of range: give a date from 01/01/1998 to 31/12/9998")
    ]


@pytest.mark.django_db
def test_a_yearly_value_for_january_1998_is_kept_under_its_year_from_april_1997(organisation, manager):
    yearly = indicator("BOARD_SELF_ASSESSMENT")
    TrackedFactory(organisation=organisation, indicator=yearly)
    january = datetime.date(1998, 1, 1)
    recorded = measurement_record(organisation=organisation, indicator=yearly, period=january, value=80)
    assert recorded.period == datetime.date(1997, 4, 1)
    fed = MEASUREMENT_FEED.apply_rows(
        organisation=organisation, rows=[{"indicator": yearly.code, "period": "1998-02", "value": 81}], user=manager
    )
    assert not fed.errors and Measurement.objects.get(indicator=yearly).value == 81


@pytest.mark.django_db
def test_a_nul_in_a_fed_value_is_an_error_naming_its_item_and_column(organisation, manager):
    # A file cannot carry one; the API's data can, and PostgreSQL can neither store nor look one up.
    TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
    rows = [{"indicator": "CUSTODY_COUNT", "period": "2017-04", "value": 3, "note": "a\x00b"}]
    result = MEASUREMENT_FEED.apply_rows(organisation=organisation, rows=rows, user=manager)
    assert [(e.row, e.column, e.message) for e in result.errors] == [(1, "Note", "Null characters are not allowed.")]
    assert not Measurement.objects.exists()
