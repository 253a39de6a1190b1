import datetime

import factory

from governance.models import Risk
from yos_tracker.tests.factories import OrganisationFactory


class RiskFactory(factory.django.DjangoModelFactory):
    """A risk on the default 3×3 matrix (install it with services.risk_matrix_install)."""

    class Meta:
        model = Risk

    organisation = factory.SubFactory(OrganisationFactory)
    number = factory.Sequence(lambda n: n + 1)
    raised_on = datetime.date(2017, 6, 9)
    title = "Analytic capacity"
    description = "d"
    owner = "GR"
    inherent_likelihood = 2
    inherent_impact = 3
    residual_likelihood = 2
    residual_impact = 2
