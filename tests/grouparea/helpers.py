"""Group-area test helpers: a group with a contact address, and signing in through the mailed link."""

from __future__ import annotations

import datetime as dt
import re

from tests.directory.helpers import make_group

ADDRESS = "kontakt@huckarde.test"


def huckarde(tenant, email: str = ADDRESS, **fields):  # type: ignore[no-untyped-def]
    return make_group(
        tenant,
        "Depression – Gesprächskreis Huckarde",
        ["Depression"],
        topic_area="mental_health",
        rhythm="biweekly",
        weekday=1,
        time_start=dt.time(18, 30),
        time_end=dt.time(20, 0),
        place="Gemeindehaus Huckarde",
        contacts=[{"name": "M. Becker", "email": email}],
        **fields,
    )


def link_from(outbox, address: str = ADDRESS) -> str:  # type: ignore[no-untyped-def]
    mails = outbox.to(address)
    assert mails, "no sign-in mail"
    match = re.search(r"https?://\S+/gruppenbereich/anmelden/(\S+)", outbox.text(mails[-1]))
    assert match
    return match.group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def sign_in(client, outbox, slug: str = "dortmund", address: str = ADDRESS):  # type: ignore[no-untyped-def]
    """Ask for a link and open it, as the contact person does; returns the answer of the link."""
    client.post_form(f"/{slug}/gruppenbereich", {"email": address})
    return client.get(path_of(link_from(outbox, address)), follow_redirects=True)
