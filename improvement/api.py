"""The improvement plan in the REST API: plans with their roll-up, actions with their status as
at a day, and progress updates (read, and posted by a case-management system or a script)."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.response import Response

from improvement import selectors, services
from improvement.models import Action, ImprovementPlan, ProgressUpdate, RagStatus
from yos_tracker.api import RECORDED, CodeRelatedField, OrganisationViewSet, query_date, query_recorded

AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="Figures as they stood at the end of this day (the records' own dates), not today's.",
)


class RagStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = RagStatus
        fields = ["code", "label", "colour", "is_complete", "is_off_track"]


class RollupSegmentSerializer(serializers.Serializer):
    status = RagStatusSerializer(allow_null=True, help_text="None: actions with no update yet.")
    count = serializers.IntegerField()
    percent = serializers.FloatField()


class RollupSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    summary = serializers.CharField()
    segments = RollupSegmentSerializer(many=True)


class PlanSerializer(serializers.ModelSerializer):
    rollup = serializers.SerializerMethodField()

    class Meta:
        model = ImprovementPlan
        fields = [
            "id",
            "title",
            "status",
            "inspection",
            "period_start",
            "period_end",
            "approved_by",
            "approved_on",
            "stale_after_days",
            "rollup",
        ]

    @extend_schema_field(RollupSerializer)
    def get_rollup(self, plan: ImprovementPlan) -> dict:
        return RollupSerializer(selectors.plan_rollup(plan, self.context["as_of"], self.context["recorded"])).data


@extend_schema(parameters=[AS_OF, RECORDED])
class PlanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """The organisation's improvement plans, each with how many actions are in each status."""

    serializer_class = PlanSerializer

    def get_queryset(self):
        if self.schema_only():
            return ImprovementPlan.objects.none()
        return ImprovementPlan.objects.for_org(self.organisation).order_by("-period_start", "pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        return {**context, "as_of": query_date(self.request, "as_of"), "recorded": query_recorded(self.request)}


class ActionSerializer(serializers.ModelSerializer):
    recommendation = serializers.CharField(source="recommendation.reference")
    owner = serializers.CharField(source="owner_display")
    current_status = serializers.SerializerMethodField()
    last_update_on = serializers.DateField(allow_null=True)
    is_overdue = serializers.BooleanField()
    is_stale = serializers.BooleanField()

    class Meta:
        model = Action
        fields = [
            "id",
            "recommendation",
            "reference",
            "description",
            "success_measure",
            "owner",
            "lead",
            "start_date",
            "due_date",
            "priority",
            "current_status",
            "last_update_on",
            "is_overdue",
            "is_stale",
            "version",
        ]

    @extend_schema_field(RagStatusSerializer(allow_null=True))
    def get_current_status(self, action: Action) -> dict | None:
        status = self.context["scale"].get(action.current_status_pk)
        return RagStatusSerializer(status).data if status else None


class ActionFilter(django_filters.FilterSet):
    status = django_filters.CharFilter(
        method="filter_status", help_text="A status code of the organisation's scale (e.g. G), or `none`."
    )
    overdue = django_filters.BooleanFilter(field_name="is_overdue", help_text="Past due and not complete.")
    stale = django_filters.BooleanFilter(field_name="is_stale", help_text="No activity within the plan's limit.")

    def filter_status(self, queryset, name, value):
        if value.lower() == "none":
            return queryset.filter(current_status_pk__isnull=True)
        # Every organisation's statuses with the code: an action's own status is only ever one of its
        # organisation's, so no other can match.
        return queryset.filter(current_status_pk__in=RagStatus.objects.filter(code__iexact=value).values("pk"))


@extend_schema(parameters=[AS_OF, RECORDED])
class ActionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """A plan's actions, each with its current status (its latest update's), or as at a day."""

    serializer_class = ActionSerializer
    filterset_class = ActionFilter

    def get_queryset(self):
        if self.schema_only():
            return Action.objects.none()
        plan = ImprovementPlan.objects.get_for_org(self.organisation, pk=self.kwargs["plan_pk"])
        actions = selectors.plan_actions(plan, query_date(self.request, "as_of"), query_recorded(self.request))
        return actions.select_related("recommendation", "owner").order_by("recommendation__order", "order", "id")

    def get_serializer_context(self):
        scale = {status.pk: status for status in RagStatus.objects.for_org(self.organisation)}
        return {**super().get_serializer_context(), "scale": scale}


class EvidenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    name = serializers.CharField(source="original_name")
    link = serializers.URLField()
    has_file = serializers.SerializerMethodField()

    def get_has_file(self, evidence) -> bool:
        return bool(evidence.file)


class UpdateSerializer(serializers.ModelSerializer):
    status = RagStatusSerializer()
    author = serializers.SerializerMethodField()
    evidence = EvidenceSerializer(many=True)

    class Meta:
        model = ProgressUpdate
        fields = ["id", "action", "date", "narrative", "status", "author", "created_at", "evidence"]

    def get_author(self, update: ProgressUpdate) -> str:
        return update.author.get_full_name() or update.author.username if update.author else ""


class UpdateCreateSerializer(serializers.Serializer):
    """A new progress update: the action's status from its date on."""

    action = serializers.PrimaryKeyRelatedField(queryset=Action.objects.none())
    date = serializers.DateField()
    narrative = serializers.CharField(max_length=20000)
    status = CodeRelatedField(
        slug_field="code", queryset=RagStatus.objects.none(), help_text="A current status code of the scale."
    )
    links = serializers.ListField(child=serializers.URLField(max_length=2048), required=False, max_length=20)

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None:
            self.fields["action"].queryset = Action.objects.for_org(organisation)
            self.fields["status"].queryset = RagStatus.objects.for_org(organisation).current()


class UpdateFilter(django_filters.FilterSet):
    plan = django_filters.NumberFilter(field_name="action__recommendation__plan")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = ProgressUpdate
        fields = ["action"]


class UpdateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """Progress updates, newest first; post one to record an action's progress."""

    serializer_class = UpdateSerializer
    filterset_class = UpdateFilter

    def get_queryset(self):
        if self.schema_only():
            return ProgressUpdate.objects.none()
        return (
            ProgressUpdate.objects.for_org(self.organisation)
            .select_related("status", "author")
            .prefetch_related("evidence")
            .order_by("-date", "-created_at", "-pk")
        )

    @extend_schema(
        request=UpdateCreateSerializer,
        responses={
            201: UpdateSerializer,
            200: OpenApiResponse(UpdateSerializer, description="Already recorded, as sent: nothing was added."),
        },
    )
    def create(self, request, org):
        """Record progress on an action. The same update sent again (same action, date, status and
        text, with no links) is recorded once: the answer is the one already recorded, with 200."""
        incoming = UpdateCreateSerializer(data=request.data, organisation=self.organisation)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        if not data.get("links"):
            fields = {name: data[name] for name in ("action", "date", "status", "narrative")}
            if already := ProgressUpdate.objects.same_as(**fields):
                return Response(UpdateSerializer(self.get_queryset().get(pk=already.pk)).data, status=200)
        update = services.action_update_add(
            action=data["action"],
            author=request.user,
            date=data["date"],
            narrative=data["narrative"],
            status=data["status"],
            links=data.get("links", ()),
        )
        return Response(UpdateSerializer(self.get_queryset().get(pk=update.pk)).data, status=201)
