import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from governance import demo as governance_demo
from improvement import demo as improvement_demo
from onboarding import demo as onboarding_demo
from performance import demo as performance_demo

DEFAULT_PASSWORD = "yos-demo-2026"


class Command(BaseCommand):
    help = "Load the demo organisations, people and records from the source documents. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", help="Password for new demo users (default: $DEMO_PASSWORD or yos-demo-2026)."
        )
        parser.add_argument("--force", action="store_true", help="Load even though DEBUG is off.")

    def handle(self, *args, password=None, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a real installation: demo users with a known password "
                "would be a way in. Use --force if you really mean it."
            )
        password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        with transaction.atomic():
            sign_ins = onboarding_demo.load(password=password)
            improvement_demo.load()
            performance_demo.load()
            governance_demo.load_governance()
            governance_demo.load_reports()

        self.stdout.write(
            self.style.SUCCESS(f"Demo data is loaded. Sign in with any of these (password for new users: {password}):")
        )
        width = max(len(username) for username, _ in sign_ins)
        for username, what in sign_ins:
            self.stdout.write(f"  {username.ljust(width)}  {what}")
