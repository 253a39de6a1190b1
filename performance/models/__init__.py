from .audits import AuditGrade, CaseAudit
from .catalogue import Indicator, IndicatorCategory
from .cohorts import Case, Cohort, QualifyingOutcome, Reoffence
from .measurements import Comparator, Measurement, Target, TrackedIndicator
from .runs import RollupRun

__all__ = [
    "AuditGrade",
    "Case",
    "CaseAudit",
    "Cohort",
    "Comparator",
    "Indicator",
    "IndicatorCategory",
    "Measurement",
    "QualifyingOutcome",
    "Reoffence",
    "RollupRun",
    "Target",
    "TrackedIndicator",
]
