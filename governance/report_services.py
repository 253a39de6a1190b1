"""Writes around committee reports and youth justice plans: prefilling a new one, queueing and
retrying renders, and a plan's sign-off.

How a render runs, once and once only, is governance.renders; how it reaches a worker is
governance.tasks."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance import tasks
from governance.models import CommitteeReport, PlanSignOff, ReportRender, Risk, SelfAssessment
from governance.models.reports import NARRATIVES, SECTIONS, RenderStatus, ReportKind, SignOffStep
from improvement.models import Action, ImprovementPlan, Inspection
from performance.models import TrackedIndicator
from yos_tracker.dates import refuse_future
from yos_tracker.history import end_of_day


def report_prefill(*, organisation, committee: str) -> dict:
    """Initial values for a new report to a committee: the previous report's narrative, and a
    period running from the day after that report's meeting."""
    previous = CommitteeReport.objects.for_org(organisation).filter(committee__iexact=committee.strip()).first()
    if previous is None:
        return {
            "committee": committee,
            "sections": sections_with_records(organisation),
            "leave_out_indicators_without_values": has_little_data(organisation),
        }
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
def render_request(
    *,
    report: CommitteeReport,
    user,
    restates: ReportRender | None = None,
    corrected: bool = False,
    as_on: datetime.date | None = None,
) -> ReportRender:
    """A new version of the report, queued; earlier versions and their files are kept. It reads
    the records as recorded now; or, restating an earlier version, as that version read them (the
    version as presented, again) or, `corrected`, as recorded now, listing the corrections made
    since that version; or, `as_on` a past day (a sign-off recorded after its date), as they had
    been recorded by that day's end, records of earlier work entered since counting as first
    entered."""
    if restates is not None and restates.report_id != report.pk:
        raise ValidationError("A version restates a version of its own report.")
    CommitteeReport.objects.select_for_update().get(pk=report.pk)  # serialise version numbers
    version = (report.renders.aggregate(latest=Max("version"))["latest"] or 0) + 1
    now = timezone.now()
    moment = {"recorded_at": now}
    if restates is not None and not corrected:
        moment = {"recorded_at": restates.recorded_at, "late_entries_until": restates.late_entries_until}
    elif as_on is not None and end_of_day(as_on) < now:
        moment = {"recorded_at": end_of_day(as_on), "late_entries_until": now}
    render = ReportRender.objects.create(report=report, version=version, requested_by=user, restates=restates, **moment)
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


def sections_with_records(organisation) -> list[str]:
    """The sections a new report starts with: those the service has records for (an appendix
    with nothing in it is left unticked)."""
    has = {
        "inspection": Inspection.objects.for_org(organisation).exists(),
        "recommendations": ImprovementPlan.objects.for_org(organisation).exists(),
        "appendix_a": TrackedIndicator.objects.for_org(organisation).exists(),
        "appendix_b": Risk.objects.for_org(organisation).exists(),
        "appendix_c": Action.objects.for_org(organisation).exists(),
        "appendix_d": SelfAssessment.objects.for_org(organisation).exists(),
    }
    return [code for code, _ in SECTIONS if has.get(code)]


def has_little_data(organisation) -> bool:
    """A service with values for fewer than half the indicators it tracks (a new one): its
    documents leave out the indicators with none, by default."""
    tracked = TrackedIndicator.objects.for_org(organisation)
    with_values = tracked.filter(indicator__measurements__organisation=organisation).distinct().count()
    return with_values * 2 < tracked.count()


# --- Youth justice plans --------------------------------------------------------------------------

YJ_PLAN_COMMITTEE = "Youth Justice Board"  # where every plan goes: its archive is one list


def plan_prefill(*, organisation, year: int) -> dict:
    """Initial values for a service's plan for `year`: the previous year's plan's narrative (to
    be brought up to date), its contact, and the usual submission date, 30 June."""
    initial = {
        "plan_year": year,
        "meeting_date": datetime.date(year, 6, 30),
        "title": f"Youth Justice Plan {year}/{(year + 1) % 100:02d}",
        "leave_out_indicators_without_values": has_little_data(organisation),
    }
    previous = (
        CommitteeReport.objects.for_org(organisation)
        .filter(kind=ReportKind.YJ_PLAN, plan_year__lt=year)
        .order_by("-plan_year", "-pk")
        .first()
    )
    if previous is not None:
        initial["contact_officer"] = previous.contact_officer
        initial.update({f"text_{code}": text for code, text in (previous.plan_text or {}).items()})
    return initial


def plan_dates(*, year: int, plan_date: datetime.date) -> dict:
    """A plan looks back over the year before its own, from 1 April, to the day it is dated."""
    return {"period_start": datetime.date(year - 1, 4, 1), "period_end": plan_date}


@transaction.atomic
def plan_sign_off(*, report: CommitteeReport, step: str, date: datetime.date, name: str, role: str, user):
    """Record the plan's next sign-off step and render the plan as it then stands: that version is
    the step's snapshot. Steps go in order, each on or after the one before."""
    CommitteeReport.objects.select_for_update().get(pk=report.pk)  # one step at a time
    if not report.is_plan:
        raise ValidationError("Only a youth justice plan is signed off.")
    done = list(report.sign_offs.order_by("pk"))
    order = list(SignOffStep)
    if len(done) == len(order):
        raise ValidationError("The plan has been endorsed: every step is recorded.")
    expected = order[len(done)]
    if step != expected:
        raise ValidationError(f"The next step is “{expected.label}”: steps are recorded in order.")
    refuse_future(date, what="A sign-off step")
    if done and date < done[-1].date:
        last = done[-1]
        raise ValidationError(
            {"date": f"This step cannot come before the last one ({last.get_step_display()}, {last.date:%d/%m/%Y})."}
        )
    signed = PlanSignOff(report=report, step=step, date=date, name=name.strip(), role=role.strip(), recorded_by=user)
    signed.full_clean(exclude=["report", "snapshot"])
    signed.save()
    signed.snapshot = render_request(report=report, user=user, as_on=date)
    signed.save(update_fields=["snapshot"])
    return signed
