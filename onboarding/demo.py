"""Demo organisations and people: the four London services of the source documents, each set up
as a new service would be (onboarding.services), with the scales its documents use."""

from django.contrib.auth import get_user_model

from onboarding.services import organisation_create, organisation_install
from yos_tracker.choices import Role
from yos_tracker.models import Membership, Organisation

# rag_scale, audit_scale and rating_key: the scales each service's documents use (Lewisham's adds
# Purple to both its RAG scale and its key for indicators, seed 000; Bromley grades audits Good /
# Satisfactory / Inadequate, seed 003). Lewisham and Islington track the indicators of their own
# dashboards (performance/demo_data.py), not the starter set; Southwark's documents give no
# dashboard, so it starts as a new service would.
ORGANISATIONS = [
    {
        "slug": "lewisham",
        "name": "Lewisham Youth Offending Service",
        "local_authority": "London Borough of Lewisham",
        "setup": {
            "rag_scale": "lewisham",
            "audit_scale": "lewisham",
            "rating_key": "lewisham",
            "starter_indicators": False,
        },
    },
    {
        "slug": "islington",
        "name": "Islington Youth Offending Service",
        "local_authority": "London Borough of Islington",
        "setup": {"rag_scale": "bromley", "audit_scale": "lewisham", "starter_indicators": False},
    },
    {
        "slug": "southwark",
        "name": "Southwark Youth Offending Service",
        "local_authority": "London Borough of Southwark",
        "setup": {"rag_scale": "bromley", "audit_scale": "lewisham", "starter_indicators": True},
    },
    {
        "slug": "bromley",
        "name": "Bromley Youth Offending Service",
        "local_authority": "London Borough of Bromley",
        "setup": {"rag_scale": "bromley", "audit_scale": "bromley", "starter_indicators": False},
    },
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
        organisation = _organisation(data)
        town = data["slug"].capitalize()
        for suffix, role in DEMO_ROLES.items():
            user = _user(f"{organisation.slug}.{suffix}", town, role.label.capitalize(), password)
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
            sign_ins.append((user.username, f"{role.label} of {organisation.name}"))

    regional = _user("regional", "Regional", "Lead", password)
    Membership.objects.get_or_create(user=regional, organisation=None, defaults={"role": Role.REGIONAL})
    sign_ins.append((regional.username, "Regional: reads every organisation"))
    return sign_ins


def _organisation(data: dict) -> Organisation:
    organisation = Organisation.objects.filter(slug=data["slug"]).first()
    if organisation is None:
        fields = {"name": data["name"], "slug": data["slug"], "local_authority": data["local_authority"]}
        return organisation_create(organisation=Organisation(region="London", **fields), **data["setup"])
    organisation_install(organisation=organisation, **data["setup"])
    return organisation
