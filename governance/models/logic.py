"""Logic models (theory of change, as Project Oracle teaches it; seed 004): for a team or a
programme, what goes in, what it does, what it produces and the outcomes it expects, short and
long term. Each outcome is RAG-rated on the organisation's scale by dated reviews, so its rating
on any day is the latest review by then."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, ORDERS, Ranged, in_range


class OutcomeTerm(models.TextChoices):
    SHORT = "short", "Short-term outcome"
    LONG = "long", "Long-term outcome"


def lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class LogicModel(models.Model):
    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="logic_models")
    name = models.CharField(max_length=120, help_text="The team or programme, e.g. Intake team.")
    aim = models.CharField(max_length=300, blank=True, help_text="What it is for, in a sentence.")
    inputs = models.TextField(blank=True, help_text="One per line: staff, funding, partners…")
    activities = models.TextField(blank=True, help_text="One per line: what the team does.")
    outputs = models.TextField(blank=True, help_text="One per line: what it produces, countable.")
    note = models.CharField(max_length=200, blank=True, help_text="Shown with the model, e.g. where it comes from.")
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit; a stale form is refused.")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="logicmodel_unique_name_per_organisation",
                violation_error_message="This service already has a logic model with this name.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:logic_model", kwargs={"org": self.organisation.slug, "pk": self.pk})

    def columns(self) -> list[tuple[str, list[str]]]:
        return [
            ("Inputs", lines(self.inputs)),
            ("Activities", lines(self.activities)),
            ("Outputs", lines(self.outputs)),
        ]


class LogicOutcome(Ranged):
    model = models.ForeignKey(LogicModel, on_delete=models.CASCADE, related_name="outcomes")
    term = models.CharField(max_length=5, choices=OutcomeTerm.choices, default=OutcomeTerm.SHORT)
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    indicators = models.ManyToManyField(
        "performance.Indicator", blank=True, related_name="+", help_text="Indicators that evidence it."
    )

    history = HistoricalRecords(m2m_fields=[indicators])
    objects = OrganisationScopedQuerySet.through("model__organisation").as_manager()

    class Meta:
        ordering = ["model", "term", "order", "pk"]
        constraints = in_range("logicoutcome", order=ORDERS)

    def __str__(self) -> str:
        return self.text


class LogicOutcomeReview(Ranged):
    """A dated RAG rating of an outcome, with why."""

    outcome = models.ForeignKey(LogicOutcome, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField()
    status = models.ForeignKey("improvement.RagStatus", on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("outcome__model__organisation").as_manager()

    class Meta:
        ordering = ["outcome", "-date", "-pk"]
        indexes = [models.Index(fields=["outcome", "date"], name="logicreview_outcome_date_idx")]
        constraints = in_range("logicreview", date=DATES)

    def __str__(self) -> str:
        return f"{self.outcome}: {self.status} {self.date:%d/%m/%Y}"
