from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from performance.choices import DEFAULT_RATING_KEY_SCALE, RATING_KEY_SCALES
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import PERIODS, RANKS, Ranged, in_range
from yos_tracker.scales import ScaleQuerySet


class RatingStep(Ranged):
    """One colour of a service's key for rating an indicator by judgement (seed 000, Appendix A:
    Green = target met … Purple = target not started or problematic)."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="rating_steps")
    code = models.SlugField(max_length=30)
    label = models.CharField(max_length=40)
    colour = models.CharField(max_length=7)
    meaning = models.CharField(max_length=200, help_text="What the colour says, as the key prints it.")
    rank = models.PositiveSmallIntegerField(help_text="1 is the best.")
    retired = models.BooleanField(
        default=False, help_text="Kept on the ratings that have it; not offered for new ones."
    )

    history = HistoricalRecords()
    objects = ScaleQuerySet.as_manager()

    SCALES, DEFAULT_SCALE, ORDER_FIELD = RATING_KEY_SCALES, DEFAULT_RATING_KEY_SCALE, "rank"

    class Meta:
        ordering = ["organisation", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"],
                name="ratingstep_unique_code_per_organisation",
                violation_error_message="This service's key already has a colour with this code.",
            ),
            *in_range("ratingstep", rank=RANKS),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.meaning}"


class IndicatorJudgement(Ranged):
    """A service's rating of an indicator for a period on its own key, where no target computes one
    (a line not started has no value to compare)."""

    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="judgements")
    indicator = models.ForeignKey("performance.Indicator", on_delete=models.PROTECT, related_name="judgements")
    period = models.DateField(help_text="The first day of the month, quarter or year rated.")
    step = models.ForeignKey(RatingStep, on_delete=models.PROTECT, related_name="judgements")
    note = models.CharField(max_length=500, blank=True, help_text="Why: what the rating rests on.")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "indicator", "-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator", "period"],
                name="judgement_one_per_indicator_and_period",
                violation_error_message="This indicator is already rated for this period.",
            ),
            *in_range("judgement", period=PERIODS),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period:%m/%Y}: {self.step.label}"

    @property
    def badge(self) -> dict:
        """For the shared RAG badge: the step's label and colour, and what it means."""
        return {"label": self.step.label, "colour": self.step.colour, "meaning": self.step.meaning}
