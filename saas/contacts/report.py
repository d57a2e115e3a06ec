"""The annual report (Jahresbericht): the JSON of CONTRACTS.md *Annual report JSON*, and its HTML,
CSV and PDF forms. Everything here runs with the office bound.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from flask import render_template
from sqlalchemy import select

from saas.contacts.models import (
    CHANNELS,
    CITIZEN_KINDS,
    CONCERNS,
    KINDS,
    MEDIA,
    TOPIC_AREAS,
    ReportChapter,
    counted_kinds,
    fold_kinds,
    relatives_apart,
)
from saas.contacts.queries import Figures, _half_up, change_pct, figures, group_lifecycle, share_pct, yearly_totals
from saas.core.charts import Chart, Series, bar_chart, line_chart, percentage_bar
from saas.core.csvio import write_csv
from saas.core.formatting import format_date, format_percent
from saas.core.reports import annual_section, section_keys
from saas.core.timeutil import today as local_today
from saas.directory.models import LIVE_STATUSES, Group, Topic, group_topics
from saas.extensions import db
from tenants.models import OfficeLogo, Site, Tenant

SECTIONS = ("groups", "newsletter", "events", "rooms")
TREND_YEARS = 5


def year_figures(year: int) -> Figures:
    return figures(dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class ReportPeriod:
    """What a year's report counts and what it compares with. A year still running is counted up to today
    and compared with the same days of the year before: on 4 December, 2,209 contacts against the whole
    of the year before (2,322) read as "−4.9 %" in a report staff copy into funding applications."""

    year: int
    end: dt.date
    previous_end: dt.date

    @property
    def running(self) -> bool:
        return self.end < dt.date(self.year, 12, 31)


def report_period(year: int, today: dt.date | None = None) -> ReportPeriod:
    today = today or local_today()
    end = min(max(today, dt.date(year, 1, 1)), dt.date(year, 12, 31)) if today.year == year else dt.date(year, 12, 31)
    try:
        previous_end = end.replace(year=year - 1)
    except ValueError:  # 29 February
        previous_end = dt.date(year - 1, 2, 28)
    return ReportPeriod(year, end, previous_end)


def contacts_section(
    current: Figures,
    previous: Figures,
    period: ReportPeriod | None = None,
    previous_year_total: int | None = None,
    relatives_apart: bool = True,
) -> dict[str, Any]:
    """The contacts of the report. ``period`` running: ``previous`` holds the same days of the year before,
    the changes compare those, and ``previous_year_total`` stays the whole year before (its name).
    ``relatives_apart``: the office's way of counting (:func:`saas.contacts.models.relatives_apart`); the
    figures by kind stay as recorded, and what the report shows folds them (:func:`kinds_shown`)."""
    total = current.total
    by_kind = current.by_kind
    by_channel = current.by_channel
    citizen_areas = current.citizen_area
    citizen_base = sum(by_kind[k] for k in CITIZEN_KINDS)
    previous_kind = previous.by_kind
    change = {"total": change_pct(total, previous.total)}
    change.update({kind: change_pct(by_kind[kind], previous_kind[kind]) for kind in KINDS})
    return {
        "total": total,
        "by_kind": by_kind,
        "by_channel": by_channel,
        "by_channel_pct": {code: share_pct(n, total) for code, n in by_channel.items()},
        "citizen_topic_area_pct": {area: share_pct(n, citizen_base) for area, n in citizen_areas.items()},
        "by_concern": current.by_concern,
        "referrals": current.referrals,
        "previous_year_total": previous.total if previous_year_total is None else previous_year_total,
        "change_pct": change,
        # added keys (CONTRACTS.md: keys may be added)
        "by_topic_area": current.by_area(),
        "citizen_topic_area": citizen_areas,
        "previous_year_by_kind": previous_kind,
        "relatives_apart": relatives_apart,
        "by_kind_counted": fold_kinds(by_kind, relatives_apart),  # as the office counts (models.counted_kinds)
        "written_by_medium": current.written_by_medium,
        "minutes_by_concern": current.minutes_by_concern,
        "with_duration": current.with_duration,
        "hours_by_concern": {code: hours(m) for code, m in current.minutes_by_concern.items()},
        # a year still running: counted up to ``as_of``, compared with the same days of the year before
        "as_of": period.end.isoformat() if period is not None and period.running else None,
        "compared_period": {
            "start": dt.date(period.year - 1, 1, 1).isoformat() if period is not None else None,
            "end": period.previous_end.isoformat() if period is not None else None,
            "total": previous.total,
        },
    }


def hours(minutes: int) -> float:
    """Minutes as hours with one decimal, half-up (the report's "Stunden")."""
    return float(_half_up(minutes, 60, 1))


def _contacts_of(period: ReportPeriod, apart: bool) -> dict[str, Any]:
    year = period.year
    if not period.running:
        return contacts_section(year_figures(year), year_figures(year - 1), period, relatives_apart=apart)
    previous = figures(dt.date(year - 1, 1, 1), period.previous_end)
    whole = year_figures(year - 1).total
    return contacts_section(figures(dt.date(year, 1, 1), period.end), previous, period, whole, apart)


def kinds_shown(contacts: dict[str, Any]) -> list[tuple[str, str, int, int, float | None]]:
    """The report's contacts by kind as the office counts them: (code, label, this year, the year before
    or its same days, change in %). An office that counts relatives among the citizens gets no row of
    relatives, and its citizens' row holds them (:func:`saas.contacts.models.fold_kinds`)."""
    apart = contacts.get("relatives_apart", True)
    now = fold_kinds(contacts["by_kind"], apart)
    before = fold_kinds(contacts["previous_year_by_kind"], apart)
    return [(k, label, now[k], before[k], change_pct(now[k], before[k])) for k, label in counted_kinds(apart).items()]


def annual_report(tenant: Tenant, year: int) -> dict[str, Any]:
    """The annual report as CONTRACTS.md *Annual report JSON* (plus added keys)."""
    report: dict[str, Any] = {
        "tenant": tenant.slug,
        "year": year,
        "contacts": _contacts_of(report_period(year), relatives_apart(tenant.settings)),
        # added key: the office's sites (Kreis Unna publishes "drei Standorte")
        "sites": list(db.session.scalars(select(Site.name).order_by(Site.position, Site.id))),
    }
    for key in dict.fromkeys([*SECTIONS, *section_keys()]):
        report[key] = annual_section(key, tenant.id, year)
    areas = report["groups"].get("active_by_topic_area")
    if isinstance(areas, dict):  # added key: shares of the active groups by topic area (seed 001: 34 % Sucht …)
        base = sum(areas.values())
        report["groups"]["active_by_topic_area_pct"] = {a: share_pct(n, base) for a, n in areas.items()}
    return report


# --- CSV -------------------------------------------------------------------------------------------


def _flatten(prefix: str, value: Any, out: list[tuple[str, str, str]], section: str) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, out, section)
        return
    out.append((section, prefix, "" if value is None else str(value)))


