"""The performance app's API paths, under /api/v1/<org>/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from performance import api

router = SimpleRouter()
router.register("indicators", api.IndicatorViewSet, basename="api-indicator")
router.register("targets", api.TargetViewSet, basename="api-target")
router.register("measurements", api.MeasurementViewSet, basename="api-measurement")
router.register("cases", api.CaseViewSet, basename="api-case")

urlpatterns = [
    path("dashboard/", api.DashboardView.as_view(), name="api-dashboard"),
    path("case-audits/figures/", api.AuditFiguresView.as_view(), name="api-audit-figures"),
    *router.urls,
]
