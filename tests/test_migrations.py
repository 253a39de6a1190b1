"""A database built before a model changed migrates forward with every record.

Each test takes the database back to the migrations before the change (organisations moving into
the core at commit 8fa191e; outcome types becoming each service's own), writes records through the
models as they were then, migrates to today's head and finds the same records through today's models.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from governance.models import Risk, SelfAssessment
from improvement.models import ImprovementPlan, Inspection
from performance.models import CaseAudit, OutcomeKind, QualifyingOutcome
from yos_tracker import page_cache
from yos_tracker.choices import Role
from yos_tracker.models import Membership, Organisation

BEFORE_THE_MOVE = [
    ("governance", "0007_report_sections_optional"),
    ("improvement", "0006_evidence_link_length"),
    ("performance", "0003_monthly_rollup_schedule"),
    ("yos_tracker", None),
]


@pytest.fixture(autouse=True)
def schema_in_flux():
    """Taken back to migrations older than the data version's table, writes cannot raise it."""
    with page_cache.unwatched():
        yield


def _migrate(targets):
    """Migrate to `targets`; the models as they are there, with Django's own apps at their head."""
    MigrationExecutor(connection).migrate(targets)
    graph = MigrationExecutor(connection).loader.graph
    django_apps = [leaf for leaf in graph.leaf_nodes() if leaf[0] in ("auth", "contenttypes")]
    return MigrationExecutor(connection).loader.project_state([t for t in targets if t[1]] + django_apps).apps


@pytest.mark.django_db(transaction=True)
def test_records_made_before_the_move_are_found_after_it(django_user_model):
    old = _migrate(BEFORE_THE_MOVE)
    OldOrganisation = old.get_model("governance", "Organisation")
    OldMembership = old.get_model("governance", "Membership")
    OldUser = old.get_model("auth", "User")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldContentType.objects.get_or_create(app_label="governance", model="organisation")
    lewisham = OldOrganisation.objects.create(
        name="Lewisham Youth Offending Service", slug="lewisham", local_authority="London Borough of Lewisham"
    )
    old.get_model("governance", "HistoricalOrganisation").objects.create(
        id=lewisham.pk,
        name=lewisham.name,
        slug=lewisham.slug,
        local_authority=lewisham.local_authority,
        history_date=datetime.datetime(2017, 1, 5, tzinfo=datetime.UTC),
        history_type="+",
    )
    person = OldUser.objects.create(username="gr", email="gr@lewisham.gov.uk")
    OldMembership.objects.create(user=person, organisation=lewisham, role="manager")
    old.get_model("improvement", "ImprovementPlan").objects.create(
        organisation=lewisham,
        title="HMIP improvement plan 2017",
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 12, 31),
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    organisation = Organisation.objects.get(slug="lewisham")
    assert organisation.pk == lewisham.pk
    assert Organisation.history.get().history_date.year == 2017
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user.username, membership.role) == ("gr", Role.MANAGER)
    assert ImprovementPlan.objects.get().organisation == organisation
    # Admin history and permissions follow the model to its new app.
    assert ContentType.objects.filter(app_label="yos_tracker", model="organisation").count() == 1
    assert not ContentType.objects.filter(app_label="governance", model="organisation").exists()


@pytest.mark.django_db(transaction=True)
def test_an_outcome_recorded_by_its_type_as_text_points_at_that_type_of_its_service_after():
    old = _migrate([("performance", "0013_outcome_kinds")])
    OldOrganisation = old.get_model("yos_tracker", "Organisation")
    lewisham = OldOrganisation.objects.create(name="Lewisham YOS", slug="lewisham", local_authority="Lewisham")
    case = old.get_model("performance", "Case").objects.create(organisation=lewisham, reference="LW-17-001")
    Outcome = old.get_model("performance", "QualifyingOutcome")
    Outcome.objects.create(case=case, date=datetime.date(2017, 1, 10), outcome_type="custody_release")
    Outcome.objects.create(case=case, date=datetime.date(2017, 2, 10), outcome_type="triage")  # not a YJB type

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    kinds = {o.date.month: (o.kind.code, o.kind.label) for o in QualifyingOutcome.objects.select_related("kind")}
    assert kinds == {1: ("custody_release", "Release from custody"), 2: ("triage", "triage")}  # nothing lost
    assert {k.organisation.slug for k in OutcomeKind.objects.all()} == {"lewisham"}
    assert OutcomeKind.objects.filter(code="caution").exists()  # the service has the YJB's types too


