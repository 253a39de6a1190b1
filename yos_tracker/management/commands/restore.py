"""`make restore FILE=...`: put back a backup made by `manage.py backup`, database and media.

This replaces the current data. PostgreSQL: the schema is emptied and pg_restore puts back the
dump, then `migrate` brings a backup made by an older version up to this one. SQLite: the
database is flushed and the dump loaded into the current schema.
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

from yos_tracker.management.commands.backup import applied_migrations, pg_environment

# Models that moved between apps keep their tables, but a JSON dump names them by their app at
# the time: a backup from before the move names the organisations "governance.organisation"
# (see migration yos_tracker 0001).
MOVED_MODELS = {
    f"governance.{name}": f"yos_tracker.{name}"
    for name in ("organisation", "historicalorganisation", "membership", "historicalmembership")
}


def relabel_moved_models(dump: Path) -> None:
    records = json.loads(dump.read_text())
    for record in records:
        record["model"] = MOVED_MODELS.get(record["model"], record["model"])
    dump.write_text(json.dumps(records))


def unknown_migrations(recorded: dict[str, list[str]]) -> list[str]:
    """Migrations the backup's database had that this version of the application does not know:
    a backup made by a newer version, which this one cannot read."""
    known = applied_migrations(include_unapplied=True)
    return sorted(
        f"{app}.{name}" for app, names in recorded.items() for name in names if name not in known.get(app, [])
    )


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
            newer = unknown_migrations(manifest.get("migrations", {}))
            if newer:
                raise CommandError(
                    "This backup was made by a newer version of the application (it has "
                    f"{', '.join(newer[:3])}{' …' if len(newer) > 3 else ''}); upgrade before restoring it."
                )
            dump = Path(folder) / manifest["dump"]
            if engine == "postgresql":
                # pg_restore --clean drops only what the dump holds; tables added since the backup
                # would stay behind and trip up the migrations that create them.
                with connection.cursor() as cursor:
                    cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
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
                # A backup made by an older version comes up to this one's schema.
                call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
            else:
                relabel_moved_models(dump)
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(dump), verbosity=0, stdout=io.StringIO())
            media = Path(settings.MEDIA_ROOT)
            if (Path(folder) / "media").exists():
                shutil.rmtree(media, ignore_errors=True)
                shutil.copytree(Path(folder) / "media", media)
        self.stdout.write(self.style.SUCCESS(f"Restored {path}"))
