from django.core.management.base import BaseCommand

from performance.catalogue import catalogue_sync
from performance.models import Indicator, IndicatorCategory


class Command(BaseCommand):
    help = "Create or update the indicator catalogue from performance/catalogue_data.py."

    def handle(self, *args, **options):
        count = catalogue_sync(IndicatorCategory, Indicator)
        self.stdout.write(self.style.SUCCESS(f"The catalogue has {count} indicators."))
