"""Organisation scoping: the one mechanism through which every organisation page is reached.

Every organisation page is addressed as /<org-slug>/... and decorated with `org_view`, which
- sends anonymous people to sign in;
- answers 404 when the person has no access to that organisation, so an address does not
  reveal whether an organisation (or anything in it) exists;
- answers 403 when the person may read but their role lacks the capability the request needs;
  unsafe methods (POST, PUT, PATCH, DELETE) need the `write` capability, EDIT unless the view
  says otherwise, so a new form cannot forget its role check.

The REST API (yos_tracker.api) answers through the same two steps, resolve_access and
Access.require, so a page and its API path can never disagree about who may do what.

Records owned by an organisation use `OrganisationScopedQuerySet.for_org(request.organisation)`
(or `get_for_org`) so that an object of another organisation is a 404 too.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import render

from yos_tracker import page_cache
from yos_tracker.choices import Capability, Role, roles_in_order, roles_label
from yos_tracker.models import Membership, Organisation
from yos_tracker.querysets import OrganisationScopedQuerySet

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# For pages that are forms: opening one needs the capability saving it needs, so a person who
# may only read is answered 403 at once, never shown a form that fails when they save it.
EDITORS = {"read": Capability.EDIT, "write": Capability.EDIT}


@dataclass(frozen=True)
class Access:
    """What the signed-in person may do in the organisation named in the URL."""

    organisation: Organisation
    roles: tuple[Role, ...]
    capabilities: frozenset[Capability]
    is_superuser: bool = False

    @property
    def role(self) -> Role | None:
        """The first of the roles that name the person here (a manager and administrator: manager)."""
        return self.roles[0] if self.roles else None

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    @property
    def can_edit(self) -> bool:
        return self.can(Capability.EDIT)

    @property
    def can_report(self) -> bool:
        return self.can(Capability.REPORT)

    @property
    def can_manage_members(self) -> bool:
        return self.can(Capability.MANAGE_MEMBERS)

    @property
    def role_label(self) -> str:
        if self.is_superuser:
            return "Superuser"
        return roles_label(self.roles)

    def require(self, method: str, *, read: Capability, write: Capability) -> None:
        """PermissionDenied unless the role carries what this request needs: `read` for safe
        methods, `write` for the rest. Pages and the API both ask here."""
        needed = read if method in SAFE_METHODS else write
        if not self.can(needed):
            raise PermissionDenied(
                f"As {self.role_label.lower()} of {self.organisation}, you cannot "
                f"{Capability(needed).label[0].lower()}{Capability(needed).label[1:]}."
            )


def resolve_access(user, slug: str, organisations: list[Organisation] | None = None) -> Access:
    """The person's access to the organisation with this slug; Http404 if they have none.
    `organisations`: those they may open, if already looked up (member_organisations)."""
    if organisations is None:
        organisation = Organisation.objects.for_member(user).filter(slug=slug).first()
    else:
        organisation = next((o for o in organisations if o.slug == slug), None)
    if organisation is None:
        raise Http404("No such organisation.")
    if user.is_superuser:
        return Access(organisation, (), frozenset(Capability), is_superuser=True)

    memberships = list(
        Membership.objects.filter(user=user).filter(
            models.Q(organisation=organisation) | models.Q(organisation__isnull=True)
        )
    )
    # The person may do what any of their roles allows: a manager and administrator both edits
    # and manages members; an API token acts with the same roles, since it resolves here too.
    capabilities = frozenset().union(*(m.capabilities for m in memberships))
    # An organisation's own roles name the person there; the regional role is the fallback.
    own = [m for m in memberships if m.organisation_id == organisation.pk]
    roles = tuple(roles_in_order(m.role for m in own or memberships))
    return Access(organisation, roles, capabilities)


def member_organisations(request) -> list[Organisation]:
    """The organisations the signed-in person may open, looked up once a request: the page's scope
    and its navigation's list of services to switch to both read them."""
    if not hasattr(request, "_member_organisations"):
        request._member_organisations = list(Organisation.objects.for_member(request.user))
    return request._member_organisations


def org_view(read: Capability = Capability.VIEW, write: Capability = Capability.EDIT):
    """Decorate a view taking `org` from the URL; it receives request.organisation and request.access."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, org: str, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                return _scoped(request, *args, org=org, **kwargs)
            except Http404:
                # The app's own page, in development too: Django's debug page would list every
                # URL pattern to someone who has just been told the organisation is not theirs.
                return render(request, "404.html", status=404)

        def _scoped(request, *args, org: str, **kwargs):
            access = resolve_access(request.user, org, member_organisations(request))
            # Set before the role check so that the 403 page still shows the organisation's navigation.
            request.organisation = access.organisation
            request.access = access
            page_cache.writes_belong_to(access.organisation.pk)
            access.require(request.method, read=read, write=write)
            return view(request, *args, **kwargs)

        wrapped.org_view_capabilities = (read, write)
        return wrapped

    return decorator


__all__ = ["EDITORS", "Access", "OrganisationScopedQuerySet", "member_organisations", "org_view", "resolve_access"]
