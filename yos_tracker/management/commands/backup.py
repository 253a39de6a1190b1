"""`make backup`: one .tar.gz with the database and the uploaded and rendered files.

PostgreSQL is dumped with pg_dump (custom format); SQLite with Django's dumpdata. The archive
holds manifest.json (with the migrations the database had, so that a restore can tell a backup
made by a newer version), the dump, and media/ with every file of the media storage under its
name, read through the storage: the same for files under MEDIA_ROOT and for a bucket's objects.
"""

import io
import json
import os
import subprocess
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from yos_tracker.media import stored_names
from yos_tracker.words import counted

# Rebuilt by Django or meaningless once restored.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


def applied_migrations(*, include_unapplied: bool = False) -> dict[str, list[str]]:
    """Per app, the migrations this database has applied (or, with include_unapplied, every
    migration this version of the application has on disk)."""
    if include_unapplied:
        nodes = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    else:
        nodes = MigrationRecorder(connection).applied_migrations()
    found: dict[str, list[str]] = {}
    for app, name in sorted(nodes):
        found.setdefault(app, []).append(name)
    return found


def pg_environment() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def media_archive(archive: tarfile.TarFile) -> int:
    """Add every stored file to the archive under media/, one at a time (a bucket may hold more
    than fits in memory); returns how many. media/ is there even when empty, so that restoring
    the backup empties the storage too."""
    folder = tarfile.TarInfo("media")
    folder.type, folder.mode, folder.mtime = tarfile.DIRTYPE, 0o755, time.time()
    archive.addfile(folder)
    count = 0
    for name in stored_names(default_storage):
        with default_storage.open(name, "rb") as stored:
            info = tarfile.TarInfo(f"media/{name}")
            info.size, info.mtime = stored.size, folder.mtime
            archive.addfile(info, stored)
        count += 1
    return count


class Command(BaseCommand):
    help = "Write a backup of the database and media files to a .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="Archive path (default: backups/yos-<timestamp>.tar.gz).")

    def handle(self, *args, out=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = Path(out or settings.BASE_DIR / "backups" / f"yos-{stamp}.tar.gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        engine = "postgresql" if connection.vendor == "postgresql" else "sqlite"
        if engine == "postgresql":
            pg_args, env = pg_environment()
            dump = subprocess.run(
                ["pg_dump", "-Fc", *pg_args, connection.settings_dict["NAME"]], capture_output=True, env=env, check=True
            ).stdout
            dump_name = "database.pgdump"
        else:
            buffer = io.StringIO()
            call_command(
                "dumpdata",
                "--natural-foreign",
                "--natural-primary",
                *[f"--exclude={e}" for e in EXCLUDED],
                stdout=buffer,
            )
            dump, dump_name = buffer.getvalue().encode(), "database.json"
        manifest = {
            "engine": engine,
            "dump": dump_name,
            "created": stamp,
            "media": "media/",
            "migrations": applied_migrations(),
        }
        with tarfile.open(target, "w:gz") as archive:
            for name, data in (("manifest.json", json.dumps(manifest).encode()), (dump_name, dump)):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            files = media_archive(archive)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target} ({counted(files, 'stored file')})"))
