from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from yos_tracker.models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "local_authority", "region"]
    search_fields = ["name", "slug", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
