import datetime

import factory

from performance.choices import Scope
from performance.models import (
    CaseAudit,
    Indicator,
    IndicatorCategory,
    Measurement,
    OutcomeKind,
    Target,
    TrackedIndicator,
)
from yos_tracker.tests.factories import OrganisationFactory


def indicator(code: str) -> Indicator:
    """Catalogue indicators come from the data migration: tests use the real catalogue."""
    return Indicator.objects.shared().get(code=code)


class TrackedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrackedIndicator

    organisation = factory.SubFactory(OrganisationFactory)
    indicator = factory.LazyFunction(lambda: indicator("REOFF_BINARY"))
    order = factory.Sequence(lambda n: n)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    organisation = factory.SubFactory(OrganisationFactory)
    indicator = factory.LazyFunction(lambda: indicator("CUSTODY_COUNT"))
    period = datetime.date(2017, 3, 1)
    value = 23


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    organisation = factory.SubFactory(OrganisationFactory)
    indicator = factory.LazyFunction(lambda: indicator("CUSTODY_COUNT"))
    applies_from = datetime.date(2015, 1, 1)
    value = 30
    tolerance = 5


class CaseAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseAudit

    month = datetime.date(2015, 10, 1)
    case_reference = factory.Sequence(lambda n: f"BR-2015-{n:03d}")
    case_type = "court_order"


def outcome_kind(organisation, code: str = "conviction") -> OutcomeKind:
    """One of the organisation's qualifying outcome types, giving it the YJB's if it has none."""
    return next(kind for kind in OutcomeKind.objects.install(organisation) if kind.code == code)


def local_indicator(organisation, code="EET_LOCAL", name="Bromley's own EET measure") -> Indicator:
    """A service's own percentage indicator, entered directly (not worked out from two counts)."""
    return Indicator.objects.create(
        organisation=organisation,
        code=code,
        name=name,
        category=IndicatorCategory.objects.get(code="education"),
        scope=Scope.LOCAL,
        unit="percent",
        polarity="higher_better",
        frequency="monthly",
    )
