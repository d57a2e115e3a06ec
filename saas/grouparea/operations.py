"""Writes of the group area: what groups propose and how staff decide. Flush, never commit."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Protocol, TypeVar

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Mapped, declared_attr

from saas.core.errors import DomainError
from saas.directory import operations as directory_ops
from saas.directory.models import MEETING_MODES, RHYTHMS, Group, GroupStatusChange
from saas.extensions import db
from saas.grouparea.models import (
    GroupAreaProfile,
    GroupChangeProposal,
    GroupEventSubmission,
    GroupNewsItem,
    GroupRoomRequest,
)
from tenants.models import utcnow

# The fields of its entry a group may propose, in the order they are shown.
PROPOSABLE = (
    "rhythm", "weekday", "nth_weekday", "time_start", "time_end", "place", "meeting_mode",
    "welcomes_new_members", "description",
)  # fmt: skip
FIELD_LABELS = {
    "rhythm": "Rhythmus",
    "weekday": "Wochentag",
    "nth_weekday": "Woche im Monat",
    "time_start": "Beginn",
    "time_end": "Ende",
    "place": "Treffpunkt oder Raum",
    "meeting_mode": "Form der Treffen",
    "welcomes_new_members": "Neue Mitglieder willkommen",
    "description": "Beschreibung",
}


class GroupAreaError(DomainError):
    """A request of a group (or a decision of staff) that cannot be done as asked; nothing is stored."""


# --- values as stored in a proposal (plain JSON) and back ----------------------------------------------


def to_text(field: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if field in ("time_start", "time_end"):
        return value.strftime("%H:%M")
    if field in ("weekday", "nth_weekday"):
        return int(value)
    if field == "welcomes_new_members":
        return bool(value)
    return str(value).strip() or None


def from_text(field: str, value: Any) -> Any:
    if field in ("time_start", "time_end"):
        return dt.time.fromisoformat(value) if value else None
    if field in ("weekday", "nth_weekday"):
        return int(value) if value is not None else None
    if field == "welcomes_new_members":
        return bool(value)
    if field in ("place", "description"):
        return value or ""
    if field == "meeting_mode":
        return value or "in_person"
    return value


def entry_values(group: Group) -> dict[str, Any]:
    return {field: to_text(field, getattr(group, field)) for field in PROPOSABLE}


def propose_changes(group: Group, wanted: dict[str, Any]) -> GroupChangeProposal:
    """Store the fields the group changed (old and new). Nothing changed → GroupAreaError."""
    current = entry_values(group)
    changes = {}
    for field in PROPOSABLE:
        new = to_text(field, wanted.get(field))
        if field == "rhythm" and new not in (None, *RHYTHMS):
            raise GroupAreaError(_("Unbekannter Rhythmus."))
        if field == "meeting_mode" and new not in (None, *MEETING_MODES):
            raise GroupAreaError(_("Unbekannte Form der Treffen."))
        if new != current[field]:
            changes[field] = {"old": current[field], "new": new}
    if not changes:
        raise GroupAreaError(_("Sie haben nichts geändert."))
    proposal = GroupChangeProposal(group_id=group.id, changes_json=json.dumps(changes, ensure_ascii=False))
    db.session.add(proposal)
    db.session.flush()
    return proposal


def _decide(item: Any, state: str, acting_user: Any, note: str) -> None:
    if item.state != "pending":
        raise GroupAreaError(_("Darüber ist schon entschieden."))
    item.state = state
    item.decided_at = utcnow()
    item.decided_by_id = getattr(acting_user, "id", None)
    item.decision_note = (note or "").strip()[:500]


def approve_changes(proposal: GroupChangeProposal, *, acting_user: Any, note: str = "") -> None:
    """The proposed values go live; the life-cycle history records which fields changed and who approved."""
    _decide(proposal, "approved", acting_user, note)
    group = proposal.group
    data = {field: from_text(field, change["new"]) for field, change in proposal.changes.items()}
    directory_ops.update_group(group, data, acting_user=acting_user)
    labels = ", ".join(FIELD_LABELS[f] for f in proposal.changes)
    group.history.append(
        GroupStatusChange(
            from_status=group.status,
            to_status=group.status,
            changed_on=dt.date.today(),
            user_id=getattr(acting_user, "id", None),
            note=f"Änderung der Gruppe übernommen: {labels}"[:300],
        )
    )
    db.session.flush()


def reject(item: Any, *, acting_user: Any, note: str = "") -> None:
    _decide(item, "rejected", acting_user, note)
    db.session.flush()


def confirm_entry(group: Group) -> None:
    """The yearly confirmation, one click in the group area."""
    directory_ops.confirm_group(group)


class Submission(Protocol):
    """What a group sends for staff to decide (``_Pending`` + ``group_id``), read on the model class as columns."""

    @declared_attr
    def id(cls) -> Mapped[int]: ...

    @declared_attr
    def group_id(cls) -> Mapped[int]: ...

    @declared_attr
    def state(cls) -> Mapped[str]: ...

    @declared_attr
    def submitted_at(cls) -> Mapped[dt.datetime]: ...


S = TypeVar("S", bound=Submission)


def pending(model: type[S], group_id: int | None = None) -> list[S]:
    query = select(model).where(model.state == "pending").order_by(model.submitted_at, model.id)
    if group_id is not None:
        query = query.where(model.group_id == group_id)
    return list(db.session.scalars(query))


def recent(model: type[S], group_id: int, limit: int = 10) -> list[S]:
    return list(
        db.session.scalars(
            select(model)
            .where(model.group_id == group_id)
            .order_by(model.submitted_at.desc(), model.id.desc())
            .limit(limit)
        )
    )


# --- events and newsletter items ------------------------------------------------------------------------


def submit_event(group: Group, data: dict[str, Any]) -> GroupEventSubmission:
    if data["start_date"] < dt.date.today():
        raise GroupAreaError(_("Die Veranstaltung liegt in der Vergangenheit."))
    submission = GroupEventSubmission(group_id=group.id, **data)
    db.session.add(submission)
    db.session.flush()
    return submission


def approve_event(submission: GroupEventSubmission, *, acting_user: Any, note: str = "") -> None:
    """A published event of the office (it appears in the calendar and the ICS feed)."""
    from saas.events import operations as event_ops
    from saas.events.models import Audience, EventKind, PlaceKind

    _decide(submission, "approved", acting_user, note)
    event = event_ops.create_event(
        {
            "kind": EventKind.other,
            "title": submission.title,
            "description": submission.description
            + (f"\n\nEine Veranstaltung der Gruppe „{submission.group.name}“." if submission.group else ""),
            "start_date": submission.start_date,
            "start_time": submission.start_time,
            "end_time": submission.end_time,
            "place_kind": PlaceKind.address,
            "address": submission.address,
            "registration_required": False,
            "audience": Audience.public,
        },
        acting_user=acting_user,
    )
    event_ops.publish_event(event)  # an EventError (a DomainError) refuses the approval as it is
    submission.event_id = event.id
    db.session.flush()


def submit_news(group: Group, *, title: str, body: str) -> GroupNewsItem:
    item = GroupNewsItem(group_id=group.id, title=title.strip(), body=body.strip())
    db.session.add(item)
    db.session.flush()
    return item


def pick_news(item: GroupNewsItem, *, acting_user: Any, note: str = "") -> None:
    """Staff take the item for the next issue: it is listed among the items for the next newsletter."""
    _decide(item, "approved", acting_user, note)
    db.session.flush()


def news_for_next_issue() -> list[GroupNewsItem]:
    return list(
        db.session.scalars(
            select(GroupNewsItem)
            .where(GroupNewsItem.state == "approved", GroupNewsItem.issue_id.is_(None))
            .order_by(GroupNewsItem.decided_at)
        )
    )


def claim_news(issue_id: int) -> None:
    """The newsletter issue that carries the picked items is being sent: they are used up."""
    for item in news_for_next_issue():
        item.issue_id = issue_id
    db.session.flush()


# --- rooms ------------------------------------------------------------------------------------------------


def request_room(group: Group, data: dict[str, Any], *, terms_text: str) -> GroupRoomRequest:
    from saas.rooms.access import room_or_404

    room = room_or_404(data["room_id"])
    if data["start_date"] < dt.date.today():
        raise GroupAreaError(_("Der erste Termin liegt in der Vergangenheit."))
    request = GroupRoomRequest(
        group_id=group.id,
        room_id=room.id,
        pattern=data["pattern"],
        start_date=data["start_date"],
        until_date=_until(data),
        start_time=data["start_time"],
        end_time=data["end_time"],
        note=(data.get("note") or "").strip()[:500],
        terms_accepted_at=utcnow(),
        terms_text=terms_text,
    )
    db.session.add(request)
    db.session.flush()
    return request


def _until(data: dict[str, Any]) -> dt.date | None:
    """A recurring request without a last date runs for a year (bookings are renewed yearly)."""
    if data["pattern"] == "once":
        return None
    return data.get("until_date") or data["start_date"] + dt.timedelta(days=364)


def approve_room(request: GroupRoomRequest, *, acting_user: Any, note: str = "") -> None:
    """Book the room for the group; a clash with another booking is refused exactly as for staff."""
    from saas.rooms import operations as room_ops
    from saas.rooms.access import room_or_404

    _decide(request, "approved", acting_user, note)
    room = room_or_404(request.room_id)
    booking = room_ops.create_booking(
        room,
        pattern=request.pattern,
        start_date=request.start_date,
        until_date=request.until_date,
        start_time=request.start_time,
        end_time=request.end_time,
        group_id=request.group_id,
        note=request.note,
        acting_user=acting_user,
    )
    request.booking_id = booking.id
    db.session.flush()


# --- the group's own settings -----------------------------------------------------------------------------


def mail_locale(group_id: int) -> str:
    profile = db.session.scalar(select(GroupAreaProfile).where(GroupAreaProfile.group_id == group_id))
    return profile.locale if profile else "de"


def set_mail_locale(group: Group, locale: str) -> None:
    if locale not in ("de", "en"):
        raise GroupAreaError(_("Unbekannte Sprache."))
    profile = db.session.scalar(select(GroupAreaProfile).where(GroupAreaProfile.group_id == group.id))
    if profile is None:
        profile = GroupAreaProfile(group_id=group.id)
        db.session.add(profile)
    profile.locale = locale
    db.session.flush()
