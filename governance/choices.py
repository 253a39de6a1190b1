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
