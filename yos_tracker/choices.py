"""Who may do what: the roles people hold in an organisation and the capabilities each carries."""

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

# Roles an organisation's administrator may grant; the regional role spans organisations
# and is granted by a superuser in Django admin.
ORGANISATION_ROLES = [Role.MANAGER, Role.BOARD_MEMBER, Role.OFFICER, Role.ADMINISTRATOR]
