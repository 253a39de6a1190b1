"""Admin for memberships; organisations are registered by onboarding, which sets new ones up."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from yos_tracker.models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
