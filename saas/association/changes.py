"""Change markers: which office-days changed since the last aggregation (the incremental part).

Other features never call the aggregation; they only leave a marker in the same transaction as their
change. Two ways, both idempotent (a day marked twice is aggregated once):

- Automatically: models registered with :func:`register_source` are watched in every flush (new,
  changed and deleted rows, both the old and the new date of a moved row) and in ORM bulk inserts
  (``session.execute(insert(Contact), rows)``).
- Explicitly, for writes the ORM cannot see (bulk UPDATE/DELETE, raw SQL):
  ``mark_days_changed("contacts", days)`` with the office bound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from saas.association.models import DirtyDay
from saas.core import timeutil
from saas.core.listeners import listen
from tenants.models import FIGURE_FAMILIES, utcnow
from tenants.scoping import TenantNotBound, current_tenant_id


@dataclass(frozen=True)
class Source:
    model: type
    family: str
    date_attr: str | None  # None: the change counts for today (e.g. a group's current status)


_SOURCES: dict[type, list[Source]] = {}  # a model may feed several families (a contact: founding, support)


def register_source(model: type, family: str, date_attr: str | None) -> None:
    """Watch ``model``: any change to one of its rows marks its day (``date_attr``) dirty for ``family``."""
    if family not in FIGURE_FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    sources = _SOURCES.setdefault(model, [])
    if all(s.family != family for s in sources):
        sources.append(Source(model, family, date_attr))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def mark_days_changed(
    family: str, days: Iterable[dt.date], *, tenant_id: int | None = None, session: Session | None = None
) -> None:
    """Record that ``family`` figures of the bound office changed on ``days`` (flushed with the caller's work)."""
    from saas.extensions import db

    if family not in FIGURE_FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    tenant_id = tenant_id or current_tenant_id()
    if tenant_id is None:
        raise TenantNotBound("mark_days_changed needs a bound office")
    unique = sorted({d for d in (_as_date(x) for x in days) if d is not None})
    if not unique:
        return
    (session or db.session).execute(
        insert(DirtyDay),
        [{"tenant_id": tenant_id, "family": family, "day": d, "created_at": utcnow()} for d in unique],
    )


def _days_of(obj: Any, source: Source, include_old: bool) -> set[dt.date]:
    if source.date_attr is None:
        return {timeutil.today()}
    days = set()
    current = _as_date(getattr(obj, source.date_attr, None))
    days.add(current or timeutil.today())  # no date (yet): the change counts for today
    if include_old:
        history = inspect(obj).attrs[source.date_attr].history
        days.update(d for d in (_as_date(v) for v in history.deleted or ()) if d)
    return days


def _collect(session: Session) -> dict[tuple[int, str], set[dt.date]]:
    found: dict[tuple[int, str], set[dt.date]] = {}
    for collection, include_old in ((session.new, False), (session.dirty, True), (session.deleted, True)):
        for obj in collection:
            sources = _SOURCES.get(type(obj), [])
            if not sources:
                continue
            if collection is session.dirty and not session.is_modified(obj, include_collections=False):
                continue
            tenant_id = getattr(obj, "tenant_id", None) or current_tenant_id()
            if tenant_id is None:
                continue  # the tenancy guard refuses this flush anyway
            for source in sources:
                found.setdefault((tenant_id, source.family), set()).update(_days_of(obj, source, include_old))
    return found


def _mark_flushed(session: Session, flush_context: Any, instances: Any) -> None:
    if not _SOURCES:
        return
    for (tenant_id, family), days in _collect(session).items():
        for day in sorted(days):
            session.add(DirtyDay(tenant_id=tenant_id, family=family, day=day, created_at=utcnow()))


def _mark_bulk_insert(state: ORMExecuteState) -> None:
    if not state.is_insert or not _SOURCES or state.execution_options.get("association_marking"):
        return
    mapper = state.bind_mapper
    sources = _SOURCES.get(mapper.class_, []) if mapper is not None else []
    params = state.parameters
    rows = params if isinstance(params, list) else [params] if isinstance(params, dict) else []
    for source in sources:
        found: dict[int, set[dt.date]] = {}
        for row in rows:
            tenant_id = row.get("tenant_id") or current_tenant_id()
            day = (_as_date(row.get(source.date_attr)) if source.date_attr else None) or timeutil.today()
            if tenant_id:
                found.setdefault(tenant_id, set()).add(day)
        for tenant_id, days in found.items():
            state.session.execute(
                insert(DirtyDay).execution_options(association_marking=True),
                [
                    {"tenant_id": tenant_id, "family": source.family, "day": d, "created_at": utcnow()}
                    for d in sorted(days)
                ],
            )


def install() -> None:
    """Attach the watchers to every Session."""
    listen(Session, "before_flush", _mark_flushed)
    listen(Session, "do_orm_execute", _mark_bulk_insert)


def register_default_sources() -> None:
    """The features whose figures associations see; a feature that is not installed is skipped."""
    from saas.contacts.models import Contact

    register_source(Contact, "contacts", "day")
    # contacts linked to a founding process or a supported group are counted in those sections too
    register_source(Contact, "founding", "day")
    register_source(Contact, "support", "day")
    try:
        from saas.directory.models import Group, GroupProfileChange, GroupStatusChange

        register_source(GroupStatusChange, "groups", "changed_on")
        register_source(Group, "groups", None)  # topics and current status count for this year
        register_source(GroupStatusChange, "profile", "changed_on")  # which groups are live at year end
        register_source(GroupProfileChange, "profile", "since")
    except ImportError:  # pragma: no cover
        pass
    try:
        from saas.founding.models import FoundingMilestone, FoundingProcess, SupportCase, SupportSession

        register_source(FoundingProcess, "founding", "started_on")
        register_source(FoundingMilestone, "founding", "on")
        register_source(SupportSession, "support", "day")
        register_source(SupportCase, "support", "opened_on")
    except ImportError:  # pragma: no cover
        pass
    try:
        from saas.events.models import Event, Registration

        register_source(Event, "events", "start_date")
        register_source(Registration, "events", None)
    except ImportError:  # pragma: no cover
        pass
    try:
        from saas.newsletter.models import Issue, Subscriber

        register_source(Subscriber, "newsletter", "consented_at")
        register_source(Issue, "newsletter", "finished_at")
    except ImportError:  # pragma: no cover
        pass
