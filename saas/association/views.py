"""Association pages (analysts, ``/verband/<assoc_slug>/…``) and the office's consent page.

Analyst views read only the aggregate tables (see :mod:`saas.association.queries`); they never bind
an office. The consent page is an office page like any other: its admin only, 404 for everyone else.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _

from saas.association import access, export, queries
from saas.association.aggregation import TASK_NAME
from saas.association.forms import FAMILY_LABELS, AggregateNowForm, RegionalFinderForm, ShareForm
from saas.association.operations import create_run
from saas.association.report import LOCKED, uses_locked
from saas.association.report import legend as report_legend
from saas.association.suppression import marker
from saas.auth.models import Role
from saas.core import charts, timeutil
from saas.core.access import analyst_required, office_required
from saas.core.errors import perform_or_fail
from saas.core.formatting import format_number, format_percent
from saas.core.tasks import send
from tenants import operations as tenant_ops
from tenants.models import Association

log = logging.getLogger(__name__)


def dispatch_aggregation(association_id: int, trigger: str) -> int:
    """Ask the workers for a run now (call after the commit that made it necessary); returns the run id."""
    run = perform_or_fail(lambda: create_run(association_id, trigger))
    try:
        send(TASK_NAME, association_id=association_id, run_id=run.id, trigger=trigger)
    except Exception:  # the nightly run still covers it
        log.exception("could not queue the association aggregation run_id=%s", run.id)
    return run.id


# --- the office's consent ------------------------------------------------------------------------------


@office_required(min_role=Role.admin)
def consent(slug: str) -> ResponseReturnValue:
    entries = []
    for member, association in access.memberships_of_bound_office():
        form = ShareForm(prefix=f"a{association.id}", formdata=None, families=list(member.shared_families or []))
        finder_form = RegionalFinderForm(
            prefix=f"r{association.id}", formdata=None, regional_finder=bool(member.regional_finder)
        )
        entries.append((member, association, form, finder_form))
    return render_template("association/consent.html", entries=entries, family_labels=FAMILY_LABELS)


@office_required(min_role=Role.admin)
def consent_save(slug: str, association_id: int) -> ResponseReturnValue:
    member = access.membership_for_update(association_id)
    form = ShareForm(prefix=f"a{association_id}")
    if not form.validate_on_submit():
        flash(_("Die Auswahl konnte nicht gespeichert werden. Bitte versuchen Sie es erneut."), "error")
        return redirect(url_for("association.consent"))
    before = set(member.shared_families or [])
    perform_or_fail(lambda: tenant_ops.set_shared_families(member, form.families.data or []))
    if set(member.shared_families) != before:
        # Takes effect for the association with the next run, which we ask for right away.
        dispatch_aggregation(association_id, "consent")
    flash(_("Ihre Freigabe für %(name)s ist gespeichert.", name=member.association.name), "success")
    return redirect(url_for("association.consent"))


@office_required(min_role=Role.admin)
def finder_save(slug: str, association_id: int) -> ResponseReturnValue:
    """Take part in the association's regional finder (public groups only) — or stop."""
    member = access.membership_for_update(association_id)
    form = RegionalFinderForm(prefix=f"r{association_id}")
    if not form.validate_on_submit():
        flash(_("Die Auswahl konnte nicht gespeichert werden. Bitte versuchen Sie es erneut."), "error")
        return redirect(url_for("association.consent"))

    def take_part() -> None:
        member.regional_finder = bool(form.regional_finder.data)

    perform_or_fail(take_part)
    if member.regional_finder:
        flash(
            _(
                "Ihre öffentlichen Gruppen erscheinen im regionalen Wegweiser von %(name)s.",
                name=member.association.name,
            ),
            "success",
        )
    else:
        flash(
            _("Ihre Gruppen erscheinen nicht mehr im regionalen Wegweiser von %(name)s.", name=member.association.name),
            "success",
        )
    return redirect(url_for("association.consent"))


