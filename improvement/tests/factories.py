import datetime

import factory

from improvement.models import Action, ImprovementPlan, ProgressUpdate, RagStatus, Recommendation
from yos_tracker.tests.factories import OrganisationFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementPlan

    organisation = factory.SubFactory(OrganisationFactory)
    title = "HMIP improvement plan 2017"
    period_start = datetime.date(2017, 1, 1)
    period_end = datetime.date(2017, 12, 31)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    plan = factory.SubFactory(PlanFactory)
    reference = factory.Sequence(lambda n: str(n + 1))
    text = "The YOS Head of Service should make sure that plans address the risk of harm."
    addressed_to = "The YOS Head of Service"
    order = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    recommendation = factory.SubFactory(RecommendationFactory)
    reference = factory.Sequence(lambda n: f"1.{n + 1}")
    description = "Audit risk management plans monthly."
    owner_name = "YOS Service Manager"
    start_date = datetime.date(2017, 1, 1)
    due_date = datetime.date(2017, 6, 30)
    order = factory.Sequence(lambda n: n)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2017, 3, 1)
    narrative = "Audit tool agreed and first audit completed."
    status = factory.LazyAttribute(
        lambda o: RagStatus.objects.get(organisation=o.action.recommendation.plan.organisation, code="A")
    )
