"""The sign-in page, and the two addresses of signing in with a council account: the start, which
sends the browser to the provider, and the callback the provider sends it back to.

The addresses are always routed, and answer 404 while council sign-in is not configured: whether
it is comes from settings at each request, so the page, the addresses and the backend agree in
a test that turns it on as much as in production.
"""

import functools
import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from yos_tracker import sso

logger = logging.getLogger(__name__)


class SignInView(LoginView):
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["username"].label = "E-mail address or user name"  # see yos_tracker.sign_in
        return form

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "council_sign_in": sso.is_configured()}


def council_sign_in(view):
    """Not found unless configured; a provider that does not answer as it should (down, or
    refusing the app's client secret), or an answer from it that comes back twice, is a message on
    the sign-in page, not an error page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not sso.is_configured():
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except SuspiciousOperation as refusal:  # a callback whose sign-in this browser did not start, or did once
            logger.warning("Council sign-in: %s", refusal)
            messages.error(
                request,
                "That sign-in answer has already been used or was not started here, so you are not signed in: "
                "start again.",
            )
            return redirect("login")
        except requests.RequestException:
            logger.exception("Council sign-in: %s did not answer as expected", settings.OIDC_OP_ISSUER)
            messages.error(
                request,
                "Your council's sign-in service did not answer as expected, so you are not signed in: "
                "try again in a few minutes, or sign in with your password.",
            )
            return redirect("login")

    return wrapper


class StartView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(sso.oidc_setting)

    def get(self, request):
        sso.check_provider_answers()
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(sso.oidc_setting)

    @property
    def failure_url(self) -> str:
        return reverse("login")

    def get(self, request):
        # The parent sends an answer for a sign-in this session does not hold (used once already,
        # or started in another browser) to the failure page unexplained, or fails with a 400.
        state = request.GET.get("state")
        if "code" in request.GET and state not in request.session.get("oidc_states", {}):
            raise SuspiciousOperation("a callback for a sign-in this session does not hold")
        return super().get(request)

    def login_failure(self):
        # The provider's own refusal (the person cancelled, or it would not sign them in for this
        # app); the backend explains its refusals itself.
        if self.request.GET.get("error"):
            messages.error(
                self.request, "Your council account did not sign you in: try again, or sign in with your password."
            )
        return super().login_failure()


start = council_sign_in(StartView.as_view())
callback = council_sign_in(CallbackView.as_view())
