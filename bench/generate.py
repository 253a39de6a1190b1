"""The benchmark's dataset, written with PostgreSQL COPY so a million rows take seconds.

Per organisation (20 of them): 80 tracked indicators × 120 monthly values, 400 actions with 10
updates each, 50,000 case audits (1,000,000 in all), 200 risks with 5 reviews each, and 10,000
live-tracker cases over five years (a qualifying outcome each, a third reoffending) in five
yearly cohorts. One more
organisation, "bench-tenth", holds a tenth of an organisation's data, to show that pages make
the same number of queries whatever the size.
"""

import datetime
import os
import random

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from governance.services import risk_matrix_install
from improvement.models import ImprovementPlan, RagStatus, Recommendation
from performance.models import AuditGrade, Indicator, IndicatorCategory, OutcomeKind, Target, TrackedIndicator
from yos_tracker.choices import Role
from yos_tracker.history import history_for_unversioned
from yos_tracker.models import Membership, Organisation

ORGANISATIONS = 20
INDICATORS = 80
PERIODS = 120
ACTIONS = 400
UPDATES = 10
AUDITS = 1_000_000
RISKS = 200
REVIEWS = 5
CASES = 10_000  # the live tracker's, per organisation, over five years with a cohort each
CASE_YEARS = range(2013, 2018)
FIRST_PERIOD = datetime.date(2010, 1, 1)
PASSWORD = "bench-password"
# Every service's share of the rows above: 1 in `make bench`; less to try the bench quickly
# (BENCH_SCALE=0.1), keeping the 20 services the mixed workload spreads over.
SCALE = float(os.environ.get("BENCH_SCALE", "1"))


