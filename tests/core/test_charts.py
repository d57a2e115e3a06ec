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
    label = re.search(r"<text [^>]*><title>([^<]*)</title>(.*?)</text>", svg)
    assert label is not None and label.group(1) == KISS
    lines = re.findall(r'<tspan x="([\d.]+)" y="[\d.]+">([^<]*)</tspan>', label.group(2))
    assert len(lines) == 2 and lines[1][1].endswith("…")
    right = float(lines[0][0])
    assert all(len(text) * 12 * 0.56 <= right for _x, text in lines)  # starts right of the chart's edge
    assert ">Selbsthilfe-Kontaktstelle Hamm</text>" in svg
    assert charts._fit_lines(KISS, 1000, 12) == [KISS]