# --- analysts --------------------------------------------------------------------------------------------


def _legend(threshold: int, locked: bool = False) -> list[tuple[str, str]]:
    """What each sign means, for the page (the exports carry the German text of :func:`report.legend`);
    ``locked``: the table shown uses ``"x"`` (:func:`report.uses_locked`)."""
    signs = [
        (
            marker(threshold),
            _("kleine Zahl (1 bis %(top)s), zum Schutz der Ratsuchenden nicht veröffentlicht", top=threshold - 1),
        ),
        (".", _("geheim gehalten, damit sich keine kleine Zahl errechnen lässt; der Wert kann beliebig groß sein")),
    ]
    if locked:
        signs.append(
            (
                LOCKED,
                _(
                    "nicht getrennt erfasst: Angehörige bei den Bürger*innen mitgezählt (in der Verbandssumme: bei "
                    "mindestens einer Kontaktstelle), eine Zahl wäre keine sinnvolle Aussage"
                ),
            )
        )
    return [*signs, ("0", _("null: nichts gezählt"))]


def _year_arg(years: list[int], period: str = "jahr") -> int | None:
    """``jahr``: one of the years with data; by default the last complete one, or for the year to date
    (``bisher``) the year whose year to date is current: the running year (its last complete quarter),
    in January to March last year (:func:`queries.period_month` is then 12)."""
    raw = request.args.get("jahr", "")
    if raw:
        if not raw.isdigit() or int(raw) not in years:
            abort(404)
        return int(raw)
    if not years:
        return None
    today = timeutil.today()
    if period == "bisher":
        running = today.year if queries.period_month(today) < 12 else today.year - 1
        if running in years:
            return running
    complete = [y for y in years if y < today.year]
    return max(complete) if complete else max(years)


def _fmt(mark: str, digits: int = 0) -> Callable[[float | None], str]:
    def fmt(value: float | None) -> str:
        if value is None:
            return "–"  # hidden, not shared or not computable: the table behind the chart says which
        return format_number(value, digits)

    return fmt


def _period_label(payload: dict | None, until: dt.date) -> str:
    """ "1. Januar bis 30. September": the end of the period in ``payload``, else of the last complete
    quarter (:func:`queries.period_month`; in January to March the whole of last year)."""
    if payload and payload.get("period"):
        end = dt.date.fromisoformat(payload["period"]["to"])
    else:
        from saas.association.publish import last_released_end

        end = last_released_end(until)
    return _("1. Januar bis %(day)s", day=format_date(end, "d. MMMM"))


def _release_note(payload: dict, until: dt.date) -> dict[str, str | bool | None]:
    """When the shown table was released (it is frozen since) and which table comes next, and when: an
    analyst sees why contacts entered late are not in it yet."""
    from saas.association.publish import next_release, period_end, release_day, release_days
    from saas.association.report import YEAR

    released = payload.get("released")
    shown_year = int(payload.get("year") or until.year)
    year, table, day = next_release(until)
    end = period_end(year, table)
    if end.month == 12:
        label = _("das ganze Jahr %(year)s", year=year)
    else:
        label = _("1. Januar bis %(day)s", day=format_date(end, "d. MMMM yyyy"))
    return {
        # the year's own table is out: nothing entered later for that year is published any more
        "final": "period" not in payload or release_day(shown_year, YEAR) <= until,
        # a period is over but still settling: its table comes on its release day, the one shown is older
        "settling": label if end < until else None,
        "release_days": release_days(),
        "released_on": format_date(dt.date.fromisoformat(released), "d. MMMM yyyy") if released else None,
        "next_table": label,
        "next_on": format_date(day, "d. MMMM yyyy"),
    }


def _period_arg(figure: queries.Figure | None = None) -> str:
    """``zeitraum``: the whole year, or 1 January to the end of the last complete month (contacts only:
    other figures are year-end states and yearly sums, shown for the whole year)."""
    period = request.args.get("zeitraum", "jahr")
    if period not in queries.PERIODS:
        abort(404)
    if figure is not None and figure.family != "contacts":
        return "jahr"
    return period


