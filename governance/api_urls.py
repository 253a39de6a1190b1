"""The governance app's API paths, under /api/v1/<org>/."""

from rest_framework.routers import SimpleRouter

from governance import api

router = SimpleRouter()
router.register("risks", api.RiskViewSet, basename="api-risk")
router.register("reports", api.ReportViewSet, basename="api-report")
router.register("renders", api.RenderViewSet, basename="api-render")

urlpatterns = router.urls
