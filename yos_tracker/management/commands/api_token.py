"""Print a new API token for a person, for a script or a feed set up from the command line."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from yos_tracker import services


class Command(BaseCommand):
    help = "Issue a new API token for a person and print its key (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Command line", help="What the token is for, as its list shows it.")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No person has the user name “{username}”.")
        if not user.is_active:
            raise CommandError(f"{username}'s account is inactive: a token would not be accepted.")
        _, key = services.api_token_issue(user=user, name=name)
        self.stdout.write(key)
