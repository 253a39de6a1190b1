"""`manage.py sync_catalogue` on an installation in use: the indicator catalogue and the inspection
frameworks come up to date, and nothing recorded against them is lost."""

import io

import pytest
from django.core.management import call_command

from improvement import services
from improvement.models import Inspection, InspectionFramework, Standard
from performance.models import Indicator, Measurement

pytestmark = pytest.mark.django_db


def test_sync_catalogue_on_an_existing_database_keeps_measurements_and_ratings(organisation):
    framework = InspectionFramework.objects.get(code="hmip-2018")
    inspection = Inspection.objects.create(organisation=organisation, framework=framework, inspection_type="full_joint")
    standard = framework.standards.get(code="2.4")
    services.inspection_ratings_save(
        inspection=inspection, ratings={standard: (framework.levels.get(label="Good"), "")}
    )
    indicator = Indicator.objects.get(code="KPI1_ACCOMMODATION")
    Measurement.objects.create(
        organisation=organisation, indicator=indicator, period="2024-04-01", numerator=9, denominator=10, value=90
    )
    Standard.objects.filter(pk=standard.pk).update(title="Edited by hand")
    Indicator.objects.filter(pk=indicator.pk).update(name="Edited by hand")

    call_command("sync_catalogue", stdout=io.StringIO())
    call_command("sync_catalogue", stdout=io.StringIO())  # twice is the same as once

    standard.refresh_from_db()
    indicator.refresh_from_db()
    assert standard.title == "Reviewing" and indicator.name.startswith("KPI 1")
    assert inspection.judgements.get().standard == standard
    assert Measurement.objects.get().value == 90
    assert (
        framework.levels.count() == 4
        and InspectionFramework.objects.get(code="hmip-2012").levels.first().label == "Very good"
    )


def test_a_level_an_installation_added_follows_the_datas_and_keeps_its_place_however_often_it_syncs():
    framework = InspectionFramework.objects.get(code="hmip-2012")
    framework.levels.create(label="Not inspected", rank=99, colour="#505a5f")
    for _ in range(3):
        call_command("sync_catalogue", stdout=io.StringIO())
    assert list(framework.levels.order_by("rank").values_list("label", "rank"))[-2:] == [
        ("Poor", 5),
        ("Not inspected", 6),
    ]
