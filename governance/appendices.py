"""A report's appendix tables as one workbook, for officers who paste into the council's template."""

import tablib

from governance.reporting import report_context
from yos_tracker.spreadsheets import escape_cell


def _sheet(title: str, headers: list[str], rows: list[list]) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=headers, title=title[:31])
    for row in rows:
        sheet.append([escape_cell("" if v is None else v) for v in row])
    return sheet


def report_appendix_workbook(report) -> bytes:
    context = report_context(report)
    book = tablib.Databook()
    if "dashboard" in context:
        book.add_sheet(
            _sheet(
                "A Performance dashboard",
                ["Category", "Indicator", "Period", "Value", "Target", "RAG"],
                [
                    [category.name, row.indicator.name, row.period, row.shown, row.target, row.status.label]
                    for category, rows in context["dashboard"].groups
                    for row in rows
                ],
            )
        )
    if "risk_rows" in context:
        book.add_sheet(
            _sheet(
                "B Risk register",
                [
                    "No",
                    "Risk",
                    "Owner",
                    "Score before",
                    "Band before",
                    "Score after",
                    "Band after",
                    "Last reviewed",
                    "Status",
                ],
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
        )
    if "action_rows" in context:
        book.add_sheet(
            _sheet(
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
        )
    if not book.size:
        book.add_sheet(_sheet("Report", ["Note"], [["This report includes no appendices."]]))
    return book.export("xlsx")
