import datetime

import factory

from governance.choices import Agency
from governance.models import Board, BoardMember, Meeting, Risk
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


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Youth Justice Management Board {n}")


class BoardMemberFactory(factory.django.DjangoModelFactory):
    """A board member: adults named by role, as the demo does."""

    class Meta:
        model = BoardMember

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Member {n}")
    agency = Agency.POLICE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    date = datetime.date(2019, 6, 12)
