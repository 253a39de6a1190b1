"""Demo organisations and people: the four London services of the source documents."""

from django.contrib.auth import get_user_model

from governance.choices import Role
from governance.models import Membership, Organisation

ORGANISATIONS = [
    {"slug": "lewisham", "name": "Lewisham Youth Offending Service", "local_authority": "London Borough of Lewisham"},
    {
        "slug": "islington",
        "name": "Islington Youth Offending Service",
        "local_authority": "London Borough of Islington",
    },
    {
        "slug": "southwark",
        "name": "Southwark Youth Offending Service",
        "local_authority": "London Borough of Southwark",
    },
    {"slug": "bromley", "name": "Bromley Youth Offending Service", "local_authority": "London Borough of Bromley"},
]

# Demo user name suffix → role.
DEMO_ROLES = {"manager": Role.MANAGER, "board": Role.BOARD_MEMBER, "officer": Role.OFFICER, "admin": Role.ADMINISTRATOR}


def _user(username: str, first_name: str, last_name: str, password: str):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@demo.invalid", "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def load(*, password: str) -> list[tuple[str, str]]:
    """Create what is missing; never change what exists. Returns (user name, what they can do) pairs."""
    sign_ins = []
    for data in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "local_authority": data["local_authority"], "region": "London"},
        )
        town = data["slug"].capitalize()
        for suffix, role in DEMO_ROLES.items():
            user = _user(f"{organisation.slug}.{suffix}", town, role.label.capitalize(), password)
            Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": role})
            sign_ins.append((user.username, f"{role.label} of {organisation.name}"))

    regional = _user("regional", "Regional", "Lead", password)
    Membership.objects.get_or_create(user=regional, organisation=None, defaults={"role": Role.REGIONAL})
    sign_ins.append((regional.username, "Regional: reads every organisation"))
    return sign_ins
