"""Signing in as a group: a sign-in link mailed to the group's contact address, then a short session.

- The token is 32 random bytes; only its SHA-256 is stored. The contract wants the link's GET to open
  the group's area, so a GET signs in. Mail scanners (Microsoft Safe Links, Proofpoint, Mimecast) open
  every link of a mail before the person does; a link that worked once would be used up by the scanner.
  So a link works up to :data:`LINK_USES` times within its :data:`LINK_MINUTES` minutes (the common
  answer where the GET must sign in, as django-sesame without ``SESAME_ONE_TIME``; an atomic
  ``UPDATE … WHERE uses < LINK_USES`` counts the uses, also for requests at the same moment). A HEAD
  request (the cheap prefetch) never counts. Signing out ends the links of that address at once, so the
  link in the browser's history is dead after "Abmelden". The access logs mask the token
  (:class:`MaskTokenFilter`) and the area's pages send no referrer.
- The session lives in the signed session cookie as ``{tenant, group, until}``: no password, no
  ``User`` row, at most :data:`SESSION_HOURS` hours. A group user is no staff member: every staff page
  answers them 404 (``saas.core.access``), and the area of another office too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import abort, g, redirect, session, url_for
from flask_login import current_user, logout_user
from sqlalchemy import func, select, update
from werkzeug.wrappers import Response

from saas.directory.models import Group, GroupContactPerson
from saas.extensions import db, rowcount
from saas.grouparea.models import GroupSignInToken
from tenants.models import utcnow
from tenants.scoping import current_tenant_id

SESSION_KEY = "group_area"
LINK_MINUTES = 30
LINK_USES = 5  # the scanner's visit(s) and the person's click, opened again on a second device
SESSION_HOURS = 4
LINKS_PER_GROUP_PER_HOUR = 3  # more requests for one group within an hour send nothing (same answer)
SIGNED_OUT_STATUSES = ("dissolved", "abandoned")

P = ParamSpec("P")
R = TypeVar("R")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def groups_for_address(email: str) -> list[Group]:
    """The bound office's groups whose contact address is ``email`` (any case); ended groups excluded."""
    address = email.strip().lower()
    if not address or "@" not in address:
        return []
    return list(
        db.session.scalars(
            select(Group)
            .join(GroupContactPerson, GroupContactPerson.group_id == Group.id)
            .where(func.lower(GroupContactPerson.email) == address, Group.status.not_in(SIGNED_OUT_STATUSES))
            .order_by(Group.name)
            .distinct()
        )
    )


def issue_token(group: Group, email: str = "", *, now: dt.datetime | None = None) -> str | None:
    """A new sign-in token for the group, or None when the group asked too often this hour."""
    now = now or utcnow()
    recent = db.session.scalar(
        select(func.count(GroupSignInToken.id)).where(
            GroupSignInToken.group_id == group.id, GroupSignInToken.created_at > now - dt.timedelta(hours=1)
        )
    )
    if (recent or 0) >= LINKS_PER_GROUP_PER_HOUR:
        return None
    token = secrets.token_urlsafe(32)
    db.session.add(
        GroupSignInToken(
            group_id=group.id,
            token_hash=_hash(token),
            email=email.strip().lower(),
            created_at=now,
            expires_at=now + dt.timedelta(minutes=LINK_MINUTES),
        )
    )
    db.session.flush()
    return token


def _live_token(token: str, now: dt.datetime) -> GroupSignInToken | None:
    """The bound office's token row if it is unexpired and has uses left."""
    if not token or len(token) > 100 or "\x00" in token:
        return None
    row = db.session.scalar(select(GroupSignInToken).where(GroupSignInToken.token_hash == _hash(token)))
    if row is None or row.uses >= LINK_USES or _aware(row.expires_at) <= now:
        return None
    return row


def token_group(token: str, *, now: dt.datetime | None = None) -> Group | None:
    """The group a live token of the bound office is for (without counting a use)."""
    row = _live_token(token, now or utcnow())
    return row.group if row is not None else None


