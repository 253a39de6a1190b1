"""Tags of an indicator's page."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from yos_tracker.templatetags.yos_tags import rag_badge

register = template.Library()


@register.simple_tag
def value_row(row, indicator, performance_url: str):
    """One value's row of an indicator's table (performance.selectors.indicator_page's rows). A tag
    rather than markup in the template: ten years of monthly values spent most of the page's render
    looking up each cell."""
    m = row["measurement"]
    parts = ""
    if indicator.is_ratio:
        parts = format_html(
            '<td class="text-end" data-label="{}">{}</td><td class="text-end" data-label="{}">{}</td>',
            capfirst(indicator.numerator_label),
            floatformat(m.numerator, "-2"),
            capfirst(indicator.denominator_label),
            floatformat(m.denominator, "-2"),
        )
    comparators = format_html_join(
        "",
        '<td class="text-end small" data-label="{}">{}</td>',
        ((label, shown) for label, shown in row["comparators"]),
    )
    source = format_html(' <span class="text-body-secondary">({})</span>', m.source) if m.source else ""
    changed = date_format(timezone.localtime(m.updated_at), "d/m/Y") if m.updated_at else ""
    by = format_html(" by {}", m.entered_by.get_full_name()) if m.entered_by else ""
    changes = row["changes"]
    history = (
        format_html(
            ' · <a href="{}values/{}/history/">{} change{}</a>',
            performance_url,
            m.pk,
            changes,
            "" if changes == 1 else "s",
        )
        if changes
        else ""
    )
    return format_html(
        '<tr><td class="text-nowrap cell-title">{period}</td>'
        '<td class="text-end fw-semibold" data-label="Value">{shown}</td>{parts}'
        '<td class="text-end small" data-label="Target">{target}</td>'
        '<td data-label="RAG">{badge}</td>{comparators}'
        '<td class="small" data-label="Note and source">{note}{source}</td>'
        '<td class="small text-nowrap" data-label="Last changed">{changed}{by}{history}</td></tr>',
        period=date_format(m.period, "M Y"),
        shown=row["shown"],
        parts=parts,
        target=row["target"] or "—",
        badge=rag_badge(row["status"]),
        comparators=comparators,
        note=m.note,
        source=source,
        changed=changed,
        by=by,
        history=history,
    )
