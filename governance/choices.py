from django.db import models

# The YJB key performance indicator the board's attendance feeds (catalogue code).
BOARD_ATTENDANCE_KPI = "KPI7_BOARD_ATTENDANCE"


class Agency(models.TextChoices):
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
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


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    DEPUTY = "deputy", "Deputy sent"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    COMPLETED = "completed", "Completed"


class Rating(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"

    @property
    def rank(self) -> int:
        """1 is best; used to say whether a standard moved up or down between assessments."""
        return [Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE].index(self) + 1

    @property
    def colour(self) -> str:
        return {
            "outstanding": "#005a30",
            "good": "#00703c",
            "requires_improvement": "#f47738",
            "inadequate": "#d4351c",
        }[self.value]


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