def redeem_token(token: str, *, now: dt.datetime | None = None) -> tuple[Group, str] | None:
    """Count one use of the token (never more than :data:`LINK_USES`, even for requests at the same moment):
    its group and address, or None for an unknown, expired, used-up or other office's token."""
    now = now or utcnow()
    row = _live_token(token, now)
    if row is None:
        return None
    used = db.session.execute(
        update(GroupSignInToken)
        .where(
            GroupSignInToken.id == row.id,
            GroupSignInToken.tenant_id == row.tenant_id,
            GroupSignInToken.uses < LINK_USES,
            GroupSignInToken.expires_at > now,
        )
        .values(uses=GroupSignInToken.uses + 1, used_at=func.coalesce(GroupSignInToken.used_at, now))
        .execution_options(synchronize_session=False)
    )
    if rowcount(used) != 1:
        return None
    return row.group, row.email or ""


def end_links(group_id: int, address_hash: str, *, now: dt.datetime | None = None) -> int:
    """Signing out ends the group's live links to that address: the link in the history is dead."""
    now = now or utcnow()
    rows = db.session.scalars(
        select(GroupSignInToken).where(GroupSignInToken.group_id == group_id, GroupSignInToken.expires_at > now)
    ).all()
    ended = 0
    for row in rows:
        if _hash(row.email.lower()) == address_hash:
            row.expires_at = now
            ended += 1
    db.session.flush()
    return ended


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite returns naive UTC


def purge_tokens(now: dt.datetime | None = None) -> int:
    """Delete tokens that are used or expired for a day: nothing needs them any more."""
    cutoff = (now or utcnow()) - dt.timedelta(days=1)
    rows = db.session.scalars(select(GroupSignInToken).where(GroupSignInToken.expires_at < cutoff)).all()
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    return len(rows)


# --- the session ---------------------------------------------------------------------------------------


def start_session(group: Group, email: str) -> None:
    """Sign the browser in as the group (and out of anything else): a fresh session, limited in time."""
    if current_user.is_authenticated:
        logout_user()
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session[SESSION_KEY] = {
        "t": group.tenant_id,
        "g": group.id,
        "a": _hash(email.lower()),  # which contact address signed in (hashed: the cookie is only signed)
        "until": int(time.time()) + SESSION_HOURS * 3600,
    }
    session.permanent = False


def end_session() -> None:
    session.pop(SESSION_KEY, None)


def session_data() -> dict | None:
    """The group session of this browser if it is still valid (any office), else None."""
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict) or not isinstance(data.get("until"), int) or data["until"] < time.time():
        return None
    return data


def signed_in_group() -> Group | None:
    """The group signed in for the office of this request, or None."""
    data = session_data()
    if data is None or data.get("t") != current_tenant_id():
        return None
    group = db.session.get(Group, data.get("g"))
    if group is None or group.status in SIGNED_OUT_STATUSES:
        return None
    if all(_hash(c.email.lower()) != data.get("a") for c in group.contacts if c.email):
        return None  # staff removed or changed the address that signed in
    return group


def group_required(view: Callable[P, R]) -> Callable[P, R | Response]:
    """Pages of the group area: the signed-in group of this office. Anyone else signed in (a group of
    another office, a staff user) gets 404; a visitor or an ended session is sent to the sign-in form."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
        group = signed_in_group()
        if group is None:
            data = session_data()
            if (data is not None and data.get("t") != current_tenant_id()) or current_user.is_authenticated:
                abort(404)
            end_session()  # expired, or the group or its address changed: sign in again
            return redirect(url_for("grouparea.sign_in"))
        g.group = group
        return view(*args, **kwargs)

    return wrapped


class MaskTokenFilter(logging.Filter):
    """Access logs (werkzeug, gunicorn) must not keep a usable sign-in link."""

    _token = re.compile(r"(/gruppenbereich/anmelden/)[A-Za-z0-9_\-]+")

    def filter(self, record: logging.LogRecord) -> bool:
        mask = self._mask
        if isinstance(record.args, dict):  # gunicorn's access log passes its atoms as a mapping
            record.args = {k: mask(v) for k, v in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(mask(a) for a in record.args)
        record.msg = mask(record.msg)
        return True

    def _mask(self, value: Any) -> Any:
        return self._token.sub(r"\1…", value) if isinstance(value, str) else value


def install_log_filter() -> None:
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskTokenFilter) for f in logger.filters):
            logger.addFilter(MaskTokenFilter())
