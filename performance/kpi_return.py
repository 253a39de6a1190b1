"""The YJB's quarterly KPI return: a service enters the counts it keeps once (KPI_COUNTS), and
each KPI and sub-measure is the one count over the other that performance/catalogue_data.py
gives it (its "counts"). KPI 7 is not here: the board's attendance records compute it."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from performance import rag
from performance.catalogue_data import INDICATORS, KPI_COUNTS
from performance.models import Indicator, Measurement, TrackedIndicator
from performance.services import measurement_record
from yos_tracker.models import Organisation

# The first quarter of the return: "From 1 April 2023 youth justice services will report on 10 new
# key performance indicators (KPIs)" (YJB, Key performance indicators for youth justice services,
# https://www.gov.uk/guidance/key-performance-indicators-for-youth-justice-services); the YJB's
# quality and methodology report of June 2025 confirms that data collection began in April 2023.
FIRST_QUARTER = datetime.date(2023, 4, 1)
# code → (numerator count, denominator count)
FORMULAS = {i["code"]: i["counts"] for i in INDICATORS if i.get("counts")}
SOURCE = "YJB KPI return"
# The return's counts as the form asks for them, each section with the measures it feeds.
SECTIONS = [
    (
        "Children whose programme or order ended in the quarter",
        ["orders_ended", "accommodation_end", "ete_end", "mh_need", "sm_need", "wider_services"],
    ),
    ("Children released from custody in the quarter", ["released", "accommodation_release", "ete_release"]),
    ("Special educational needs and disabilities (ALN in Wales)", ["send_identified", "send_plan", "send_ete_plan"]),
    (
        "Mental health and substance misuse, after the need",
        ["mh_offered", "mh_attending", "sm_offered", "sm_attending"],
    ),
    ("Out-of-court disposals", ["oocd_ended", "oocd_completed"]),
    ("Serious violence", ["caseload", "sv_convicted"]),
    (
        "Victims",
        ["victims", "victims_consented", "victims_rj", "victims_views", "victims_informed", "victims_support"],
    ),
]


@dataclass(frozen=True)
class Figure:
    code: str
    numerator: int
    denominator: int


def kpi_figures(counts: dict[str, int | None]) -> list[Figure]:
    """Every measure the counts make, in the catalogue's order: those whose two counts are given and
    whose denominator is more than nought. A numerator larger than its denominator (more children
    attending than were offered an intervention) is refused, naming both counts."""
    problems, figures = [], []
    for code, (top, bottom) in FORMULAS.items():
        numerator, denominator = counts.get(top), counts.get(bottom)
        if numerator is None or denominator is None:
            continue
        if numerator > denominator:
            problems.append(
                ValidationError(
                    f"{KPI_COUNTS[top].capitalize()} ({numerator}) cannot be more than "
                    f"{KPI_COUNTS[bottom]} ({denominator}).",
                    code=top,
                )
            )
        elif denominator:
            figures.append(Figure(code, numerator, denominator))
    if problems:
        raise ValidationError(list({p.message: p for p in problems}.values()))
    return figures


def kpi_return_counts(organisation: Organisation, quarter: datetime.date) -> dict[str, int]:
    """The counts the quarter's recorded KPI values were made of, to start the return from."""
    found: dict[str, int] = {}
    measurements = Measurement.objects.for_org(organisation).filter(
        period=quarter, indicator__code__in=FORMULAS, indicator__organisation__isnull=True
    )
    for m in measurements.select_related("indicator"):
        top, bottom = FORMULAS[m.indicator.code]
        for key, part in ((top, m.numerator), (bottom, m.denominator)):
            if part is not None:
                found.setdefault(key, int(part))
    return found


def kpi_return_quarters(today: datetime.date) -> list[datetime.date]:
    """The quarters a return can be entered for, newest first: from the one `today` falls in back
    to the first (FIRST_QUARTER)."""
    quarters = [rag.period_start(today, "quarterly")]
    while quarters[-1] > FIRST_QUARTER:
        quarters.append(rag.period_start(quarters[-1] - datetime.timedelta(days=1), "quarterly"))
    return quarters


@transaction.atomic
def kpi_return_record(
    *, organisation: Organisation, quarter: datetime.date, counts: dict[str, int | None], note: str = "", user=None
) -> list[Measurement]:
    """Record the quarter's value of every KPI measure the organisation tracks that the counts make.
    All or nothing: a count that contradicts another records none."""
    quarter = rag.period_start(quarter, "quarterly")
    figures = kpi_figures(counts)
    tracked = set(
        TrackedIndicator.objects.for_org(organisation)
        .filter(indicator__code__in=FORMULAS, indicator__organisation__isnull=True)
        .values_list("indicator__code", flat=True)
    )
    indicators = {i.code: i for i in Indicator.objects.shared().filter(code__in=tracked)}
    return [
        measurement_record(
            organisation=organisation,
            indicator=indicators[f.code],
            period=quarter,
            numerator=f.numerator,
            denominator=f.denominator,
            note=note,
            source=SOURCE,
            user=user,
        )
        for f in figures
        if f.code in indicators
    ]
