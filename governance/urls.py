from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.index, name="index"),
    path("governance/boards/<int:pk>/", views.board_detail, name="board_detail"),
    path("governance/boards/<int:board_pk>/members/new/", views.board_member_edit, name="board_member_create"),
    path("governance/boards/<int:board_pk>/members/<int:pk>/", views.board_member_edit, name="board_member_edit"),
    path("governance/boards/<int:board_pk>/actions/new/", views.board_action_edit, name="board_action_create"),
    path("governance/boards/<int:board_pk>/actions/<int:pk>/", views.board_action_edit, name="board_action_edit"),
    path("governance/boards/<int:board_pk>/meetings/new/", views.meeting_edit, name="meeting_create"),
    path("governance/boards/<int:board_pk>/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("governance/meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("governance/risks/", views.risk_register, name="risk_register"),
    path("governance/risks/new/", views.risk_edit, name="risk_create"),
    path("governance/risks/export.<str:fmt>", views.risk_export, name="risk_export"),
    path("governance/risks/import/", views.risk_import, name="risk_import"),
    path("governance/risks/<int:pk>/", views.risk_detail, name="risk_detail"),
    path("governance/risks/<int:pk>/edit/", views.risk_edit, name="risk_edit"),
    path("governance/self-assessment/", views.assessment_list, name="assessments"),
    path("governance/self-assessment/new/", views.assessment_edit, name="assessment_create"),
    path("governance/self-assessment/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path("governance/contributions/", views.contributions, name="contributions"),
    path("governance/contributions/edit/", views.contributions_edit, name="contributions_edit"),
    path("governance/boards/new/", views.board_edit, name="board_create"),
    path("governance/boards/<int:pk>/edit/", views.board_edit, name="board_edit"),
    path("governance/settings/risk-matrix/", views.matrix_edit, name="matrix"),
    path("governance/settings/kpi7/", views.kpi7, name="kpi7"),
    path("reports/", views.reports, name="reports"),
    path("reports/new/", views.report_edit, name="report_create"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/appendices.xlsx", views.report_appendices, name="report_appendices"),
    path("reports/renders/<int:pk>/", views.render_status, name="render_status"),
    path("reports/renders/<int:pk>/download/", views.render_download, name="render_download"),
]
