from .audits import AuditGrade, CaseAudit
from .catalogue import Indicator, IndicatorCategory
from .cohorts import Case, Cohort, OutcomeKind, QualifyingOutcome, Reoffence
from .judgements import IndicatorJudgement, RatingStep
from .measurements import Comparator, IndicatorAlias, Measurement, Target, TrackedIndicator
from .runs import RollupRun

__all__ = [
    "AuditGrade",
    "Case",
    "CaseAudit",
    "Cohort",
    "Comparator",
    "Indicator",
    "IndicatorAlias",
    "IndicatorCategory",
    "IndicatorJudgement",
    "Measurement",
    "OutcomeKind",
    "QualifyingOutcome",
    "RatingStep",
    "Reoffence",
    "RollupRun",
    "Target",
    "TrackedIndicator",
]
