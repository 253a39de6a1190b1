from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from onboarding import selectors, services
from onboarding.forms import NewServiceForm
from yos_tracker.forms import apply_validation_error
from yos_tracker.scoping import org_view


@login_required
def service_new(request):
    """A superuser sets up a new youth justice service: the organisation and everything it needs."""
    if not request.user.is_superuser:
        raise PermissionDenied("Only a superuser can set up a new service.")
    form = NewServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                organisation=form.save(commit=False), first_person=form.first_person, **form.setup
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{organisation} is set up. Check its settings, then add its people.")
            return redirect("onboarding:settings", org=organisation.slug)
    return render(request, "onboarding/service_new.html", {"form": form})


@org_view()
def settings_hub(request):
    return render(request, "onboarding/settings.html", {"summary": selectors.settings_summary(request.organisation)})
