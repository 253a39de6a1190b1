"""Export, then import: nothing changes. For every kind a service keeps in spreadsheets (plans,
indicator values, case audits, risks, the live tracker's case records) and for the API's bulk
feeds (values, case events), records with awkward values — owners that are accounts, blank
optional fields, long text, text that looks like a formula, percentages, dates at month ends —
are written out in .xlsx and .csv (or read from the API) and read back in. The import must find
every row unchanged, write no history, and leave every field as it was.

Each example runs in a savepoint rolled back after it, so examples never see each other's records.
"""

import calendar
import contextlib
import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance import services as governance_services
from governance import spreadsheet as risk_spreadsheet
from governance.choices import RiskStatus
from governance.models import Risk
from improvement import spreadsheet as plan_spreadsheet
from improvement.models import Action, ProgressUpdate, RagStatus, Recommendation
from improvement.tests.factories import PlanFactory
from performance import rag, tracker_import
from performance import spreadsheet as performance_spreadsheet
from performance.choices import CaseType, OffenceType
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Measurement,
    OutcomeKind,
    QualifyingOutcome,
    Reoffence,
)
from performance.models.audits import AUDIT_AREAS
from performance.tests.factories import TrackedFactory, indicator, local_indicator
from yos_tracker.choices import Role
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
FORMATS = pytest.mark.parametrize("fmt", ["xlsx", "csv"])

# --- What people type ---------------------------------------------------------------------------

# Printable text and line breaks: what a form can save (a worksheet cannot hold control
# characters, so an export drops them; that is a change, and is not what these tests are about).
PLAIN = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn"), blacklist_characters="\ufeff") | st.just("\n"),
    min_size=1,
    max_size=40,
)
FORMULA_LIKE = st.sampled_from(
    ["=SUM(A1:A3)", '=HYPERLINK("http://evil.example","x")', "+44 20 7946 0000", "-5 on last month", "@risk", "'=1"]
)


