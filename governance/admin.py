from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import (
    AgendaItem,
    Attendance,
    Board,
    BoardAction,
    BoardMember,
    Meeting,
    PartnerContribution,
    ReportRender,
    Risk,
    RiskBand,
    RiskMatrix,
    SelfAssessment,
    StandardRating,
)


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    exclude = ["theme_lead_for"]


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "parent"]
    list_filter = ["organisation"]
    inlines = [BoardMemberInline]


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["board", "date"]
    inlines = [AgendaInline, AttendanceInline]


@admin.register(BoardAction)
class BoardActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "board", "owner", "due_date", "status"]


class RiskBandInline(admin.TabularInline):
    model = RiskBand
    extra = 0


@admin.register(RiskMatrix)
class RiskMatrixAdmin(admin.ModelAdmin):
    list_display = ["organisation", "levels"]
    inlines = [RiskBandInline]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "organisation", "owner", "status", "last_reviewed"]
    list_filter = ["organisation", "status"]


class RatingInline(admin.TabularInline):
    model = StandardRating
    extra = 0


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "date"]
    inlines = [RatingInline]


@admin.register(PartnerContribution)
class PartnerContributionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "year", "agency", "staffing", "payments_in_kind", "other_delegated"]
    list_filter = ["organisation", "year"]


@admin.register(ReportRender)
class ReportRenderAdmin(admin.ModelAdmin):
    """Where an administrator reads why a render failed, traceback and all."""

    list_display = ["report", "version", "status", "requested_at", "finished_at", "attempts"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ReportRender._meta.fields]
