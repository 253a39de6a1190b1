from django.urls import path

from improvement import views

app_name = "improvement"

urlpatterns = [
    path("", views.index, name="index"),
    path("inspections/new/", views.inspection_edit, name="inspection_create"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views.inspection_edit, name="inspection_edit"),
    path("inspections/<int:pk>/ratings/", views.inspection_ratings, name="inspection_ratings"),
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/<slug:code>/", views.framework_detail, name="framework_detail"),
    path("plans/new/", views.plan_edit, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/sign-off/", views.plan_approve, name="plan_approve"),
    path("plans/<int:pk>/history/", views.plan_history, name="plan_history"),
    path("sign-offs/<int:pk>/", views.approval_detail, name="approval_detail"),
    path("plans/<int:pk>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path("plans/<int:pk>/import/", views.plan_import, name="plan_import"),
    path("plans/<int:plan_pk>/recommendations/new/", views.recommendation_edit, name="recommendation_create"),
    path("plans/<int:plan_pk>/recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("plans/<int:plan_pk>/actions/new/", views.action_edit, name="action_create"),
    path("plans/<int:plan_pk>/actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("updates/<int:pk>/correct/", views.update_correct, name="update_correct"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("settings/statuses/", views.statuses.list, name="status_list"),
    path("settings/statuses/new/", views.statuses.edit, name="status_create"),
    path("settings/statuses/<int:pk>/", views.statuses.edit, name="status_edit"),
    path("settings/statuses/<int:pk>/change/", views.statuses.change, name="status_change"),
    path("settings/digest/", views.digest, name="digest"),
    path("settings/digest/send/", views.digest_send, name="digest_send"),
]
