"""A backup of the demo, restored over a wiped installation, gives back every record and file."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command

from governance.models import CommitteeReport, ReportRender

COUNTED = [
    "governance.Organisation",
    "governance.Membership",
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
    render = ReportRender.objects.create(report=CommitteeReport.objects.get(), version=1, status="done")
    render.file.save("report.pdf", ContentFile(b"%PDF-1.7 the committee report"))
    before = counts()
    stored = render.file.name

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", out=str(archive))
    call_command("flush", interactive=False, verbosity=0)
    (media_root / stored).unlink()
    assert counts()["governance.Organisation"] == 0

    call_command("restore", str(archive), yes=True)
    assert counts() == before
    restored = ReportRender.objects.get()
    assert restored.file.read() == b"%PDF-1.7 the committee report"
