from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.models import CommitteeReport
from governance.models.reports import ReportKind
from governance.reporting import render_pdf
from yos_tracker.models import Organisation
from yos_tracker.words import counted


class Command(BaseCommand):
    help = "Render a service's youth justice plan for a year to PDF synchronously, for scripted use."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="The organisation's slug, e.g. lewisham.")
        parser.add_argument("--year", required=True, type=int, help="The plan's year: 2019 is the plan for 2019/20.")
        parser.add_argument("--out", required=True, help="Where to write the PDF.")

    def handle(self, *args, organisation, year, out, **options):
        try:
            org = Organisation.objects.get(slug=organisation)
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation “{organisation}”.") from None
        plans = CommitteeReport.objects.for_org(org).filter(kind=ReportKind.YJ_PLAN)
        plan = plans.filter(plan_year=year).first()
        if plan is None:
            known = ", ".join(p.plan_label for p in plans.order_by("plan_year")) or "none"
            raise CommandError(f"{org} has no youth justice plan for {year}. Plans defined: {known}.")
        pdf, pages = render_pdf(plan)
        Path(out).write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}: {counted(pages, 'page')}, {len(pdf):,} bytes."))
