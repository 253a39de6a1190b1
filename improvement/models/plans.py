import datetime

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from improvement.choices import PlanStatus, Priority, RecommendationKind
from improvement.models.updates import ProgressUpdate
from yos_tracker.history import Moment, history_with, recorded_versions
from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.ranges import DATES, ORDERS, Range, Ranged, in_range

DEFAULT_STALE_AFTER_DAYS = 60
# Counted back from the day looked at, which is never before 1998: ten years reach no further than 1988.
STALE_AFTER_DAYS = Range(1, 3650, "days")


class PlanQuerySet(OrganisationScopedQuerySet):
    def in_force(self, day: datetime.date | None = None) -> "ImprovementPlan | None":
        """The plan in force on `day` (today when None): of the plans started by then, the latest
        whose period covers the day, or else the latest (a plan running over its end). Today a
        closed plan is not in force; on a past day it may have been."""
        plans = self.all() if day else self.exclude(status=PlanStatus.CLOSED)
        day = day or timezone.localdate()
        covering = Case(When(period_end__gte=day, then=Value(True)), default=Value(False), output_field=BooleanField())
        return (
            plans.filter(period_start__lte=day)
            .annotate(covers=covering)
            .select_related("inspection__overall_judgement")
            .order_by("-covers", "-period_start", "-pk")
            .first()
        )


