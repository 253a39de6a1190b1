from django.core.management.base import BaseCommand

from improvement.frameworks import frameworks_sync
from improvement.models import InspectionFramework, JudgementLevel, Standard
from performance.catalogue import catalogue_sync
from performance.models import Indicator, IndicatorCategory
from yos_tracker.words import counted


class Command(BaseCommand):
    help = (
        "Create or update the indicator catalogue (performance/catalogue_data.py) and the inspection "
        "frameworks (improvement/framework_data.py), keeping every measurement and rating."
    )

    def handle(self, *args, **options):
        count = catalogue_sync(IndicatorCategory, Indicator)
        frameworks = frameworks_sync(InspectionFramework, JudgementLevel, Standard)
        held = f"{counted(count, 'indicator')} and {counted(frameworks, 'framework')}"
        self.stdout.write(self.style.SUCCESS(f"The catalogue has {held}."))
