"""A report's appendix tables as one workbook, for officers who paste into the council's template:
numbers are numbers (percentages in a percentage format), dates are dates, as the report shows
them at the end of its period."""

from governance.reporting import report_context
from performance.choices import Unit
from yos_tracker.spreadsheets import Formatted, Sheet, write_workbook

NUMBER_FORMATS = {Unit.RATIO: "0.00", Unit.RATE_100K: "#,##0.0", Unit.RATE_1000: "#,##0.0"}


def _figure(indicator, value) -> Formatted:
    """An indicator's value or target, as a worksheet number in the indicator's unit."""
    if value is None:
        return Formatted(None)
    if indicator.unit == Unit.PERCENT:
        return Formatted.percent(value)
    return Formatted(value, NUMBER_FORMATS.get(indicator.unit, "#,##0.##"))


def _dashboard(context) -> Sheet:
    return Sheet(
        "A Performance dashboard",
        ["Category", "Indicator", "Period", "Value", "Target", "RAG", "Comparator"],
        [
            [
                category.name,
                row.indicator.name,
                row.period,
                _figure(row.indicator, row.value),
                _figure(row.indicator, row.target_value),
                row.status.label,
                row.comparator,
            ]
            for category, rows in context["dashboard"].groups
            for row in rows
        ],
    )


def _risks(context) -> Sheet:
    headers = ["No", "Risk", "Owner", "Score before", "Band before", "Score after", "Band after", "Last reviewed"]
    return Sheet(
        "B Risk register",
        [*headers, "Status"],
        [
            [
                r.risk.number,
                r.risk.title,
                r.risk.owner,
                r.risk.inherent_score,
                getattr(r.inherent_band, "label", ""),
                r.risk.residual_score,
                getattr(r.residual_band, "label", ""),
                r.risk.last_reviewed,
                r.risk.get_status_display(),
            ]
            for r in context["risk_rows"]
        ],
    )


def _actions(context) -> Sheet:
    return Sheet(
        "C Improvement plan actions",
        ["Ref.", "Recommendation", "Action", "Owner", "Due", "Status"],
        [
            [
                a.reference,
                a.recommendation.reference,
                a.description,
                a.owner_display,
                a.due_date,
                s.label if s else "No update",
            ]
            for a, s in context["action_rows"]
        ],
    )


def report_appendix_workbook(report) -> bytes:
    context = report_context(report)
    sheets = [
        build(context)
        for key, build in (("dashboard", _dashboard), ("risk_rows", _risks), ("action_rows", _actions))
        if key in context
    ]
    return write_workbook(sheets or [Sheet("Report", ["Note"], [["This report includes no appendices."]])])
