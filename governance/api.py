"""Governance in the REST API: the risk register with its computed scores (as at a day too),
and committee reports: their definitions, their rendered versions, and a request for a new one."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from governance import report_services, selectors
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from yos_tracker.api import RECORDED, OrganisationView, OrganisationViewSet, query_date, query_recorded
from yos_tracker.choices import Capability
from yos_tracker.downloads import file_download

# --- Risks -------------------------------------------------------------------------------------------


class BandSerializer(serializers.Serializer):
    label = serializers.CharField()
    colour = serializers.CharField()


class ScoreSerializer(serializers.Serializer):
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    score = serializers.IntegerField(help_text="Likelihood × impact.")
    band = BandSerializer(allow_null=True, help_text="The band of the organisation's matrix the score falls in.")


class RiskSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="risk.pk")
    number = serializers.IntegerField(source="risk.number")
    title = serializers.CharField(source="risk.title")
    description = serializers.CharField(source="risk.description")
    owner = serializers.CharField(source="risk.owner")
    category = serializers.CharField(source="risk.category")
    status = serializers.CharField(source="risk.status")
    raised_on = serializers.DateField(source="risk.raised_on")
    mitigations = serializers.CharField(source="risk.mitigations")
    inherent = serializers.SerializerMethodField(help_text="Before mitigation.")
    residual = serializers.SerializerMethodField(help_text="After mitigation.")
    target_score = serializers.IntegerField(source="risk.target_score", allow_null=True)
    last_reviewed = serializers.DateField(source="risk.last_reviewed", allow_null=True)
    review_due = serializers.DateField(source="risk.review_due")
    review_overdue = serializers.BooleanField(source="overdue")

    @staticmethod
    def _score(likelihood: int, impact: int, score: int, band) -> dict:
        shown = {"label": band.label, "colour": band.colour} if band else None
        return {"likelihood": likelihood, "impact": impact, "score": score, "band": shown}

    @extend_schema_field(ScoreSerializer)
    def get_inherent(self, row) -> dict:
        r = row.risk
        return self._score(r.inherent_likelihood, r.inherent_impact, r.inherent_score, row.inherent_band)

    @extend_schema_field(ScoreSerializer)
    def get_residual(self, row) -> dict:
        r = row.risk
        return self._score(r.residual_likelihood, r.residual_impact, r.residual_score, row.residual_band)


class RiskView(OrganisationView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as_of", OpenApiTypes.DATE, description="The register as it stood at the end of this day."
            ),
            RECORDED,
        ],
        responses=RiskSerializer(many=True),
    )
    def get(self, request, org):
        """The risk register, with each risk's scores and bands computed from its matrix."""
        as_of, recorded = query_date(request, "as_of"), query_recorded(request)
        if recorded and not as_of:
            as_of = timezone.localtime(recorded).date()  # the register as it was recorded then, that day
        matrix = selectors.risk_matrix_of(self.organisation, as_of, recorded)
        if matrix is None:
            return Response([])
        risks = (
            selectors.risks_as_of(self.organisation, as_of, recorded)
            if as_of
            else selectors.risks_for(self.organisation)
        )
        rows = selectors.risk_rows(matrix, risks, today=as_of)
        return Response(RiskSerializer(rows, many=True).data)


# --- Reports -----------------------------------------------------------------------------------------


class RenderSerializer(serializers.ModelSerializer):
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = ReportRender
        fields = [
            "id",
            "report",
            "version",
            "status",
            "step",
            "pages",
            "content_hash",
            "requested_at",
            "finished_at",
            "failure",
            "has_file",
        ]

    def get_has_file(self, render: ReportRender) -> bool:
        return render.status == RenderStatus.DONE and bool(render.file)


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = CommitteeReport
        fields = [
            "id",
            "kind",
            "title",
            "committee",
            "meeting_date",
            "item_number",
            "period_start",
            "period_end",
            "plan_year",
            "created_at",
        ]


class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OrganisationViewSet):
    """Committee reports and youth justice plans as defined in the app; each may be rendered."""

    serializer_class = ReportSerializer
    capabilities = (Capability.VIEW, Capability.REPORT)

    def get_queryset(self):
        if self.schema_only():
            return CommitteeReport.objects.none()
        return CommitteeReport.objects.for_org(self.organisation).order_by("-meeting_date", "-pk")

    @extend_schema(responses=RenderSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def renders(self, request, org, pk):
        """The report's rendered versions, newest first."""
        renders = self.get_object().renders.order_by("-version")
        return Response(RenderSerializer(renders, many=True).data)

    @extend_schema(request=None, responses={202: RenderSerializer})
    @renders.mapping.post
    def render(self, request, org, pk):
        """Queue a new version; its status moves from queued to done (or failed) as it renders."""
        render = report_services.render_request(report=self.get_object(), user=request.user)
        render.refresh_from_db()
        return Response(RenderSerializer(render).data, status=202)


class RenderViewSet(mixins.RetrieveModelMixin, OrganisationViewSet):
    """A rendered version of a report, and its PDF once done."""

    serializer_class = RenderSerializer
    capabilities = (Capability.VIEW, Capability.REPORT)

    def get_queryset(self):
        if self.schema_only():
            return ReportRender.objects.none()
        return ReportRender.objects.for_org(self.organisation).select_related("report__organisation")

    @extend_schema(request=None, responses={202: RenderSerializer})
    @action(detail=True, methods=["post"])
    def retry(self, request, org, pk):
        """Queue a failed version again (a render that has not failed is left as it is)."""
        render = report_services.render_retry(render=self.get_object())
        return Response(RenderSerializer(render).data, status=202)

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            404: OpenApiResponse(description="Not rendered yet, or failed."),
        }
    )
    @action(detail=True, methods=["get"])
    def file(self, request, org, pk):
        """The PDF, streamed after the same checks as the page's download."""
        render = self.get_object()
        if render.status != RenderStatus.DONE or not render.file:
            return Response({"detail": "This version has no file yet."}, status=404)
        return file_download(render.file, filename=render.filename, content_type="application/pdf")
