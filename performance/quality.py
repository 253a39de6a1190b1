"""Management oversight: the data-quality exceptions a manager goes through in supervision (seed
004's monthly data-cleaning meetings), each linked to the record to fix. The one place each rule
lives; the page, its export and the home page's counts read them from here. A fixed number of
queries, whatever the number of records."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import F, Min, OuterRef, Q, Subquery
from django.urls import reverse

from improvement.models import Action
from performance.models import Case, CaseAudit, Measurement, QualifyingOutcome, Reoffence, TrackedIndicator
from performance.rag import period_start
from yos_tracker.models import Organisation

# A reference that reads like a name: a capital then three or more small letters ("Smith01",
# "JohnS-2"). Pseudonymous references are codes (LW-2017-014), so these are worth a look.
NAME_LIKE = re.compile(r"[A-Z][a-z]{3,}")


@dataclass(frozen=True)
class Item:
    record: str
    url: str
    detail: str


@dataclass
class Exceptions:
    key: str
    title: str
    why: str
    items: list[Item] = field(default_factory=list)


def data_quality(
    organisation: Organisation, *, today: datetime.date, team: str = "", case_manager: str = ""
) -> list[Exceptions]:
    """Every kind of exception, with its items; `team` and `case_manager` narrow the case-level ones."""
    slug = organisation.slug
    cases = Case.objects.for_org(organisation)
    if team:
        cases = cases.filter(team=team)
    if case_manager:
        cases = cases.filter(case_manager=case_manager)

    def case_item(case: Case, detail: str) -> Item:
        return Item(case.reference, reverse("performance:tracker_case", kwargs={"org": slug, "pk": case.pk}), detail)

    first_outcome = (
        QualifyingOutcome.objects.filter(case=OuterRef("case")).order_by().values("case").annotate(first=Min("date"))
    )
    reoffences = (
        Reoffence.objects.filter(case__in=cases).select_related("case").order_by("case__reference", "offence_date")
    )
    before = reoffences.annotate(first=Subquery(first_outcome.values("first")[:1])).filter(
        Q(first__isnull=True) | Q(offence_date__lte=F("first"))
    )
    incomplete = reoffences.filter(Q(gravity__isnull=True) | Q(offence_type=""))
    counts = Counter(reference.lower() for reference in cases.values_list("reference", flat=True))
    duplicates = {reference for reference, n in counts.items() if n > 1}
    by_reference = list(cases.order_by("reference"))

    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    open_actions = (
        Action.objects.for_org(organisation)
        .with_progress(today=today, stale_after_days=60)
        .filter(current_is_complete=False, owner__isnull=True, owner_name="")
        .select_related("recommendation__plan")
        .order_by("recommendation__plan__period_start", "recommendation__order", "order")
    )
    tracked = list(TrackedIndicator.objects.for_org(organisation).select_related("indicator").order_by("order", "pk"))
    wanted = {t.indicator_id: _last_period(t.indicator.frequency, today) for t in tracked}
    measured = set(
        Measurement.objects.for_org(organisation)
        .filter(indicator_id__in=list(wanted), period__in=set(wanted.values()))
        .values_list("indicator_id", "period")
    )
    audited = CaseAudit.objects.for_org(organisation).filter(month=last_month).exists()

    return [
        Exceptions(
            "no_assessment",
            "Cases with an outcome but no assessment",
            "Every child with a qualifying outcome should have an assessment (AssetPlus) completed.",
            [
                case_item(c, "no assessment recorded")
                for c in cases.filter(assessed=False, outcomes__isnull=False).distinct()
            ],
        ),
        Exceptions(
            "reoffence_before_outcome",
            "Reoffences dated before the qualifying outcome",
            "A reoffence counts only after the outcome that brought the child into the cohort: check both dates.",
            [
                case_item(
                    r.case,
                    f"offence {r.offence_date:%d/%m/%Y}, first outcome "
                    + (f"{r.first:%d/%m/%Y}" if r.first else "none"),
                )
                for r in before
            ],
        ),
        Exceptions(
            "missing_offence_detail",
            "Reoffences without an offence type or gravity",
            "The tracker's violent share and gravity need both.",
            [
                case_item(
                    r.case, f"offence {r.offence_date:%d/%m/%Y}: no {'type' if not r.offence_type else 'gravity'}"
                )
                for r in incomplete
            ],
        ),
        Exceptions(
            "duplicate_reference",
            "Duplicate references",
            "Two cases whose references differ only in capitals may be one child counted twice.",
            [case_item(c, "same reference as another case") for c in by_reference if c.reference.lower() in duplicates],
        ),
        Exceptions(
            "name_like_reference",
            "References that look like names",
            "Cases are recorded by pseudonymous reference only, never a child's name.",
            [case_item(c, "reads like a name") for c in by_reference if NAME_LIKE.search(c.reference)],
        ),
        Exceptions(
            "action_without_owner",
            "Actions without an owner",
            "Every open action of the improvement plan needs someone answerable for it.",
            [Item(a.reference, a.get_absolute_url(), a.description[:80]) for a in open_actions],
        ),
        Exceptions(
            "indicator_without_value",
            "Indicators without a value for the last period",
            "Tracked indicators the dashboard shows as No data for the period just ended.",
            [
                Item(
                    t.indicator.code,
                    reverse("performance:indicator_detail", kwargs={"org": slug, "code": t.indicator.code}),
                    f"nothing for {wanted[t.indicator_id]:%m/%Y}",
                )
                for t in tracked
                if (t.indicator_id, wanted[t.indicator_id]) not in measured
            ],
        ),
        Exceptions(
            "audits_overdue",
            "Case audits overdue",
            "Managers audit a sample of cases every month.",
            []
            if audited
            else [
                Item(
                    f"{last_month:%B %Y}",
                    reverse("performance:audit_list", kwargs={"org": slug}),
                    "no case audit recorded",
                )
            ],
        ),
    ]


def _last_period(frequency: str, today: datetime.date) -> datetime.date:
    """The start of the last period of this frequency to have ended by `today`."""
    step = {"monthly": relativedelta(months=1), "quarterly": relativedelta(months=3)}.get(
        frequency, relativedelta(years=1)
    )
    return period_start(period_start(today, frequency) - step, frequency)