def text(max_size: int, *, blank: bool = False):
    """Text as a form saves it: trimmed, sometimes long, sometimes like a formula, with line breaks
    as a worksheet (LF) or a browser (CRLF) gives them; "" too where the field may be blank."""
    long = st.integers(min_value=max_size // 2, max_value=max_size).map(
        lambda n: ("Line of a long narrative.\n" * (n // 26 + 1))[:n]
    )
    crlf = st.booleans()
    some = st.tuples(st.one_of(PLAIN, FORMULA_LIKE, long), crlf).map(
        lambda drawn: (drawn[0].replace("\n", "\r\n") if drawn[1] else drawn[0])[:max_size].strip()
    )
    some = some.filter(bool)
    return st.one_of(st.just(""), some) if blank else some


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


DAYS = st.one_of(
    st.dates(datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)),
    st.dates(datetime.date(2010, 1, 1), datetime.date(2025, 12, 31)).map(month_end),
)


# --- Before and after ---------------------------------------------------------------------------


@contextlib.contextmanager
def rolled_back():
    """One example's records, gone after it (a savepoint inside the test's transaction)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def history_rows() -> int:
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def state(*models) -> tuple:
    """Every row of the models, field by field, and the history of every model."""
    return history_rows(), [list(model.objects.order_by("pk").values()) for model in models]


def upload(content: bytes, fmt: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"export.{fmt}", content)


def assert_unchanged(result):
    assert result.is_valid, [str(e) for e in result.errors]
    changed = [(row.label, row.kind, row.changes) for row in result.rows if row.kind != "unchanged"]
    assert changed == []


# --- The improvement plan -------------------------------------------------------------------------


@pytest.fixture
def plan_world(organisation, manager, make_member):
    RagStatus.objects.install(organisation)
    unnamed = make_member(organisation, Role.MANAGER, "jo.bloggs@lewisham.gov.uk")
    unnamed.first_name = unnamed.last_name = ""
    unnamed.save()
    departed = make_member(organisation, Role.MANAGER, "departed")
    departed.memberships.all().delete()
    return {
        "plan": PlanFactory(organisation=organisation),
        "owners": [manager, unnamed, departed],
        "scale": list(RagStatus.objects.for_org(organisation)),
    }


@st.composite
def actions(draw, owners, scale):
    references = draw(
        st.lists(
            st.from_regex(r"[1-9](\.[0-9]{1,2})?(\([a-h]\))?", fullmatch=True),
            min_size=1,
            max_size=6,
            unique_by=str.lower,
        )
    )
    drawn = []
    for reference in references:
        start = draw(st.one_of(st.none(), DAYS))
        due = draw(st.one_of(st.none(), DAYS.filter(lambda d, start=start: start is None or d >= start)))
        owner = draw(st.one_of(st.none(), st.sampled_from(owners)))
        update = draw(
            st.one_of(
                st.none(),
                st.tuples(st.sampled_from(scale), text(400), DAYS.filter(lambda d: d <= timezone.localdate())),
            )
        )
        drawn.append(
            {
                "reference": reference,
                "recommendation": draw(st.sampled_from(["1", "2"])),
                "description": draw(text(1200)),
                "owner": owner,
                "owner_name": "" if owner else draw(text(200, blank=True)),
                "lead": draw(text(200, blank=True)),
                "start_date": start,
                "due_date": due,
                "update": update,
            }
        )
    return drawn


@FORMATS
@EXAMPLES
@given(data=st.data())
def test_a_plan_exported_then_imported_changes_nothing(plan_world, manager, fmt, data):
    plan = plan_world["plan"]
    drawn = data.draw(actions(plan_world["owners"], plan_world["scale"]))
    with rolled_back():
        recommendations = {
            ref: Recommendation.objects.create(plan=plan, reference=ref, text=f"Recommendation {ref}\nin two lines")
            for ref in ("1", "2")
        }
        for order, row in enumerate(drawn):
            update = row.pop("update")
            action = Action.objects.create(
                recommendation=recommendations[row.pop("recommendation")], order=order, **row
            )
            if update:
                ProgressUpdate.objects.create(action=action, status=update[0], narrative=update[1], date=update[2])
        before = state(Action, ProgressUpdate, Recommendation)
        exported = plan_spreadsheet.plan_export(plan, fmt)
        result = plan_spreadsheet.PLAN_IMPORTER.apply(
            organisation=plan.organisation, upload=upload(exported, fmt), user=manager, plan=plan
        )
        assert_unchanged(result)
        assert state(Action, ProgressUpdate, Recommendation) == before


# --- Indicator values ---------------------------------------------------------------------------------


@pytest.fixture
def tracked(organisation):
    """A monthly count, a service's own percentage, a quarterly ratio percentage and a rate."""
    codes = ["CUSTODY_COUNT", "REOFF_BINARY", "FTE_RATE"]
    found = [indicator(code) for code in codes] + [local_indicator(organisation)]
    for order, one in enumerate(found):
        TrackedFactory(organisation=organisation, indicator=one, order=order)
    return found


DIRECT = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)
PERCENT = st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False)
COUNTS = st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def measurements(draw, tracked):
    drawn = []
    for one in tracked:
        months = draw(st.lists(DAYS, min_size=0, max_size=4))
        for period in sorted({rag.period_start(day, one.frequency) for day in months}):
            row = {"indicator": one, "period": period, "note": draw(text(500, blank=True))}
            row["source"] = draw(text(200, blank=True))
            if one.is_ratio:
                numerator = draw(COUNTS)
                denominator = draw(COUNTS.filter(lambda d, n=numerator: d > 0 and d >= n))
                row |= {
                    "numerator": numerator,
                    "denominator": denominator,
                    "value": rag.compute_value(numerator, denominator, one.multiplier),
                }
            else:
                row["value"] = draw(PERCENT if one.unit == "percent" else DIRECT)
            drawn.append(row)
    return drawn


@FORMATS
@EXAMPLES
@given(data=st.data())
def test_indicator_values_exported_then_imported_change_nothing(organisation, manager, tracked, fmt, data):
    drawn = data.draw(measurements(tracked))
    with rolled_back():
        for row in drawn:
            Measurement.objects.create(organisation=organisation, **row)
        before = state(Measurement)
        exported = performance_spreadsheet.measurement_export(organisation, fmt)
        result = performance_spreadsheet.MEASUREMENT_IMPORTER.apply(
            organisation=organisation, upload=upload(exported, fmt), user=manager
        )
        assert result.percentages is None  # an export says which cells are percentages
        assert_unchanged(result)
        assert state(Measurement) == before


