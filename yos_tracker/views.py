"""The core's pages: the landing page, an organisation's home, its members and roles, the health
check, and the error pages (JSON under /api/, which never answers with a page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from yos_tracker import __version__, services
from yos_tracker.choices import Capability, Role
from yos_tracker.forms import ApiTokenForm, MembershipAddForm, MembershipRoleForm, apply_validation_error
from yos_tracker.health import broker_status, cache_status, database_status
from yos_tracker.history import history_rows
from yos_tracker.models import ApiToken, Membership, Organisation
from yos_tracker.scoping import org_view

MANAGE = {"read": Capability.MANAGE_MEMBERS, "write": Capability.MANAGE_MEMBERS}


@login_required
def home(request):
    """Straight to the organisation for people in one; a choice for people in several."""
    organisations = list(Organisation.objects.for_member(request.user))
    if len(organisations) == 1:
        return redirect(organisations[0])
    return render(request, "home.html", {"organisations": organisations})


@org_view()
def org_home(request):
    return render(request, "org_home.html", {"organisation": request.organisation})


# --- Members and roles ---------------------------------------------------------------------------


@org_view(**MANAGE)
def member_list(request):
    memberships = (
        Membership.objects.for_org(request.organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    return render(request, "members/list.html", {"memberships": memberships})


@org_view(**MANAGE)
def member_add(request):
    form = MembershipAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_add(
                organisation=request.organisation, site_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{membership.user.get_full_name()} is now {membership.get_role_display().lower()} "
                f"of {request.organisation}; an e-mail is on its way to {membership.user.email}.",
            )
            return redirect("members:list", org=request.organisation.slug)
    return render(request, "members/form.html", {"form": form, "title": "Add a member"})


@org_view(**MANAGE)
def member_edit(request, pk: int):
    membership = Membership.objects.select_related("user").get_for_org(request.organisation, pk=pk)
    form = MembershipRoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change_role(membership=membership, role=form.cleaned_data["role"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"{membership.user.get_full_name()} is now {Role(membership.role).label.lower()}."
            )
            return redirect("members:list", org=request.organisation.slug)
    return render(
        request,
        "members/form.html",
        {"form": form, "membership": membership, "title": f"Change the role of {membership.user.get_full_name()}"},
    )


@org_view(**MANAGE)
@require_POST
def member_remove(request, pk: int):
    membership = Membership.objects.select_related("user").get_for_org(request.organisation, pk=pk)
    try:
        services.membership_remove(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{membership.user.get_full_name()} no longer has access to {request.organisation}.")
    return redirect("members:list", org=request.organisation.slug)


@org_view(**MANAGE)
def member_history(request, pk: int):
    membership = Membership.objects.select_related("user").get_for_org(request.organisation, pk=pk)
    return render(
        request,
        "members/history.html",
        {"membership": membership, "history": history_rows(membership.history.all())},
    )


# --- Health ----------------------------------------------------------------------------------------


@never_cache
@require_safe
def healthz(request):
    body = {"database": database_status(), "broker": broker_status(), "cache": cache_status(), "version": __version__}
    healthy = body["database"] == "ok" and body["broker"] != "down"
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is the static SVG."""
    return redirect(static("favicon.svg"), permanent=True)


# --- API tokens ----------------------------------------------------------------------------------


@login_required
@never_cache
def api_tokens(request):
    """The person's own API tokens. A new key is shown on this response only: it is never stored,
    nor put in a message that would travel in a cookie."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _, new_key = services.api_token_issue(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "registration/api_tokens.html", {"form": form, "tokens": tokens, "new_key": new_key})


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # only one's own: anyone else's is a 404
    services.api_token_revoke(token=token)
    messages.success(request, f"“{token.name}” is revoked: requests with its key are refused from now on.")
    return redirect("api_tokens")


# --- Error pages ---------------------------------------------------------------------------------

API_PREFIX = "/api/"


def bad_request(request, exception):
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "The request could not be understood."}, status=400)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "Something went wrong and has been logged: try again shortly."}, status=500)
    return defaults.server_error(request)
