"""Small server-side SVG charts of the improvement app, drawn from plain numbers so they look the
same in the browser and in a PDF and cost nothing per request."""

from dataclasses import dataclass

from improvement.models import ProgressUpdate, RagStatus

WIDTH, ROW_HEIGHT, LEFT, RIGHT_MARGIN, TOP = 640, 26, 90, 16, 14


@dataclass
class TimelinePoint:
    x: float
    y: float
    colour: str
    label: str
    date: object


def status_timeline(updates: list[ProgressUpdate], scale: list[RagStatus]) -> dict | None:
    """A step chart of an action's status at each update: one row per status of the scale,
    dates along the bottom in proportion. None when there is nothing to draw."""
    if not updates:
        return None
    ordered = sorted(updates, key=lambda u: (u.date, u.created_at, u.pk))
    rows = {status.pk: TOP + 10 + i * ROW_HEIGHT for i, status in enumerate(scale)}
    first, last = ordered[0].date, ordered[-1].date
    span = max((last - first).days, 1)
    right = WIDTH - RIGHT_MARGIN

    def x_of(date) -> float:
        if first == last:
            return (LEFT + right) / 2
        return round(LEFT + (right - LEFT) * (date - first).days / span, 1)

    points = [
        TimelinePoint(x_of(u.date), rows.get(u.status_id, TOP), u.status.colour, u.status.label, u.date)
        for u in ordered
    ]
    # A step line: a status holds until the next update.
    path = []
    for i, point in enumerate(points):
        if i:
            path.append(f"{point.x},{points[i - 1].y}")
        path.append(f"{point.x},{point.y}")
    return {
        "width": WIDTH,
        "height": TOP + 10 + len(scale) * ROW_HEIGHT + 8,
        "left": LEFT,
        "right": right,
        "rows": [{"label": status.label, "y": rows[status.pk]} for status in scale],
        "points": points,
        "path": " ".join(path),
        "first": first,
        "last": last,
    }
