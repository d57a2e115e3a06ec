"""Mails to a group's contact person, in the group's language (German or English).

Built with ``saas.core.mail`` (the one office mail path); links are built by hand from ``BASE_URL``
because workers have no request to build URLs from.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from saas.core.mail import build_message, queue_message
from saas.directory.models import Group
from saas.grouparea.session import LINK_MINUTES
from tenants.models import Tenant


def _office_footer(tenant: Tenant) -> str:
    parts = [tenant.name]
    if getattr(tenant, "phone", ""):
        parts.append(_("Tel.") + " " + tenant.phone)
    return "\n".join(parts) + f"\n{current_app.config['BASE_URL']}/{tenant.slug}/\n"


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
                "Der Link gilt %(minutes)s Minuten und nur einmal. Ein Passwort brauchen Sie nicht.",
                minutes=LINK_MINUTES,
            )
        )
        lines.append("")
        for group, token in links:
            lines.append(f"{group.name}:")
            lines.append(f"{base}/{tenant.slug}/gruppenbereich/anmelden/{token}")
            lines.append("")
        lines.append(_("Wenn Sie das nicht waren, können Sie diese E-Mail einfach löschen."))
        lines += ["", "-- ", _office_footer(tenant)]
        subject = _("Ihr Anmeldelink für den Gruppenbereich")
    queue_message(build_message(to=address, subject=subject, text="\n".join(lines)))


def send_decision(
    tenant: Tenant, group: Group, recipients: list[str], locale: str, *, what: str, approved: bool, note: str = ""
) -> None:
    """Tell the group that staff approved or declined what it proposed (``what``: already translated)."""
    with force_locale(locale):
        verdict = _("wurde freigegeben") if approved else _("wurde nicht übernommen")
        what = _(what)
        lines = [_("Guten Tag,"), "", f"{what} ({group.name}) {verdict}."]
        if note:
            lines += ["", _("Hinweis der Kontaktstelle:") + " " + note]
        lines += ["", "-- ", _office_footer(tenant)]
        subject = f"{group.name}: {what} {verdict}"
    for address in recipients:
        queue_message(build_message(to=address, subject=subject, text="\n".join(lines)))


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
            "",
            "-- ",
            _office_footer(tenant),
        ]
    for address in recipients:
        queue_message(build_message(to=address, subject=subject, text="\n".join(lines)))


def contact_addresses(group: Group) -> list[str]:
    return sorted({c.email.lower() for c in group.contacts if c.email})
