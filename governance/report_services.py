"""Writes around committee reports: prefilling a new report, and queueing and retrying renders.

How a render runs, once and once only, is governance.renders; how it reaches a worker is
governance.tasks."""

import datetime

from django.db import transaction
from django.db.models import Max

from governance import tasks
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import NARRATIVES, RenderStatus


def report_prefill(*, organisation, committee: str) -> dict:
    """Initial values for a new report to a committee: the previous report's narrative, and a
    period running from the day after that report's meeting."""
    previous = CommitteeReport.objects.for_org(organisation).filter(committee__iexact=committee.strip()).first()
    if previous is None:
        return {"committee": committee}
    initial = {name: getattr(previous, name) for name, _ in NARRATIVES}
    initial.update(
        committee=previous.committee,
        title=previous.title,
        wards=previous.wards,
        contributors=previous.contributors,
        contact_officer=previous.contact_officer,
        report_class=previous.report_class,
        sections=previous.sections,
        period_start=previous.meeting_date + datetime.timedelta(days=1),
    )
    return initial


@transaction.atomic
def render_request(*, report: CommitteeReport, user) -> ReportRender:
    """A new version of the report, queued. Earlier versions and their files are kept."""
    CommitteeReport.objects.select_for_update().get(pk=report.pk)  # serialise version numbers
    version = (report.renders.aggregate(latest=Max("version"))["latest"] or 0) + 1
    render = ReportRender.objects.create(report=report, version=version, requested_by=user)
    transaction.on_commit(lambda: tasks.render_send(render_id=render.pk))
    return render


@transaction.atomic
def render_retry(*, render: ReportRender) -> ReportRender:
    if render.status != RenderStatus.FAILED:
        return render
    ReportRender.objects.filter(pk=render.pk).update(status=RenderStatus.QUEUED, step="", error="", failure="")
    render.refresh_from_db()
    transaction.on_commit(lambda: tasks.render_send(render_id=render.pk))
    return render
