"""After the run: every update that got a success response is stored once, and only those."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yos_tracker.settings")
django.setup()

from django.db.models import Count  # noqa: E402

from improvement.models import ProgressUpdate  # noqa: E402

with open(os.environ["LOAD_LEDGER"]) as ledger:
    confirmed = [line.strip() for line in ledger if line.strip()]
stored = dict(
    ProgressUpdate.objects.filter(narrative__startswith="load-").values_list("narrative").annotate(n=Count("pk"))
)
lost = [m for m in confirmed if m not in stored]
doubled = [m for m, n in stored.items() if n > 1]
unconfirmed = [m for m in stored if m not in set(confirmed)]
print(
    f"Updates confirmed to the client: {len(confirmed)}; stored: {sum(stored.values())}; "
    f"lost: {len(lost)}; doubled: {len(doubled)}; stored without a confirmation: {len(unconfirmed)}"
)
sys.exit(1 if lost or doubled else 0)
