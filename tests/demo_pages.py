"""Lewisham's demo data with a record of every kind a page is about, and the address of every
organisation page filled in with one of them: what the URL walk (test_every_url) and the
accessibility walk (test_browser_accessibility) visit, so a new page is covered by both."""

import datetime
import io
import itertools

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from governance.models import Board, CommitteeReport, ReportRender
from improvement.models import Evidence, ImprovementPlan, ProgressUpdate
from improvement.services import plan_approve
from performance.choices import Frequency, Polarity, Scope, Unit
from performance.models import AuditGrade, CaseAudit, Indicator, IndicatorCategory
from yos_tracker.models import ImportJob, Membership, Organisation
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.tests.urlwalk import walk

# The superuser who opens every page to find its address.
WALKER = "walker"


def _lewisham_plan() -> int:
    return ImprovementPlan.objects.filter(organisation__slug="lewisham").order_by("pk").values_list("pk", flat=True)[0]


def _lewisham_board() -> int:
    main = Board.objects.filter(organisation__slug="lewisham", parent__isnull=True)
    return main.order_by("pk").values_list("pk", flat=True)[0]


def _lewisham_member() -> int:
    """A person with a role in Lewisham: member pages are addressed by the person."""
    return Membership.objects.filter(organisation__slug="lewisham").order_by("pk").values_list("user_id", flat=True)[0]


# URL keyword → Lewisham's record for it, for keywords that name a parent record.
PARENTS = {"plan_pk": _lewisham_plan, "board_pk": _lewisham_board, "user_pk": _lewisham_member}
# Values to try for other keywords, most likely first: a shared indicator, Lewisham's own, a framework.
SAMPLES = {
    "code": ["REOFF_BINARY", "LW_OWN", "hmip-2018"],
    "fmt": ["xlsx"],
    "kind": ["target", "comparator"],
    "key": ["risks"],
}
# Of those, the records every organisation shares (the catalogue, the frameworks): the same page
# under any organisation's address, so no other organisation's record.
SHARED_SAMPLES = ("REOFF_BINARY", "hmip-2018")


def is_shared_record(url: str) -> bool:
    return any(f"/{code}/" in url for code in SHARED_SAMPLES)


ORG_PATTERNS = [u for u in walk() if u.url.startswith("/lewisham/")]


def load_demo_with_every_kind_of_record() -> None:
    """Lewisham's demo data, plus a report version and a piece of evidence with their files, a
    background import's job, a signed-off plan, an audit, a local indicator, and the walker."""
    call_command("load_demo", force=True, stdout=io.StringIO())
    report = CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")
    render = ReportRender.objects.create(report=report, version=1, status="done")
    render.file.save("walk.pdf", ContentFile(b"%PDF-1.7 walk"))
    update = ProgressUpdate.objects.filter(action__recommendation__plan__organisation__slug="lewisham").first()
    evidence = Evidence(update=update, original_name="minutes.pdf")
    evidence.file.save("minutes.pdf", ContentFile(b"%PDF-1.7 minutes"))  # saves the record too

    good = AuditGrade.objects.filter(organisation=report.organisation).first()
    CaseAudit.objects.create(
        organisation=report.organisation,
        month=datetime.date(2017, 5, 1),
        case_reference="LW-1",
        case_type="court_order",
        assessment=good,
        intervention=good,
        risk=good,
        vulnerability=good,
        overall=good,
    )
    Indicator.objects.create(
        organisation=report.organisation,
        code="LW_OWN",
        name="Lewisham's own indicator",
        category=IndicatorCategory.objects.get(code="education"),
        scope=Scope.LOCAL,
        unit=Unit.COUNT,
        polarity=Polarity.HIGHER_BETTER,
        frequency=Frequency.MONTHLY,
    )
    plan_approve(plan=update.action.recommendation.plan, approved_by="YJMB", approved_on=datetime.date(2017, 3, 1))
    ImportJob.objects.create(
        organisation=report.organisation,
        importer="plan",
        action=ImportJob.Action.PREVIEW,
        token="0" * 32,
        filename="tracker.xlsx",
        suffix=".xlsx",
        scope={"plan": update.action.recommendation.plan_id},
        status=ImportJob.Status.DONE,
        return_url="/lewisham/",
    )
    get_user_model().objects.create_superuser(WALKER, "walker@example.org", "x")


def lewisham_ids() -> list[int]:
    """The first and last Lewisham record of every model scoped to an organisation: one of them
    is the object any organisation URL is about, whatever ids other tests have used up."""
    lewisham = Organisation.objects.get(slug="lewisham")
    ids = set()
    for model in apps.get_models():
        queryset = model._default_manager.all()
        if isinstance(queryset, OrganisationScopedQuerySet):
            theirs = queryset.for_org(lewisham).values_list("pk", flat=True)
            # The last too: a model whose pages differ by kind (a report and a plan) has both.
            ids.update(pk for pk in (theirs.order_by("pk").first(), theirs.order_by("-pk").first()) if pk is not None)
    return sorted(ids)


def _candidates(pattern, ids: list[int]) -> list[dict]:
    """Keyword sets to try for a pattern: parents fixed, samples in turn, `pk` from Lewisham's records."""
    keys = [key for key in pattern.keywords if key != "org"]
    options = [[PARENTS[key]()] if key in PARENTS else SAMPLES.get(key, ids) for key in keys]
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*options)]


def valid_url(client: Client, pattern, ids: list[int]) -> str | None:
    """The pattern's address with the first of Lewisham's records that `client` can open there."""
    for kwargs in _candidates(pattern, ids):
        url = reverse(pattern.name, kwargs={"org": "lewisham", **kwargs})
        status = client.get(url).status_code
        if status in (200, 405):
            return url
    return None
