from .assessment import PartnerContribution, SelfAssessment, StandardRating
from .board import AgendaItem, Attendance, Board, BoardAction, BoardMember, Meeting
from .logic import LogicModel, LogicOutcome, LogicOutcomeReview
from .reports import CommitteeReport, PlanSignOff, ReportRender
from .risks import Risk, RiskBand, RiskMatrix, RiskReview
from .staffing import StaffPost

__all__ = [
    "AgendaItem",
    "Attendance",
    "Board",
    "BoardAction",
    "BoardMember",
    "CommitteeReport",
    "LogicModel",
    "LogicOutcome",
    "LogicOutcomeReview",
    "Meeting",
    "PartnerContribution",
    "PlanSignOff",
    "ReportRender",
    "Risk",
    "RiskBand",
    "RiskMatrix",
    "RiskReview",
    "SelfAssessment",
    "StaffPost",
    "StandardRating",
]
