from .assessment import PartnerContribution, SelfAssessment, Standard, StandardRating, StandardsFramework
from .board import AgendaItem, Attendance, Board, BoardAction, BoardMember, Meeting
from .organisations import Membership, Organisation
from .risks import Risk, RiskBand, RiskMatrix, RiskReview

__all__ = [
    "AgendaItem",
    "Attendance",
    "Board",
    "BoardAction",
    "BoardMember",
    "Meeting",
    "Membership",
    "Organisation",
    "PartnerContribution",
    "Risk",
    "RiskBand",
    "RiskMatrix",
    "RiskReview",
    "SelfAssessment",
    "Standard",
    "StandardRating",
    "StandardsFramework",
]
