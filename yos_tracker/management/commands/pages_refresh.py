"""Show again what the database holds after it was changed by hand (psql, a script, a restore
into a running service): every cached page part is rendered afresh on its next visit."""

from django.core.management.base import BaseCommand

from yos_tracker import page_cache


class Command(BaseCommand):
    help = "After editing the database outside the application, make every page show it (the page cache is refreshed)."

    def handle(self, *args, **options):
        # Writes the application makes raise the data version themselves; a hand edit bypasses them.
        page_cache.bump()
        self.stdout.write("Every page will be rendered afresh on its next visit.")
