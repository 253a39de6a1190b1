from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.index, name="index"),
    path("governance/members/", views.member_list, name="member_list"),
    path("governance/members/add/", views.member_add, name="member_add"),
    path("governance/members/<int:pk>/", views.member_edit, name="member_edit"),
    path("governance/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("governance/members/<int:pk>/history/", views.member_history, name="member_history"),
    path("reports/", views.reports, name="reports"),
]
