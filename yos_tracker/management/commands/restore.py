"""`make restore FILE=...`: put back a backup made by `manage.py backup`, database and media.

This replaces the current data. PostgreSQL uses pg_restore --clean; SQLite flushes and loads.
"""

import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from yos_tracker.management.commands.backup import pg_environment


class Command(BaseCommand):
    help = "Restore a backup archive (database and media files), replacing the current data."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        if not yes and input(f"Replace every record and file with {path}? Type yes: ").strip() != "yes":
            raise CommandError("Nothing was restored.")
        with tempfile.TemporaryDirectory() as folder, tarfile.open(path, "r:gz") as tar:
            tar.extractall(folder, filter="data")
            manifest = json.loads((Path(folder) / "manifest.json").read_text())
            engine = "postgresql" if connection.vendor == "postgresql" else "sqlite"
            if manifest["engine"] != engine:
                raise CommandError(
                    f"This backup is of a {manifest['engine']} database; this installation uses {engine}."
                )
            dump = Path(folder) / manifest["dump"]
            if engine == "postgresql":
                connection.close()
                pg_args, env = pg_environment()
                subprocess.run(
                    [
                        "pg_restore",
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        *pg_args,
                        "-d",
                        connection.settings_dict["NAME"],
                        str(dump),
                    ],
                    env=env,
                    check=True,
                    capture_output=True,
                )
            else:
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(dump), verbosity=0, stdout=io.StringIO())
            media = Path(settings.MEDIA_ROOT)
            if (Path(folder) / "media").exists():
                shutil.rmtree(media, ignore_errors=True)
                shutil.copytree(Path(folder) / "media", media)
        self.stdout.write(self.style.SUCCESS(f"Restored {path}"))
