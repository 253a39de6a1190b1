"""Tags of the indicators' rows: the dashboard's and an indicator's page's."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from yos_tracker.templatetags.yos_tags import rag_badge, sparkline

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


NATIONAL = mark_safe(' <span class="badge text-bg-light border fw-normal">National</span>')
NO_TREND = mark_safe('<span class="text-body-secondary">—</span>')
LATEST_AVAILABLE = mark_safe('<div class="text-body-secondary latest-available">latest available</div>')
EARLIER_PERIOD = mark_safe('<div class="text-body-secondary value-period">an earlier period</div>')
VALUE_FOR = mark_safe('<span class="visually-hidden">value for </span>')


@register.simple_tag
def dashboard_row(row, performance_url: str):
    """One indicator's row of the dashboard (performance.selectors.DashboardRow). A tag rather than
    markup in the template: the dashboard's time afresh went mostly on looking up each cell."""
    indicator = row.indicator
    if row.latest_available:
        under_period = LATEST_AVAILABLE
    elif row.older:
        under_period = EARLIER_PERIOD
    else:
        under_period = ""
    judgement = row.judgement
    judged = (
        format_html(
            '<div class="small text-body-secondary judged"{}>judged, {}</div>',
            format_html(' title="{}"', judgement.note) if judgement.note else "",
            date_format(judgement.period, "M Y"),
        )
        if judgement
        else ""
    )
    trend = row.trend_previous
    previous = (
        format_html(
            '<span class="trend trend-{}" title="{} than the previous period">'
            '<span aria-hidden="true">{}</span> {}</span>',
            trend.code,
            trend.label,
            trend.arrow,
            trend.label,
        )
        if trend
        else NO_TREND
    )
    year = row.trend_year
    on_a_year = (
        format_html(
            '<div class="year-on-year text-nowrap" title="{} than the same period a year before">'
            '<span aria-hidden="true">{}</span> {} on a year before ({})</div>',
            year.label,
            year.arrow,
            row.year_change,
            row.year_ago_shown,
        )
        if year
        else ""
    )
    comparators = (
        format_html(
            '<ul class="list-unstyled mb-0 comparators">{}</ul>',
            format_html_join(
                "",
                '<li class="text-nowrap">{} <span class="fw-semibold">{}</span>{}</li>',
                (
                    (
                        c.label,
                        c.shown,
                        format_html(' <span class="text-body-secondary">({})</span>', date_format(c.period, "M Y"))
                        if c.period
                        else "",
                    )
                    for c in row.comparators
                ),
            ),
        )
        if row.comparators
        else "—"
    )
    return format_html(
        '<tr data-indicator="{code}">'
        '<td class="cell-title"><a href="{url}indicators/{code}/">{name}</a>{national}</td>'
        '<td class="small text-nowrap" data-label="Period">{value_for}{period}{under_period}</td>'
        '<td class="text-end fw-semibold text-nowrap" data-label="Value">{shown}</td>'
        '<td class="text-end small text-nowrap" data-label="Target">{target}</td>'
        '<td data-label="RAG">{badge}{judged}</td>'
        '<td class="small cell-wide" data-label="Trend">{previous}{on_a_year}</td>'
        '<td data-label="Last 12 periods">{spark}</td>'
        '<td class="small" data-label="Comparators">{comparators}</td></tr>',
        code=indicator.code,
        url=performance_url,
        name=indicator.name,
        national=NATIONAL if indicator.scope == "national" else "",
        value_for=VALUE_FOR if row.older else "",
        period=date_format(row.period, "M Y") if row.period else "—",
        under_period=under_period,
        shown=row.shown,
        target=row.target or "—",
        badge=rag_badge(row.badge),
        judged=judged,
        previous=previous,
        on_a_year=on_a_year,
        spark=sparkline(row.spark, f"Last 12 values of {indicator.name}"),
        comparators=comparators,
    )
