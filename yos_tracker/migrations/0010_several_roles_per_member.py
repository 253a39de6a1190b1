"""A person may hold several roles in one organisation (issue #32): one Membership row per role,
so the unique constraint widens from (user, organisation) to (user, organisation, role).

Every existing row is a valid one-role membership of the new shape and is carried as it is.
Going back, a person keeps one role per organisation, the one that lets the organisation go on
managing its members (administrator first), so the old constraint can hold again.
"""

from django.conf import settings
from django.db import migrations, models

# The role kept going back, most needed first: an organisation must keep its administrators.
KEPT_FIRST = ["admin", "manager", "officer", "board"]


def keep_one_role_per_person(apps, schema_editor):
    Membership = apps.get_model("yos_tracker", "Membership")
    rows = Membership.objects.filter(organisation__isnull=False).values_list("pk", "user_id", "organisation_id", "role")
    kept: dict[tuple[int, int], tuple[int, int]] = {}
    extra = []
    for pk, user_id, organisation_id, role in rows:
        rank = KEPT_FIRST.index(role) if role in KEPT_FIRST else len(KEPT_FIRST)
        key = (user_id, organisation_id)
        if key not in kept:
            kept[key] = (rank, pk)
        elif rank < kept[key][0]:
            extra.append(kept[key][1])
            kept[key] = (rank, pk)
        else:
            extra.append(pk)
    Membership.objects.filter(pk__in=extra).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("yos_tracker", "0009_rate_counts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="membership",
            name="membership_one_role_per_user_and_organisation",
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                fields=("user", "organisation", "role"),
                name="membership_each_role_once_per_user_and_organisation",
                violation_error_message="This person already has this role in this organisation.",
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, keep_one_role_per_person),
    ]
