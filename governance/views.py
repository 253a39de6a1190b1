from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from governance import services
from governance.choices import Capability, Role
from governance.forms import MembershipAddForm, MembershipRoleForm
from governance.models import Membership
from yos_tracker.forms import apply_validation_error
from yos_tracker.history import history_rows
from yos_tracker.scoping import org_view

MANAGE = {"read": Capability.MANAGE_MEMBERS, "write": Capability.MANAGE_MEMBERS}


@org_view()
def index(request):
    return render(request, "governance/index.html")


@org_view(write=Capability.REPORT)
def reports(request):
    return render(request, "governance/reports.html")


@org_view(**MANAGE)
def member_list(request):
    memberships = (
        Membership.objects.for_org(request.organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    return render(request, "governance/member_list.html", {"memberships": memberships})


@org_view(**MANAGE)
def member_add(request):
    form = MembershipAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_add(organisation=request.organisation, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"{membership.user.get_full_name()} is now {membership.get_role_display().lower()} "
                f"of {request.organisation}; an e-mail is on its way to {membership.user.email}.",
            )
            return redirect("governance:member_list", org=request.organisation.slug)
    return render(request, "governance/member_form.html", {"form": form, "title": "Add a member"})


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
            return redirect("governance:member_list", org=request.organisation.slug)
    return render(
        request,
        "governance/member_form.html",
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
    return redirect("governance:member_list", org=request.organisation.slug)


@org_view(**MANAGE)
def member_history(request, pk: int):
    membership = Membership.objects.select_related("user").get_for_org(request.organisation, pk=pk)
    return render(
        request,
        "governance/member_history.html",
        {"membership": membership, "history": history_rows(membership.history.all())},
    )
