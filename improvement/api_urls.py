"""The improvement app's API paths, under /api/v1/<org>/."""

from rest_framework.routers import SimpleRouter

from improvement import api

router = SimpleRouter()
router.register("plans", api.PlanViewSet, basename="api-plan")
router.register(r"plans/(?P<plan_pk>[0-9]+)/actions", api.ActionViewSet, basename="api-action")
router.register("updates", api.UpdateViewSet, basename="api-update")

urlpatterns = router.urls