def _total_shown(report: dict, figure: queries.Figure, basis: str) -> Any:
    """The association total of a figure in one report, in the chosen basis (a number or a sign)."""
    _rows, total = queries.comparison(report, None, figure, basis, "name", False)
    return total.normalised if basis != "absolut" else total.value


@dataclass
class Trend:
    """The trend chart, the years it shows and what the analyst must know to read it."""

    chart: charts.Chart
    years: list[int]
    left_out: list[int]  # part-years not drawn beside whole years
    circles: list[tuple[int, str]]  # (year, which offices have figures) where fewer than in the last year

    @property
    def drawn(self) -> bool:
        """Whether a line can be drawn: two years or more with a published total. A total hidden in every
        year ("." or "x") would draw an empty chart."""
        return sum(v is not None for s in self.chart.series for v in s.values) > 1


def _circle(payload: dict, family: str) -> tuple[set[str], list[str], int]:
    """The slugs and names of the offices with figures of ``family`` in a report, and how many share it."""
    sharing, with_figures = queries.reporting(payload, family)
    return {o["tenant"] for o in with_figures}, [o["name"] for o in with_figures], len(sharing)


def _trend(
    reports: dict[int, dict], figure: queries.Figure, basis: str, label: str, mark: str, title_suffix: str
) -> Trend:
    """The association total over the years with data. For whole years (no ``title_suffix``) only years
    that are over: a part-year drawn beside whole years looks like a drop (statistical offices publish
    it as its own period, compared with the same months of the year before, which the year-to-date
    view does)."""
    with_data = sorted(y for y in reports if queries.has_data(reports[y]))
    left_out = [y for y in with_data if not title_suffix and queries.is_part_year(reports[y])]
    years = [y for y in with_data if y not in left_out]
    digits = 0 if basis == "absolut" else 1
    values = [_total_shown(reports[y], figure, basis) for y in years]
    title = _("%(figure)s: Verband insgesamt", figure=label) + title_suffix
    reporting = [_circle(reports[y], figure.family) for y in years]
    # Where another set of offices reports, the total is a new series: no line joins the two years, or a
    # year of one office beside a year of two would read as growth (statistics: a break in the series).
    breaks = [k for k in range(1, len(years)) if reporting[k][0] != reporting[k - 1][0]]
    chart = charts.line_chart(
        title,
        [str(y) for y in years],
        [
            charts.Series(
                _("Verband insgesamt"),
                [v if isinstance(v, int | float) and not isinstance(v, bool) else None for v in values],
            )
        ],
        value_format=_fmt(mark, digits),
        first_header=_("Jahr"),
        breaks=breaks,
        break_label=_("Berichtskreis geändert"),
    )
    circles: list[tuple[int, str]] = []
    if years:
        last = reporting[-1][0]
        for y, (slugs, names, sharing) in zip(years[:-1], reporting[:-1], strict=True):
            if slugs != last:
                circles.append(
                    (
                        y,
                        _(
                            "%(n)s von %(of)s Kontaktstellen: %(names)s",
                            n=len(names),
                            of=sharing,
                            names=", ".join(names),
                        ),
                    )
                )
    return Trend(chart, years, left_out, circles)


