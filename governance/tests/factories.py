import datetime

import factory
from django.contrib.auth import get_user_model

from governance.choices import Role
from governance.models import Membership, Organisation, Risk

PASSWORD = "a-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Borough {n} Youth Offending Service")
    slug = factory.Sequence(lambda n: f"borough-{n}")
    local_authority = factory.Sequence(lambda n: f"London Borough {n}")
    region = "London"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MANAGER


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