class ImprovementPlan(Ranged):
    organisation = models.ForeignKey("yos_tracker.Organisation", on_delete=models.CASCADE, related_name="plans")
    inspection = models.ForeignKey(
        "improvement.Inspection", on_delete=models.SET_NULL, null=True, blank=True, related_name="plans"
    )
    title = models.CharField(max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    approved_by = models.CharField(max_length=200, blank=True, help_text="Usually the management board.")
    approved_on = models.DateField(null=True, blank=True)
    stale_after_days = models.PositiveSmallIntegerField(
        default=DEFAULT_STALE_AFTER_DAYS, help_text="An action with no update for this many days is flagged stale."
    )

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="plan_period_ends_after_it_starts",
                violation_error_message="The plan's period cannot end before it starts.",
            ),
            models.CheckConstraint(
                # Historic plans (the source documents) say who approved them but not always when.
                condition=~Q(status=PlanStatus.APPROVED) | ~Q(approved_by=""),
                name="plan_approval_names_the_approver",
                violation_error_message="An approved plan records who approved it.",
            ),
            *in_range(
                "plan",
                period_start=DATES,
                period_end=DATES,
                approved_on=DATES,
                stale_after_days=STALE_AFTER_DAYS,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("improvement:plan_detail", kwargs={"org": self.organisation.slug, "pk": self.pk})


class Recommendation(Ranged):
    """A recommendation of an inspection (or a local objective) that a plan answers."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="recommendations")
    inspection = models.ForeignKey(
        "improvement.Inspection", on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    kind = models.CharField(
        max_length=20, choices=RecommendationKind.choices, default=RecommendationKind.RECOMMENDATION
    )
    reference = models.CharField(max_length=20)
    addressed_to = models.CharField(max_length=200, blank=True, help_text="e.g. The YOS Head of Service")
    text = models.TextField()
    theme = models.CharField(max_length=100, blank=True)
    theme_lead = models.CharField("board theme lead", max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()
    objects = OrganisationScopedQuerySet.through("plan__organisation").as_manager()

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "reference"],
                name="recommendation_unique_reference_per_plan",
                violation_error_message="This plan already has a recommendation with this reference.",
            ),
            *in_range("recommendation", order=ORDERS),
        ]

    def __str__(self) -> str:
        return f"{self.reference}. {self.text[:80]}"


def _updates(recorded: Moment):
    """Progress updates as they are, or as they had been recorded at the moment `recorded`."""
    return ProgressUpdate.objects.all() if recorded is None else recorded_versions(ProgressUpdate, recorded)


class ActionQuerySet(OrganisationScopedQuerySet.through("recommendation__plan__organisation")):
    # These rules run on the live table and, through Action.history (history_with), on the
    # actions as recorded at a moment, where `recorded` says which updates had been recorded by
    # then: so an action is always matched by "id" (a history row's own pk is its history_id).

    def existing_at(self, day: datetime.date, *, recorded: Moment = None) -> "ActionQuerySet":
        """The actions that were on the plan on `day`: added by then, or — entered later about
        earlier work (an import, the demo) — starting or updated by then by their own dates."""
        updated = _updates(recorded).filter(action=OuterRef("id"), date__lte=day)
        return self.filter(Q(created_at__date__lte=day) | Q(start_date__lte=day) | Exists(updated))

    def with_progress(
        self,
        *,
        today: datetime.date,
        stale_after_days: int,
        as_of: datetime.date | None = None,
        recorded: Moment = None,
    ) -> "ActionQuerySet":
        """Annotate each action with its progress and the two slipping rules.

        - current_status_pk, last_update_on: from the latest progress update (an action's status
          is its latest update's) — with `as_of`, the latest dated on or before it, so a page or
          report for a past day shows the status each action had then;
        - is_overdue: past its due date and not in a status that counts as complete;
        - is_stale: not complete, and nothing has happened for `stale_after_days` days — counted
          from the latest update or, before the first, from the start date (or creation).
        With `recorded`, only the updates recorded by that moment count, as they read then.
        This is the one place these rules live; pages, filters, reminders and reports use it.
        """
        updates = _updates(recorded).filter(action=OuterRef("id"))
        if as_of is not None:
            updates, today = updates.filter(date__lte=as_of), as_of
        latest = updates.order_by("-date", "-created_at", "-id")
        stale_before = today - datetime.timedelta(days=stale_after_days)
        return self.annotate(
            current_status_pk=Subquery(latest.values("status_id")[:1]),
            last_update_on=Subquery(latest.values("date")[:1]),
            current_is_complete=Coalesce(Subquery(latest.values("status__is_complete")[:1]), Value(False)),
            activity_since=Coalesce(Subquery(latest.values("date")[:1]), "start_date", TruncDate("created_at")),
        ).annotate(
            is_overdue=Case(
                When(Q(due_date__lt=today) & Q(current_is_complete=False), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            is_stale=Case(
                When(Q(current_is_complete=False) & Q(activity_since__lt=stale_before), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )


class Owned:
    """An action's owner as people read it: an account's name, or the name or role as written.
    On the action and on its history's rows alike."""

    @property
    def owner_display(self) -> str:
        if self.owner_id:
            return self.owner.get_full_name() or self.owner.username
        return self.owner_name


class Action(Owned, Ranged):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(max_length=20, help_text="In the plan's own form, e.g. 4(g) or 3.2.1.")
    description = models.TextField()
    success_measure = models.TextField("expected evidence or success measure", blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        help_text="A person with an account here receives reminders.",
    )
    owner_name = models.CharField(
        "owner (name or role)", max_length=200, blank=True, help_text="When the owner has no account here."
    )
    lead = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit; a stale form is refused.")

    history = history_with(ActionQuerySet, bases=[Owned, models.Model])
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "reference"],
                name="action_unique_reference_per_recommendation",
                violation_error_message="This recommendation already has an action with this reference.",
            ),
            models.CheckConstraint(
                condition=Q(due_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="action_due_on_or_after_start",
                violation_error_message="The due date cannot be before the start date.",
            ),
            *in_range("action", start_date=DATES, due_date=DATES, order=ORDERS),
        ]
        indexes = [models.Index(fields=["owner", "due_date"], name="action_owner_due_idx")]

    def __str__(self) -> str:
        return f"{self.reference} {self.description[:80]}"

    def get_absolute_url(self) -> str:
        plan = self.recommendation.plan
        return reverse("improvement:action_detail", kwargs={"org": plan.organisation.slug, "pk": self.pk})


class NextStep(Ranged):
    """A planned activity for the next period, as Lewisham's 'additional steps in the next six months'."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="next_steps"
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True, related_name="next_steps")
    text = models.TextField()
    planned_by = models.DateField("to be done by", null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recommendation__isnull=True, action__isnull=False)
                | Q(recommendation__isnull=False, action__isnull=True),
                name="nextstep_belongs_to_one_recommendation_or_action",
                violation_error_message="A next step belongs to a recommendation or to an action, not both.",
            ),
            *in_range("nextstep", planned_by=DATES, order=ORDERS),
        ]

    def __str__(self) -> str:
        return self.text[:80]
