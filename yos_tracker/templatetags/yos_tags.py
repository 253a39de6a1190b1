import datetime
import functools
import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from yos_tracker.spreadsheets import normalise

register = template.Library()


def _relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb (or #rgb) colour."""
    value = hex_colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@register.filter
@functools.lru_cache(maxsize=256)
def rag_text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the badge's background colour."""
    try:
        luminance = _relative_luminance(background)
    except (ValueError, IndexError):
        return "#000000"
    contrast_with_black = (luminance + 0.05) / 0.05
    contrast_with_white = 1.05 / (luminance + 0.05)
    return "#000000" if contrast_with_black >= contrast_with_white else "#ffffff"


def _get(status, name):
    return status.get(name) if isinstance(status, dict) else getattr(status, name, None)


@register.simple_tag
def rag_badge(status, none_label: str = "No status"):
    """The one RAG badge: label and colour from data, the label always shown as text so the
    badge reads in greyscale. A tag rather than an include: busy pages draw hundreds of them."""
    if not status:
        return _no_badge(none_label)
    return _badge(_get(status, "colour"), _get(status, "meaning"), _get(status, "label"))


# Kept by the words and colour shown (typed: a safe string and a plain one escape differently),
# never by the status itself, so a relabelled status draws afresh: a page of hundreds of badges
# has a handful of distinct ones.
@functools.lru_cache(maxsize=1024, typed=True)
def _badge(colour, meaning, label):
    title = format_html(' title="{}"', meaning) if meaning else ""
    return format_html(
        '<span class="rag-badge" style="--rag-colour: {}; --rag-text: {};"{}>{}</span>',
        colour,
        rag_text_colour(colour),
        title,
        label,
    )


@functools.lru_cache(maxsize=64, typed=True)
def _no_badge(label):
    return format_html('<span class="rag-badge rag-badge-none">{}</span>', label)


@register.simple_tag
def sparkline(spark, label: str):
    """A sparkline (yos_tracker.charts.sparkline), with `label` (what it shows) for screen readers;
    the title repeats it because a tagged PDF takes a figure's alternative text from the title. A
    tag rather than an include: a dashboard draws one per row."""
    if not spark:
        return mark_safe('<span class="text-body-secondary small">—</span>')
    return format_html(
        '<svg class="sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title><polyline points="{points}" '
        'fill="none" stroke="#1d3557" stroke-width="1.5"/><circle cx="{last_x}" cy="{last_y}" r="2.5" '
        'fill="#1d3557"/></svg>',
        label=label,
        **spark,
    )


BULLET = re.compile(r"^\s*[-*•–]\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


@register.filter
def narrative(text: str):
    """A narrative as people type it into a box: blank lines part paragraphs, lines that start
    "- ", "* " or "• " are a list, and lines that start "1." or "1)" a numbered one. Every word
    is escaped."""
    blocks, paragraph, items = [], [], []
    kind = ""

    def close():
        nonlocal kind
        if paragraph:
            blocks.append(format_html("<p>{}</p>", mark_safe("<br>".join(escape(line) for line in paragraph))))
            paragraph.clear()
        if items:
            listed = mark_safe("".join(format_html("<li>{}</li>", item) for item in items))
            blocks.append(format_html("<{0}>{1}</{0}>", kind, listed))
            items.clear()

    for line in (text or "").replace("\r\n", "\n").split("\n"):
        marker = BULLET.match(line) or NUMBERED.match(line)
        if not line.strip():
            close()
        elif marker:
            wanted = "ol" if NUMBERED.match(line) else "ul"
            if paragraph or kind != wanted:
                close()
            kind = wanted
            items.append(line[marker.end() :].strip())
        else:
            if items:
                close()
            paragraph.append(line.strip())
    close()
    return mark_safe("".join(blocks))


@register.filter
def iso_date(value):
    """A date kept as text in stored data (2017-06-30), as a date the date filter can format."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


@register.filter
def column_of(result, header: str) -> str:
    """The column key an import reads a header of the file as (ImportResult.recognised)."""
    return result.recognised.get(normalise(header), "")
