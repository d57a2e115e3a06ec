"""Charts (saas/core/charts.py) as a reader sees them: a long category label stays inside the chart."""

from __future__ import annotations

import re

from saas.core import charts

KISS = "K.I.S.S. Kreis Unna – Kontakt- und InformationsStelle für Selbsthilfegruppen"


def test_a_long_label_is_broken_into_two_lines_and_shortened_inside_its_column():
    """An office's long name ran off the bar chart's left edge: its label now takes two lines, the second
    shortened with "…", each line within the label column; a short label stays one line; the whole
    name is the label's title."""
    chart = charts.bar_chart("Kontakte", [KISS, "Selbsthilfe-Kontaktstelle Hamm"], [charts.Series("2025", [259, 104])])
    svg = str(chart.svg())
    label = re.search(r'<g class="label"><title>([^<]*)</title>(.*?)</g>', svg)
    assert label is not None and label.group(1) == KISS
    # each line its own right-anchored text: a PDF renderer anchors a <tspan> at its start (into the bars)
    lines = re.findall(r'<text x="([\d.]+)" y="[\d.]+"[^>]* text-anchor="end"[^>]*>([^<]*)</text>', label.group(2))
    assert len(lines) == 2 and lines[1][1].endswith("…") and "<tspan" not in svg
    right = float(lines[0][0])
    assert all(len(text) * 12 * 0.56 <= right for _x, text in lines)  # starts right of the chart's edge
    assert ">Selbsthilfe-Kontaktstelle Hamm</text>" in svg
    assert charts._fit_lines(KISS, 1000, 12) == [KISS]


def test_a_two_line_label_stays_right_aligned_in_the_pdf(app, world, tmp_path):
    """In the annual report's PDF the label "Psychische Erkrankungen und Belastungen" ran into its bar: the
    PDF renderer anchored both lines at their start. Do both lines of the chart's label end at one x?"""
    import subprocess

    from tests.contacts.helpers import write_annual_report
    from tests.contacts.test_views import _seed_known

    _seed_known(world.dortmund)
    target = tmp_path / "bericht.pdf"
    write_annual_report(app, "dortmund", "pdf", target)
    html = subprocess.run(["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True).stdout
    words = [
        (m.group(4), float(m.group(1)), float(m.group(3)), float(m.group(2)))
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    ]
    # the chart's label: "und" at the end of one line, "Belastungen" alone on the next, just below
    ends = [(x1, y) for w, _x0, x1, y in words if w == "und"]
    belastungen = [(x1, y) for w, _x0, x1, y in words if w == "Belastungen"]
    pairs = [(a, b) for a in ends for b in belastungen if 0 < b[1] - a[1] < 20]
    assert pairs, "the chart's label is not on two lines"
    # (the table's cell breaks its text too, left-aligned: only the chart's lines end at one x)
    assert any(abs(a[0] - b[0]) < 2 for a, b in pairs), pairs


def _segments(svg: str) -> list[int]:
    """How many points each drawn line segment joins."""
    return [d.count("L") + 1 for d in re.findall(r'<path d="([^"]+)" fill="none"', svg)]


def test_a_line_does_not_join_across_a_break_or_a_missing_value():
    """A trend whose reporting offices change between 2022 and 2023 is two series: no line joins them,
    a dashed rule between the years is named on the chart and in the text alternative. A year without a
    value (hidden total) ends a segment too, instead of a line drawn across it as if it were known."""
    years = ["2021", "2022", "2023", "2024", "2025"]
    joined = charts.line_chart("Kontakte", years, [charts.Series("Verband", [10, 20, 30, 40, 50])])
    assert _segments(str(joined.svg())) == [5] and "stroke-dasharray" not in str(joined.svg())
    broken = charts.line_chart(
        "Kontakte",
        years,
        [charts.Series("Verband", [10, 20, 30, 40, 50])],
        breaks=[2],
        break_label="Berichtskreis geändert",
    )
    svg = str(broken.svg())
    assert _segments(svg) == [2, 3] and svg.count("<circle ") == 5
    assert 'stroke-dasharray="4 3"><title>Berichtskreis geändert</title>' in svg
    assert broken.description().endswith("Berichtskreis geändert: 2022 – 2023.")
    gap = charts.line_chart("Kontakte", years, [charts.Series("Verband", [10, None, 30, 40, None])])
    assert _segments(str(gap.svg())) == [2] and str(gap.svg()).count("<circle ") == 3


def test_a_chart_is_drawn_for_a_screen_and_for_a_phone(app):
    """The page carries two drawings of a chart, each with its own ids (one name each for assistive
    technology); the phone's puts each bar's label on its own line above the bar, from the left edge,
    shortened to the width with the whole label as its title."""
    chart = charts.bar_chart("Kontakte", [KISS, "Selbsthilfe-Kontaktstelle Hamm"], [charts.Series("2025", [259, 104])])
    with app.test_request_context():
        html = chart.__html__()
    assert html.count("<svg") == 2 and 'class="chart-wide"' in html and 'class="chart-narrow"' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    narrow = html.split('class="chart-narrow"', 1)[1].split("</svg>", 1)[0]
    assert f'width="{charts.NARROW_WIDTH}"' in narrow
    labels = re.findall(
        r'<g class="label"><title>([^<]*)</title><text x="8.0" [^>]*text-anchor="start"[^>]*>([^<]*)<', narrow
    )
    assert [t for t, _line in labels] == [KISS, "Selbsthilfe-Kontaktstelle Hamm"]
    assert labels[0][1].endswith("…") and labels[1][1] == "Selbsthilfe-Kontaktstelle Hamm"
    assert all(len(line) * 12 * 0.56 <= charts.NARROW_WIDTH - 16 for _t, line in labels)
