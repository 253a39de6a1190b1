from django.urls import path

from improvement import views

app_name = "improvement"

urlpatterns = [
    path("", views.index, name="index"),
]
