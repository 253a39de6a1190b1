"""Help texts are shown as HTML (Django's and crispy's form templates mark them safe), so one that
writes a placeholder in angle brackets ("/<slug>/…") loses it to the browser as an unknown tag. They
give an example instead."""

import re

import pytest
from django.apps import apps
from django.urls import reverse

from yos_tracker.tests.factories import OrganisationFactory, UserFactory

PLACEHOLDER = re.compile(r"<[A-Za-z_][^<>]*>")


def test_no_model_field_has_a_help_text_a_browser_would_swallow():
    swallowed = [
        f"{model._meta.label}.{field.name}: {field.help_text}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if PLACEHOLDER.search(str(getattr(field, "help_text", "") or ""))
    ]
    assert not swallowed


@pytest.mark.django_db
def test_the_services_address_help_text_reads_whole_in_django_admin(client):
    organisation = OrganisationFactory(name="Lewisham Youth Offending Service", slug="lewisham")
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:yos_tracker_organisation_change", args=[organisation.pk])).content.decode()
    assert "the service with the slug lewisham is at /lewisham/…" in page
