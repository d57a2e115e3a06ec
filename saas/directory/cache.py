"""A cache of rendered public search pages, always current.

Citizens ask the Wegweiser the same few things ("Angst", "Sucht", "Depression") all day. A visitor's
search page (no login, no session, no pending message) is cached per office, language and query string,
keyed by the office's ``directory_version``. Every write that a public page can show — groups, topics,
contact persons, search words, the office profile, sites, office hours — bumps that version in the same
transaction (one UPDATE of the tenants row), so all gunicorn workers stop using older pages at once.

The version is read afresh for every request (tenants.resolve: one autocommit statement, no session),
never remembered in a process: another worker, a Celery task or a CLI import may have committed a
change a moment ago, and only the database knows.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import TYPE_CHECKING, Any

from flask import Response, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import update
from sqlalchemy.orm import Session

from saas.core.listeners import listen
from tenants.models import OfficeHoursSlot, Site, Tenant
from tenants.resolve import OfficeKey

if TYPE_CHECKING:
    from saas.directory.models import Group, GroupContactPerson, GroupStatusChange, SearchWord, Topic

MAX_PAGES = 4096
_pages: OrderedDict[tuple, tuple[bytes, int, str, dict[str, str]]] = OrderedDict()
_lock = Lock()


def _watched() -> tuple[
    type[Group],
    type[Topic],
    type[GroupContactPerson],
    type[GroupStatusChange],
    type[SearchWord],
    type[Site],
    type[OfficeHoursSlot],
]:
    from saas.directory.models import Group, GroupContactPerson, GroupStatusChange, SearchWord, Topic

    return (Group, Topic, GroupContactPerson, GroupStatusChange, SearchWord, Site, OfficeHoursSlot)


def _bump_directory_version(session: Session, flush_context: Any) -> None:
    watched = _watched()
    offices: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, watched) and getattr(obj, "tenant_id", None):
            offices.add(obj.tenant_id)
        elif isinstance(obj, Tenant) and obj.id and session.is_modified(obj):
            offices.add(obj.id)
    if offices:
        # Core UPDATE on the flush's connection: part of the same transaction, no ORM re-flush.
        session.connection().execute(
            update(Tenant).where(Tenant.id.in_(offices)).values(directory_version=Tenant.directory_version + 1)
        )


def install() -> None:
    """Bump an office's directory version when its directory data changes."""
    listen(Session, "after_flush", _bump_directory_version)


def _cacheable() -> bool:
    return (
        request.method == "GET"
        and not current_user.is_authenticated
        and not session.get("_flashes")
        and "csrf_token" not in session  # a page with a form would embed this visitor's token
    )


def cached_page(office: OfficeKey, render: Any, keep_headers: tuple[str, ...] = ()) -> Response:
    """The rendered page for this request, from the cache when the office's directory is unchanged.
    ``keep_headers``: response headers stored with the page and given back on a hit."""
    if not _cacheable():
        return render()
    # created_at makes the key unique to this office even if an id were ever reused (SQLite).
    key = (office.id, office.created_at, office.directory_version, str(get_locale() or "de"), request.full_path)
    with _lock:
        hit = _pages.get(key)
        if hit is not None:
            _pages.move_to_end(key)
    if hit is not None:
        body, status, mimetype, headers = hit
        return Response(body, status=status, mimetype=mimetype, headers=headers)
    response = render()
    if isinstance(response, str):
        response = Response(response, mimetype="text/html")
    if response.status_code == 200 and "Set-Cookie" not in response.headers:
        with _lock:
            kept = {h: response.headers[h] for h in keep_headers if h in response.headers}
            _pages[key] = (response.get_data(), response.status_code, response.mimetype, kept)
            while len(_pages) > MAX_PAGES:
                _pages.popitem(last=False)
    return response


def clear() -> None:
    with _lock:
        _pages.clear()
