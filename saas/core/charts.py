"""Server-rendered, accessible SVG charts: bars, stacked/percentage bars, lines (trends).

The same chart works in the browser (with or without JavaScript), in the PDF (fpdf2 draws SVG) and
in print. Each chart carries ``<title>``/``<desc>`` (``role="img"``, ``aria-labelledby``) and a data
table alternative, so the figures are never only in the picture.

Usage (any feature)::

    chart = bar_chart("Kontakte nach Art", ["Bürger*innen", "Gruppen"],
                      [Series("2023", [1078, 641]), Series("2022", [954, 843])])
    {{ chart }}                 # in a template: <figure> with the SVG and the table
    chart.svg(font="helvetica")  # for fpdf2: pdf.image(io.BytesIO(chart.svg(...).encode()), w=…)

Values are formatted the German way (``2.214``, ``47 %``) unless ``value_format`` says otherwise.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from flask import get_template_attribute
from flask_babel import gettext
from markupsafe import Markup

from saas.core.formatting import format_number, format_percent
from saas.core.reflow import dom_id

# Fill colours with at least 3:1 contrast against white (WCAG 1.4.11); text is always dark ink.
PALETTE = ("#0b5394", "#b45309", "#2f6b1f", "#7b2d6b", "#4a4a4a", "#a4161a", "#1c6e7a", "#6b5b00")
INK = "#1a1a1a"
GRID = "#8a8a8a"
_ids = itertools.count(1)


@dataclass
class Series:
    name: str
    values: Sequence[float | int | None]


def _default_format(unit: str) -> Callable[[float | int | None], str]:
    if unit == "%":
        return lambda v: format_percent(v)
    return lambda v: format_number(v)


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: float = 12,
    weight: str = "normal",
    fill: str = INK,
) -> str:
    bold = ' font-weight="bold"' if weight == "bold" else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold}>'
        f"{escape(content)}</text>"
    )


def _approx_width(text: str, size: float) -> float:
    return len(text) * size * 0.56


def _fit_lines(text: str, width: float, size: float, lines: int = 2) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of about ``width`` pixels, the last one shortened
    with "…" if the rest does not fit ("K.I.S.S. Kreis Unna – Kontakt- und InformationsStelle für
    Selbsthilfegruppen" ran off the chart's left edge). The table under each chart keeps the whole label."""
    fits = max(int(width / (size * 0.56)), 4)
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= fits:
            line += " " + words.pop(0)
        out.append(line)
    if words or (out and len(out[-1]) > fits):
        last = " ".join([out[-1], *words])
        out[-1] = last[: fits - 1].rstrip() + "…"
    return out or [""]


def _label(x: float, y: float, text: str, width: float, size: float = 12) -> str:
    """A category label right-aligned at ``x``, centred on ``y``, in one or two lines that fit ``width``."""
    lines = _fit_lines(text, width, size)
    if len(lines) == 1:
        return _text(x, y + 4, lines[0], anchor="end", size=size)
    first = y + 4 - size * 0.6
    # One <text> per line, not <tspan>s of one: the PDF's renderer (WeasyPrint) anchors a tspan at its start,
    # so the lines of the annual report's PDF ran into the bars ("Psychische Erkrankungen und Belastungen").
    lines_svg = "".join(
        _text(x, first + i * size * 1.15, line, anchor="end", size=size) for i, line in enumerate(lines)
    )
    return f'<g class="label"><title>{escape(text)}</title>{lines_svg}</g>'


NARROW_WIDTH = 328  # a phone's 360 px less the page's margins: the chart is drawn for it, not shrunk to it
LABELS_ABOVE_BELOW = 400  # narrower than this, a bar's label stands on its own line above it, not beside it


def _label_above(y: float, text: str, width: float) -> str:
    """A category label on one line above its bars, from the left edge, shortened with "…" to the width (the
    whole label is its title and in the table under the chart)."""
    line = _fit_lines(text, width - 16, 12, lines=1)[0]
    return f'<g class="label"><title>{escape(text)}</title>{_text(8, y + 12, line, size=12)}</g>'


