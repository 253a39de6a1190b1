"""Every import page offers a blank template laid out as the export writes it, and the template
reads back with every column found: nothing to map, nothing missing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.tests.factories import PlanFactory
from tests.test_import_mapping import ALL_IMPORTERS
from yos_tracker.spreadsheets import read_sheet

pytestmark = pytest.mark.django_db
PAGES = {
    "plan": "improvement:plan_import",
    "measurements": "performance:measurement_import",
    "audits": "performance:audit_import",
    "risks": "governance:risk_import",
    "cases": "performance:tracker_cases_import",
}


def _page(organisation, key: str) -> str:
    kwargs = {"org": organisation.slug}
    if key == "plan":
        kwargs["pk"] = PlanFactory(organisation=organisation).pk
    return reverse(PAGES[key], kwargs=kwargs)


@pytest.mark.parametrize("importer", ALL_IMPORTERS, ids=lambda importer: importer.key)
def test_each_import_page_links_its_template_and_the_template_reads_back_whole(client, manager, organisation, importer):
    client.force_login(manager)
    template = reverse("import_template", kwargs={"org": organisation.slug, "key": importer.key})
    assert f'href="{template}"' in client.get(_page(organisation, importer.key)).content.decode()
    response = client.get(template)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{importer.key}-template.xlsx"'
    sheet = read_sheet(
        SimpleUploadedFile("template.xlsx", response.content),
        importer.columns,
        max_rows=100,
    )
    assert (sheet.missing, sheet.unknown) == ([], [])
    assert set(sheet.recognised.values()) == {column.key for column in importer.columns}


def test_a_template_for_no_importer_is_not_found(client, manager, organisation):
    client.force_login(manager)
    assert (
        client.get(reverse("import_template", kwargs={"org": organisation.slug, "key": "nothing"})).status_code == 404
    )


def test_only_members_of_the_organisation_get_its_templates(client, outsider, organisation):
    client.force_login(outsider)
    assert client.get(reverse("import_template", kwargs={"org": organisation.slug, "key": "risks"})).status_code == 404