@pytest.mark.django_db(transaction=True)
def test_judgements_and_self_assessments_made_before_standards_were_records_keep_their_ratings():
    old = _migrate([("governance", "0013_youth_justice_plan_and_logic_models"), ("improvement", "0011_status_aliases")])
    lewisham = old.get_model("yos_tracker", "Organisation").objects.create(
        name="Lewisham YOS", slug="lewisham", local_authority="Lewisham"
    )
    framework = old.get_model("improvement", "InspectionFramework").objects.get(code="hmip-2012")
    poor = framework.levels.get(label="Poor")
    inspection = old.get_model("improvement", "Inspection").objects.create(
        organisation=lewisham, framework=framework, inspection_type="full_joint", overall_narrative="Six areas."
    )
    Judgement = old.get_model("improvement", "InspectionJudgement")
    Judgement.objects.create(inspection=inspection, area="Reducing  reoffending", level=poor, narrative="Weak plans")
    Judgement.objects.create(inspection=inspection, area="Youth offending panels", level=poor, narrative="Thin")
    # As governance's migration 0003 loaded it (migrating back recreates the table empty).
    domain_1, _ = old.get_model("governance", "StandardsFramework").objects.get_or_create(
        code="hmip-domain-1", defaults={"name": "HMI Probation: organisational delivery (Domain 1)"}
    )
    domain_1.standards.get_or_create(code="1.3", defaults={"title": "Partnerships and services"})
    assessment = old.get_model("governance", "SelfAssessment").objects.create(
        organisation=lewisham, framework=domain_1, date=datetime.date(2018, 12, 1), title="2018"
    )
    old.get_model("governance", "StandardRating").objects.create(
        assessment=assessment, standard=domain_1.standards.get(code="1.3"), rating="requires_improvement"
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    inspection = Inspection.objects.get()
    judgement = inspection.judgements.get()
    assert (judgement.standard.code, judgement.level.label, judgement.narrative) == ("FJI 1", "Poor", "Weak plans")
    # An area no standard matches is kept, in words, rather than dropped.
    assert inspection.overall_narrative == "Six areas.\n\nYouth offending panels: Poor — Thin"
    rating = SelfAssessment.objects.get().ratings.get()
    assert rating.assessment.framework.code == "hmip-2018"
    assert (rating.standard.code, rating.standard.title, rating.level.label) == (
        "1.3",
        "Partnerships and services",
        "Requires improvement",
    )


BEFORE_THE_RANGES = [
    ("improvement", "0015_national_standards_audit_framework"),
    ("performance", "0023_case_audit_auditor_name"),
    ("governance", "0020_job_heartbeats"),
]


@pytest.mark.django_db(transaction=True)
def test_values_stored_outside_their_ranges_are_moved_inside_and_each_move_is_printed(capsys):
    old = _migrate(BEFORE_THE_RANGES)
    lewisham = old.get_model("yos_tracker", "Organisation").objects.create(
        name="Lewisham YOS", slug="lewisham", local_authority="Lewisham"
    )
    # PostgreSQL's smallint holds no more than 32,767: past the ranges, within the column.
    plan = old.get_model("improvement", "ImprovementPlan").objects.create(
        organisation=lewisham,
        title="Plan",
        period_start=datetime.date(1990, 1, 1),
        period_end=datetime.date(1995, 1, 1),
        stale_after_days=32_767,
    )
    risk = old.get_model("governance", "Risk").objects.create(
        organisation=lewisham,
        number=10**7,
        raised_on=datetime.date(9999, 12, 31),
        last_reviewed=datetime.date(1, 1, 1),
        target_score=40,
        review_every_days=3650,
        **dict.fromkeys(("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"), 2),
        title="Analytic capacity",
        description="d",
        owner="GR",
    )
    old.get_model("governance", "HistoricalRisk").objects.create(
        id=risk.pk,
        organisation=lewisham,
        number=7,
        raised_on=datetime.date(9999, 12, 31),
        **dict.fromkeys(("inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"), 2),
        title="Analytic capacity",
        description="d",
        owner="GR",
        history_date=datetime.datetime(2017, 1, 5, tzinfo=datetime.UTC),
        history_type="+",
    )
    grade = old.get_model("performance", "AuditGrade").objects.create(
        organisation=lewisham, code="good", label="Good", colour="#00703c", rank=1
    )
    Audit = old.get_model("performance", "CaseAudit")
    for month in (datetime.date(9999, 1, 1), datetime.date(9999, 6, 1)):  # one case a month: both cannot be December
        Audit.objects.create(
            organisation=lewisham, month=month, case_reference="LW-1", case_type="court_order", overall=grade
        )
    capsys.readouterr()

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    plan = ImprovementPlan.objects.get(pk=plan.pk)
    # Moved together, a period that ran from 1990 to 1995 is the first day it could be.
    assert (plan.period_start, plan.period_end) == (datetime.date(1998, 1, 1), datetime.date(1998, 1, 1))
    assert plan.stale_after_days == 3650
    risk = Risk.objects.get(pk=risk.pk)
    assert (risk.number, risk.raised_on, risk.review_every_days) == (999_999, datetime.date(9998, 12, 31), 365)
    assert (risk.last_reviewed, risk.target_score) == (None, None)  # emptied rather than invented
    assert risk.history.get().raised_on == datetime.date(9998, 12, 31)
    months = sorted(CaseAudit.objects.values_list("month", flat=True))
    assert months == [datetime.date(9998, 11, 1), datetime.date(9998, 12, 1)]  # the nearest free first days
    printed = capsys.readouterr().out
    assert f"Repaired improvement.ImprovementPlan {plan.pk}: stale_after_days 32767 → 3650" in printed
    assert f"Repaired governance.Risk {risk.pk}: last_reviewed 0001-01-01 → empty" in printed
    assert printed.count("Repaired") == 11


BEFORE_SEVERAL_ROLES = [("yos_tracker", "0009_rate_counts")]


@pytest.mark.django_db(transaction=True)
def test_a_membership_of_one_role_is_carried_and_the_person_may_then_hold_several():
    old = _migrate(BEFORE_SEVERAL_ROLES)
    lewisham = old.get_model("yos_tracker", "Organisation").objects.create(
        name="Lewisham Youth Offending Service", slug="lewisham", local_authority="London Borough of Lewisham"
    )
    person = old.get_model("auth", "User").objects.create(username="jo", email="jo@lewisham.gov.uk")
    old.get_model("yos_tracker", "Membership").objects.create(user=person, organisation=lewisham, role="manager")

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    organisation = Organisation.objects.get(pk=lewisham.pk)
    [membership] = Membership.objects.filter(organisation=organisation)
    assert (membership.user.username, membership.role) == ("jo", Role.MANAGER)
    Membership.objects.create(user=membership.user, organisation=organisation, role=Role.ADMINISTRATOR)
    assert Membership.objects.roles_of(membership.user, organisation) == [Role.MANAGER, Role.ADMINISTRATOR]

    # Back before several roles, the person keeps the one that lets the organisation manage its members.
    old = _migrate(BEFORE_SEVERAL_ROLES)
    kept = old.get_model("yos_tracker", "Membership").objects.filter(organisation_id=organisation.pk)
    assert list(kept.values_list("role", flat=True)) == ["admin"]
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
