"""Every organisation page, generated from the URL patterns so new pages are covered: fetched by
a member of another organisation it answers 404, and any write to it by a board member 403. A
board member is never shown a form they could not submit, and opening a page writes nothing.

Object URLs are filled in with a real object of Lewisham's demo data: for each pattern the test
tries the first Lewisham record of every organisation-scoped model until a superuser gets the
page, then checks the other people against that address.
"""

import datetime
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Board, CommitteeReport, ReportRender
from improvement.models import Evidence, ImprovementPlan, ProgressUpdate
from improvement.services import plan_approve
from performance.choices import Frequency, Polarity, Scope, Unit
from performance.models import AuditGrade, CaseAudit, Indicator, IndicatorCategory
from yos_tracker.models import ImportJob, Organisation
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.tests.urlwalk import walk


def _lewisham_plan() -> int:
    return ImprovementPlan.objects.filter(organisation__slug="lewisham").order_by("pk").values_list("pk", flat=True)[0]


def _lewisham_board() -> int:
    main = Board.objects.filter(organisation__slug="lewisham", parent__isnull=True)
    return main.order_by("pk").values_list("pk", flat=True)[0]


# URL keyword → Lewisham's record for it, for keywords that name a parent record.
PARENTS = {"plan_pk": _lewisham_plan, "board_pk": _lewisham_board}
# Values to try for other keywords, most likely first: a shared indicator and Lewisham's own.
SAMPLES = {"code": ["REOFF_BINARY", "LW_OWN"], "fmt": ["xlsx"], "kind": ["target", "comparator"]}
# Tables a page may write while it is only read: the session, and the sign-in throttle.
BOOKKEEPING_TABLES = ("django_session", "axes_")
POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>", re.IGNORECASE)
ORG_PATTERNS = [u for u in walk() if u.url.startswith("/lewisham/")]


@pytest.fixture
def demo(transactional_db, settings):
    """Lewisham's demo data, plus a report version and a piece of evidence with their files, and a
    background import's job."""
    settings.DEBUG = True
    call_command("load_demo")
    settings.DEBUG = False
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
    get_user_model().objects.create_superuser("walker", "walker@example.org", "x")


def _lewisham_ids() -> list[int]:
    """The first and last Lewisham record of every model scoped to an organisation: one of them
    is the object any organisation URL is about, whatever ids other tests have used up."""
    from django.apps import apps

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


def _valid_url(client: Client, pattern, ids: list[int]) -> str | None:
    for kwargs in _candidates(pattern, ids):
        url = reverse(pattern.name, kwargs={"org": "lewisham", **kwargs})
        status = client.get(url).status_code
        if status in (200, 405):
            return url
    return None


def test_every_organisation_page_is_404_to_other_organisations_and_read_only_to_board_members(demo):
    User = get_user_model()
    superuser, insider, outsider = Client(), Client(), Client()
    superuser.force_login(User.objects.get(username="walker"))
    insider.force_login(User.objects.get(username="lewisham.board"))
    outsider.force_login(User.objects.get(username="bromley.board"))
    checked = []
    ids = _lewisham_ids()
    for pattern in ORG_PATTERNS:
        url = _valid_url(superuser, pattern, ids)
        assert url, f"No Lewisham object found for {pattern.name}: add its parent keyword to PARENTS"
        assert outsider.get(url).status_code == 404, f"{url} shown to another organisation"
        assert outsider.post(url).status_code == 404, f"{url} accepts a write from another organisation"
        assert insider.post(url).status_code == 403, f"{url} accepts a write from a board member"
        as_theirs = url.replace("/lewisham/", "/bromley/", 1)
        if as_theirs != url and any(ch.isdigit() for ch in url):
            # Through their own organisation's address: not found, or (for pages their role may not
            # open at all, whatever the id) forbidden; neither says anything of Lewisham's record.
            assert outsider.get(as_theirs).status_code in (403, 404), f"{as_theirs}: Lewisham's object under Bromley"
        checked.append(pattern.name)
    assert len(checked) >= 50


def _writes(queries) -> list[str]:
    statements = [q["sql"] for q in queries]
    return [
        sql[:120]
        for sql in statements
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and not any(table in sql for table in BOOKKEEPING_TABLES)
    ]


def test_no_page_writes_when_it_is_only_opened_and_board_members_see_no_form_they_cannot_submit(demo):
    """GET is safe: opening a page (the risk register used to install a matrix) changes no record.
    And a board member reads pages without forms they would only be refused on saving: edit pages
    answer 403, and read pages show no write form (signing out is the one form for everyone)."""
    User = get_user_model()
    superuser, board_member = Client(), Client()
    superuser.force_login(User.objects.get(username="walker"))
    board_member.force_login(User.objects.get(username="lewisham.board"))
    ids = _lewisham_ids()
    writing, offering = [], []
    for pattern in ORG_PATTERNS:
        url = _valid_url(superuser, pattern, ids)
        with CaptureQueriesContext(connection) as queries:
            superuser.get(url)
        writing += [f"{url}: {sql}" for sql in _writes(queries.captured_queries)]
        response = board_member.get(url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            forms = [f for f in POST_FORM.findall(response.content.decode()) if "/accounts/logout/" not in f]
            offering += [f"{url}: {form}" for form in forms]
    assert writing == []
    assert offering == [], "\n".join(offering)
