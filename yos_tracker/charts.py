"""Charts as SVG built on the server from plain numbers: the same drawing in the browser and
in the committee-report PDF (WeasyPrint renders inline SVG), nothing from a CDN, and cheap
enough to draw one per dashboard row. Series differ by dash pattern and marker as well as
colour, so a chart reads in greyscale."""

import datetime
import itertools
import math
from dataclasses import dataclass, field
from decimal import Decimal

# Line styles in drawing order: (stroke colour, dash pattern, marker).
STYLES = [
    ("#1d3557", "", "circle"),
    ("#b35900", "6 3", "square"),
    ("#5b7083", "2 3", "triangle"),
    ("#2a7f62", "10 3 2 3", "diamond"),
]
TARGET_STYLE = ("#d4351c", "4 4")


@dataclass
class Series:
    label: str
    # By date, or by a whole number (a month of follow-up).
    points: list[tuple[datetime.date | int, Decimal | float | None]]


@dataclass
class LineChart:
    title: str
    y_label: str
    width: int
    height: int
    plot: dict
    lines: list[dict] = field(default_factory=list)
    target: dict | None = None
    x_ticks: list[dict] = field(default_factory=list)
    y_ticks: list[dict] = field(default_factory=list)
    description: str = ""


def sparkline(values: list, *, width: int = 120, height: int = 28, pad: int = 3) -> dict | None:
    """An SVG polyline of up to the last 12 values (None for gaps), scaled to the box."""
    present = [float(v) for v in values if v is not None]
    if len(present) < 2:
        return None
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    step = (width - 2 * pad) / max(len(values) - 1, 1)
    points = []
    for i, v in enumerate(values):
        if v is None:
            continue
        x = pad + i * step
        y = height - pad - (float(v) - low) / span * (height - 2 * pad)
        points.append(f"{x:.1f},{y:.1f}")
    last_x, last_y = points[-1].split(",")
    return {"width": width, "height": height, "points": " ".join(points), "last_x": last_x, "last_y": last_y}


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis values (steps of 1, 2, 2.5 or 5 × a power of ten) covering low..high."""
    if low == high:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if (high - low) / (m * magnitude) <= count)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _span(later, earlier) -> int:
    """Days between two dates, or the difference of two whole numbers."""
    return (later - earlier).days if isinstance(later, datetime.date) else later - earlier


def line_chart(
    *,
    title: str,
    y_label: str,
    series: list[Series],
    target: list[tuple[datetime.date, Decimal | None]] | None = None,
    width: int = 720,
    height: int = 300,
    fmt=lambda v: f"{v:g}",
    x_fmt=None,
) -> LineChart | None:
    """A line chart of several series over dates, with an optional stepped target line. The x
    values may be whole numbers instead (a cohort's months of follow-up), named by x_fmt."""
    tick_name = x_fmt or (lambda d: f"{d:%b %Y}")
    point_name = x_fmt or (lambda d: f"{d:%m/%Y}")
    dates = sorted(
        {d for s in series for d, v in s.points if v is not None} | {d for d, v in target or [] if v is not None}
    )
    values = [float(v) for s in series for _, v in s.points if v is not None] + [
        float(v) for _, v in target or [] if v is not None
    ]
    if not dates or not values:
        return None
    left, right, top, bottom = 64, width - 150, 36, height - 44
    ticks = _nice_ticks(min(0.0, min(values)) if min(values) >= 0 else min(values), max(values))
    y_low, y_high = ticks[0], ticks[-1]
    first, last = dates[0], dates[-1]
    days = max(_span(last, first), 1)

    def x_of(day) -> float:
        return round(left + (right - left) * _span(day, first) / days, 1) if first != last else (left + right) / 2

    def y_of(value) -> float:
        return round(bottom - (float(value) - y_low) / ((y_high - y_low) or 1) * (bottom - top), 1)

    chart = LineChart(
        title=title,
        y_label=y_label,
        width=width,
        height=height,
        plot={"left": left, "right": right, "top": top, "bottom": bottom},
    )
    for i, s in enumerate(series):
        colour, dash, marker = STYLES[i % len(STYLES)]
        pts = [(x_of(d), y_of(v), d, v) for d, v in s.points if v is not None]
        if not pts:
            continue
        chart.lines.append(
            {
                "label": s.label,
                "colour": colour,
                "dash": dash,
                "marker": marker,
                "path": " ".join(f"{x},{y}" for x, y, _, _ in pts),
                "points": [{"x": x, "y": y, "title": f"{point_name(d)}: {fmt(v)}"} for x, y, d, v in pts],
                "label_y": pts[-1][1],
            }
        )
    if target:
        steps = []
        for d, v in target:
            if v is None:
                continue
            if steps:
                steps.append(f"{x_of(d)},{steps[-1].split(',')[1]}")
            steps.append(f"{x_of(d)},{y_of(v)}")
        if steps:
            steps.append(f"{right},{steps[-1].split(',')[1]}")
            chart.target = {
                "path": " ".join(steps),
                "colour": TARGET_STYLE[0],
                "dash": TARGET_STYLE[1],
                "label_y": float(steps[-1].split(",")[1]),
            }
    # Separate the end labels (series and target) that would overlap, keeping their order.
    labelled = sorted(chart.lines + ([chart.target] if chart.target else []), key=lambda item: item["label_y"])
    for previous, item in itertools.pairwise(labelled):
        if item["label_y"] - previous["label_y"] < 13:
            item["label_y"] = previous["label_y"] + 13
    chart.y_ticks = [{"y": y_of(t), "label": fmt(Decimal(str(t)))} for t in ticks]
    every = math.ceil(len(dates) / 6)  # at most six labels, so they never run together
    chart.x_ticks = [{"x": x_of(d), "label": tick_name(d)} for d in dates[::every]]
    chart.description = "; ".join(
        f"{s.label}: " + ", ".join(f"{point_name(d)} {fmt(v)}" for d, v in s.points if v is not None) for s in series
    )
    return chart