@EXAMPLES
@given(data=st.data())
def test_indicator_values_read_from_the_api_and_fed_back_change_nothing(organisation, manager, tracked, data):
    drawn = data.draw(measurements(tracked))
    with rolled_back():
        for row in drawn:
            Measurement.objects.create(organisation=organisation, **row)
        before = state(Measurement)
        api = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Feed')[1]}")
        base = f"/api/v1/{organisation.slug}/measurements/"
        read = api.get(base, {"page_size": 1000}).json()["results"]
        fields = ("indicator", "period", "value", "numerator", "denominator", "note", "source")
        items = [{name: item[name] for name in fields} for item in read]
        # What it read are percentages, and the feed says so (fractions are refused unless it does).
        body = {"percentages": "percent", "measurements": items}
        answer = api.post(f"{base}bulk/", body, content_type="application/json").json()
        assert answer == {"create": 0, "change": 0, "unchanged": len(drawn), "changes": []}
        assert state(Measurement) == before


# --- Case audits ------------------------------------------------------------------------------------


@st.composite
def audits(draw, grades):
    keys = draw(
        st.lists(
            st.tuples(DAYS.map(lambda d: d.replace(day=1)), st.from_regex(r"[A-Z]{2}-[0-9]{3,5}", fullmatch=True)),
            min_size=1,
            max_size=6,
            unique_by=lambda key: (key[0], key[1].lower()),
        )
    )
    return [
        {
            "month": month,
            "case_reference": reference,
            "case_type": draw(st.sampled_from(CaseType.values)),
            **{area: draw(st.one_of(st.none(), st.sampled_from(grades))) for area, _ in AUDIT_AREAS},
            "overall": draw(st.sampled_from(grades)),
            "notes": draw(text(600, blank=True)),
        }
        for month, reference in keys
    ]


@FORMATS
@EXAMPLES
@given(data=st.data())
def test_case_audits_exported_then_imported_change_nothing(organisation, manager, fmt, data):
    grades = AuditGrade.objects.install(organisation, "lewisham")
    drawn = data.draw(audits(grades))
    with rolled_back():
        for row in drawn:
            CaseAudit.objects.create(organisation=organisation, auditor=manager, **row)
        before = state(CaseAudit)
        exported = performance_spreadsheet.audit_export(CaseAudit.objects.for_org(organisation), fmt)
        result = performance_spreadsheet.AUDIT_IMPORTER.apply(
            organisation=organisation, upload=upload(exported, fmt), user=manager
        )
        assert_unchanged(result)
        assert state(CaseAudit) == before


# --- The risk register ------------------------------------------------------------------------------


@st.composite
def risks(draw):
    numbers = draw(st.lists(st.integers(1, 500), min_size=1, max_size=6, unique=True))
    drawn = []
    for number in numbers:
        levels = {
            name: draw(st.integers(1, 3))
            for name in ("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact")
        }
        recorded = {}
        for when in ("inherent", "residual"):
            computed = levels[f"{when}_likelihood"] * levels[f"{when}_impact"]
            recorded[f"{when}_score_recorded"] = draw(
                st.one_of(st.none(), st.integers(1, 9).filter(lambda s, c=computed: s != c))
            )
        drawn.append(
            {
                "number": number,
                "raised_on": draw(DAYS),
                "title": draw(text(200)),
                "description": draw(text(1500)),
                "owner": draw(text(100)),
                "category": draw(text(100, blank=True)),
                "mitigations": draw(text(1500, blank=True)),
                "last_reviewed": draw(st.one_of(st.none(), DAYS)),
                "status": draw(st.sampled_from(RiskStatus.values)),
                "status_commentary": draw(text(800, blank=True)),
                **levels,
                **recorded,
            }
        )
    return drawn


@FORMATS
@EXAMPLES
@given(drawn=risks())
def test_a_risk_register_exported_then_imported_changes_nothing(organisation, manager, fmt, drawn):
    governance_services.risk_matrix_install(organisation=organisation)
    with rolled_back():
        for row in drawn:
            Risk.objects.create(organisation=organisation, **row)
        before = state(Risk)
        exported = risk_spreadsheet.export(organisation, fmt)
        result = risk_spreadsheet.RISK_IMPORTER.apply(organisation=organisation, upload=upload(exported, fmt))
        assert_unchanged(result)
        assert not result.same_records
        assert state(Risk) == before


# --- The live tracker's case records ----------------------------------------------------------------