def report_csv(report: dict[str, Any]) -> str:
    """One figure per row: ``section,figure,value`` (nested keys dotted; null as an empty cell)."""
    rows: list[tuple[str, str, str]] = [("report", "tenant", report["tenant"]), ("report", "year", str(report["year"]))]
    for section, value in report.items():
        if isinstance(value, dict):
            _flatten("", value, rows, section)
    return write_csv(["section", "figure", "value"], rows)


# --- what the HTML page and the PDF show ------------------------------------------------------------


@dataclass
class ReportView:
    tenant: Tenant
    year: int
    data: dict[str, Any]
    chapters_intro: list[ReportChapter]
    chapters_closing: list[ReportChapter]
    topics_az: list[tuple[str, list[str]]]
    sites: list[Site]
    lifecycle: dict[str, int]
    charts: dict[str, Chart]
    trend: dict[int, int]
    logo: bytes | None = None  # the office's logo (PNG), for the cover

    @property
    def contacts(self) -> dict[str, Any]:
        return self.data["contacts"]

    @property
    def as_of(self) -> dt.date | None:
        """The day a year still running is counted up to (None: the whole year)."""
        return report_as_of(self.data)

    def change_text(self, key: str) -> str:
        return format_change(self.contacts["change_pct"].get(key))

    def kind_rows(self) -> list[tuple[str, int, int, float | None]]:
        """Contacts by kind as the report shows them (:func:`kinds_shown`): label, this year, the year
        before, change in % (None: no figure to compare with)."""
        return [row[1:] for row in kinds_shown(self.contacts)]


def format_change(value: float | None) -> str:
    """A change in % as the report writes it ("+1,5 %"; "–" without a figure to compare with)."""
    return format_percent(value, 1, signed=True) if value is not None else "–"