@dataclass
class Chart:
    kind: str  # "bar" | "stacked" | "line"
    title: str
    categories: list[str]
    series: list[Series]
    desc: str = ""
    unit: str = ""
    percent: bool = False  # stacked: each category's bar is 100 %
    value_format: Callable[[float | int | None], str] | None = None
    table_headers: tuple[str, ...] = field(default_factory=tuple)
    # line: the category indexes where the series begins anew (a break in the series: the values before
    # and after are not comparable, e.g. another set of reporting offices). No line joins across one.
    breaks: tuple[int, ...] = ()
    break_label: str = ""
    uid: int = field(default_factory=lambda: next(_ids))

    # --- text alternatives ------------------------------------------------------------------------
    def fmt(self, value: float | int | None) -> str:
        return (self.value_format or _default_format(self.unit))(value)

    def description(self) -> str:
        if self.desc:
            return self.desc
        parts = []
        for i, category in enumerate(self.categories):
            values = ", ".join(
                f"{s.name} {self.fmt(s.values[i])}" if len(self.series) > 1 else self.fmt(s.values[i])
                for s in self.series
            )
            parts.append(f"{category}: {values}")
        said = "; ".join(parts) + "."
        for i in self.breaks:
            said += f" {self.break_label}: {self.categories[i - 1]} – {self.categories[i]}."
        return said

    def table(self, also_named_by: str | None = None) -> Markup:
        if self.kind == "stacked" and len(self.categories) == 1:  # one bar: a row per part reads better
            rows = "".join(
                f'<tr><th scope="row">{escape(s.name)}</th><td class="num">{escape(self.fmt(s.values[0]))}</td></tr>'
                for s in self.series
            )
            head = escape(self.table_headers[0]) if self.table_headers else ""
            value_head = escape(self.categories[0] or "Wert")
            corner = f'<th scope="col">{head}</th>' if head else "<td></td>"  # no empty header
            return self._data_table(
                also_named_by,
                f'<thead><tr>{corner}<th scope="col" class="num">{value_head}</th></tr></thead><tbody>{rows}</tbody>',
            )
        head_first = self.table_headers[0] if self.table_headers else ""
        heads = "".join(f'<th scope="col" class="num">{escape(s.name)}</th>' for s in self.series)
        body = []
        for i, category in enumerate(self.categories):
            cells = "".join(f'<td class="num">{escape(self.fmt(s.values[i]))}</td>' for s in self.series)
            body.append(f'<tr><th scope="row">{escape(category)}</th>{cells}</tr>')
        corner = f'<th scope="col">{escape(head_first)}</th>' if head_first else "<td></td>"  # no empty header
        return self._data_table(also_named_by, f"<thead><tr>{corner}{heads}</tr></thead><tbody>{''.join(body)}</tbody>")

    def _data_table(self, also_named_by: str | None, rows: str) -> Markup:
        """The rows as every table of the app is shown: the macro data_table (templates/_table.html), a region
        that scrolls on its own on a phone, named by the chart's title as the caption (and by the element
        also_named_by: the same title may name a table of its own on the page, and regions need distinct names)."""
        data_table = get_template_attribute("_table.html", "data_table")
        body = Markup(rows)  # noqa: S704 - every value is escaped by the callers
        return Markup(data_table(self.title, classes="chart-data", also_named_by=also_named_by, caller=lambda: body))  # noqa: S704 - rendered by Jinja

    def __html__(self) -> str:
        summary_id = dom_id("chart-data")
        # Drawn twice, for a screen and for a phone: the wide drawing shrunk to a phone's width had 5 px text.
        # The style sheet shows one of them (.chart-wide / .chart-narrow); a hidden one is read by no one.
        drawings = self.svg(css_class="chart-wide") + self.svg(width=NARROW_WIDTH, css_class="chart-narrow")
        return str(
            Markup(
                '<figure class="chart">{svg}<figcaption>{title}</figcaption>'
                '<details class="chart-table"><summary id="{summary_id}">{summary}</summary>{table}</details></figure>'
            ).format(
                svg=drawings,
                title=self.title,
                summary_id=summary_id,
                summary=gettext("Daten als Tabelle"),
                table=self.table(also_named_by=summary_id),
            )
        )

    # --- drawing ----------------------------------------------------------------------------------
    def svg(
        self,
        *,
        font: str = "system-ui, sans-serif",
        width: int = 640,
        text_filter: Callable[[str], str] | None = None,
        css_class: str = "",
    ) -> Markup:
        if self.kind == "line":
            body, height = self._line(width)
        elif self.kind == "stacked":
            body, height = self._stacked(width)
        else:
            body, height = self._bars(width)
        key = f"{self.uid}-{css_class}" if css_class else str(self.uid)  # two drawings of a chart: own ids
        title_id, desc_id = f"chart-{key}-title", f"chart-{key}-desc"
        attributes = f' class="{escape(css_class)}"' if css_class else ""
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg"{attributes} role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-labelledby="{title_id} {desc_id}" font-family="{escape(font)}">'
            f'<title id="{title_id}">{escape(self.title)}</title>'
            f'<desc id="{desc_id}">{escape(self.description())}</desc>'
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>{body}</svg>'
        )
        if text_filter is not None:
            svg = text_filter(svg)
        return Markup(svg)  # noqa: S704 - drawn from escaped text only

    def _legend(self, y: float, width: int, names: Sequence[str]) -> tuple[str, float]:
        if len(names) <= 1:
            return "", y
        out, x = [], 8.0
        for i, name in enumerate(names):
            needed = 18 + _approx_width(name, 12) + 16
            if x + needed > width:
                x, y = 8.0, y + 20
            out.append(
                f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            )
            out.append(_text(x + 18, y, name))
            x += needed
        return "".join(out), y + 22

    def _bars(self, width: int) -> tuple[str, int]:
        legend, top = self._legend(18, width, [s.name for s in self.series])
        top = max(top, 8)
        above = width < LABELS_ABOVE_BELOW
        label_w = (
            8.0 if above else min(max((_approx_width(c, 12) for c in self.categories), default=40) + 12, width * 0.42)
        )
        value_w = 70
        plot_w = width - label_w - value_w - 8
        maximum = max((v or 0 for s in self.series for v in s.values), default=0) or 1
        bar_h, gap = 16, 12
        out = [legend]
        y = top
        for i, category in enumerate(self.categories):
            block = len(self.series) * bar_h
            if above:
                out.append(_label_above(y, category, width))
                y += 18
            else:
                out.append(_label(label_w - 8, y + block / 2, category, label_w - 12))
            for j, s in enumerate(self.series):
                value = s.values[i] or 0
                w = max(plot_w * value / maximum, 0.0)
                out.append(
                    f'<rect x="{label_w:.1f}" y="{y + j * bar_h:.1f}" width="{w:.1f}" height="{bar_h - 2}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"/>'
                )
                out.append(_text(label_w + w + 4, y + j * bar_h + bar_h - 5, self.fmt(s.values[i]), size=11))
            y += block + gap
        if not above:  # the axis; labels above the bars would cross it
            out.append(
                f'<line x1="{label_w:.1f}" y1="{top - 4:.1f}" x2="{label_w:.1f}" y2="{y - gap + 2:.1f}" '
                f'stroke="{INK}" stroke-width="1"/>'
            )
        return "".join(out), int(y + 4)

    def _stacked(self, width: int) -> tuple[str, int]:
        legend, top = self._legend(18, width, [s.name for s in self.series])
        above = width < LABELS_ABOVE_BELOW
        label_w = min(max((_approx_width(c, 12) for c in self.categories), default=0) + 12, width * 0.3)
        if above or (len(self.categories) == 1 and not self.categories[0]):
            label_w = 8
        plot_w = width - label_w - 8
        bar_h, gap = 28, 14
        totals = [sum((s.values[i] or 0) for s in self.series) for i in range(len(self.categories))]
        maximum = 100 if self.percent else (max(totals, default=0) or 1)
        out = [legend]
        y = top
        for i, category in enumerate(self.categories):
            if category and above:
                out.append(_label_above(y, category, width))
                y += 18
            elif category:
                out.append(_label(label_w - 8, y + bar_h / 2, category, label_w - 12))
            x = label_w
            for j, s in enumerate(self.series):
                value = s.values[i] or 0
                share = (value / totals[i] * 100 if totals[i] else 0) if self.percent else value
                w = plot_w * share / maximum
                color = PALETTE[j % len(PALETTE)]
                out.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{bar_h}" fill="{color}" '
                    f'stroke="#ffffff" stroke-width="1"/>'
                )
                label = self.fmt(value)
                if w > _approx_width(label, 11) + 6:
                    out.append(
                        _text(
                            x + w / 2, y + bar_h / 2 + 4, label, anchor="middle", size=11, fill="#ffffff", weight="bold"
                        )
                    )
                x += w
            y += bar_h + gap
        return "".join(out), int(y + 2)

    def _line(self, width: int) -> tuple[str, int]:
        legend, top = self._legend(18, width, [s.name for s in self.series])
        plot_top = top + (24 if self.breaks else 8)  # a break's name stands above the plot
        height = int(plot_top + 212)
        left, right, bottom = 56.0, 16.0, height - 28.0
        values = [v for s in self.series for v in s.values if v is not None]
        maximum = max(values, default=0)
        step = _nice_step(maximum)
        y_max = step * max(math.ceil(maximum / step), 1) if step else 1
        out = [legend]
        n = len(self.categories)
        for k in range(0, round(y_max / step) + 1 if step else 2):
            tick = k * step
            y = bottom - (bottom - plot_top) * tick / y_max
            out.append(
                f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - right:.1f}" y2="{y:.1f}" stroke="{GRID}" '
                f'stroke-width="0.5"/>'
            )
            out.append(_text(left - 6, y + 4, self.fmt(tick), anchor="end", size=11))

        def px(i: int) -> float:
            return left + (width - left - right) * (i + 0.5) / max(n, 1)

        for i, category in enumerate(self.categories):
            out.append(_text(px(i), height - 8, category, anchor="middle", size=11))
        for i in self.breaks:  # a dashed rule between the two years, named in the strip above the plot
            x = (px(i - 1) + px(i)) / 2
            out.append(
                f'<line x1="{x:.1f}" y1="{plot_top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="{INK}" '
                f'stroke-width="1" stroke-dasharray="4 3"><title>{escape(self.break_label)}</title></line>'
            )
            out.append(_text(x, plot_top - 6, self.break_label, anchor="middle", size=10))
        for j, s in enumerate(self.series):
            color = PALETTE[j % len(PALETTE)]
            segment: list[tuple[float, float]] = []
            for i, v in enumerate([*s.values, None]):  # a missing value or a break ends a segment
                if segment and (v is None or i in self.breaks):
                    if len(segment) > 1:
                        path = " ".join(f"{'M' if k == 0 else 'L'}{x:.1f},{y:.1f}" for k, (x, y) in enumerate(segment))
                        out.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>')
                    segment = []
                if v is not None:
                    segment.append((px(i), bottom - (bottom - plot_top) * (v / y_max)))
            for i, v in enumerate(s.values):
                if v is None:
                    continue
                x, y = px(i), bottom - (bottom - plot_top) * (v / y_max)
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}"/>')
                if len(self.series) == 1 or n <= 12:
                    out.append(_text(x, y - 8, self.fmt(v), anchor="middle", size=10))
        out.append(
            f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{width - right:.1f}" y2="{bottom:.1f}" '
            f'stroke="{INK}" stroke-width="1"/>'
        )
        return "".join(out), height


