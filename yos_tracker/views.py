"""The core's pages: the landing page, an organisation's home, its members and roles, the health
check, and the error pages (JSON under /api/, which never answers with a page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from yos_tracker import __version__, services
from yos_tracker.choices import Capability, Role, roles_in_order
from yos_tracker.forms import (
    ApiTokenForm,
    MembershipAddForm,
    MembershipRolesForm,
    RegionalGrantForm,
    apply_validation_error,
)
from yos_tracker.health import broker_status, cache_status, database_status
from yos_tracker.history import history_rows
from yos_tracker.models import ApiToken, Member, Membership, Organisation
from yos_tracker.scoping import member_organisations, org_view

MANAGE = {"read": Capability.MANAGE_MEMBERS, "write": Capability.MANAGE_MEMBERS}


@login_required
def home(request):
    """Straight to the organisation for people in one; a choice for people in several."""
    organisations = member_organisations(request)
    if len(organisations) == 1:
        return redirect(organisations[0])
    return render(request, "home.html", {"organisations": organisations})


@org_view()
def org_home(request):
    return render(request, "org_home.html", {"organisation": request.organisation})


# --- Members and roles ---------------------------------------------------------------------------


def _member_or_404(organisation: Organisation, user_pk: int) -> Member:
    """The person with their roles in this organisation; 404 if they hold none there."""
    rows = list(Membership.objects.for_org(organisation).filter(user_id=user_pk).select_related("user"))
    if not rows:
        raise Http404("No such member.")
    return Member(rows[0].user, organisation, tuple(roles_in_order(row.role for row in rows)))


# Read by anyone of the organisation, so that a manager knows whom to ask; adding, changing and
# removing need MANAGE_MEMBERS (the page shows those controls to them only).
@org_view(read=Capability.VIEW, write=Capability.MANAGE_MEMBERS)
def member_list(request):
    organisation = request.organisation
    context = {
        "members": Membership.objects.members(organisation),
        "administrators": list(Membership.objects.administrators(organisation)),
        "can_manage": request.access.can_manage_members,
    }
    return render(request, "members/list.html", context)


@org_view(**MANAGE)
def member_add(request):
    form = MembershipAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.membership_add(
                organisation=request.organisation, site_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{member.user.get_full_name()} is now {member.roles_label.lower()} "
                f"of {request.organisation}; an e-mail is on its way to {member.user.email}.",
            )
            return redirect("members:list", org=request.organisation.slug)
    return render(request, "members/form.html", {"form": form, "title": "Add a member"})


@org_view(**MANAGE)
def member_edit(request, user_pk: int):
    member = _member_or_404(request.organisation, user_pk)
    form = MembershipRolesForm(request.POST or None, initial={"roles": [role.value for role in member.roles]})
    if request.method == "POST" and form.is_valid():
        try:
            member = services.membership_change_roles(
                organisation=request.organisation, user=member.user, roles=form.cleaned_data["roles"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{member.user.get_full_name()} is now {member.roles_label.lower()}.")
            return redirect("members:list", org=request.organisation.slug)
    return render(
        request,
        "members/form.html",
        {"form": form, "member": member, "title": f"Change the roles of {member.user.get_full_name()}"},
    )


@org_view(**MANAGE)
@require_POST
def member_remove(request, user_pk: int):
    member = _member_or_404(request.organisation, user_pk)
    try:
        services.membership_remove(organisation=request.organisation, user=member.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{member.user.get_full_name()} no longer has access to {request.organisation}.")
    return redirect("members:list", org=request.organisation.slug)


# How a role's own record reads in the person's history: each role is a row, given and taken away.
ROLE_HISTORY_ACTIONS = {"Created": "Role given:", "Deleted": "Role taken away:"}


@org_view(**MANAGE)
def member_history(request, user_pk: int):
    member = _member_or_404(request.organisation, user_pk)
    records = Membership.history.filter(organisation=request.organisation, user_id=user_pk)
    history = history_rows(records)
    # Each version's own role, in the rows' order (newest first): a role kept under an older
    # change of role in place reads as it was at that version.
    roles = records.order_by("-history_date", "-history_id").values_list("role", flat=True)
    for row, role in zip(history, roles, strict=True):
        if row.action in ROLE_HISTORY_ACTIONS:
            row.action, row.subject = ROLE_HISTORY_ACTIONS[row.action], Role(role).label
    return render(request, "members/history.html", {"member": member, "history": history})


# --- The regional role -----------------------------------------------------------------------------


def _superuser_only(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("Only a superuser can grant or remove the regional role.")


@login_required
def regional_members(request):
    """People with the regional role (they read every organisation), and a form to add one."""
    _superuser_only(request)
    form = RegionalGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.regional_grant(site_url=request.build_absolute_uri("/"), **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{membership.user.get_full_name()} now reads every organisation; "
                f"an e-mail is on its way to {membership.user.email}.",
            )
            return redirect("regional_members")
    memberships = (
        Membership.objects.filter(role=Role.REGIONAL, organisation__isnull=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    return render(request, "members/regional.html", {"form": form, "memberships": memberships})


@login_required
@require_POST
def regional_remove(request, pk: int):
    _superuser_only(request)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, role=Role.REGIONAL, organisation__isnull=True
    )
    services.regional_remove(membership=membership)
    messages.success(request, f"{membership.user.get_full_name()} no longer has the regional role.")
    return redirect("regional_members")


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
