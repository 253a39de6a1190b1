from django.db import models


class InspectionType(models.TextChoices):
    FULL_JOINT = "full_joint", "Full Joint Inspection"
    SHORT_QUALITY_SCREENING = "short_quality_screening", "Short Quality Screening"
    REINSPECTION = "reinspection", "Re-inspection"
    THEMATIC = "thematic", "Thematic inspection"
    STANDARD = "standard", "Inspection of youth justice services"


# How a sentence names each kind ("HMI Probation undertook …"): the programmes' own names kept
# as HMIP writes them, the others as ordinary words, each with its article.
INSPECTION_PHRASES = {
    InspectionType.FULL_JOINT: "a Full Joint Inspection",
    InspectionType.SHORT_QUALITY_SCREENING: "a Short Quality Screening",
    InspectionType.REINSPECTION: "a re-inspection",
    InspectionType.THEMATIC: "a thematic inspection",
    InspectionType.STANDARD: "an inspection of youth justice services",
}


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    CLOSED = "closed", "Closed"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class RecommendationKind(models.TextChoices):
    RECOMMENDATION = "recommendation", "Recommendation"
    OBJECTIVE = "objective", "Objective"


# RAG scales as the source documents use them: Bromley's (seed 003) and Lewisham's, which adds
# Purple (seed 000, Appendix A key). Organisations edit their own copy; nothing else in the code
# knows these colours (STYLE: statuses are data).
def _scale(*steps) -> list[dict]:
    return [
        {
            "code": code,
            "label": label,
            "colour": colour,
            "meaning": meaning,
            "is_complete": complete,
            "is_off_track": off_track,
            "order": order,
        }
        for order, (code, label, colour, meaning, complete, off_track) in enumerate(steps)
    ]


RAG_SCALES = {
    "bromley": _scale(
        ("G", "Green", "#00703c", "Completed", True, False),
        ("A", "Amber", "#ffbf47", "In progress", False, False),
        ("R", "Red", "#d4351c", "Slipped", False, True),
        ("W", "White", "#ffffff", "Not started", False, False),
    ),
    "lewisham": _scale(
        ("G", "Green", "#00703c", "Target met", True, False),
        ("A", "Amber", "#ffbf47", "Toward target", False, False),
        ("R", "Red", "#d4351c", "Target not met", False, True),
        ("P", "Purple", "#6f3c97", "Not started or problematic", False, True),
    ),
}
RAG_SCALE_CHOICES = [
    ("bromley", "Bromley's: Green completed, Amber in progress, Red slipped, White not started"),
    ("lewisham", "Lewisham's: Green target met, Amber toward target, Red not met, Purple not started or problematic"),
]
DEFAULT_RAG_SCALE = "bromley"
