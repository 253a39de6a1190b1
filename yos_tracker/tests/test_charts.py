import datetime
import itertools
from decimal import Decimal as D

from django.template.loader import render_to_string

from yos_tracker.charts import Series, _nice_ticks, line_chart, sparkline


def test_ticks_are_round_and_cover_the_data():
    assert _nice_ticks(0, 56.3) == [0, 20, 40, 60]
    assert _nice_ticks(0, 9) == [0, 2, 4, 6, 8, 10]
    assert _nice_ticks(0.4, 2.7) == [0, 0.5, 1, 1.5, 2, 2.5, 3]
    ticks = _nice_ticks(480, 640)
    assert ticks[0] <= 480 and ticks[-1] >= 640


def test_sparkline_scales_values_into_the_box_and_skips_gaps():
    spark = sparkline([D("56.3"), None, D("48"), D("39.7")], width=100, height=20, pad=0)
    points = [tuple(map(float, p.split(","))) for p in spark["points"].split()]
    assert points[0] == (0.0, 0.0)  # the highest value at the top
    assert points[-1] == (100.0, 20.0)  # the lowest at the bottom, last at the right
    assert len(points) == 3


def test_a_single_value_draws_no_sparkline():
    assert sparkline([D("4")]) is None and sparkline([]) is None


def test_line_chart_has_a_title_axis_labels_and_a_target_and_reads_as_text():
    months = [datetime.date(2017, m, 1) for m in (1, 2, 3)]
    chart = line_chart(
        title="Binary reoffending",
        y_label="%",
        series=[
            Series("Lewisham", list(zip(months, [D("56.3"), D("48"), D("39.7")], strict=True))),
            Series("London", list(zip(months, [D("45"), D("44"), D("43")], strict=True))),
        ],
        target=[(months[0], D("45"))],
    )
    svg = render_to_string("includes/line_chart.html", {"chart": chart})
    # The title is the whole text alternative (a tagged PDF's figure takes only the title).
    assert (
        '<title id="chart-title-1">Binary reoffending: Lewisham: 01/2017 56.3, 02/2017 48, 03/2017 39.7; London:' in svg
    )
    assert svg.count("<polyline") == 3  # two series and the target
    assert 'stroke-dasharray="6 3"' in svg  # the second series is dashed, for greyscale
    assert ">Target</text>" in svg


def test_no_data_draws_no_chart():
    assert line_chart(title="x", y_label="y", series=[Series("a", [])]) is None


def test_end_labels_do_not_overlap_even_with_the_target():
    months = [datetime.date(2017, m, 1) for m in (1, 2)]
    chart = line_chart(
        title="t",
        y_label="%",
        series=[
            Series(name, list(zip(months, [D("40"), D(v)], strict=True)))
            for name, v in [("A", "40.1"), ("B", "40.2"), ("C", "39.9")]
        ],
        target=[(months[0], D("40"))],
    )
    ys = sorted([line["label_y"] for line in chart.lines] + [chart.target["label_y"]])
    assert all(b - a >= 13 for a, b in itertools.pairwise(ys))