def chapters(year: int) -> list[ReportChapter]:
    return list(
        db.session.scalars(
            select(ReportChapter).where(ReportChapter.year == year).order_by(ReportChapter.position, ReportChapter.id)
        )
    )


def topics_az() -> list[tuple[str, list[str]]]:
    """Topics of the office's live groups, grouped by initial (the report's A–Z list)."""
    names = db.session.scalars(
        select(Topic.name)
        .join(group_topics, group_topics.c.topic_id == Topic.id)
        .join(Group, Group.id == group_topics.c.group_id)
        .where(Group.status.in_(LIVE_STATUSES))
        .distinct()
    ).all()
    ordered = sorted(set(names), key=lambda n: n.casefold().replace("ä", "a").replace("ö", "o").replace("ü", "u"))
    return [(letter, list(items)) for letter, items in groupby(ordered, key=lambda n: _initial(n))]


def _initial(name: str) -> str:
    first = name[:1].upper()
    return {"Ä": "A", "Ö": "O", "Ü": "U"}.get(first, first)


def report_as_of(report: dict[str, Any]) -> dt.date | None:
    """The day the annual report ``report`` of a year still running is counted up to; None for a year ended."""
    as_of = (report.get("contacts") or {}).get("as_of")
    return dt.date.fromisoformat(as_of) if as_of else None


def stock_day(as_of: dt.date | None) -> str:
    """When the report's stocks (active groups, subscribers, open processes) are counted: at the year's end,
    or, while the year runs, today ("am 04.12.2026"): a year end still to come counts nothing yet."""
    return f"am {format_date(as_of)}" if as_of else "am Jahresende"


def provisional_note(as_of: dt.date | None) -> str:
    """What a document of a year still running says first (PDF, Word, the NAKOS sheet); "" for a year ended."""
    return f"Vorläufig: Stand {format_date(as_of)}, das Jahr läuft noch." if as_of else ""


def period_words(year: int, as_of: dt.date | None) -> str:
    """The reporting period as a sentence begins: "Im Jahr 2025", or "Bis zum 04.12.2026" while it runs."""
    return f"Bis zum {format_date(as_of)}" if as_of else f"Im Jahr {year}"


def year_label(year: int, contacts: dict[str, Any]) -> str:
    """A year's column of the report: "2026 (bis 04.12.)" while the report's year runs (the year before is
    then counted up to the same day)."""
    as_of = contacts.get("as_of")
    return f"{year} (bis {dt.date.fromisoformat(as_of):%d.%m.})" if as_of else str(year)


def report_charts(year: int, contacts: dict[str, Any], trend: dict[int, int]) -> dict[str, Chart]:
    kinds = [row for row in kinds_shown(contacts) if row[2] or row[3]]
    now_label, before_label = year_label(year, contacts), year_label(year - 1, contacts)
    pct = lambda v: format_percent(v)  # noqa: E731
    return {
        "kinds": bar_chart(
            f"Kontakte nach Art {now_label} und {before_label}",
            [label for _k, label, *_rest in kinds],
            [Series(now_label, [row[2] for row in kinds]), Series(before_label, [row[3] for row in kinds])],
            first_header="Kontaktart",
        ),
        "channels": percentage_bar(
            f"Art der Kontaktaufnahme {now_label}",
            [(CHANNELS[c], contacts["by_channel_pct"][c]) for c in CHANNELS],
            value_format=pct,
        ),
        "areas": bar_chart(
            f"Anfragen von Bürger*innen nach Themenbereich {now_label}",
            [TOPIC_AREAS[a] for a in TOPIC_AREAS],
            [Series("Anteil", [contacts["citizen_topic_area_pct"][a] for a in TOPIC_AREAS])],
            unit="%",
            first_header="Themenbereich",
        ),
        "trend": line_chart(
            f"Kontakte insgesamt {min(trend)}–{max(trend)}",
            [now_label if y == year else str(y) for y in trend],
            [Series("Kontakte", list(trend.values()))],
            first_header="Jahr",
        ),
    }


