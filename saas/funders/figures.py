"""The figures funders ask for, each with its definition (the footnote both exports print).

One registry serves the Sachbericht (PDF, DOCX), the annual report's DOCX and the NAKOS-survey sheet:
a figure is a dotted path into the annual report JSON, a German label and its definition. Tests read
the exports back and look every value up by this path, so an export can never show another number
than the report JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from saas.contacts.models import CITIZENS_WITH_RELATIVES, CONCERNS, KINDS
from saas.contacts.report import stock_day


@dataclass(frozen=True)
class Figure:
    path: str  # dotted key into the annual report JSON
    label: str
    definition: str
    unit: str = ""  # "€": an amount in euros, printed with two decimals

    def on(self, as_of: dt.date | None) -> Figure:
        """The figure in the report of a year still running (``as_of``: the day it is counted up to): a stock
        "am Jahresende" / "am 31.12." is the one of that day, as the report JSON counts it."""
        if as_of is None:
            return self
        day = stock_day(as_of)
        return replace(
            self,
            label=self.label.replace("am Jahresende", day),
            definition=self.definition.replace("am 31.12.", day),
        )


def _f(path: str, label: str, definition: str) -> Figure:
    return Figure(path, label, definition)


_CONTACT = "Anonyme Kontakte der Kontaktstelle im Berichtsjahr (Kontaktstatistik)"
CONTACTS: tuple[Figure, ...] = (
    _f("contacts.total", "Kontakte insgesamt", f"{_CONTACT}; jeder Kontakt einmal gezählt."),
    *(
        _f(f"contacts.by_kind.{k}", f"Kontakte: {label}", f"{_CONTACT} mit der Kontaktart „{label}“.")
        for k, label in KINDS.items()
    ),
    _f("contacts.by_channel.phone", "Anfragen telefonisch", f"{_CONTACT} über den Weg „telefonisch“."),
    _f("contacts.by_channel.in_person", "Anfragen persönlich", f"{_CONTACT} über den Weg „persönlich“."),
    _f("contacts.by_channel.written", "Anfragen schriftlich (gesamt)", f"{_CONTACT} über den Weg „schriftlich“."),
    _f(
        "contacts.written_by_medium.email",
        "davon per E-Mail",
        "Schriftliche Kontakte, bei denen das Medium „E-Mail“ erfasst ist.",
    ),
    _f("contacts.written_by_medium.letter", "davon per Brief", "Schriftliche Kontakte mit dem Medium „Brief“."),
    _f(
        "contacts.written_by_medium.form",
        "davon per Online-Formular",
        "Schriftliche Kontakte mit dem Medium „Online-Formular“.",
    ),
    _f(
        "contacts.written_by_medium.unknown",
        "davon ohne Angabe des Mediums",
        "Schriftliche Kontakte ohne erfasstes Medium (z. B. vor Einführung der Angabe erfasst).",
    ),
    _f(
        "contacts.referrals.to_groups",
        "Vermittlungen an Selbsthilfegruppen",
        "Summe der bei den Kontakten erfassten Vermittlungen an Selbsthilfegruppen.",
    ),
    _f(
        "contacts.referrals.to_professionals",
        "Vermittlungen an professionelle Beratung",
        "Summe der bei den Kontakten erfassten Vermittlungen an professionelle Angebote.",
    ),
)
# An office that counts relatives among the citizens: its citizens' row holds them, and it has no row of
# relatives (a 0 there would say that no relative called; contacts.models.counted_kinds).
_CITIZENS_WITH_RELATIVES = _f(
    "contacts.by_kind_counted.citizen",
    f"Kontakte: {CITIZENS_WITH_RELATIVES}",
    f"{_CONTACT} mit der Kontaktart „Bürger*innen“ oder „Angehörige“: die Kontaktstelle zählt Angehörige bei den "
    "Bürger*innen mit.",
)


def contact_figures(report: dict[str, Any]) -> tuple[Figure, ...]:
    """:data:`CONTACTS` as the office of ``report`` counts them (the report's ``contacts.relatives_apart``)."""
    if (report.get("contacts") or {}).get("relatives_apart", True):
        return CONTACTS
    return tuple(
        _CITIZENS_WITH_RELATIVES if f.path == "contacts.by_kind.citizen" else f
        for f in CONTACTS
        if f.path != "contacts.by_kind.relative"
    )


EFFORT: tuple[Figure, ...] = (
    *(
        f
        for k, label in CONCERNS.items()
        for f in (
            _f(f"contacts.by_concern.{k}", f"Kontakte: {label}", f"{_CONTACT} mit dem Anliegen „{label}“."),
            _f(
                f"contacts.hours_by_concern.{k}",
                f"Stunden: {label}",
                f"Summe der bei Kontakten mit dem Anliegen „{label}“ erfassten Dauer, in Stunden.",
            ),
        )
    ),
    _f("contacts.with_duration", "Kontakte mit erfasster Dauer", "Kontakte, bei denen eine Dauer erfasst ist."),
)


def effort(report: dict[str, Any]) -> tuple[Figure, ...]:
    """The effort figures a report prints: without the hours when no contact of the year has a duration, where
    a column of "0,0" would claim that nobody spent any time ("Kontakte mit erfasster Dauer: 0" says why)."""
    if value(report, "contacts.with_duration"):
        return EFFORT
    return tuple(f for f in EFFORT if not f.path.startswith("contacts.hours_by_concern."))


GROUPS: tuple[Figure, ...] = (
    _f(
        "groups.active_at_year_end",
        "Aktive Selbsthilfegruppen am Jahresende",
        "Gruppen der Beratungsdatei mit dem Status „aktiv“ am 31.12. (Verlauf der Beratungsdatei).",
    ),
    _f(
        "groups.founded",
        "Gegründete Gruppen",
        "Gruppen, deren Status im Berichtsjahr von „im Aufbau“ zu „aktiv“ wechselte (Verlauf der Beratungsdatei).",
    ),
    _f(
        "groups.founding_at_year_end", "Gruppen im Aufbau am Jahresende", "Gruppen mit dem Status „im Aufbau“ am 31.12."
    ),
    _f(
        "groups.founding_abandoned",
        "Gruppengründungen abgebrochen",
        "Gruppen, deren Status im Berichtsjahr zu „Aufbau abgebrochen“ wechselte.",
    ),
    _f("groups.dissolved", "Aufgelöste Gruppen", "Gruppen, deren Status im Berichtsjahr zu „aufgelöst“ wechselte."),
)
FOUNDING: tuple[Figure, ...] = (
    _f("founding.processes_started", "Begonnene Gründungsprozesse", "Gründungsprozesse mit Beginn im Berichtsjahr."),
    _f(
        "founding.interested",
        "Interessierte an Gründungen",
        "Personen, die auf die Interessiertenliste der im "
        "Berichtsjahr begonnenen Gründungsprozesse gesetzt wurden (bleibt nach Löschung der Personendaten gezählt).",
    ),
    _f(
        "founding.consultations",
        "Beratungskontakte zu Gründungen",
        "Kontakte des Berichtsjahres, die einem Gründungsprozess zugeordnet sind.",
    ),
    _f(
        "founding.first_meetings",
        "Erste Treffen gebucht",
        "Gründungsprozesse, deren erstes Treffen im Berichtsjahr in einem Raum gebucht wurde.",
    ),
    _f(
        "founding.founded",
        "Aus Gründungsprozessen gegründete Gruppen",
        "Gründungsprozesse, die im Berichtsjahr mit „Gruppe gegründet“ abgeschlossen wurden.",
    ),
    _f(
        "founding.abandoned",
        "Abgebrochene Gründungsprozesse",
        "Gründungsprozesse, die im Berichtsjahr mit Begründung abgebrochen wurden.",
    ),
    _f(
        "founding.processes_open_at_year_end",
        "Laufende Gründungsprozesse am Jahresende",
        "Begonnene, am 31.12. weder gegründete noch abgebrochene Gründungsprozesse.",
    ),
)
SUPPORT: tuple[Figure, ...] = (
    _f(
        "support.cases",
        "Gruppenbegleitungen und Konfliktberatungen",
        "Begleitungen einer Gruppe mit mindestens einem Termin im Berichtsjahr.",
    ),
    _f("support.sessions", "Termine der Begleitungen", "Termine dieser Begleitungen im Berichtsjahr."),
    _f(
        "support.contacts",
        "Kontakte zur Begleitung von Gruppen",
        "Kontakte des Berichtsjahres, die der Begleitung einer Gruppe zugeordnet sind (ohne die Termine oben).",
    ),
    _f(
        "support.hours",
        "Stunden der Begleitungen",
        "Summe der Dauer dieser Termine (mit Vor- und Nachbereitung), in Stunden.",
    ),
)
EVENTS: tuple[Figure, ...] = (
    _f(
        "events.held",
        "Veranstaltungen durchgeführt",
        "Veröffentlichte, nicht abgesagte Veranstaltungen mit Termin im Berichtsjahr.",
    ),
    _f("events.cancelled", "Veranstaltungen abgesagt", "Abgesagte Veranstaltungen mit Termin im Berichtsjahr."),
    _f("events.registrations", "Anmeldungen zu Veranstaltungen", "Bestätigte Anmeldungen zu diesen Veranstaltungen."),
    _f(
        "rooms.groups_using_rooms",
        "Gruppen, die Räume der Kontaktstelle nutzen",
        "Gruppen mit mindestens einer Raumbuchung im Berichtsjahr.",
    ),
    _f("rooms.hours_booked", "Gebuchte Raumstunden", "Summe der gebuchten Stunden in den Räumen im Berichtsjahr."),
)
NEWSLETTER: tuple[Figure, ...] = (
    _f(
        "newsletter.subscribers_at_year_end",
        "Newsletter-Abonnent*innen am Jahresende",
        "Bestätigte Anmeldungen (Double-Opt-in), die am 31.12. nicht abgemeldet waren.",
    ),
    _f("newsletter.issues_sent", "Newsletter-Ausgaben", "Im Berichtsjahr versandte Ausgaben."),
)
PROFILE: tuple[Figure, ...] = (
    _f(
        "profile.meeting_modes.in_person",
        "Gruppen, die sich vor Ort treffen",
        "Gruppen der Beratungsdatei, die am 31.12. aktiv, im Aufbau oder pausiert waren, mit der Treffform "
        "„vor Ort“ an diesem Tag (Verlauf der Beratungsdatei).",
    ),
    _f("profile.meeting_modes.online", "Gruppen, die sich online treffen", "Wie oben, Treffform „online“."),
    _f("profile.meeting_modes.hybrid", "Gruppen, die sich hybrid treffen", "Wie oben, Treffform „hybrid“."),
    _f(
        "profile.young_groups",
        "Gruppen der Jungen Selbsthilfe",
        "Gruppen der Beratungsdatei, die am 31.12. aktiv, im Aufbau oder pausiert waren und an diesem Tag als "
        "„Junge Selbsthilfe (18–35 Jahre)“ gekennzeichnet waren (Verlauf der Beratungsdatei).",
    ),
    _f(
        "profile.staff_fte",
        "Personalstellen (Vollzeitäquivalente)",
        "Stellenumfang der Fachkräfte laut Stammdaten der Kontaktstelle.",
    ),
)
# The NAKOS yearly survey of contact offices: inquiries by channel with e-mail apart, groups supported,
# founded and dissolved, meeting modes, Junge Selbsthilfe, staff positions.
NAKOS: tuple[Figure, ...] = (
    CONTACTS[0],
    *[f for f in CONTACTS if f.path.startswith(("contacts.by_channel", "contacts.written_by_medium"))],
    GROUPS[0],
    SUPPORT[0],
    GROUPS[1],
    GROUPS[2],
    GROUPS[4],
    FOUNDING[0],
    FOUNDING[1],
    *PROFILE,
)


# Figures of a section that are counted from the contacts, not from the section's own records.
_FROM_CONTACTS = frozenset({"support.contacts", "support.contact_minutes"})


def value(report: dict[str, Any], path: str) -> Any:
    """The value at a dotted path of the report JSON (None when absent, and when the year lies before the
    office recorded that section in Lotse: ``recorded == "none"``, core.reports.recorded; unknown is not 0)."""
    section = report.get(path.split(".", 1)[0])
    if isinstance(section, dict) and section.get("recorded") == "none" and path not in _FROM_CONTACTS:
        return None
    node: Any = report
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def format_count(report: dict[str, Any], path: str) -> str:
    from saas.funders.document import format_value

    return format_value(value(report, path))


# --- funding of the groups (the annual report's ``funding`` section, from saas/grouparea) ---------------

FUNDING_STREAMS: tuple[tuple[str, str], ...] = (
    ("gkv_pauschal", "GKV-Pauschalförderung (§ 20h SGB V)"),
    ("project", "Projektförderung"),
    ("municipal", "Kommunale Förderung"),
)
_FUNDING = "Förderungen der Gruppen für das Berichtsjahr, wie sie die Gruppen im Gruppenbereich eintragen"
FUNDING: tuple[Figure, ...] = (
    Figure(
        "groups_funded",
        "Gruppen",
        f"{_FUNDING}: Gruppen mit bewilligter Förderung (Stand „bewilligt“ oder „Verwendungsnachweis "
        "eingereicht“), jede Gruppe einmal gezählt, auch in der Summe.",
    ),
    Figure(
        "applied",
        "Beantragt",
        f"{_FUNDING}: Summe der beantragten Beträge aller gestellten Anträge (ohne nur geplante), in Euro.",
        "€",
    ),
    Figure("granted", "Bewilligt", f"{_FUNDING}: Summe der bewilligten Beträge, in Euro.", "€"),
    Figure(
        "paid",
        "Ausgezahlt",
        f"{_FUNDING}: Summe der an die Gruppen ausgezahlten Beträge bewilligter Förderungen, in Euro.",
        "€",
    ),
)
