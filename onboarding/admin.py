from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from onboarding.forms import SetupChoicesForm
from onboarding.services import organisation_create
from yos_tracker.models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class OrganisationAddForm(forms.ModelForm):
    """Admin's add form, with the same set-up choices as the New service page."""

    rag_scale = SetupChoicesForm.base_fields["rag_scale"]
    audit_scale = SetupChoicesForm.base_fields["audit_scale"]
    rating_key = SetupChoicesForm.base_fields["rating_key"]
    clean_rating_key = SetupChoicesForm.clean_rating_key
    starter_indicators = SetupChoicesForm.base_fields["starter_indicators"]

    class Meta:
        model = Organisation
        fields = ["name", "slug", "local_authority", "region"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "local_authority", "region"]
    search_fields = ["name", "slug", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = OrganisationAddForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # A new organisation is set up as the New service page sets one up.
        organisation_create(
            organisation=obj,
            rag_scale=form.cleaned_data["rag_scale"],
            audit_scale=form.cleaned_data["audit_scale"],
            rating_key=form.cleaned_data["rating_key"],
            starter_indicators=form.cleaned_data["starter_indicators"],
        )
