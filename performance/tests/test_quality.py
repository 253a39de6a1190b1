"""Management oversight: each data-quality exception found, linked to its record, narrowed by
team or case manager, exported, and counted on the home page."""

import datetime
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory
from performance.choices import OffenceType
from performance.models import AuditGrade, Case, QualifyingOutcome, Reoffence
from performance.quality import data_quality
from performance.tests.factories import CaseAuditFactory, MeasurementFactory, TrackedFactory, indicator, outcome_kind

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2017, 6, 15)
JANUARY = D(2017, 1, 10)


@pytest.fixture
def records(organisation):
    def case(reference, team="Court team", assessed=True, outcome=JANUARY):
        made = Case.objects.create(organisation=organisation, reference=reference, team=team, assessed=assessed)
        if outcome:
            QualifyingOutcome.objects.create(case=made, date=outcome, kind=outcome_kind(organisation))
        return made

    case("LW-17-001")  # clean
    case("LW-17-002", assessed=False)
    early = case("LW-17-003", team="Out of court team")
    Reoffence.objects.create(
        case=early, offence_date=D(2017, 1, 2), proven_date=D(2017, 2, 1), offence_type=OffenceType.THEFT, gravity=3
    )
    Reoffence.objects.create(
        case=case("LW-17-004"), offence_date=D(2017, 3, 2), proven_date=D(2017, 4, 1), offence_type=OffenceType.THEFT
    )
    case("lw-17-001", team="Out of court team")
    case("Smith01")
    plan = PlanFactory(organisation=organisation)
    ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="4(g)", owner_name="")
    ActionFactory(recommendation=RecommendationFactory(plan=plan), reference="4(h)")  # has an owner
    TrackedFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"))
    TrackedFactory(organisation=organisation, indicator=indicator("FTE_COUNT"))
    MeasurementFactory(organisation=organisation, indicator=indicator("CUSTODY_COUNT"), period=D(2017, 5, 1))
    good = AuditGrade.objects.install(organisation, "bromley")[0]
    areas = ["assessment", "intervention", "risk", "vulnerability", "overall"]
    CaseAuditFactory(organisation=organisation, month=D(2017, 4, 1), **dict.fromkeys(areas, good))
    return organisation


def _found(groups) -> dict[str, list[str]]:
    return {group.key: [item.record for item in group.items] for group in groups}


def test_each_exception_is_found_and_nothing_clean_is(records):
    assert _found(data_quality(records, today=TODAY)) == {
        "no_assessment": ["LW-17-002"],
        "reoffence_before_outcome": ["LW-17-003"],
        "missing_offence_detail": ["LW-17-004"],
        "duplicate_reference": ["LW-17-001", "lw-17-001"],
        "name_like_reference": ["Smith01"],
        "action_without_owner": ["4(g)"],
        "indicator_without_value": ["FTE_COUNT"],  # custody has May's value; FTE's last quarter has none
        "audits_overdue": ["May 2017"],
    }


def test_every_item_links_to_its_record(records, client, manager):
    client.force_login(manager)
    for group in data_quality(records, today=TODAY):
        for item in group.items:
            assert client.get(item.url).status_code == 200, item


def test_team_narrows_the_case_exceptions_only(records):
    found = _found(data_quality(records, today=TODAY, team="Out of court team"))
    assert found["reoffence_before_outcome"] == ["LW-17-003"] and found["no_assessment"] == []
    assert found["duplicate_reference"] == []  # one of the pair is in another team
    assert found["action_without_owner"] == ["4(g)"]


def test_the_page_exports_what_it_shows_and_the_home_page_counts_it(records, client, board_member):
    client.force_login(board_member)
    org = records.slug
    export = client.get(
        reverse("performance:data_quality_export", kwargs={"org": org, "fmt": "xlsx"}), {"team": "Court team"}
    )
    sheet = openpyxl.load_workbook(BytesIO(export.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert ["Cases with an outcome but no assessment", "LW-17-002", "no assessment recorded"] in rows
    assert not any(row[1] == "LW-17-003" for row in rows)

    home = client.get(reverse("org_home", kwargs={"org": org})).content.decode()
    assert reverse("performance:data_quality_summary", kwargs={"org": org}) in home
    summary = client.get(reverse("performance:data_quality_summary", kwargs={"org": org})).content.decode()
    assert "Data quality" in summary and "Duplicate references" in summary
