"""Set up the load test's database and print the environment the locustfile needs."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yos_tracker.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from improvement.models import Action, ImprovementPlan, RagStatus  # noqa: E402

call_command("migrate", verbosity=0)
with open(os.devnull, "w") as quiet:
    call_command("load_demo", force=True, stdout=quiet)
plan = ImprovementPlan.objects.get(organisation__slug="lewisham")
actions = Action.objects.filter(recommendation__plan=plan).order_by("pk")[:10]
print(f"export LOAD_PLAN_URL={plan.get_absolute_url()}")
print("export LOAD_ACTION_URLS=" + ",".join(a.get_absolute_url() for a in actions))
print(f"export LOAD_STATUS_ID={RagStatus.objects.get(organisation__slug='lewisham', code='A').pk}")
