"""The settings hub of an organisation (/<org>/settings/); the pages it links to live in the apps
whose records they configure."""

from django.urls import path

from onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("", views.settings_hub, name="settings"),
    path("workbook/", views.workbook_import, name="workbook"),
]
