from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from performance.models import (
    AuditGrade,
    CaseAudit,
    Comparator,
    Indicator,
    IndicatorCategory,
    Measurement,
    RollupRun,
    Target,
    TrackedIndicator,
)


@admin.register(IndicatorCategory)
class IndicatorCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "category", "scope", "unit", "polarity", "frequency", "computation"]
    list_filter = ["category", "scope", "frequency", "computation"]
    search_fields = ["code", "name"]


@admin.register(TrackedIndicator)
class TrackedIndicatorAdmin(admin.ModelAdmin):
    list_display = ["organisation", "indicator", "order"]
    list_filter = ["organisation"]
    list_editable = ["order"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "indicator", "applies_from", "value", "tolerance"]
    list_filter = ["organisation"]


@admin.register(Comparator)
class ComparatorAdmin(admin.ModelAdmin):
    list_display = ["organisation", "indicator", "period", "kind", "value"]
    list_filter = ["organisation", "kind"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "indicator", "period", "value", "source", "updated_at"]
    list_filter = ["organisation", "indicator__category"]
    readonly_fields = ["version"]


@admin.register(AuditGrade)
class AuditGradeAdmin(admin.ModelAdmin):
    list_display = ["organisation", "label", "code", "rank", "is_good", "is_inadequate"]
    list_filter = ["organisation"]


@admin.register(CaseAudit)
class CaseAuditAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "month", "case_reference", "case_type", "overall"]
    list_filter = ["organisation", "month"]


@admin.register(RollupRun)
class RollupRunAdmin(admin.ModelAdmin):
    list_display = ["organisation", "month", "trigger", "status", "rows", "queued_at", "finished_at"]
    list_filter = ["status", "organisation"]
    readonly_fields = [f.name for f in RollupRun._meta.fields]
