"""Setting up a service. `organisation_create` is the one way an organisation comes into being
(the "New service" page and Django admin both call it), so no service starts without what the
other apps need: a RAG scale, case-audit grades, the live tracker's outcome types, a key to rate
indicators by judgement, a risk matrix,
indicators to track and the weekly digest. `organisation_install` gives an existing organisation
whatever of these it lacks. `workbook_import` brings in a service's old tracker, sheet by sheet.
"""

from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.services import risk_matrix_install
from governance.spreadsheet import RISK_IMPORTER
from improvement.choices import DEFAULT_RAG_SCALE, RAG_SCALES
from improvement.models import ImprovementPlan
from improvement.services import plan_add, plan_fit_to_actions
from improvement.spreadsheet import PLAN_IMPORTER
from performance.catalogue import STARTER_INDICATORS
from performance.choices import (
    AUDIT_GRADE_SCALES,
    DEFAULT_AUDIT_GRADE_SCALE,
    DEFAULT_OUTCOME_KIND_SCALE,
    DEFAULT_RATING_KEY_SCALE,
    OUTCOME_KIND_SCALES,
    RATING_KEY_SCALES,
)
from performance.services import indicators_track
from performance.spreadsheet import AUDIT_IMPORTER, MEASUREMENT_IMPORTER
from yos_tracker import services as core_services
from yos_tracker.choices import FIRST_PERSON_ROLES
from yos_tracker.models import Organisation
from yos_tracker.scales import scale_install
from yos_tracker.workbooks import Workbook, WorkbookResult

# The sheets a service's whole tracker may hold, in the order they are written.
WORKBOOK = Workbook([PLAN_IMPORTER, MEASUREMENT_IMPORTER, RISK_IMPORTER, AUDIT_IMPORTER])


def organisation_install(
    *,
    organisation,
    rag_scale: str = DEFAULT_RAG_SCALE,
    audit_scale: str = DEFAULT_AUDIT_GRADE_SCALE,
    rating_key: str = DEFAULT_RATING_KEY_SCALE,
    starter_indicators: bool = True,
    apps=global_apps,
) -> None:
    """Give the organisation what it lacks; what it has already is left as it is. The starter
    indicators go only to an organisation that tracks nothing yet. A data migration passes its
    own `apps`, so this runs on the models as they were then."""
    scale_install(apps.get_model("improvement", "RagStatus"), organisation=organisation, rows=RAG_SCALES[rag_scale])
    scale_install(
        apps.get_model("performance", "AuditGrade"), organisation=organisation, rows=AUDIT_GRADE_SCALES[audit_scale]
    )
    # onboarding's first migration runs this on the models of its day, before outcome types
    # existed; performance's migration 0014 gives those organisations theirs.
    if "outcomekind" in apps.get_app_config("performance").models:
        scale_install(
            apps.get_model("performance", "OutcomeKind"),
            organisation=organisation,
            rows=OUTCOME_KIND_SCALES[DEFAULT_OUTCOME_KIND_SCALE],
        )
    if "ratingstep" in apps.get_app_config("performance").models:  # from performance's migration 0020
        scale_install(
            apps.get_model("performance", "RatingStep"), organisation=organisation, rows=RATING_KEY_SCALES[rating_key]
        )
    risk_matrix_install(organisation=organisation, apps=apps)
    tracked = apps.get_model("performance", "TrackedIndicator")._default_manager
    if starter_indicators and not tracked.filter(organisation=organisation).exists():
        indicators_track(organisation=organisation, codes=STARTER_INDICATORS, apps=apps)
    apps.get_model("improvement", "ReminderSettings")._default_manager.get_or_create(organisation=organisation)


@transaction.atomic
def organisation_create(
    *,
    organisation: Organisation,
    rag_scale: str = DEFAULT_RAG_SCALE,
    audit_scale: str = DEFAULT_AUDIT_GRADE_SCALE,
    rating_key: str = DEFAULT_RATING_KEY_SCALE,
    starter_indicators: bool = True,
    first_person: dict | None = None,
    site_url: str = "",
) -> Organisation:
    """Save a new organisation (built from a form, unsaved) and set it up. `first_person`
    (email, first_name, last_name, and roles: manager and administrator unless given) is given
    those roles there and e-mailed."""
    organisation.full_clean()
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:  # the same name or address, taken between the check and the save
        raise ValidationError("A service with this name or short name has just been set up; choose another.") from None
    organisation_install(
        organisation=organisation,
        rag_scale=rag_scale,
        audit_scale=audit_scale,
        rating_key=rating_key,
        starter_indicators=starter_indicators,
    )
    if first_person:
        core_services.membership_add(
            organisation=organisation, site_url=site_url, **{"roles": FIRST_PERSON_ROLES, **first_person}
        )
    return organisation


def _workbook_scope(organisation, plan: ImprovementPlan | None, file_name: str, made: list):
    """The scope a workbook's importers need: its actions go into `plan`, or into a draft plan
    made for them (appended to `made`), which the preview says."""

    def scope(key: str, notes: list[str]) -> dict:
        if key != PLAN_IMPORTER.key:
            return {}
        if plan is not None:
            notes.append(f"The actions go into the plan “{plan.title}”.")
            return {"plan": plan}
        today = timezone.localdate()
        title = f"Improvement plan from {file_name}"[:300]
        made.append(plan_add(organisation=organisation, title=title, period_start=today, period_end=today))
        notes.append(
            f"No plan chosen: the actions go into a new draft plan, “{title}”, whose period runs from their "
            "first date to their last."
        )
        return {"plan": made[-1]}

    return scope


def workbook_preview(*, organisation, upload, user, chosen: dict, choices: dict, plan=None) -> WorkbookResult:
    """What importing a service's whole tracker would do (yos_tracker.workbooks); nothing is written."""
    scope = _workbook_scope(organisation, plan, upload.name, [])
    return WORKBOOK.preview(
        organisation=organisation, upload=upload, user=user, chosen=chosen, choices=choices, scope=scope
    )


@transaction.atomic
def workbook_import(*, organisation, upload, user, chosen: dict, choices: dict, plan=None) -> WorkbookResult:
    """Import every sheet of a service's whole tracker, or none of them."""
    made = []
    scope = _workbook_scope(organisation, plan, upload.name, made)
    result = WORKBOOK.apply(
        organisation=organisation, upload=upload, user=user, chosen=chosen, choices=choices, scope=scope
    )
    if result.is_valid:
        for new_plan in made:
            plan_fit_to_actions(plan=new_plan)
    return result
