"""One organisation with a record behind every API path, and tokens for the people the API tests
use: a manager, a board member, an officer, and a manager of another organisation."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile

from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from governance.services import risk_matrix_install
from governance.tests.factories import RiskFactory
from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from performance import services as performance_services
from performance.models import AuditGrade
from performance.tests.factories import (
    CaseAuditFactory,
    MeasurementFactory,
    TargetFactory,
    TrackedFactory,
    indicator,
    outcome_kind,
)
from yos_tracker.choices import Role
from yos_tracker.services import api_token_issue
from yos_tracker.tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@dataclass
class ApiWorld:
    organisation: object
    ids: dict  # path parameter → a record of the organisation's that it may name
    keys: dict  # role → a key ("outsider": a manager of another organisation)

    def auth(self, who: str) -> dict:
        """For Django's test client."""
        return {"HTTP_AUTHORIZATION": f"Token {self.keys[who]}"}

    def auth_header(self, who: str) -> dict:
        return {"Authorization": f"Token {self.keys[who]}"}


def _key(organisation, role: Role, username: str) -> str:
    user = MembershipFactory(user=UserFactory(username=username), organisation=organisation, role=role).user
    return api_token_issue(user=user, name="Tests")[1]


def build() -> ApiWorld:
    organisation = OrganisationFactory(name="Lewisham Youth Offending Service", slug="lewisham")
    other = OrganisationFactory(name="Bromley Youth Offending Service", slug="bromley")
    RagStatus.objects.install(organisation)
    AuditGrade.objects.install(organisation)
    risk_matrix_install(organisation=organisation)

    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan))
    update = UpdateFactory(action=action)

    custody = indicator("CUSTODY_COUNT")
    TrackedFactory(organisation=organisation, indicator=custody)
    measurement = MeasurementFactory(organisation=organisation, indicator=custody)
    TargetFactory(organisation=organisation, indicator=custody)
    good = AuditGrade.objects.for_org(organisation).first()
    CaseAuditFactory(organisation=organisation, overall=good)
    outcome = performance_services.case_event_record(
        organisation=organisation,
        reference="LW-0001",
        event="outcome",
        date=datetime.date(2017, 2, 1),
        kind=outcome_kind(organisation),
    )
    RiskFactory(organisation=organisation)

    report = CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        title="Youth offending service improvement plan",
        meeting_date=datetime.date(2017, 11, 7),
        period_start=datetime.date(2017, 1, 1),
        period_end=datetime.date(2017, 10, 31),
    )
    render = ReportRender.objects.create(report=report, version=1, status=RenderStatus.DONE)
    render.file.save("report.pdf", ContentFile(b"%PDF-1.7 report"))

    keys = {
        "manager": _key(organisation, Role.MANAGER, "manager"),
        "board": _key(organisation, Role.BOARD_MEMBER, "board"),
        "officer": _key(organisation, Role.OFFICER, "officer"),
        "outsider": _key(other, Role.MANAGER, "outsider"),
    }
    ids = {
        "org": organisation.slug,
        "plan_pk": plan.pk,
        "code": custody.code,
        # {id} names a different record on each path: by the path's first segment.
        "id": {
            "plans": plan.pk,
            "actions": action.pk,
            "updates": update.pk,
            "measurements": measurement.pk,
            "indicators": custody.code,
            "cases": outcome.case_id,
            "reports": report.pk,
            "renders": render.pk,
        },
    }
    return ApiWorld(organisation, ids, keys)
