"""Tags of the risk register."""

from django import template
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from yos_tracker.templatetags.yos_tags import rag_badge

register = template.Library()

REVIEW_OVERDUE = mark_safe(' <span class="flag flag-overdue">Review overdue</span>')


@register.simple_tag
def risk_row(row, register_url: str):
    """One risk's row of the register (governance.selectors' register rows). A tag rather than
    markup in the template: a register of hundreds of risks spent most of its render looking up
    each cell. What to check about a risk's scoring keeps its one partial."""
    risk = row.risk
    category = format_html('<div class="small text-body-secondary">{}</div>', risk.category) if risk.category else ""
    flags = (
        mark_safe(render_to_string("governance/_risk_flags.html", {"risk": risk}))
        if risk.score_disagreements or risk.mitigation_raises_score
        else ""
    )
    return format_html(
        '<tr data-risk="{number}"><td data-label="No">{number}</td>'
        '<td class="cell-wide"><a href="{url}{pk}/">{title}</a>{category}<div>{flags}</div></td>'
        '<td data-label="Owner">{owner}</td>'
        '<td class="text-nowrap" data-label="Before">{inherent} {inherent_band}</td>'
        '<td class="text-nowrap" data-label="After">{residual} {residual_band}</td>'
        '<td class="text-nowrap small" data-label="Last reviewed">{reviewed}{overdue}</td>'
        '<td class="small" data-label="Status">{status}</td></tr>',
        number=risk.number,  # whole numbers print as they are: no grouping is set (USE_THOUSAND_SEPARATOR)
        url=register_url,
        pk=risk.pk,
        title=risk.title,
        category=category,
        flags=flags,
        owner=risk.owner,
        inherent=risk.inherent_score,
        inherent_band=rag_badge(row.inherent_band),
        residual=risk.residual_score,
        residual_band=rag_badge(row.residual_band),
        reviewed=localize(risk.last_reviewed) if risk.last_reviewed else "never",
        overdue=REVIEW_OVERDUE if row.overdue else "",
        status=risk.get_status_display(),
    )