def months(count: int) -> list[datetime.date]:
    return [datetime.date(FIRST_PERIOD.year + (i // 12), 1 + i % 12, 1) for i in range(count)]


def copy(table: str, columns: list[str], rows) -> int:
    """COPY rows into a table; returns how many."""
    count = 0
    connection.ensure_connection()
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy_in,
    ):
        for row in rows:
            copy_in.write_row(row)
            count += 1
    return count


def _indicators() -> list[Indicator]:
    indicators = list(Indicator.objects.order_by("pk"))
    category = IndicatorCategory.objects.first()
    for n in range(len(indicators), INDICATORS):
        indicators.append(
            Indicator.objects.create(
                code=f"BENCH_{n}",
                name=f"Benchmark indicator {n}",
                category=category,
                scope="local",
                unit="count",
                polarity="lower_better",
                frequency="monthly",
            )
        )
    return indicators[:INDICATORS]


@transaction.atomic
def organisation_with_data(slug: str, *, share: float, indicators: list[Indicator], rng: random.Random) -> Organisation:
    org = Organisation.objects.create(name=f"Benchmark service {slug}", slug=slug, local_authority=f"Borough {slug}")
    User = get_user_model()
    user = User.objects.create_user(username=f"{slug}.manager", password=PASSWORD, email=f"{slug}@bench.invalid")
    Membership.objects.create(user=user, organisation=org, role=Role.MANAGER)
    scale = RagStatus.objects.install(org)
    grades = AuditGrade.objects.install(org)
    conviction = next(kind for kind in OutcomeKind.objects.install(org) if kind.code == "conviction")
    risk_matrix_install(organisation=org)

    TrackedIndicator.objects.bulk_create(
        [TrackedIndicator(organisation=org, indicator=ind, order=i) for i, ind in enumerate(indicators)]
    )
    Target.objects.bulk_create(
        [
            Target(organisation=org, indicator=ind, applies_from=FIRST_PERIOD, value=50, tolerance=5)
            for ind in indicators
        ]
    )
    periods = months(max(1, int(PERIODS * share)))
    now = timezone.now()
    copy(
        "performance_measurement",
        ["organisation_id", "indicator_id", "period", "value", "note", "source", "updated_at", "version"],
        ((org.pk, ind.pk, p, rng.randint(20, 80), "", "bench", now, 1) for ind in indicators for p in periods),
    )

    plan = ImprovementPlan.objects.create(
        organisation=org,
        title="Benchmark plan",
        period_start=FIRST_PERIOD,
        period_end=datetime.date(2030, 1, 1),
        status="approved",
        approved_by="Board",
    )
    recs = Recommendation.objects.bulk_create(
        [Recommendation(plan=plan, reference=str(i + 1), text=f"Recommendation {i + 1}", order=i) for i in range(10)]
    )
    action_count = max(1, int(ACTIONS * share))
    first_action = _next_id("improvement_action")
    copy(
        "improvement_action",
        [
            "recommendation_id",
            "reference",
            "description",
            "success_measure",
            "owner_name",
            "lead",
            "start_date",
            "due_date",
            "priority",
            '"order"',
            "created_at",
            "version",
        ],
        (
            (
                recs[i % 10].pk,
                f"{i % 10 + 1}.{i // 10 + 1}",
                f"Benchmark action {i}",
                "",
                "Manager",
                "",
                FIRST_PERIOD,
                datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                "medium",
                i,
                now,
                1,
            )
            for i in range(action_count)
        ),
    )
    copy(
        "improvement_progressupdate",
        ["action_id", "date", "narrative", "status_id", "created_at"],
        (
            (first_action + a, FIRST_PERIOD + datetime.timedelta(days=30 * u), f"Update {u}", rng.choice(scale).pk, now)
            for a in range(action_count)
            for u in range(UPDATES)
        ),
    )

    audit_count = int(AUDITS / ORGANISATIONS * share)
    copy(
        "performance_caseaudit",
        [
            "organisation_id",
            "month",
            "case_reference",
            "case_type",
            "assessment_id",
            "intervention_id",
            "risk_id",
            "vulnerability_id",
            "overall_id",
            "notes",
            "auditor_name",
        ],
        (
            (
                org.pk,
                periods[i % len(periods)],
                f"BN-{i:07d}",
                "court_order",
                *(rng.choice(grades).pk for _ in range(5)),
                "",
                "",
            )
            for i in range(audit_count)
        ),
    )

    risk_count = max(1, int(RISKS * share))
    first_risk = _next_id("governance_risk")
    copy(
        "governance_risk",
        [
            "organisation_id",
            "number",
            "raised_on",
            "title",
            "description",
            "owner",
            "category",
            "inherent_likelihood",
            "inherent_impact",
            "mitigations",
            "residual_likelihood",
            "residual_impact",
            "review_every_days",
            "status",
            "status_commentary",
            "version",
        ],
        (
            (
                org.pk,
                n + 1,
                FIRST_PERIOD,
                f"Risk {n + 1}",
                "d",
                "GR",
                "",
                rng.randint(1, 3),
                rng.randint(1, 3),
                "",
                rng.randint(1, 3),
                rng.randint(1, 3),
                90,
                "open",
                "",
                1,
            )
            for n in range(risk_count)
        ),
    )
    copy(
        "governance_riskreview",
        [
            "risk_id",
            "date",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
            "commentary",
            "recorded_at",
        ],
        (
            (first_risk + r, FIRST_PERIOD + datetime.timedelta(days=90 * v), 2, 2, 1, 2, "", now)
            for r in range(risk_count)
            for v in range(REVIEWS)
        ),
    )
    _cases(org, int(CASES * share), rng, conviction)
    return org


def _cases(org: Organisation, count: int, rng: random.Random, kind: OutcomeKind) -> None:
    first_case = _next_id("performance_case")
    copy(
        "performance_case",
        ["organisation_id", "reference", "team", "case_manager", "assessed", "note"],
        ((org.pk, f"BN-{n:06d}", f"Team {n % 4}", f"Case manager {n % 12}", True, "") for n in range(count)),
    )
    years = list(CASE_YEARS)
    index = [
        datetime.date(years[n * len(years) // count], 1, 1) + datetime.timedelta(days=rng.randrange(365))
        for n in range(count)
    ]
    copy(
        "performance_qualifyingoutcome",
        ["case_id", "date", "kind_id", "gravity"],
        ((first_case + n, index[n], kind.pk, 3) for n in range(count)),
    )
    offences = []
    for n in range(count):
        if rng.random() < 0.35:
            day = index[n] + datetime.timedelta(days=rng.randrange(5, 360))
            for _ in range(rng.choice([1, 1, 2, 3])):
                offences.append(
                    (first_case + n, day, day + datetime.timedelta(days=40), "theft", 3, rng.random() < 0.4)
                )
                day += datetime.timedelta(days=rng.randrange(20, 90))
    copy(
        "performance_reoffence",
        ["case_id", "offence_date", "proven_date", "offence_type", "gravity", "violent"],
        offences,
    )
    copy(
        "performance_cohort",
        [
            "organisation_id",
            "name",
            "period_start",
            "period_end",
            "convention",
            "follow_up_months",
            "wait_months",
            "feeds_dashboard",
            "note",
        ],
        (
            (org.pk, f"{year} cohort", datetime.date(year, 1, 1), datetime.date(year, 12, 31), "live", 12, 6, True, "")
            for year in years
        ),
    )


def _next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def generate() -> tuple[list[Organisation], Organisation]:
    rng = random.Random(2026)
    indicators = _indicators()
    full = [
        organisation_with_data(f"bench-{n:02d}", share=SCALE, indicators=indicators, rng=rng)
        for n in range(ORGANISATIONS)
    ]
    tenth = organisation_with_data("bench-tenth", share=0.1 * SCALE, indicators=indicators, rng=rng)
    # COPY saves without history: give every row its first version, as a migration does, so that
    # a report reads them as recorded.
    history_for_unversioned(apps, connection)
    # As autovacuum leaves a table soon after a bulk load (PostgreSQL 13+ vacuums after inserts
    # too): counts over a service's audits read the index alone rather than every row's heap page.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return full, tenth
