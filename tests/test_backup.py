"""A backup of the demo, restored over a wiped installation, gives back every record and file;
a backup holds every object of a media bucket and a restore puts them back; and a backup made
before organisations moved into the core still restores."""

import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from governance.models import CommitteeReport, ReportRender
from yos_tracker.choices import Role
from yos_tracker.management.commands.restore import media_restore
from yos_tracker.models import Membership, Organisation
from yos_tracker.scoping import resolve_access

DATA = Path(__file__).parent / "data"

COUNTED = [
    "yos_tracker.Organisation",
    "yos_tracker.Membership",
    "governance.Risk",
    "governance.Meeting",
    "improvement.Action",
    "improvement.ProgressUpdate",
    "performance.Measurement",
    "performance.CaseAudit",
    "performance.Indicator",
    "governance.ReportRender",
    "auth.User",
]


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_the_demo(settings, tmp_path, media_root):
    settings.DEBUG = True
    call_command("load_demo")
    render = ReportRender.objects.create(report=CommitteeReport.objects.get(kind="committee"), version=1, status="done")
    render.file.save("report.pdf", ContentFile(b"%PDF-1.7 the committee report"))
    before = counts()
    stored = render.file.name

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive))
    call_command("flush", interactive=False, verbosity=0)
    (media_root / stored).unlink()
    assert counts()["yos_tracker.Organisation"] == 0

    call_command("restore", str(archive), yes=True)
    assert counts() == before
    restored = ReportRender.objects.get()
    assert restored.file.read() == b"%PDF-1.7 the committee report"


@pytest.mark.django_db
def test_a_backup_holds_every_object_of_the_bucket_and_a_restore_puts_them_back(tmp_path, s3_media):
    default_storage.save("evidence/0f3a.pdf", ContentFile(b"%PDF-1.4 minutes of the board"))
    default_storage.save("reports/lewisham/report-1-v1.pdf", ContentFile(b"%PDF-1.7 the committee report"))
    backed_up = s3_media.objects()

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive))
    with tarfile.open(archive) as tar:
        files = [member for member in tar.getmembers() if member.name.startswith("media/") and member.isfile()]
        held = {member.name: tar.extractfile(member).read() for member in files}
        tar.extractall(tmp_path / "unpacked", filter="data")
    assert held == {f"media/{key}": body for key, body in backed_up.items()}

    default_storage.delete("evidence/0f3a.pdf")
    default_storage.save("evidence/after-the-backup.pdf", ContentFile(b"%PDF-1.4 stored since"))
    # The files' half of `restore`: its database half is the demo round trip's above (on SQLite it
    # migrates from nothing, some twenty seconds).
    media_restore(tmp_path / "unpacked" / "media")
    assert s3_media.objects() == backed_up


@pytest.mark.django_db(transaction=True)
def test_a_backup_made_before_organisations_moved_to_the_core_restores(tmp_path):
    """Made by `manage.py backup` of the demo at commit 8fa191e, when Organisation and Membership
    were governance's (tests/data/README.md): the organisations, people and their roles, with
    their history, come back, reached through the core's models."""
    archive = DATA / f"backup-8fa191e-{connection.vendor}.tar.gz"
    call_command("restore", str(archive), yes=True)

    assert Organisation.objects.count() == 4
    assert Membership.objects.count() == 17
    assert Organisation.history.count() == 4 and Membership.history.count() == 17
    lewisham = Organisation.objects.get(slug="lewisham")
    assert lewisham.plans.get().recommendations.count() > 0
    assert lewisham.risks.count() == 17
    manager = Membership.objects.select_related("user").get(organisation=lewisham, role=Role.MANAGER).user
    assert resolve_access(manager, "lewisham").can_edit
    assert Membership.objects.filter(organisation__isnull=True, role=Role.REGIONAL).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_backup_made_by_a_newer_version_is_refused_and_nothing_changes(tmp_path):
    call_command("load_demo", force=True)
    before = counts()
    archive = tmp_path / "newer.tar.gz"
    call_command("backup", out=str(archive))
    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    manifest = json.loads((unpacked / "manifest.json").read_text())
    manifest["migrations"]["governance"].append("0099_from_the_future")
    (unpacked / "manifest.json").write_text(json.dumps(manifest))
    with tarfile.open(archive, "w:gz") as tar:
        for item in unpacked.iterdir():
            tar.add(item, arcname=item.name)

    with pytest.raises(CommandError, match=r"newer version of the application .*governance\.0099_from_the_future"):
        call_command("restore", str(archive), yes=True)
    assert counts() == before
