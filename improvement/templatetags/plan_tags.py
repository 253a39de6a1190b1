"""Tags of the plan pages."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from yos_tracker.templatetags.yos_tags import rag_badge

register = template.Library()

OVERDUE = mark_safe(' <span class="flag flag-overdue">Overdue</span>')
STALE = mark_safe(' <span class="flag flag-stale">Stale</span>')


@register.simple_tag
def action_row(row, improvement_url: str, show_recommendation: bool = False):
    """One action's row of a plan's table (improvement.selectors.ActionRow), its recommendation's
    reference too when the actions are not grouped under them. A tag rather than markup in the
    template: a plan of hundreds of actions spent most of its render looking up each cell."""
    action = row.action
    recommendation = (
        format_html('<td data-label="Rec.">{}</td>', action.recommendation.reference) if show_recommendation else ""
    )
    return format_html(
        '<tr data-action="{reference}"><td class="text-nowrap fw-semibold" data-label="Ref.">{reference}</td>'
        "{recommendation}"
        '<td class="cell-title"><a href="{url}actions/{pk}/">{summary}</a></td>'
        '<td data-label="Owner">{owner}</td>'
        '<td class="text-nowrap" data-label="Due">{due}</td>'
        '<td class="text-nowrap" data-label="Status">{badge}{overdue}{stale}</td>'
        '<td class="text-nowrap small" data-label="Last update">{last_update}</td></tr>',
        reference=action.reference,
        recommendation=recommendation,
        url=improvement_url,
        pk=action.pk,
        summary=row.summary,
        owner=action.owner_display or "—",
        due=row.due,
        badge=rag_badge(row.status, "No update"),
        overdue=OVERDUE if row.is_overdue else "",
        stale=STALE if row.is_stale else "",
        last_update=row.last_update,
    )
