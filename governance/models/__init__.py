from .assessment import PartnerContribution, SelfAssessment, Standard, StandardRating, StandardsFramework
from .board import AgendaItem, Attendance, Board, BoardAction, BoardMember, Meeting
from .reports import CommitteeReport, ReportRender
from .risks import Risk, RiskBand, RiskMatrix, RiskReview

__all__ = [
    "AgendaItem",
    "Attendance",
    "Board",
    "BoardAction",
    "BoardMember",
    "CommitteeReport",
    "Meeting",
    "PartnerContribution",
    "ReportRender",
    "Risk",
    "RiskBand",
    "RiskMatrix",
    "RiskReview",
    "SelfAssessment",
    "Standard",
    "StandardRating",
    "StandardsFramework",
]
