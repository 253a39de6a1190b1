"""`make restore FILE=...`: put back a backup made by `manage.py backup`, database and media.

This replaces the current data. Either way the dump goes back into the schema it was made from,
and `migrate` then brings a backup made by an older version up to this one, its data migrations
carrying the records across. PostgreSQL: the schema is emptied and pg_restore puts back the dump.
SQLite: the tables are dropped, the migrations the backup had are applied, and the dump is loaded
through the models as they were at those migrations. The files under media/ replace every file
of the media storage, whichever it is (files under MEDIA_ROOT or a bucket).
"""

import io
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps as global_apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers import python
from django.core.serializers.base import DeserializationError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from yos_tracker import page_cache
from yos_tracker.management.commands.backup import applied_migrations, pg_environment
from yos_tracker.media import stored_names

# The project's own apps, whose models a dump is read into as they were at its migrations; the
# records of Django's and other libraries' apps are read into today's models.
PROJECT_APPS = {"yos_tracker", "improvement", "performance", "governance", "onboarding"}
# Backups made before commit bf92c66 record no migrations; the project's were these from 8fa191e to
# then (tests/data/README.md).
UNRECORDED = {
    "governance": "0007_report_sections_optional",
    "improvement": "0006_evidence_link_length",
    "performance": "0003_monthly_rollup_schedule",
}


class DeserializerAt(python.Deserializer):
    """Django's JSON deserializer, reading the project's records into the models of a migration
    state. A reference by natural key (a user by name) is looked up through today's model, as
    the historical models have no natural keys."""

    def __init__(self, object_list, *, apps, **options):
        super().__init__(object_list, **options)
        self.apps = apps

    def _get_model_from_node(self, model_identifier):
        try:
            registry = self.apps if model_identifier.split(".")[0] in PROJECT_APPS else global_apps
            return registry.get_model(model_identifier)
        except (LookupError, TypeError, ValueError) as error:
            raise DeserializationError(f"Invalid model identifier: {model_identifier}") from error

    def _handle_fk_field_node(self, field, field_value):
        if isinstance(field_value, list):
            model = global_apps.get_model(field.remote_field.model._meta.label)
            return model._default_manager.get_by_natural_key(*field_value).pk
        return super()._handle_fk_field_node(field, field_value)


def _targets(graph, recorded: dict[str, list[str]] | None) -> list[tuple[str, str | None]]:
    if recorded is None:
        return [(app, UNRECORDED.get(app)) if app in PROJECT_APPS else (app, name) for app, name in graph.leaf_nodes()]
    return [(app, names[-1]) for app, names in recorded.items() if (app, names[-1]) in graph.nodes]


def sqlite_load_at(dump: Path, recorded: dict[str, list[str]] | None) -> None:
    """Replace the SQLite database with the dump, in the schema of the migrations `recorded`
    (the backup's), then migrate to this version."""
    with connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'DROP TABLE "{table}"')
    executor = MigrationExecutor(connection)
    targets = _targets(executor.loader.graph, recorded)
    executor.migrate(targets)
    old_apps = executor.loader.project_state([t for t in targets if t[1]]).apps
    with transaction.atomic(), connection.constraint_checks_disabled():
        with connection.cursor() as cursor:  # what the migrations loaded is in the dump too
            for table in connection.introspection.table_names(cursor):
                if table != "django_migrations":
                    cursor.execute(f'DELETE FROM "{table}"')
        deferred = []
        for obj in DeserializerAt(json.loads(dump.read_text()), apps=old_apps, handle_forward_references=True):
            obj.save()
            if obj.deferred_fields:
                deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields()
    connection.check_constraints()
    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())


def unknown_migrations(recorded: dict[str, list[str]]) -> list[str]:
    """Migrations the backup's database had that this version of the application does not know:
    a backup made by a newer version, which this one cannot read."""
    known = applied_migrations(include_unapplied=True)
    return sorted(
        f"{app}.{name}" for app, names in recorded.items() for name in names if name not in known.get(app, [])
    )


def media_restore(folder: Path) -> None:
    """Replace every stored file with the files under `folder` (a backup's media/), each under
    the name the records know it by. Everything stored goes first, so that no name is taken (the
    storage would store the file under another) and no file stored since the backup lingers."""
    for name in stored_names(default_storage):
        default_storage.delete(name)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with path.open("rb") as content:
                default_storage.save(path.relative_to(folder).as_posix(), File(content))


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
            with page_cache.unwatched():  # the tables, the version's among them, come and go meanwhile
                self.load(engine, dump, manifest)
            if (Path(folder) / "media").exists():
                media_restore(Path(folder) / "media")
        self.stdout.write(self.style.SUCCESS(f"Restored {path}"))

    def load(self, engine: str, dump: Path, manifest: dict) -> None:
        """Replace the database with the dump, then migrate it to this version."""
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
            sqlite_load_at(dump, manifest.get("migrations"))
