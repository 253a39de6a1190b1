import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.models import CommitteeReport
from governance.reporting import render_pdf
from yos_tracker.models import Organisation
from yos_tracker.words import counted


class Command(BaseCommand):
    help = "Render a committee report to PDF synchronously, for scripted use."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="The organisation's slug, e.g. lewisham.")
        parser.add_argument("--committee", required=True)
        parser.add_argument("--date", required=True, help="The meeting date, YYYY-MM-DD.")
        parser.add_argument("--out", required=True, help="Where to write the PDF.")

    def handle(self, *args, organisation, committee, date, out, **options):
        try:
            org = Organisation.objects.get(slug=organisation)
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation “{organisation}”.") from None
        try:
            meeting = datetime.date.fromisoformat(date)
        except ValueError:
            raise CommandError("--date must be YYYY-MM-DD.") from None
        report = CommitteeReport.objects.for_org(org).filter(committee__iexact=committee, meeting_date=meeting).first()
        if report is None:
            known = "; ".join(f"{r.committee} {r.meeting_date}" for r in CommitteeReport.objects.for_org(org)) or "none"
            raise CommandError(f"No report to “{committee}” on {meeting}. Reports defined: {known}.")
        pdf, pages = render_pdf(report)
        Path(out).write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}: {counted(pages, 'page')}, {len(pdf):,} bytes."))