@st.composite
def cases(draw, kinds):
    references = draw(
        st.lists(st.from_regex(r"[A-Z]{2}-[0-9]{3,5}", fullmatch=True), min_size=1, max_size=4, unique_by=str.lower)
    )
    drawn = []
    for reference in references:
        first = draw(st.dates(datetime.date(2015, 1, 1), datetime.date(2020, 12, 31)))
        outcomes = [(first, draw(st.sampled_from(kinds)), draw(st.one_of(st.none(), st.integers(1, 8))))]
        outcomes += [
            (day, draw(st.sampled_from(kinds)), None)
            for day in draw(st.lists(st.dates(first, datetime.date(2021, 12, 31)), max_size=2, unique=True))
            if day != first
        ]
        offences = []
        for day in draw(
            st.lists(st.dates(first + datetime.timedelta(days=1), datetime.date(2022, 6, 30)), max_size=3, unique=True)
        ):
            offences.append(
                {
                    "offence_date": day,
                    "proven_date": draw(st.dates(day, datetime.date(2023, 6, 30)).map(month_end)),
                    "offence_type": draw(st.sampled_from(OffenceType.values)),
                    "gravity": draw(st.one_of(st.none(), st.integers(1, 8))),
                    "violent": draw(st.booleans()),
                }
            )
        drawn.append(
            {
                "reference": reference,
                "team": draw(text(60, blank=True)),
                "case_manager": draw(text(100, blank=True)),
                "outcomes": outcomes,
                "offences": offences,
            }
        )
    return drawn


def _record_cases(organisation, drawn):
    for row in drawn:
        case = Case.objects.create(
            organisation=organisation, reference=row["reference"], team=row["team"], case_manager=row["case_manager"]
        )
        for day, kind, gravity in {(d, k.pk, g): (d, k, g) for d, k, g in row["outcomes"]}.values():
            QualifyingOutcome.objects.create(case=case, date=day, kind=kind, gravity=gravity)
        for offence in {(o["offence_date"], o["offence_type"]): o for o in row["offences"]}.values():
            Reoffence.objects.create(case=case, **offence)


CASE_MODELS = (Case, QualifyingOutcome, Reoffence)


@pytest.fixture
def kinds(organisation):
    found = OutcomeKind.objects.install(organisation)
    found[-1].retired = True  # a retired type still names the outcomes recorded with it
    found[-1].save()
    return found


@FORMATS
@EXAMPLES
@given(data=st.data())
def test_case_records_exported_then_imported_change_nothing(organisation, manager, kinds, fmt, data):
    drawn = data.draw(cases(kinds))
    with rolled_back():
        _record_cases(organisation, drawn)
        before = state(*CASE_MODELS)
        exported = tracker_import.case_records_export(organisation, fmt)
        result = tracker_import.TRACKER_IMPORTER.apply(
            organisation=organisation, upload=upload(exported, fmt), user=manager
        )
        assert_unchanged(result)
        assert state(*CASE_MODELS) == before


@EXAMPLES
@given(data=st.data())
def test_case_records_read_from_the_api_and_fed_back_change_nothing(organisation, manager, kinds, data):
    drawn = data.draw(cases(kinds))
    with rolled_back():
        _record_cases(organisation, drawn)
        before = state(*CASE_MODELS)
        api = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Feed')[1]}")
        base = f"/api/v1/{organisation.slug}/cases/"
        events = []
        for case in api.get(base, {"page_size": 1000}).json()["results"]:
            own = {"reference": case["reference"], "team": case["team"], "case_manager": case["case_manager"]}
            events += [{**own, "event": "outcome", **o} for o in case["outcomes"]]
            events += [
                {
                    **own,
                    "event": "reoffence",
                    "date": o["offence_date"],
                    "kind": o["offence_type"],
                    "proven_date": o["proven_date"],
                    "gravity": o["gravity"],
                    "violent": o["violent"],
                }
                for o in case["reoffences"]
            ]
        answer = api.post(f"{base}events/", {"events": events}, content_type="application/json").json()
        assert answer == {"create": 0, "change": 0, "unchanged": len(events), "changes": []}
        assert state(*CASE_MODELS) == before


def test_the_values_export_writes_percentages_as_percentages(organisation, tracked):
    """The reason a percentage survives the round trip: the export says it is one."""
    Measurement.objects.create(
        organisation=organisation, indicator=tracked[-1], period=datetime.date(2024, 1, 1), value=Decimal("62.5")
    )
    assert "62.5%" in performance_spreadsheet.measurement_export(organisation, "csv").decode("utf-8-sig")
