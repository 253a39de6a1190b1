from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from improvement.models import (
    Action,
    ImprovementPlan,
    Inspection,
    InspectionFramework,
    InspectionJudgement,
    JudgementLevel,
    ProgressUpdate,
    RagStatus,
    Recommendation,
    Standard,
)


class JudgementLevelInline(admin.TabularInline):
    model = JudgementLevel
    extra = 0


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0


@admin.register(InspectionFramework)
class InspectionFrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "in_use"]
    inlines = [JudgementLevelInline, StandardInline]


class JudgementInline(admin.TabularInline):
    model = InspectionJudgement
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "published_on"]
    list_filter = ["organisation", "inspection_type"]
    inlines = [JudgementInline]


@admin.register(RagStatus)
class RagStatusAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "code", "label", "colour", "meaning", "is_complete", "is_off_track", "order"]
    list_filter = ["organisation"]


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "status", "period_start", "period_end"]
    list_filter = ["organisation", "status"]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "plan", "theme"]
    list_filter = ["plan__organisation"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "recommendation", "owner_name", "due_date"]
    list_filter = ["recommendation__plan__organisation"]
    raw_id_fields = ["recommendation", "owner"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "date", "status", "author"]
    raw_id_fields = ["action", "author"]
