"""Demo inspections and improvement plans, from the source documents (improvement/demo_data.py)."""

from django.contrib.auth import get_user_model

from improvement import services
from improvement.demo_data import ILLUSTRATIVE_INSPECTIONS, PLANS
from improvement.models import (
    Action,
    ImprovementPlan,
    Inspection,
    InspectionFramework,
    JudgementLevel,
    NextStep,
    ProgressUpdate,
    RagStatus,
    Recommendation,
)
from yos_tracker.models import Organisation

FRAMEWORK_CODES = {"2012": "hmip-2012", "2018": "hmip-2018", "2021": "hmip-2021"}

# The plans give actions to roles. Those given to the service's manager or head of service are the
# demo manager's (`<slug>.manager`), so the weekly digest (improvement/reminders.py) has actions to
# show them; the role stays as the plan wrote it.
MANAGER_OWNERS = {
    "yos strategic manager",
    "yos service manager",
    "yos manager",
    "yos head of service",
    "head of the youth offending service",
    "interim head of the yos",
}


def load() -> None:
    """Create each organisation's inspection and plan unless it already has that plan, and the
    illustrative inspections unless they are there."""
    for slug, data in PLANS.items():
        organisation = Organisation.objects.get(slug=slug)
        if ImprovementPlan.objects.for_org(organisation).filter(title=data["plan"]["title"]).exists():
            continue
        inspection = _inspection(organisation, data["inspection"])
        _plan(organisation, inspection, data)
    for slug, data in ILLUSTRATIVE_INSPECTIONS.items():
        organisation = Organisation.objects.get(slug=slug)
        if not Inspection.objects.for_org(organisation).filter(inspectorate=data["inspectorate"]).exists():
            _inspection(organisation, data)


def _inspection(organisation, data) -> Inspection:
    framework = InspectionFramework.objects.get(code=FRAMEWORK_CODES[data["framework"]])
    levels = {level.label: level for level in JudgementLevel.objects.filter(framework=framework)}
    inspection = Inspection.objects.create(
        organisation=organisation,
        framework=framework,
        inspectorate=data.get("inspectorate", "HM Inspectorate of Probation"),
        inspection_type=data["inspection_type"],
        fieldwork_start=data["fieldwork_start"],
        fieldwork_end=data["fieldwork_end"],
        published_on=data["published_on"],
        lead_inspector=data["lead_inspector"],
        report_url=data["report_url"],
        overall_judgement=levels.get(data["overall_judgement"]),
        overall_narrative=data["overall_narrative"],
        strengths="\n".join(data["strengths"]),
        areas_for_improvement="\n".join(data["areas_for_improvement"]),
    )
    standards = list(framework.standards.all())
    ratings, findings = {}, {}
    for judgement in data["judgements"]:
        # The seeds name 2012–18 areas by title (an FJI area before the SQS one of the same name);
        # the illustrative ratings and the SQS themes name standards by code.
        key = judgement.get("standard") or judgement["area"]
        standard = next(s for s in standards if key in (s.code, s.title))
        if standard.rated:
            ratings[standard] = (levels[judgement["judgement"]], judgement["narrative"])
        else:
            findings[standard] = (
                "\n".join(judgement["strengths"]),
                "\n".join(judgement["areas_for_improvement"]),
                judgement["narrative"],
            )
    return services.inspection_ratings_save(inspection=inspection, ratings=ratings, findings=findings)


def _plan(organisation, inspection, data) -> None:
    plan = ImprovementPlan.objects.create(organisation=organisation, inspection=inspection, **data["plan"])
    statuses = {status.code: status for status in RagStatus.objects.for_org(organisation)}
    manager = get_user_model().objects.filter(username=f"{organisation.slug}.manager").first()
    action_order = 0
    for order, rec_data in enumerate(data["recommendations"]):
        recommendation = Recommendation.objects.create(
            plan=plan,
            inspection=inspection,
            kind=rec_data["kind"],
            reference=rec_data["reference"],
            addressed_to=rec_data["addressed_to"],
            text=rec_data["text"],
            theme=rec_data["theme"],
            theme_lead=rec_data["theme_lead"],
            order=order,
        )
        for step_order, text in enumerate(rec_data["next_steps"]):
            NextStep.objects.create(recommendation=recommendation, text=text, order=step_order)
        for action_data in rec_data["actions"]:
            action_order += 1
            updates = action_data.pop("updates")
            action = Action.objects.create(
                recommendation=recommendation,
                reference=action_data["reference"],
                description=action_data["description"],
                success_measure=action_data["success_measure"],
                owner=manager if action_data["owner"].lower() in MANAGER_OWNERS else None,
                owner_name=action_data["owner"],
                lead=action_data["lead"],
                start_date=action_data["start_date"],
                due_date=action_data["due_date"],
                priority=action_data["priority"],
                order=action_order,
            )
            action_data["updates"] = updates
            for update in updates:
                ProgressUpdate.objects.create(
                    action=action,
                    date=update["date"],
                    narrative=update["narrative"],
                    status=statuses[update["status"]],
                    author=manager,
                )
