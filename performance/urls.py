from django.urls import path

from performance import views

app_name = "performance"

urlpatterns = [
    path("", views.index, name="index"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("values/<int:pk>/history/", views.measurement_history, name="measurement_history"),
    path("enter/", views.measurement_entry, name="measurement_entry"),
    path("kpi-return/", views.kpi_return_entry, name="kpi_return"),
    path("import/", views.measurement_import, name="measurement_import"),
    path("audits/", views.audit_list, name="audit_list"),
    path("audits/new/", views.audit_edit, name="audit_create"),
    path("audits/<int:pk>/", views.audit_edit, name="audit_edit"),
    path("audits/import/", views.audit_import, name="audit_import"),
    path("audits/recalculate/", views.rollup_recalculate, name="rollup_recalculate"),
    path("tracker/", views.tracker, name="tracker"),
    path("tracker/cohorts/new/", views.cohort_create, name="cohort_create"),
    path("tracker/cases/", views.tracker_cases, name="tracker_cases"),
    path("tracker/cases/import/", views.tracker_cases_import, name="tracker_cases_import"),
    path("tracker/cases/new/", views.tracker_case_create, name="tracker_case_create"),
    path("tracker/cases/<int:pk>/", views.tracker_case, name="tracker_case"),
    path("tracker/cases/<int:pk>/edit/", views.tracker_case_edit, name="tracker_case_edit"),
    path(
        "tracker/cases/<int:pk>/<str:kind>/<int:record>/remove/",
        views.tracker_record_remove,
        name="tracker_record_remove",
    ),
    path("quality/", views.data_quality, name="data_quality"),
    path("quality/export/<str:fmt>/", views.data_quality_export, name="data_quality_export"),
    path("quality/summary/", views.data_quality_summary, name="data_quality_summary"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/new/", views.local_indicator_edit, name="local_indicator_create"),
    path("catalogue/<str:code>/edit/", views.local_indicator_edit, name="local_indicator_edit"),
    path("catalogue/<str:code>/track/", views.indicator_track, name="indicator_track"),
    path("indicators/<str:code>/settings/", views.indicator_settings, name="indicator_settings"),
    path(
        "indicators/<str:code>/settings/<str:kind>/<int:pk>/delete/",
        views.indicator_setting_delete,
        name="indicator_setting_delete",
    ),
    path("settings/grades/", views.grades.list, name="grade_list"),
    path("settings/grades/new/", views.grades.edit, name="grade_create"),
    path("settings/grades/<int:pk>/", views.grades.edit, name="grade_edit"),
    path("settings/grades/<int:pk>/change/", views.grades.change, name="grade_change"),
    path("settings/outcome-types/", views.outcome_kinds.list, name="outcome_kind_list"),
    path("settings/outcome-types/new/", views.outcome_kinds.edit, name="outcome_kind_create"),
    path("settings/outcome-types/<int:pk>/", views.outcome_kinds.edit, name="outcome_kind_edit"),
    path("settings/outcome-types/<int:pk>/change/", views.outcome_kinds.change, name="outcome_kind_change"),
]
