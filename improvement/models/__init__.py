from .approvals import PlanApproval
from .frameworks import FrameworkScore, InspectionFramework, JudgementLevel, Standard
from .inspections import Inspection, InspectionJudgement
from .plans import Action, ImprovementPlan, NextStep, Recommendation
from .rag import RagStatus, RagStatusAlias
from .reminders import ReminderSent, ReminderSettings
from .updates import Evidence, ProgressUpdate

__all__ = [
    "Action",
    "Evidence",
    "FrameworkScore",
    "ImprovementPlan",
    "Inspection",
    "InspectionFramework",
    "InspectionJudgement",
    "JudgementLevel",
    "NextStep",
    "PlanApproval",
    "ProgressUpdate",
    "RagStatus",
    "RagStatusAlias",
    "Recommendation",
    "ReminderSent",
    "ReminderSettings",
    "Standard",
]