def _charts(
    payload: dict,
    reports: dict[int, dict],
    rows: list[queries.Row],
    figure: queries.Figure,
    basis: str,
    until: dt.date,
    absent: set[str],
    year_to_date: bool,
) -> tuple[Any, Trend, Any]:
    mark = marker(payload["threshold"])
    # "x" is no value at all (relatives counted among the citizens): no bar, not a bar of 0
    shared = [r for r in rows if r.value is not None and r.value != LOCKED and r.slug not in absent]
    values = [(r.normalised if basis != "absolut" else r.value) for r in shared]
    digits = 0 if basis == "absolut" else 1
    label = _(figure.label) + ("" if basis == "absolut" else f" ({_(queries.BASES[basis])})")
    period = payload.get("period")
    when = f"{payload['year']}, {_period_label(payload, until)}" if period else payload["year"]
    bars = charts.bar_chart(
        f"{label} {when}",
        [r.name for r in shared],
        [charts.Series(str(payload["year"]), [v if isinstance(v, int | float) else None for v in values])],
        value_format=_fmt(mark, digits),
        first_header=_("Kontaktstelle"),
    )
    trend = _trend(reports, figure, basis, label, mark, f", {_period_label(payload, until)}" if year_to_date else "")
    areas = (payload["total"].get("contacts") or {}).get("citizen_topic_area") or {}
    shares = None
    if areas and all(isinstance(v, int) for v in areas.values()) and sum(areas.values()):
        from saas.directory.models import TOPIC_AREAS

        shares = charts.percentage_bar(
            _("Anfragen von Bürger*innen und Angehörigen nach Themenbereich %(year)s", year=payload["year"]),
            [(_(TOPIC_AREAS[a]), n) for a, n in areas.items()],
            value_format=lambda v: format_number(v),
        )
    return bars, trend, shares


@analyst_required
def dashboard(assoc_slug: str) -> ResponseReturnValue:
    association = g.association
    years = queries.years_with_data(association)
    figure = queries.FIGURE_BY_KEY.get(request.args.get("kennzahl", "contacts.total")) or abort(404)
    asked_period = _period_arg()
    period = _period_arg(figure)
    year = _year_arg(years, period)
    until = timeutil.today()
    basis = request.args.get("bezug", "absolut")
    sort = request.args.get("sortierung", "wert")
    direction = request.args.get("richtung", "ab")
    if basis not in queries.BASES or sort not in ("wert", "name") or direction not in ("auf", "ab"):
        abort(404)
    threshold = association.suppression_threshold or 5
    # A year not over yet is only ever its year to date, next to the same months of the year before:
    # never a part-year beside a whole one (that would read as a drop).
    part_year = year is not None and year >= until.year
    if part_year and figure.family == "contacts":
        period = "bisher"
    context = {
        "association": association,
        "years": years,
        "year": year,
        "current_year": until.year,
        "part_year": part_year,
        "figure": figure,
        "figures": queries.FIGURES,
        "basis": basis,
        "bases": queries.BASES,
        "sort": sort,
        "direction": direction,
        "stand": queries.freshness(association.id),
        "pending": queries.pending_run(association.id),
        "now_form": AggregateNowForm(),
        "threshold": threshold,
        "legend": _legend(threshold),
        "period": period,
        "period_fallback": asked_period != period and not part_year,
        "period_label": _period_label(None, until),
        "part_year_label": _period_label(None, until),
    }
    if year is None:
        return render_template("association/dashboard.html", payload=None, **context)
    if period == "bisher":
        # 1 January to the end of the last complete month, next to the same months a year before.
        payload = queries.period_report(association, year, until)
        reports = {y: p for y in years if (p := queries.period_report(association, y, until)) is not None}
        previous = reports.get(year - 1)
        context["period_label"] = _period_label(payload, until)
    else:
        reports = {y: p for y, p in queries.all_reports(association).items() if y in years}
        payload = reports.get(year) or queries.get_report(association, year)
        previous = reports.get(year - 1)
    if payload is None:
        abort(404)
    context.update(_release_note(payload, until))
    # the signs of the table shown: each year keeps the threshold it was released with
    context.update(threshold=payload["threshold"], legend=_legend(payload["threshold"], uses_locked(payload)))
    context["withdrawn_text"] = ", ".join(
        _("%(family)s: %(n)s", family=_(FAMILY_LABELS[f].split(" (")[0]), n=n)
        for f, n in sorted((payload.get("withdrawn") or {}).items())
    )
    rows, total = queries.comparison(payload, previous, figure, basis, sort, direction == "ab")
    # Which offices have figures this year (the "Berichtskreis"): an office that kept none in Lotse that
    # year is named, its row says so, and the total's change is not computed across a changed circle.
    circle, _names, _sharing = _circle(payload, figure.family)
    absent = {o["tenant"]: o["name"] for o in queries.reporting(payload, figure.family)[0]} if circle else {}
    absent = {slug: name for slug, name in absent.items() if slug not in circle}
    circle_changed = previous is not None and circle != _circle(previous, figure.family)[0]
    if circle_changed:
        total.change = None
    bars, trend, shares = _charts(payload, reports, rows, figure, basis, until, set(absent), period == "bisher")
    return render_template(
        "association/dashboard.html",
        payload=payload,
        rows=rows,
        total=total,
        absent=absent,
        not_recorded={o["tenant"] for o in payload.get("offices", []) if figure.family in o.get("not_recorded", [])},
        relatives_with_citizens=_relatives_with_citizens(payload, figure),
        circle_changed=circle_changed,
        bars=bars,
        trend=trend.chart,
        trend_years=trend.years,
        trend_drawn=trend.drawn,
        trend_left_out=trend.left_out,
        trend_circles=trend.circles,
        shares=shares,
        mark=marker(payload["threshold"]),
        fmt_pct=format_percent,
        **context,
    )


