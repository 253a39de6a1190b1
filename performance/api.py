"""Performance in the REST API: the indicators a service tracks, their targets and values (read,
changed one at a time with If-Match, or fed in bulk by a case-management system), the dashboard
for a period, case-audit figures, and the live tracker's case records."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from performance import selectors, services
from performance.models import Case, CaseAudit, Indicator, Measurement, Target
from performance.spreadsheet import MEASUREMENT_FEED
from performance.tracker_import import TRACKER_IMPORTER
from yos_tracker.api import (
    RECORDED,
    RESULT_COUNTS,
    ROW_ERRORS,
    OrganisationView,
    OrganisationViewSet,
    PreconditionFailed,
    etag,
    if_match_version,
    query_date,
    query_recorded,
    rows_applied,
)

# --- Indicators and targets -------------------------------------------------------------------


class IndicatorSerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.name")
    is_ratio = serializers.BooleanField()

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "category",
            "scope",
            "unit",
            "polarity",
            "frequency",
            "is_ratio",
            "numerator_label",
            "denominator_label",
            "multiplier",
            "definition",
            "source",
        ]


class IndicatorViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """The indicators the service tracks, in its dashboard's order."""

    serializer_class = IndicatorSerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        if self.schema_only():
            return Indicator.objects.none()
        return (
            Indicator.objects.filter(tracked_by__organisation=self.organisation)
            .select_related("category")
            .order_by("tracked_by__order", "pk")
        )


class TargetSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = Target
        fields = ["id", "indicator", "applies_from", "value", "tolerance"]


class IndicatorCodeFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code", lookup_expr="iexact", help_text="e.g. FTE")


class TargetViewSet(mixins.ListModelMixin, OrganisationViewSet):
    """Targets from the period each applies from, with their Amber tolerance."""

    serializer_class = TargetSerializer
    filterset_class = IndicatorCodeFilter

    def get_queryset(self):
        if self.schema_only():
            return Target.objects.none()
        return (
            Target.objects.for_org(self.organisation)
            .select_related("indicator")
            .order_by("indicator__code", "applies_from")
        )


# --- Measurements ---------------------------------------------------------------------------------


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    entered_by = serializers.SerializerMethodField()

    class Meta:
        model = Measurement
        fields = [
            "id",
            "indicator",
            "period",
            "value",
            "numerator",
            "denominator",
            "note",
            "source",
            "entered_by",
            "updated_at",
            "version",
        ]

    def get_entered_by(self, measurement: Measurement) -> str:
        person = measurement.entered_by
        return (person.get_full_name() or person.username) if person else ""


class MeasurementChangeSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=4, required=False, allow_null=True)
    numerator = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    denominator = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True)


class MeasurementFeedItem(serializers.Serializer):
    """One value of the feed; the schema's description of what the importer reads."""

    indicator = serializers.CharField(help_text="A tracked indicator's code, e.g. FTE.")
    period = serializers.CharField(help_text="The period's first day (2024-03-01) or its month (2024-03).")
    value = serializers.DecimalField(
        max_digits=14,
        decimal_places=4,
        required=False,
        allow_null=True,
        help_text="For a percentage indicator (unit %), the percentage: 62 for 62%, never the fraction 0.62 "
        "(a feed whose percentages all lie between 0 and 1 is refused unless it says which it means; see "
        "`percentages`). A ratio indicator's value is worked out from its numerator and denominator when "
        "both are sent, and is the value sent when neither is.",
    )
    numerator = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    denominator = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    note = serializers.CharField(
        required=False, allow_blank=True, help_text="Left out: the stored note is kept. Empty: it is cleared."
    )
    source = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Where the figure comes from. Left out: the stored source is kept (a new value's is “API”). "
        "Empty: it is cleared.",
    )


class MeasurementFilter(IndicatorCodeFilter):
    period = django_filters.DateFilter()
    period_from = django_filters.DateFilter(field_name="period", lookup_expr="gte")
    period_to = django_filters.DateFilter(field_name="period", lookup_expr="lte")


class MeasurementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """Indicator values by period. Each carries a version (and an ETag): a change names the
    version it read in If-Match, so a newer value is never silently overwritten."""

    serializer_class = MeasurementSerializer
    filterset_class = MeasurementFilter

    def get_queryset(self):
        if self.schema_only():
            return Measurement.objects.none()
        return (
            Measurement.objects.for_org(self.organisation)
            .select_related("indicator", "entered_by")
            .order_by("indicator__code", "period")
        )

    def retrieve(self, request, org, pk):
        measurement = self.get_object()
        return Response(self.get_serializer(measurement).data, headers={"ETag": etag(measurement.version)})

    @extend_schema(
        request=MeasurementChangeSerializer,
        parameters=[OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True)],
        responses={
            200: MeasurementSerializer,
            412: OpenApiResponse(description="Changed since that version: nothing was saved."),
            428: OpenApiResponse(description="No If-Match: send the ETag of the version you read."),
        },
    )
    def partial_update(self, request, org, pk):
        measurement = self.get_object()
        expected = if_match_version(request)
        change = MeasurementChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        fields = {
            name: change.validated_data.get(name, getattr(measurement, name))
            for name in ("value", "numerator", "denominator", "note", "source")
        }
        try:
            saved = services.measurement_record(
                organisation=self.organisation,
                indicator=measurement.indicator,
                period=measurement.period,
                user=request.user,
                expected_version=expected,
                **fields,
            )
        except services.StaleEdit as stale:
            raise PreconditionFailed(stale.messages[0]) from None
        saved = self.get_queryset().get(pk=saved.pk)
        return Response(self.get_serializer(saved).data, headers={"ETag": etag(saved.version)})

    @extend_schema(
        request=inline_serializer(
            "MeasurementFeed",
            {
                "measurements": MeasurementFeedItem(many=True),
                "percentages": serializers.ChoiceField(
                    choices=["percent", "fraction"],
                    required=False,
                    help_text="How values for percentage indicators read: “percent” (the default: 62 for 62%) or "
                    "“fraction” (0.62 for 62%). Say “percent” when every one really is below 1%.",
                ),
            },
        ),
        responses={200: RESULT_COUNTS, 400: ROW_ERRORS},
    )
    @action(detail=False, methods=["post"])
    def bulk(self, request, org):
        """Upsert many values at once, by (indicator, period): the same values sent twice change
        nothing, and of a stored value only the fields an item carries change (one it leaves out
        is kept). All or nothing: one bad item and none is written, each error naming its item.
        The answer counts what was added, changed and left as it was, and lists each change as
        before → after."""
        return rows_applied(MEASUREMENT_FEED, request, self.organisation, key="measurements")


# --- The dashboard ---------------------------------------------------------------------------------


class StatusSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    colour = serializers.CharField()


class DashboardRowSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    period = serializers.DateField(allow_null=True, help_text="The period of the latest value shown.")
    value = serializers.DecimalField(max_digits=14, decimal_places=4, allow_null=True)
    shown = serializers.CharField(help_text="The value as the page prints it.")
    target = serializers.DecimalField(source="target_value", max_digits=14, decimal_places=4, allow_null=True)
    status = StatusSerializer(source="badge", help_text="Computed against the target, or the service's judgement.")
    trend_previous = serializers.CharField(source="trend_previous.code", allow_null=True, default=None)
    trend_year = serializers.CharField(source="trend_year.code", allow_null=True, default=None)
    year_ago = serializers.DecimalField(max_digits=14, decimal_places=4, allow_null=True)
    year_change = serializers.CharField()
    comparator = serializers.CharField()


class DashboardSerializer(serializers.Serializer):
    period = serializers.DateField(allow_null=True)
    periods = serializers.ListField(child=serializers.DateField())
    rows = DashboardRowSerializer(many=True)


class DashboardView(OrganisationView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "period",
                OpenApiTypes.DATE,
                description="A period's first day; by default the latest most indicators have values for.",
            ),
            RECORDED,
        ],
        responses=DashboardSerializer,
    )
    def get(self, request, org):
        """The dashboard for a period: each tracked indicator's value, target and status then."""
        board = selectors.dashboard(self.organisation, query_date(request, "period"), query_recorded(request))
        rows = [row for _, group in board.groups for row in group]
        return Response(DashboardSerializer({"period": board.period, "periods": board.periods, "rows": rows}).data)


