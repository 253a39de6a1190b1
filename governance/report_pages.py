"""What a report's page shows: its versions, whether the task queue can be reached, and for a
youth justice plan its sign-off. Both the report views and the plan's sign-off view render it."""

from django.utils import timezone

from governance.choices import Agency
from governance.forms import SignOffForm
from governance.models import BoardMember, CommitteeReport
from governance.models.reports import SignOffStep
from yos_tracker.health import broker_status


def report_page_context(report: CommitteeReport, sign_off_form: SignOffForm | None = None) -> dict:
    context = {
        "report": report,
        "renders": report.renders.select_related("requested_by"),
        "broker_down": broker_status() == "down",
    }
    if report.is_plan:
        context.update(sign_off_panel(report, sign_off_form))
    return context


def sign_off_panel(plan: CommitteeReport, form: SignOffForm | None = None) -> dict:
    """What the plan's page shows of its sign-off: the steps recorded and the form for the next."""
    done = list(plan.sign_offs.select_related("snapshot"))
    steps = list(SignOffStep)
    upcoming = steps[len(done)] if len(done) < len(steps) else None
    if form is None and upcoming is not None:
        chair = (
            BoardMember.objects.filter(board__organisation=plan.organisation, agency=Agency.INDEPENDENT_CHAIR)
            .order_by("-start_date", "-pk")
            .first()
        )
        initial = {"step": upcoming, "date": timezone.localdate()}
        if upcoming == SignOffStep.AGREED and chair:
            initial.update(name=chair.name, role=chair.role or "Chair of the management board")
        form = SignOffForm(initial=initial)
    return {"sign_offs": done, "upcoming": upcoming, "sign_off_form": form}
