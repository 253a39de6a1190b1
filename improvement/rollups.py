"""The plan roll-up rule: how many actions are in each status of the organisation's scale."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from improvement.models import RagStatus


@dataclass
class RollupSegment:
    status: RagStatus | None  # None: actions with no update yet
    count: int
    percent: float


@dataclass
class Rollup:
    """How many actions are in each status: 'proportions of improvement plan actions'."""

    total: int
    segments: list[RollupSegment] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """e.g. '32 actions: 30 Green, 2 Amber'."""
        noun = "action" if self.total == 1 else "actions"
        parts = [f"{s.count} {s.status.label if s.status else 'no update'}" for s in self.segments if s.count]
        return f"{self.total} {noun}: {', '.join(parts)}" if parts else f"{self.total} {noun}"

    def count_for(self, code: str) -> int:
        return sum(s.count for s in self.segments if s.status and s.status.code == code)


def rollup(*, scale: Iterable[RagStatus], status_pks: Iterable[int | None]) -> Rollup:
    """Count actions per status of the organisation's scale, in the scale's order; actions
    with no update yet are counted apart, after the scale."""
    scale = list(scale)
    counts: dict[int | None, int] = {}
    for pk in status_pks:
        counts[pk] = counts.get(pk, 0) + 1
    total = sum(counts.values())

    def percent(n: int) -> float:
        return round(100 * n / total, 1) if total else 0.0

    segments = [RollupSegment(status, counts.get(status.pk, 0), percent(counts.get(status.pk, 0))) for status in scale]
    unknown = total - sum(s.count for s in segments)
    if unknown:
        segments.append(RollupSegment(None, unknown, percent(unknown)))
    return Rollup(total=total, segments=segments)
