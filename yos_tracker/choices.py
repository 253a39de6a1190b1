"""Who may do what: the roles people hold in an organisation and the capabilities each carries.

A person may hold several roles in one organisation (a manager who is also its administrator);
what they may do is the union of their roles' capabilities.
"""

from collections.abc import Iterable

from django.db import models


class Capability(models.TextChoices):
    """What a person may do within one organisation. Views ask for these, never for roles."""

    VIEW = "view", "Read the organisation's records"
    EDIT = "edit", "Edit plans, indicators, risks and board records"
    REPORT = "report", "Generate and export reports"
    MANAGE_MEMBERS = "manage_members", "Manage the organisation's memberships"


class Role(models.TextChoices):
    MANAGER = "manager", "Manager"
    BOARD_MEMBER = "board", "Board member"
    OFFICER = "officer", "Officer"
    ADMINISTRATOR = "admin", "Administrator"
    REGIONAL = "regional", "Regional"

    @property
    def capabilities(self) -> frozenset[Capability]:
        return ROLE_CAPABILITIES[self]

    @property
    def description(self) -> str:
        return ROLE_DESCRIPTIONS[self]


# The one table of who may do what. A manager also generates reports, since issue #6's
# report builder is used by "an officer (or manager)".
ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.MANAGER: frozenset({Capability.VIEW, Capability.EDIT, Capability.REPORT}),
    Role.BOARD_MEMBER: frozenset({Capability.VIEW}),
    Role.OFFICER: frozenset({Capability.VIEW, Capability.REPORT}),
    Role.ADMINISTRATOR: frozenset({Capability.VIEW, Capability.MANAGE_MEMBERS}),
    Role.REGIONAL: frozenset({Capability.VIEW}),
}

ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.MANAGER: "Edits the improvement plan, indicators, risks and board records.",
    Role.BOARD_MEMBER: "Reads everything of the organisation.",
    Role.OFFICER: "Reads, generates and exports reports.",
    Role.ADMINISTRATOR: "Manages who has access to the organisation.",
    Role.REGIONAL: "Reads every organisation on this instance.",
}

# Roles an organisation's administrator may grant, any several of them to one person; the
# regional role spans organisations and is granted by a superuser (on the regional members page).
ORGANISATION_ROLES = [Role.MANAGER, Role.BOARD_MEMBER, Role.OFFICER, Role.ADMINISTRATOR]
# What a new service's first person holds: they run the service's records and add its people.
FIRST_PERSON_ROLES = [Role.MANAGER, Role.ADMINISTRATOR]


def roles_in_order(roles: Iterable[str]) -> list[Role]:
    """The roles once each, in the order the choices list them (manager first)."""
    held = {Role(role) for role in roles}
    return [role for role in Role if role in held]


def roles_label(roles: Iterable[str]) -> str:
    """A person's roles as a sentence names them: "Manager and administrator"."""
    labels = [role.label.lower() for role in roles_in_order(roles)]
    text = " and ".join(filter(None, [", ".join(labels[:-1]), *labels[-1:]]))
    return text[:1].upper() + text[1:]