# --- Case audits -------------------------------------------------------------------------------------


class GradeCountSerializer(serializers.Serializer):
    grade = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True, help_text="Of those graded.")


class GradeSplitSerializer(serializers.Serializer):
    area = serializers.CharField()
    not_applicable = serializers.IntegerField(allow_null=True)
    grades = GradeCountSerializer(many=True)


class AuditFiguresView(OrganisationView):
    @extend_schema(
        parameters=[
            OpenApiParameter("month_from", OpenApiTypes.DATE, description="First month audited (its first day)."),
            OpenApiParameter("month_to", OpenApiTypes.DATE, description="Last month audited (its first day)."),
        ],
        responses=GradeSplitSerializer(many=True),
    )
    def get(self, request, org):
        """How many audits had each grade, area by area, over the months chosen (all by default)."""
        audits = CaseAudit.objects.for_org(self.organisation)
        if start := query_date(request, "month_from"):
            audits = audits.filter(month__gte=start)
        if end := query_date(request, "month_to"):
            audits = audits.filter(month__lte=end)
        splits = [
            {
                "area": split.label,
                "not_applicable": split.not_applicable,
                "grades": [
                    {"grade": grade.code, "label": grade.label, "count": count, "percent": share}
                    for grade, count, share in split.counts
                ],
            }
            for split in selectors.audit_distribution(self.organisation, audits)
        ]
        return Response(GradeSplitSerializer(splits, many=True).data)


# --- The live tracker's case records ----------------------------------------------------------------


class OutcomeSerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.CharField(source="kind.code")
    gravity = serializers.IntegerField(allow_null=True)


class ReoffenceSerializer(serializers.Serializer):
    offence_date = serializers.DateField()
    proven_date = serializers.DateField()
    offence_type = serializers.CharField()
    gravity = serializers.IntegerField(allow_null=True)
    violent = serializers.BooleanField()


class CaseSerializer(serializers.ModelSerializer):
    outcomes = OutcomeSerializer(many=True)
    reoffences = ReoffenceSerializer(many=True)

    class Meta:
        model = Case
        fields = ["id", "reference", "team", "case_manager", "assessed", "outcomes", "reoffences", "version"]


class CaseEventItem(serializers.Serializer):
    """One case record of the feed; the schema's description of what the importer reads."""

    reference = serializers.CharField(help_text="The case's pseudonymous reference: never a name.")
    event = serializers.ChoiceField(choices=["outcome", "reoffence"])
    date = serializers.DateField(help_text="The outcome's date, or the offence's.")
    kind = serializers.CharField(help_text="One of the service's outcome types, or an offence group.")
    proven_date = serializers.DateField(
        required=False, allow_null=True, help_text="A reoffence's caution or conviction."
    )
    gravity = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=8)
    violent = serializers.BooleanField(required=False)
    team = serializers.CharField(required=False, allow_blank=True)
    case_manager = serializers.CharField(required=False, allow_blank=True, help_text="The practitioner, not the child.")


class CaseFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(lookup_expr="iexact")


class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """The live tracker's cases, by pseudonymous reference, with their outcomes and reoffences."""

    serializer_class = CaseSerializer
    filterset_class = CaseFilter

    def get_queryset(self):
        if self.schema_only():
            return Case.objects.none()
        return (
            Case.objects.for_org(self.organisation)
            .prefetch_related("outcomes__kind", "reoffences")
            .order_by("reference", "pk")
        )

    @extend_schema(
        request=inline_serializer("CaseEventFeed", {"events": CaseEventItem(many=True)}),
        responses={200: RESULT_COUNTS, 400: ROW_ERRORS},
    )
    @action(detail=False, methods=["post"])
    def events(self, request, org):
        """Record qualifying outcomes and reoffences, adding cases by reference as they come. An
        event already recorded is left as it is, so a feed may send the same events again."""
        return rows_applied(TRACKER_IMPORTER, request, self.organisation, key="events")