def _relatives_with_citizens(payload: dict, figure: queries.Figure) -> list[str]:
    """The offices that count relatives among the citizens, named beside the figures of citizens and
    relatives: their citizens include relatives, their relatives are "x"."""
    if figure.key not in ("contacts.by_kind.citizen", "contacts.by_kind.relative"):
        return []
    return [o["name"] for o in payload.get("offices", []) if o.get("relatives_apart") is False and "contacts" in o]


def _payload_for_export(association: Association) -> dict:
    years = queries.years_with_data(association)
    year = _year_arg(years, _period_arg())
    if year is None:
        abort(404)
    if _period_arg() == "bisher":
        payload = queries.period_report(association, year, timeutil.today())
    else:
        payload = queries.get_report(association, year)
    if payload is None:
        abort(404)
    return payload


def _export_name(association: Association, payload: dict, extension: str) -> str:
    period = payload.get("period")
    until = f"-bis-{period['to'][5:]}" if period else ""
    return f"{association.slug}-{payload['year']}{until}.{extension}"


@analyst_required
def export_csv(assoc_slug: str) -> ResponseReturnValue:
    payload = _payload_for_export(g.association)
    name = _export_name(g.association, payload, "csv")
    return Response(
        export.to_csv(payload),
        mimetype="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@analyst_required
def export_xlsx(assoc_slug: str) -> ResponseReturnValue:
    payload = _payload_for_export(g.association)
    name = _export_name(g.association, payload, "xlsx")
    return Response(
        export.to_xlsx(payload, queries.freshness(g.association.id)),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@analyst_required
def report_json(assoc_slug: str) -> ResponseReturnValue:
    payload = dict(_payload_for_export(g.association))
    payload["legend"] = dict(report_legend(payload["threshold"], uses_locked(payload)))  # what each sign means
    return Response(json.dumps(payload, ensure_ascii=False), mimetype="application/json")


@analyst_required
def aggregate_now(assoc_slug: str) -> ResponseReturnValue:
    form = AggregateNowForm()
    if not form.validate_on_submit():
        abort(400)
    association = g.association
    if queries.pending_run(association.id) is not None:
        flash(_("Eine Aktualisierung läuft bereits."), "info")
    else:
        dispatch_aggregation(association.id, "on-demand")
        flash(
            _("Die Aktualisierung ist angestoßen. Die Zahlen sind in wenigen Minuten auf dem neuesten Stand."),
            "success",
        )
    choice: dict[str, Any] = request.args.to_dict()  # the dashboard's year and period, as they were
    return redirect(url_for("association.dashboard", assoc_slug=association.slug, **choice))
