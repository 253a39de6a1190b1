from django.db import models

# The YJB key performance indicator the board's attendance feeds (catalogue code).
BOARD_ATTENDANCE_KPI = "KPI7_BOARD_ATTENDANCE"


class Agency(models.TextChoices):
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    YOUTH_JUSTICE_SERVICE = "youth_justice_service", "The youth justice service (its own managers)"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    CHILDRENS_SERVICES = "childrens_services", "Local authority children's services"
    POLICE = "police", "Police"
    PROBATION = "probation", "Probation"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    COURTS = "courts", "Courts"
    YOUTH_JUSTICE_ADVISER = "youth_justice_adviser", "Youth justice adviser (YJB)"
    COMMUNITY_SAFETY = "community_safety", "Community safety"
    OTHER = "other", "Other"

    @property
    def counts_for_kpi7(self) -> bool:
        return self in KPI7_PARTNERS


# The senior partners whose attendance YJB KPI 7 measures: the statutory partners of a youth
# offending team (Crime and Disorder Act 1998, s. 39: the local authority with its children's
# social care and education, police, probation, health). The independent chair, the service's own
# managers, the YJB's adviser and other attendees are members of the board but not what KPI 7
# counts.
KPI7_PARTNERS = frozenset(
    {
        Agency.LOCAL_AUTHORITY,
        Agency.CHILDRENS_SERVICES,
        Agency.EDUCATION,
        Agency.POLICE,
        Agency.PROBATION,
        Agency.HEALTH,
    }
)
KPI7_DISPROPORTIONALITY_KPI = "KPI7_DISPROPORTIONALITY_DATA"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    DEPUTY = "deputy", "Deputy sent"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"

    @property
    def counts_as_attended_for_kpi7(self) -> bool:
        return self in KPI7_ATTENDED


# How YJB KPI 7 counts a senior partner's place. The YJB's "Key performance indicators for youth
# justice services" (gov.uk guidance, 2023; mirrored at govwire.co.uk/news/youth-justice-board-for-
# england-wales/guidance-key-performance-indicators-for-youth-justice-services-44451) measures the
# attendance of the senior partners themselves at the management board, and its "Youth justice
# service governance and leadership" (gov.uk, 10 December 2021) asks that members be senior enough
# to commit their agency's resources. Neither text we could find counts a deputy's attendance as the
# partner's, so a place filled by a deputy is recorded (name and agency, and shown as "represented")
# but KPI 7 counts it as a place not attended in person. Should the YJB's KPI recording guidance
# say otherwise, this set is the one place to change.
KPI7_ATTENDED = frozenset({AttendanceStatus.PRESENT})


class MemberOrder(models.TextChoices):
    """How a board lists its members, on its page and in a meeting's attendance."""

    ADDED = "added", "In the order they were added"
    NAME = "name", "By name"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    COMPLETED = "completed", "Completed"


# The default risk matrix is seed 004's: Low, Medium, High scored 1 to 3, score = likelihood × impact.
DEFAULT_RISK_MATRIX = {
    "levels": ["Low", "Medium", "High"],
    "bands": [(1, 2, "Low", "#00703c"), (3, 4, "Medium", "#ffbf47"), (6, 9, "High", "#d4351c")],
}
FIVE_BY_FIVE_RISK_MATRIX = {
    "levels": ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    "bands": [
        (1, 4, "Low", "#00703c"),
        (5, 9, "Medium", "#ffbf47"),
        (10, 16, "High", "#f47738"),
        (20, 25, "Very high", "#d4351c"),
    ],
}
# What the matrix page offers to start from.
PRESET_MATRICES = {"3": DEFAULT_RISK_MATRIX, "5": FIVE_BY_FIVE_RISK_MATRIX}
