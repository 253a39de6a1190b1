"""Factories for the core's records: people, organisations and their memberships."""

import factory
from django.contrib.auth import get_user_model

from yos_tracker.choices import Role
from yos_tracker.models import Membership, Organisation

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
