"""The performance app's API paths, under /api/v1/<org>/."""

from rest_framework.routers import SimpleRouter

from performance import api

router = SimpleRouter()
router.register("indicators", api.IndicatorViewSet, basename="api-indicator")
router.register("targets", api.TargetViewSet, basename="api-target")
router.register("measurements", api.MeasurementViewSet, basename="api-measurement")
router.register("dashboard", api.DashboardViewSet, basename="api-dashboard")
router.register("case-audits/figures", api.AuditFiguresViewSet, basename="api-audit-figures")
router.register("cases", api.CaseViewSet, basename="api-case")

urlpatterns = router.urls
