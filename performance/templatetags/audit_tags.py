"""Tags of the case audits' pages."""

from django import template
from django.utils.html import format_html

from yos_tracker.templatetags.yos_tags import rag_badge

register = template.Library()


@register.simple_tag
def audit_row(row, audits_url: str, can_edit: bool):
    """One audit's row of the list (performance.selectors.AuditRow), its case linked to the audit's
    form for those who may edit it. A tag rather than markup in the template: a list of hundreds of
    audits spent most of its render looking up each cell."""
    audit = row.audit
    case = (
        format_html('<a href="{}{}/">{}</a>', audits_url, audit.pk, audit.case_reference)
        if can_edit
        else audit.case_reference
    )
    na = "Not applicable"
    return format_html(
        '<tr><td class="text-nowrap" data-label="Month">{month}</td><td data-label="Case">{case}</td>'
        '<td class="small" data-label="Type">{case_type}</td>'
        '<td data-label="Assessment">{assessment}</td><td data-label="Intervention plan">{intervention}</td>'
        '<td data-label="Risk plan">{risk}</td><td data-label="Vulnerability plan">{vulnerability}</td>'
        '<td data-label="Overall">{overall}</td>'
        '<td class="small" data-label="Auditor">{auditor}</td></tr>',
        month=row.month,
        case=case,
        case_type=audit.get_case_type_display(),
        assessment=rag_badge(row.assessment, na),
        intervention=rag_badge(row.intervention, na),
        risk=rag_badge(row.risk, na),
        vulnerability=rag_badge(row.vulnerability, na),
        overall=rag_badge(row.overall),
        auditor=audit.auditor_display or "—",
    )
