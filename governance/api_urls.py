"""The governance app's API paths, under /api/v1/<org>/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from governance import api

router = SimpleRouter()
router.register("reports", api.ReportViewSet, basename="api-report")
router.register("renders", api.RenderViewSet, basename="api-render")

urlpatterns = [path("risks/", api.RiskView.as_view(), name="api-risks"), *router.urls]
