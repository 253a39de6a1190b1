"""The staffing profile and the service structure chart as they stood on a day, as recorded at a
moment: the posts in post, counted by role, by contract and by the holders' sex and ethnicity
(the YJB's staffing tables), and the chart drawn from the management board and the teams."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from governance.choices import Agency
from governance.models import StaffPost
from governance.models.staffing import Contract, Ethnicity, RoleType, Sex
from yos_tracker.history import Moment, as_instances, as_recorded

MANAGEMENT = "Management"  # the team of posts recorded without one


@dataclass
class Counted:
    label: str
    posts: int = 0
    vacant: int = 0
    fte: Decimal = Decimal(0)
    by_sex: dict[str, int] = field(default_factory=dict)

    @property
    def sex_cells(self) -> list[tuple[str, int]]:
        """Holders by sex, in the order of the YJB's table, each with its label."""
        return [(label, self.by_sex.get(value, 0)) for value, label in Sex.choices]


@dataclass
class StaffingProfile:
    as_of: datetime.date
    posts: list[StaffPost]

    @property
    def teams(self) -> list[tuple[str, list[StaffPost]]]:
        """Posts by team, management first, then the teams in the order their first post was added."""
        found: dict[str, list[StaffPost]] = {}
        for post in sorted(self.posts, key=lambda p: (bool(p.team), p.pk)):
            found.setdefault(post.team or MANAGEMENT, []).append(post)
        return list(found.items())

    @property
    def by_role(self) -> list[Counted]:
        """Posts, vacancies, FTE and holders by sex for each role type with posts, and the total."""
        rows = {value: Counted(label) for value, label in RoleType.choices}
        total = Counted("Total")
        for post in self.posts:
            for row in (rows[post.role_type], total):
                row.posts += 1
                row.fte += post.fte
                if post.vacant:
                    row.vacant += 1
                else:
                    row.by_sex[post.sex] = row.by_sex.get(post.sex, 0) + 1
        return [row for row in rows.values() if row.posts] + [total]

    @property
    def by_contract(self) -> list[tuple[str, int, Decimal]]:
        """Posts and FTE by contract; secondees by the agency that seconds them."""
        found: dict[str, list] = {}
        for post in self.posts:
            label = post.get_contract_display()
            if post.contract == Contract.SECONDED:
                label = f"Seconded: {Agency(post.agency).label}"
            row = found.setdefault(label, [0, Decimal(0)])
            row[0] += 1
            row[1] += post.fte
        return [(label, count, fte) for label, (count, fte) in found.items()]

    @property
    def sexes(self) -> list[tuple[str, str]]:
        return list(Sex.choices)

    @property
    def by_ethnicity(self) -> list[Counted]:
        """Holders of posts by ethnicity (every group, as the YJB's table lists them) and sex, and the total."""
        rows = {value: Counted(label) for value, label in Ethnicity.choices}
        total = Counted("Total")
        for post in self.posts:
            if not post.vacant:
                for row in (rows[post.ethnicity], total):
                    row.posts += 1
                    row.by_sex[post.sex] = row.by_sex.get(post.sex, 0) + 1
        return [*rows.values(), total]

    @property
    def notes(self) -> list[str]:
        """Each note once, in the order of the posts."""
        return list(dict.fromkeys(post.note for post in self.posts if post.note))


def staffing_as_of(organisation, as_of: datetime.date, recorded: Moment = None) -> StaffingProfile:
    """The posts in post on the day, as recorded at the moment `recorded` (None: as recorded now)."""
    found = as_recorded(StaffPost, organisation, recorded).in_post_on(as_of).order_by("team", "id")
    posts = list(found) if recorded is None else as_instances(found)
    return StaffingProfile(as_of, posts)


@dataclass
class ChartTeam:
    name: str
    posts: list[tuple[str, int, Decimal, int]]  # post, how many, their FTE, how many vacant


@dataclass
class StructureChart:
    """Who the service answers to and how it is made up: the board's chair and members by agency
    above the service's management, and its teams below."""

    board: object | None
    chair: list[str]
    members_by_agency: list[tuple[str, list[str]]]
    management: ChartTeam | None
    teams: list[ChartTeam]

    @property
    def is_empty(self) -> bool:
        return self.board is None and self.management is None and not self.teams


def _chart_team(name: str, posts: list[StaffPost]) -> ChartTeam:
    grouped: dict[str, list] = {}
    for post in posts:
        row = grouped.setdefault(post.title, [0, Decimal(0), 0])
        row[0] += 1
        row[1] += post.fte
        row[2] += post.vacant
    return ChartTeam(name, [(title, n, fte, vacant) for title, (n, fte, vacant) in grouped.items()])


def member_line(member) -> str:
    """A member as the chart names them: their name and role, once where one holds the other
    (members recorded by role: "Borough Commander", "Borough Commander, Metropolitan Police")."""
    name, role = member.name, member.role
    if not role or role.startswith(name):
        return role or name
    return name if name.startswith(role) else f"{name}, {role}"


def structure_chart(board, members_by_agency: list[tuple[str, list]], profile: StaffingProfile) -> StructureChart:
    """The chart from the board in post (governance.plan_context.board_in_post) and the staffing
    profile of the same day. The independent chair, where there is one, heads the board."""
    chair_label = Agency.INDEPENDENT_CHAIR.label
    lines = [(agency, [member_line(m) for m in members]) for agency, members in members_by_agency]
    chair = next((names for agency, names in lines if agency == chair_label), [])
    others = [(agency, names) for agency, names in lines if agency != chair_label]
    teams = [_chart_team(name, posts) for name, posts in profile.teams]
    management = next((team for team in teams if team.name == MANAGEMENT), None)
    return StructureChart(board, chair, others, management, [t for t in teams if t.name != MANAGEMENT])
