"""Blocks generated from the office's own data for an issue: new groups, groups looking for members,
groups in founding, upcoming events. The directory and events features are optional: without them the
blocks are simply not offered.

Only what the public Wegweiser shows goes into a newsletter: group names and topics, never contact data.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import or_, select

from saas.core import timeutil
from saas.extensions import db
from tenants.models import Tenant

NEW_GROUP_DAYS = 90
MAX_ITEMS = 15


def _model(module: str, name: str) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _group_model() -> Any | None:
    return _model("saas.directory.models", "Group")


def _event_model() -> Any | None:
    return _model("saas.events.models", "Event")


def _public_groups() -> Any:
    group = _group_model()
    assert group is not None, "offered only with the directory (available_blocks)"
    stmt = select(group).order_by(group.name)
    if hasattr(group, "visibility"):
        stmt = stmt.where(group.visibility == "public")
    return group, stmt


def _base(tenant: Tenant) -> str:
    return f"{current_app.config['BASE_URL'].rstrip('/')}/{tenant.slug}"


def _group_line(group: Any, tenant: Tenant) -> str:
    """A linked name (the group's page in the public Wegweiser) and up to three topics."""
    topics = ", ".join(t.name for t in getattr(group, "topics", [])[:3])
    link = f"[{_md(group.name)}]({_base(tenant)}/gruppen/{group.id})"
    return f"- **{link}**" + (f" – {_md(topics)}" if topics else "")


def _md(text: str) -> str:
    """Escape Markdown control characters in names taken from the database."""
    out = str(text)
    for ch in "\\`*_[]<>#()":
        out = out.replace(ch, "\\" + ch)
    return out


def _wegweiser(tenant: Tenant) -> str:
    return f"{_base(tenant)}/gruppen"


def _fresh(rows: list[Any], seen: set[int]) -> list[Any]:
    """The groups not yet listed in an earlier block of the same issue (no group twice)."""
    fresh = [g for g in rows if g.id not in seen][:MAX_ITEMS]
    seen.update(g.id for g in fresh)
    return fresh


def admitted_since(since: dt.date) -> list[Any]:
    """Public groups admitted to the directory as active since ``since``, from the life-cycle history:
    a founding completed (founding → active) or an existing group taken up (new entry, active). A
    long-established group whose row is new (an import) is not "new"; the row's creation date is not
    what counts."""
    group = _group_model()
    change = _model("saas.directory.models", "GroupStatusChange")
    if group is None or change is None:
        return []
    admitted = (
        select(change.group_id)
        .where(
            change.changed_on >= since,
            change.to_status == "active",
            or_(change.from_status.is_(None), change.from_status == "founding"),
        )
        .scalar_subquery()
    )
    _, stmt = _public_groups()
    stmt = stmt.where(group.id.in_(admitted), group.status == "active")
    return list(db.session.scalars(stmt.limit(MAX_ITEMS * 2)))


def new_groups(tenant: Tenant, seen: set[int] | None = None) -> str:
    seen = set() if seen is None else seen
    since = timeutil.today() - dt.timedelta(days=NEW_GROUP_DAYS)
    rows = _fresh(admitted_since(since), seen)
    if not rows:
        return ""
    lines = "\n".join(_group_line(g, tenant) for g in rows)
    return f"## Neue Gruppen\n\n{lines}\n\nMehr im [Wegweiser]({_wegweiser(tenant)}).\n"


def looking_for_members(tenant: Tenant, seen: set[int] | None = None) -> str:
    seen = set() if seen is None else seen
    group, stmt = _public_groups()
    stmt = stmt.where(group.status == "active")
    if hasattr(group, "welcomes_new_members"):
        stmt = stmt.where(group.welcomes_new_members.is_(True))
    rows = _fresh(list(db.session.scalars(stmt.limit(MAX_ITEMS + len(seen)))), seen)
    if not rows:
        return ""
    lines = "\n".join(_group_line(g, tenant) for g in rows)
    return (
        "## Diese Gruppen freuen sich über neue Mitglieder\n\n"
        f"{lines}\n\nKontakt über die Kontaktstelle oder den [Wegweiser]({_wegweiser(tenant)}).\n"
    )


def founding(tenant: Tenant, seen: set[int] | None = None) -> str:
    seen = set() if seen is None else seen
    group, stmt = _public_groups()
    rows = _fresh(list(db.session.scalars(stmt.where(group.status == "founding").limit(MAX_ITEMS + len(seen)))), seen)
    if not rows:
        return ""
    lines = "\n".join(_group_line(g, tenant) for g in rows)
    return (
        "## Gruppen im Aufbau\n\nFür diese Gruppen werden Mitstreiterinnen und Mitstreiter gesucht:\n\n"
        f"{lines}\n\nMelden Sie sich gern bei uns.\n"
    )


def upcoming_events(tenant: Tenant, seen: set[int] | None = None) -> str:
    event = _event_model()
    assert event is not None, "offered only with the events feature (available_blocks)"
    today = timeutil.today()
    stmt = select(event).where(event.start_date >= today).order_by(event.start_date, event.start_time)
    if hasattr(event, "status"):
        stmt = stmt.where(event.status == "published")
    if hasattr(event, "audience"):
        stmt = stmt.where(event.audience == "public")
    rows = db.session.scalars(stmt.limit(MAX_ITEMS)).all()
    if not rows:
        return ""
    lines = []
    for ev in rows:
        when = f"{ev.start_date:%d.%m.%Y}"
        if getattr(ev, "start_time", None):
            when += f", {ev.start_time:%H.%M} Uhr"
        lines.append(f"- {when}: **{_md(ev.title)}**")
    link = f"{current_app.config['BASE_URL'].rstrip('/')}/{tenant.slug}/veranstaltungen"
    return "## Veranstaltungen\n\n" + "\n".join(lines) + f"\n\nAlle Termine und Anmeldung: [Veranstaltungen]({link})\n"


def _group_news_model() -> Any | None:
    return _model("saas.grouparea.models", "GroupNewsItem")


def group_news(tenant: Tenant, _seen: set[int]) -> str:
    """Items the groups sent in and staff picked for the next issue (saas.grouparea)."""
    from saas.grouparea.operations import news_for_next_issue

    items = news_for_next_issue()
    if not items:
        return ""
    parts = [
        f"### {_md(item.published_title)}\n\n{_md(item.published_body)}\n\n*{_md(item.group.name)}*" for item in items
    ]
    return "## Aus den Gruppen\n\n" + "\n\n".join(parts) + "\n"


def _claim_group_news(issue_id: int) -> None:
    from saas.grouparea.operations import claim_news

    claim_news(issue_id)


@dataclass(frozen=True)
class Block:
    key: str
    label: str
    needs: Callable[[], Any | None]
    render: Callable[[Tenant, set[int]], str]  # (office, ids of the groups already listed in the issue)
    # Called when an issue with this block is sent: marks what went out so the next issue does not repeat it.
    claim: Callable[[int], None] | None = None


BLOCKS = [
    Block("new_groups", "Neue Gruppen (in den letzten 90 Tagen aufgenommen)", _group_model, new_groups),
    Block("looking", "Gruppen, die neue Mitglieder suchen", _group_model, looking_for_members),
    Block("founding", "Gruppen im Aufbau", _group_model, founding),
    Block("events", "Kommende Veranstaltungen", _event_model, upcoming_events),
    Block("group_news", "Beiträge aus den Gruppen", _group_news_model, group_news, claim=_claim_group_news),
]


def available_blocks() -> list[Block]:
    """Blocks whose data source exists in this installation."""
    return [b for b in BLOCKS if b.needs() is not None]


def claim_blocks(issue_id: int, keys: list[str]) -> None:
    """The issue is being sent with these blocks: let each mark what it used."""
    for block in available_blocks():
        if block.key in keys and block.claim is not None:
            block.claim(issue_id)


def render_blocks(tenant: Tenant, keys: list[str]) -> str:
    """Markdown of the chosen blocks (office bound), in the fixed order of BLOCKS; a group appears in
    one block only (a new group is not repeated under "freuen sich über neue Mitglieder")."""
    seen: set[int] = set()
    parts = [b.render(tenant, seen) for b in available_blocks() if b.key in dict.fromkeys(keys)]
    return "\n".join(p for p in parts if p)
