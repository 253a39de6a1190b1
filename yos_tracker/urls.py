from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from yos_tracker import import_views, sso_views, views

# One sign-in page for the whole site (styled, throttled by django-axes): admin's own
# login form sends visitors there instead.
admin.site.login = login_required(admin.site.login)
admin.site.site_header = "YOS Improvement Tracker administration"
admin.site.site_title = "YOS Improvement Tracker"

account_patterns = [
    path("login/", sso_views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Reached from the e-mail a new member receives: the signed token is the credential.
    path(
        "password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(post_reset_login=False),
        name="password_reset_confirm",
    ),
    path("tokens/", views.api_tokens, name="api_tokens"),
    path("tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("password/set/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

# Council sign-in (OpenID Connect); the names are mozilla-django-oidc's, which it reverses itself.
sso_patterns = [
    path("authenticate/", sso_views.start, name="oidc_authentication_init"),
    path("callback/", sso_views.callback, name="oidc_authentication_callback"),
]

member_patterns = [
    path("", views.member_list, name="list"),
    path("add/", views.member_add, name="add"),
    # A member is a person with one or more roles here: addressed by the person, not a role's row.
    path("<int:user_pk>/", views.member_edit, name="edit"),
    path("<int:user_pk>/remove/", views.member_remove, name="remove"),
    path("<int:user_pk>/history/", views.member_history, name="history"),
]

organisation_patterns = [
    path("", views.org_home, name="org_home"),
    path("members/", include((member_patterns, "members"))),
    path("settings/", include("onboarding.urls")),
    path("imports/<int:pk>/", import_views.job_detail, name="import_job"),
    path("imports/<slug:key>/template.xlsx", import_views.import_template, name="import_template"),
    path("improvement/", include("improvement.urls")),
    path("performance/", include("performance.urls")),
    path("", include("governance.urls")),
]

# Each app's API paths, under one organisation: /api/v1/<org>/… (see yos_tracker.api).
api_patterns = [
    path("", include("improvement.api_urls")),
    path("", include("performance.api_urls")),
    path("", include("governance.api_urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/", include(account_patterns)),
    path("oidc/", include(sso_patterns)),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("api/v1/<slug:org>/", include(api_patterns)),
    # Before onboarding's /services/…: the instance's regional people, kept by superusers.
    path("services/regional/", views.regional_members, name="regional_members"),
    path("services/regional/<int:pk>/remove/", views.regional_remove, name="regional_remove"),
    path("services/", include("onboarding.service_urls")),
    path("<slug:org>/", include(organisation_patterns)),
]

handler400 = views.bad_request
handler404 = views.page_not_found
handler500 = views.server_error