def _nice_step(maximum: float) -> float:
    if maximum <= 0:
        return 1
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    desc: str = "",
    unit: str = "",
    value_format: Callable[[float | int | None], str] | None = None,
    first_header: str = "",
) -> Chart:
    """Horizontal bars, one group per category and one bar per series (e.g. this year and last)."""
    return Chart(
        "bar",
        title,
        list(categories),
        list(series),
        desc=desc,
        unit=unit,
        value_format=value_format,
        table_headers=(first_header,),
    )


def stacked_bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    percent: bool = False,
    desc: str = "",
    unit: str = "",
    first_header: str = "",
    value_format: Callable[[float | int | None], str] | None = None,
) -> Chart:
    """One bar per category made of the series' segments; ``percent=True`` draws every bar as 100 %."""
    return Chart(
        "stacked",
        title,
        list(categories),
        list(series),
        desc=desc,
        unit=unit,
        percent=percent,
        value_format=value_format,
        table_headers=(first_header,),
    )


def percentage_bar(
    title: str,
    parts: Sequence[tuple[str, float | int]],
    *,
    desc: str = "",
    value_format: Callable[[float | int | None], str] | None = None,
) -> Chart:
    """A single 100 % bar split into its parts (shares of channels, topic areas…)."""
    series = [Series(name, [value]) for name, value in parts]
    chart = Chart(
        "stacked", title, [""], series, desc=desc, percent=True, value_format=value_format, table_headers=("",)
    )
    return chart


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    desc: str = "",
    unit: str = "",
    value_format: Callable[[float | int | None], str] | None = None,
    first_header: str = "",
    breaks: Sequence[int] = (),
    break_label: str = "",
) -> Chart:
    """A trend: one line per series over the x labels (months, years). ``breaks``: the indexes of the labels
    where the series begins anew, named ``break_label``; no line joins across a break or a missing value."""
    return Chart(
        "line",
        title,
        list(x_labels),
        list(series),
        desc=desc,
        unit=unit,
        value_format=value_format,
        table_headers=(first_header,),
        breaks=tuple(breaks),
        break_label=break_label,
    )
