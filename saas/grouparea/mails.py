"""Mails to a group's contact person, in the group's language (German or English).

Built with ``saas.core.mail.office_message`` (the one office mail layout: the office in From and
Reply-To, its footer with Impressum and Datenschutz, a text and an HTML part); links are built by hand
from ``BASE_URL`` because workers have no request to build URLs from.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from saas.core.mail import office_message, queue_message
from saas.directory.models import Group
from saas.grouparea.session import LINK_MINUTES
from tenants.models import Tenant


def send_sign_in_links(tenant: Tenant, address: str, links: list[tuple[Group, str]], locale: str) -> None:
    """One mail with one sign-in link per group that has this contact address."""
    base = current_app.config["BASE_URL"]
    with force_locale(locale):
        lines = [_("Guten Tag,"), ""]
        lines.append(
            _(
                "Sie (oder jemand mit Ihrer Adresse) möchten sich im Gruppenbereich der %(office)s anmelden.",
                office=tenant.name,
            )
        )
        lines.append(
            _(
                "Der Link gilt %(minutes)s Minuten oder bis Sie sich abmelden. Ein Passwort brauchen Sie nicht.",
                minutes=LINK_MINUTES,
            )
        )
        lines.append("")
        for group, token in links:
            lines.append(f"{group.name}:")
            lines.append(f"{base}/{tenant.slug}/gruppenbereich/anmelden/{token}")
            lines.append("")
        lines.append(_("Wenn Sie das nicht waren, können Sie diese E-Mail einfach löschen."))
        subject = _("Ihr Anmeldelink für den Gruppenbereich")
        queue_message(office_message(tenant, to=address, subject=subject, text="\n".join(lines)))


def send_decision(
    tenant: Tenant,
    group: Group,
    recipients: list[str],
    locale: str,
    *,
    what: str,
    approved: bool,
    note: str = "",
    edits: list[tuple[str, str, str]] | None = None,
) -> None:
    """Tell the group that staff approved or declined what it proposed (``what``: the German label).
    ``edits``: (field label, the group's value, the published value) where staff changed it first."""
    with force_locale(locale):
        verdict = _("wurde freigegeben") if approved else _("wurde nicht übernommen")
        what = _(what)
        lines = [_("Guten Tag,"), "", f"{what} ({group.name}) {verdict}."]
        if edits:
            lines += ["", _("Die Kontaktstelle hat vor der Veröffentlichung angepasst:")]
            for label, sent, published in edits:
                lines.append(
                    "- " + _("%(field)s: %(published)s (Ihr Vorschlag: %(sent)s)", field=_(label),
                             published=published, sent=sent)
                )  # fmt: skip
        if note:
            lines += ["", _("Hinweis der Kontaktstelle:") + " " + note]
        lines += ["", f"{current_app.config['BASE_URL']}/{tenant.slug}/gruppenbereich"]
        subject = f"{group.name}: {what} {verdict}"
        for address in recipients:
            queue_message(office_message(tenant, to=address, subject=subject, text="\n".join(lines)))


def send_funding_reminder(
    tenant: Tenant,
    group: Group,
    recipients: list[str],
    locale: str,
    *,
    stream_label: str,
    kind: str,
    due_on: dt.date,
    days_left: int,
) -> None:
    with force_locale(locale):
        what = _("Antrag") if kind == "application" else _("Verwendungsnachweis")
        date = due_on.strftime("%d.%m.%Y")
        subject = _("Erinnerung: %(what)s für „%(stream)s“ bis %(date)s", what=what, stream=_(stream_label), date=date)
        lines = [
            _("Guten Tag,"),
            "",
            _(
                "für Ihre Gruppe „%(group)s“ ist in %(days)s Tagen, am %(date)s, fällig: %(what)s – %(stream)s.",
                group=group.name,
                days=days_left,
                date=date,
                what=what,
                stream=_(stream_label),
            ),
            _("Bei Fragen hilft Ihnen die Kontaktstelle gern."),
            "",
            f"{current_app.config['BASE_URL']}/{tenant.slug}/gruppenbereich",
        ]
        for address in recipients:
            queue_message(office_message(tenant, to=address, subject=subject, text="\n".join(lines)))


def contact_addresses(group: Group) -> list[str]:
    return sorted({c.email.lower() for c in group.contacts if c.email})
