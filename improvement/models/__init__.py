from .approvals import PlanApproval
from .inspections import Inspection, InspectionFramework, InspectionJudgement, JudgementLevel
from .plans import Action, ImprovementPlan, NextStep, Recommendation
from .rag import RagStatus, RagStatusAlias
from .reminders import ReminderSent, ReminderSettings
from .updates import Evidence, ProgressUpdate

__all__ = [
    "Action",
    "Evidence",
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
]