def report_view(tenant: Tenant, year: int) -> ReportView:
    data = annual_report(tenant, year)
    trend = yearly_totals(year - TREND_YEARS + 1, year)
    while len(trend) > 2 and next(iter(trend.values())) == 0:  # start the trend where the data starts
        trend.pop(next(iter(trend)))
    all_chapters = chapters(year)
    return ReportView(
        tenant=tenant,
        year=year,
        data=data,
        chapters_intro=[c for c in all_chapters if c.placement == "intro"],
        chapters_closing=[c for c in all_chapters if c.placement == "closing"],
        topics_az=topics_az(),
        sites=list(db.session.scalars(select(Site).order_by(Site.position, Site.id))),
        lifecycle=group_lifecycle(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        charts=report_charts(year, data["contacts"], trend),
        trend=trend,
        logo=db.session.scalar(select(OfficeLogo.data)),
    )


def paragraphs(body: str) -> list[tuple[str, list[str]]]:
    """A chapter's text as blocks: ("p", [text]) or ("ul", [items]) for lines starting with "- "."""
    blocks: list[tuple[str, list[str]]] = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            blocks.append(("ul", [line[2:].strip() for line in lines]))
        else:
            blocks.append(("p", [" ".join(lines)]))
    return blocks


def render_html_document(tenant: Tenant, year: int) -> str:
    """A standalone HTML file of the report (``lotse report annual --format html``)."""
    return render_template(
        "contacts/report_document.html", view=report_view(tenant, year), paragraphs=paragraphs, labels=LABELS
    )


LABELS = {"kinds": KINDS, "channels": CHANNELS, "areas": TOPIC_AREAS, "concerns": CONCERNS, "media": MEDIA}


# --- default drafts of the text chapters --------------------------------------------------------------


def draft_chapter(title: str, data: dict[str, Any], tenant: Tenant) -> str:
    """A first draft of a text chapter, written from the year's figures (staff rewrite it)."""
    from saas.core.formatting import format_number as n

    year = data["year"]
    c, groups = data["contacts"], data["groups"]
    events, rooms, newsletter = data["events"], data["rooms"], data["newsletter"]
    as_of = report_as_of(data)  # a year still running: the draft states the figures so far, as of that day
    when, at_end = period_words(year, as_of), stock_day(as_of)
    key = title.casefold()
    if "arbeitsschwerpunkt" in key:
        return (
            f"{when} berieten die Mitarbeiterinnen und Mitarbeiter in {n(c['total'])} Kontakten. "
            f"{n(c['by_concern']['seeking_group'])} Menschen suchten eine Selbsthilfegruppe; es gab "
            f"{n(c['referrals']['to_groups'])} Vermittlungen an Selbsthilfegruppen und "
            f"{n(c['referrals']['to_professionals'])} an professionelle Beratung.\n\n"
            f"Die Gründung neuer Gruppen blieb ein Schwerpunkt: {n(c['by_concern']['founding_group'])} "
            f"Erstberatungen zur Gruppengründung, {n(groups['founded'])} gegründete Gruppen, "
            f"{n(groups['founding_at_year_end'])} Gruppen im Aufbau {at_end}."
        )
    if "veranstaltung" in key:
        text = f"{when} fanden {n(events['held'])} Veranstaltungen statt"
        if events.get("registrations"):
            text += f" mit {n(events['registrations'])} Anmeldungen"
        text += "."
        if events.get("cancelled"):
            text += f" {n(events['cancelled'])} geplante Veranstaltungen mussten abgesagt werden."
        return text
    if "öffentlichkeit" in key:
        return (
            f"Der Newsletter erschien {n(newsletter['issues_sent'])}-mal"
            + (f" bis zum {format_date(as_of)}. Am {format_date(as_of)}" if as_of else f". Ende Dezember {year}")
            + f" erreichte er {n(newsletter['subscribers_at_year_end'])} Abonnent*innen."
        )
    if "rahmenbedingung" in key:
        return (
            f"{n(rooms['groups_using_rooms'])} Selbsthilfegruppen nutzten "
            + (f"bis zum {format_date(as_of)}" if as_of else f"im Jahr {year}")
            + f" regelmäßig die Räume der Kontaktstelle ({n(rooms['hours_booked'])} gebuchte Stunden).\n\n"
            "[Personelle Situation: bitte ergänzen]"
        )
    if "ausblick" in key:
        return (
            (f"Am {format_date(as_of)}" if as_of else f"Ende {year}")
            + f" befanden sich {n(groups['founding_at_year_end'])} Selbsthilfegruppen in der "
            f"Gründungsphase. Sobald sich genügend Interessierte gemeldet haben, können sie im Jahr {year + 1} "
            "ihre Arbeit aufnehmen.\n\n[Vorhaben für das kommende Jahr: bitte ergänzen]"
        )
    return f"[{title}: bitte ergänzen – {tenant.name}, {year}]"
