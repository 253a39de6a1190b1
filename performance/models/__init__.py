from .audits import AuditGrade, CaseAudit
from .catalogue import Indicator, IndicatorCategory
from .measurements import Comparator, Measurement, Target, TrackedIndicator
from .runs import RollupRun

__all__ = [
    "AuditGrade",
    "CaseAudit",
    "Comparator",
    "Indicator",
    "IndicatorCategory",
    "Measurement",
    "RollupRun",
    "Target",
    "TrackedIndicator",
]
