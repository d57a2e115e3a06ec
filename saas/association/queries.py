"""Reads for the association pages, exports and CLI — from the aggregate tables only.

An analyst's request never binds an office and never reads an office's rows: the stored, suppressed
reports (:class:`AssociationReport`), the members' view (:class:`AssociationOffice`) and the run log.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from saas.association.models import AggregationRun, AssociationReport, RunStatus
from saas.association.report import has_contacts
from saas.association.suppression import marker
from saas.contacts.queries import change_pct, share_pct
from saas.core import timeutil
from saas.extensions import db
from tenants.models import Association

__all__ = ["FIGURES", "change_pct", "share_pct"]


@dataclass(frozen=True)
class Figure:
    key: str  # "contacts.by_kind.citizen"
    label: str  # German msgid
    family: str

    @property
    def path(self) -> list[str]:
        return self.key.split(".")


def _figures() -> list[Figure]:
    from saas.contacts.models import CHANNELS, CONCERNS, KINDS
    from saas.directory.models import TOPIC_AREAS

    out = [Figure("contacts.total", "Kontakte insgesamt", "contacts")]
    out += [Figure(f"contacts.by_kind.{k}", f"Kontakte: {label}", "contacts") for k, label in KINDS.items()]
    out += [Figure(f"contacts.by_channel.{k}", f"Weg: {label}", "contacts") for k, label in CHANNELS.items()]
    out += [
        Figure(f"contacts.by_topic_area.{k}", f"Themenbereich: {label}", "contacts") for k, label in TOPIC_AREAS.items()
    ]
    out += [Figure(f"contacts.by_concern.{k}", f"Anliegen: {label}", "contacts") for k, label in CONCERNS.items()]
    out += [
        Figure("contacts.referrals.to_groups", "Vermittlungen in Gruppen", "contacts"),
        Figure("contacts.referrals.to_professionals", "Verweise an Fachstellen", "contacts"),
        Figure("groups.active_at_year_end", "Aktive Gruppen am Jahresende", "groups"),
        Figure("groups.founded", "Gruppengründungen", "groups"),
        Figure("groups.founding_at_year_end", "Gruppen im Aufbau am Jahresende", "groups"),
        Figure("groups.founding_abandoned", "Abgebrochene Gründungen", "groups"),
        Figure("groups.dissolved", "Aufgelöste Gruppen", "groups"),
        Figure("groups.topics", "Themen der Gruppen", "groups"),
        Figure("events.held", "Veranstaltungen durchgeführt", "events"),
        Figure("events.cancelled", "Veranstaltungen abgesagt", "events"),
        Figure("events.registrations", "Anmeldungen zu Veranstaltungen", "events"),
        Figure("newsletter.subscribers_at_year_end", "Newsletter-Abonnements am Jahresende", "newsletter"),
        Figure("newsletter.issues_sent", "Newsletter-Ausgaben", "newsletter"),
    ]
    # the NAKOS sheet's further figures (e-mail apart, founding, group support, meeting modes), labelled as
    # in the funders' exports; written contacts by medium follow the channels
    from saas.contacts.models import MEDIA
    from saas.funders import figures as F

    media = {**MEDIA, "unknown": "ohne Angabe"}
    after = max(i for i, f in enumerate(out) if f.key.startswith("contacts.by_channel.")) + 1
    out[after:after] = [
        Figure(f"contacts.written_by_medium.{k}", f"Schriftlich: {label}", "contacts") for k, label in media.items()
    ]
    not_counts = {"support.hours", "profile.staff_fte"}  # no cells: hours are derived, staff is master data
    out += [Figure(f.path, f.label, f.path.split(".", 1)[0]) for f in (*F.FOUNDING, *F.SUPPORT, *F.PROFILE)]
    out = [f for f in out if f.key not in not_counts]
    return out


FIGURES: list[Figure] = _figures()
FIGURE_BY_KEY = {f.key: f for f in FIGURES}
BASES = {"absolut": "Absolut", "einwohner": "je 100.000 Einwohner*innen", "stelle": "je Vollzeitstelle"}
PERIODS = ("jahr", "bisher")  # the whole year, or 1 January to the end of the last complete quarter (contacts only)


def figure_value(section: dict | None, figure: Figure) -> Any:
    """The figure in an office entry or total (a number or the marker); None when not shared."""
    node: Any = section
    for part in figure.path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# --- stored reports ------------------------------------------------------------------------------------


def report_years(association_id: int) -> list[int]:
    return sorted(
        db.session.scalars(select(AssociationReport.year).where(AssociationReport.association_id == association_id)),
        reverse=True,
    )


def _row(association: Association, year: int) -> AssociationReport | None:
    return db.session.scalar(
        select(AssociationReport).where(
            AssociationReport.association_id == association.id, AssociationReport.year == year
        )
    )


def get_report(association: Association, year: int) -> dict | None:
    """The year's report (for a year whose table is not released yet: its latest released year to date),
    as released: with the threshold of its release (a changed threshold applies from the next year)."""
    row = _row(association, year)
    if row is not None:
        return row.payload
    from saas.association.publish import build_report, members_of

    members = members_of(association.id)
    if not members:
        return None
    return build_report(association, year, association.suppression_threshold or 5, members)


def period_month(until: dt.date) -> int:
    """The month a year-to-date period ends with: the end of the last period whose table is released by
    ``until`` (the release calendar, :func:`publish.last_released_end`; 12: the whole of last year)."""
    from saas.association.publish import last_released_end

    return last_released_end(until).month


def period_report(association: Association, year: int, until: dt.date) -> dict | None:
    """Contacts from 1 January to the end of the last released quarter before ``until``, in ``year``, next
    to the same months of the year before: one of the year-to-date tables released with the year, frozen
    and suppressed together with the others (so that no two of them difference into a small count)."""
    month = period_month(until)
    row = _row(association, year)
    if row is None:
        from saas.association.publish import build_payloads, members_of

        built = build_payloads(association, year, members_of(association.id))
        if built is None:
            return None
        payload, periods = built
    else:
        payload, periods = row.payload, row.periods or {}
    if year == until.year or month == 12:  # this year's report is its year to date; in January: last year
        payload = copy.deepcopy(payload)
        payload.setdefault("period", {"from": f"{year}-01-01", "to": f"{year}-12-31"})
        return payload
    found = periods.get("ytd", {}).get(str(month))
    return copy.deepcopy(found) if found is not None else None


def has_data(payload: dict) -> bool:
    """A report with data: contacts when offices share them, else any figure other than 0."""
    total = payload.get("total") or {}
    contacts = total.get("contacts")
    if contacts is not None:
        return has_contacts(contacts.get("total"))
    return _any_figure(total, leave_out="offices")  # the total's count of offices is no figure


def is_part_year(payload: dict) -> bool:
    """A report of a year not over yet: 1 January to the end of a month before December."""
    period = payload.get("period") or {}
    return bool(period) and not str(period.get("to", "")).endswith("-12-31")


def _any_figure(node: Any, leave_out: str = "") -> bool:
    """Anything other than 0 in a family's section (a sign counts: something was hidden), leaving out the
    entries named ``leave_out``."""
    if isinstance(node, dict):
        return any(_any_figure(v, leave_out) for k, v in node.items() if k != leave_out)
    if isinstance(node, bool) or node is None:
        return False
    return node != 0


def reporting(payload: dict, family: str) -> tuple[list[dict], list[dict]]:
    """The offices that share ``family`` in this report, and those of them with figures for it: an office
    whose contacts total is 0 (or whose whole family is 0) has recorded nothing that year, typically
    because it has kept its figures in Lotse only since later. Its 0 is true, but the association's
    sum then covers fewer offices than in other years (the "Berichtskreis" changed)."""
    sharing = [o for o in payload.get("offices", []) if family in o]
    if family == "contacts":
        with_figures = [o for o in sharing if has_contacts((o["contacts"] or {}).get("total"))]
    else:
        with_figures = [o for o in sharing if _any_figure(o[family])]
    return sharing, with_figures


def years_with_data(association: Association) -> list[int]:
    """The years the analyst can choose: those whose report has data, newest first."""
    return sorted((y for y, p in all_reports(association).items() if p is not None and has_data(p)), reverse=True)


def all_reports(association: Association) -> dict[int, dict]:
    rows = db.session.scalars(select(AssociationReport).where(AssociationReport.association_id == association.id))
    return {row.year: row.payload for row in rows if row.payload is not None}


def freshness(association_id: int) -> dt.datetime | None:
    """When the figures were last brought up to date ("Stand")."""
    return db.session.scalar(
        select(AggregationRun.finished_at)
        .where(
            AggregationRun.status == RunStatus.done.value,
            or_(AggregationRun.association_id == association_id, AggregationRun.association_id.is_(None)),
        )
        .order_by(AggregationRun.finished_at.desc())
        .limit(1)
    )


def pending_run(association_id: int) -> AggregationRun | None:
    """A run asked for in the last hour that has not finished."""
    since = timeutil.now() - dt.timedelta(hours=1)
    return db.session.scalar(
        select(AggregationRun)
        .where(
            AggregationRun.status.in_([RunStatus.queued.value, RunStatus.running.value]),
            AggregationRun.requested_at >= since,
            or_(AggregationRun.association_id == association_id, AggregationRun.association_id.is_(None)),
        )
        .order_by(AggregationRun.id.desc())
        .limit(1)
    )


# --- the comparison table --------------------------------------------------------------------------------


@dataclass
class Row:
    slug: str
    name: str
    value: Any  # int | marker | None (not shared)
    normalised: Any  # float | marker | None
    change: Any  # float | marker | None


def _normalise(value: Any, basis: str, population: Any, staff_fte: Any, mark: str) -> Any:
    if basis == "absolut" or value is None:
        return value
    if isinstance(value, str):
        return value  # a rate of a hidden or locked count carries its sign ("<5", "." or "x")
    if not isinstance(value, int):
        return mark
    if basis == "einwohner":
        return round(value * 100_000 / population, 1) if population else None
    return round(value / float(staff_fte), 1) if staff_fte else None


def _change(current: Any, previous: Any, mark: str) -> Any:
    if current is None or previous is None:
        return None
    if isinstance(current, int) and isinstance(previous, int):
        return change_pct(current, previous)
    # the sign of the count it is derived from: "x" too when only last year's is locked (counted otherwise)
    for value in (current, previous):
        if isinstance(value, str):
            return value
    return mark


def comparison(
    payload: dict, previous: dict | None, figure: Figure, basis: str, sort: str, descending: bool
) -> tuple[list[Row], Row]:
    """Offices side by side for one figure, and the association total. Hidden cells sort last, together."""
    mark = marker(payload["threshold"])
    prev_by_slug = {o["tenant"]: o for o in (previous or {}).get("offices", [])}
    rows = []
    population_sum, fte_sum, complete = 0, 0.0, True
    for office in payload["offices"]:
        value = figure_value(office, figure)
        if value is not None:
            population_sum += office.get("population") or 0
            fte_sum += float(office.get("staff_fte") or 0)
            complete = complete and bool(office.get("population")) and bool(office.get("staff_fte"))
        prev_value = figure_value(prev_by_slug.get(office["tenant"]), figure) if previous else None
        rows.append(
            Row(
                office["tenant"],
                office["name"],
                value,
                _normalise(value, basis, office.get("population"), office.get("staff_fte"), mark),
                _change(value, prev_value, mark),
            )
        )
    total_value = figure_value(payload["total"], figure)
    prev_total = figure_value(previous["total"], figure) if previous else None
    total = Row(
        "",
        "Verband insgesamt",
        total_value,
        _normalise(total_value, basis, population_sum if complete else None, fte_sum if complete else None, mark),
        _change(total_value, prev_total, mark),
    )

    def key(row: Row) -> tuple:
        if sort == "name":
            return (0, row.name.casefold())
        shown = row.normalised if basis != "absolut" else row.value
        if isinstance(shown, int | float) and not isinstance(shown, bool):
            return (0, -shown if descending else shown, row.name.casefold())
        # hidden or locked, then not shared: always last
        return (1 if isinstance(shown, str) else 2, 0, row.name.casefold())

    rows.sort(key=key)
    if sort == "name" and descending:
        rows.reverse()
    return rows, total
