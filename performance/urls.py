from django.urls import path

from performance import views

app_name = "performance"

urlpatterns = [
    path("", views.index, name="index"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("values/<int:pk>/history/", views.measurement_history, name="measurement_history"),
    path("enter/", views.measurement_entry, name="measurement_entry"),
    path("import/", views.measurement_import, name="measurement_import"),
    path("audits/", views.audit_list, name="audit_list"),
    path("audits/new/", views.audit_edit, name="audit_create"),
    path("audits/<int:pk>/", views.audit_edit, name="audit_edit"),
    path("audits/import/", views.audit_import, name="audit_import"),
    path("audits/recalculate/", views.rollup_recalculate, name="rollup_recalculate"),
]
