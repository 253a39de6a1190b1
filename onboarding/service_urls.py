"""Site-wide pages of onboarding (/services/…), outside any organisation."""

from django.urls import path

from onboarding import views

app_name = "services"

urlpatterns = [
    path("new/", views.service_new, name="new"),
]
