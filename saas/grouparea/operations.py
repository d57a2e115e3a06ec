"""Writes of the group area: what groups propose and how staff decide. Flush, never commit."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Protocol, TypeVar

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Mapped, declared_attr

from saas.core import timeutil
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


def _entry_text(wanted: dict[str, Any]) -> dict[str, Any]:
    """Form values of an entry as stored in a proposal; an unknown rhythm or mode → GroupAreaError."""
    values = {}
    for field in PROPOSABLE:
        new = to_text(field, wanted.get(field))
        if field == "rhythm" and new not in (None, *RHYTHMS):
            raise GroupAreaError(_("Unbekannter Rhythmus."))
        if field == "meeting_mode" and new not in (None, *MEETING_MODES):
            raise GroupAreaError(_("Unbekannte Form der Treffen."))
        values[field] = new
    return values


def propose_changes(group: Group, wanted: dict[str, Any]) -> GroupChangeProposal:
    """Store the fields the group changed (old and new). Nothing changed → GroupAreaError."""
    current = entry_values(group)
    changes = {}
    for field, new in _entry_text(wanted).items():
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


def approve_changes(
    proposal: GroupChangeProposal, *, acting_user: Any, note: str = "", edited: dict[str, Any] | None = None
) -> None:
    """The proposed values go live, or staff's edit of them (``edited``: the whole entry form as staff
    left it). The proposal keeps what the group sent and, in ``published_json``, what went live; the
    life-cycle history names the fields, and what staff changed with both values."""
    from saas.grouparea.presentation import show_value

    _decide(proposal, "approved", acting_user, note)
    group = proposal.group
    current = entry_values(group)
    published = {field: change["new"] for field, change in proposal.changes.items()}
    if edited is not None:
        wanted = _entry_text(edited)
        published = {f: v for f, v in wanted.items() if f in proposal.changes or v != current[f]}
        if all(v == current[f] for f, v in published.items()):
            raise GroupAreaError(_("Nach Ihrer Bearbeitung ändert sich am Eintrag nichts. Bitte lehnen Sie ab."))
    proposal.published_json = json.dumps(
        {f: {"old": current[f], "new": v} for f, v in published.items()}, ensure_ascii=False
    )
    data = {field: from_text(field, value) for field, value in published.items()}
    directory_ops.update_group(group, data, acting_user=acting_user)
    sent = proposal.submitted_values()
    text = "Änderung der Gruppe übernommen: " + ", ".join(FIELD_LABELS[f] for f in published)
    adapted = [
        f"{FIELD_LABELS[f]} ({'Text' if f == 'description' else show_value(f, sent.get(f))} → "
        f"{'Text angepasst' if f == 'description' else show_value(f, published[f])})"
        for f in proposal.edited_fields
    ]
    if adapted:
        text += ". Von der Kontaktstelle angepasst: " + "; ".join(adapted)
    group.history.append(
        GroupStatusChange(
            from_status=group.status,
            to_status=group.status,
            changed_on=timeutil.today(),
            user_id=getattr(acting_user, "id", None),
            note=text[:300],
        )
    )
    db.session.flush()


def proposal_rows(proposal: GroupChangeProposal) -> list[dict[str, Any]]:
    """The proposal field by field for people: before, the group's proposal, what went live (once approved)."""
    from saas.grouparea.presentation import show_value

    current = entry_values(proposal.group)
    published, sent = proposal.published, proposal.submitted_values()
    fields = [f for f in PROPOSABLE if f in proposal.changes or f in published]
    rows = []
    for field in fields:
        change = proposal.changes.get(field) or proposal.published_changes[field]
        old = change["old"]
        rows.append(
            {
                "field": field,
                "label": FIELD_LABELS[field],
                "old": show_value(field, old),
                "new": show_value(field, sent[field]) if field in sent else "—",
                "published": show_value(field, published[field]) if field in published else None,
                "edited": field in published and sent.get(field, old) != published[field],
                "moved": proposal.state == "pending" and current[field] != old,  # the entry changed meanwhile
            }
        )
    return rows


def edits_for_mail(item: Any) -> list[tuple[str, str, str]]:
    """(label, the group's value, the published value) for each field staff changed before approving."""
    from saas.grouparea.presentation import show_value

    sent, published = item.submitted_values(), item.published
    labels = FIELD_LABELS if isinstance(item, GroupChangeProposal) else SUBMISSION_LABELS
    return [
        (labels[f], show_value(f, sent.get(f)), show_value(f, published[f]))
        for f in item.edited_fields
        if f not in ("description", "body")
    ] + [(labels[f], "…", _("Text geändert")) for f in item.edited_fields if f in ("description", "body")]


SUBMISSION_LABELS = {
    "title": "Titel",
    "start_date": "Datum",
    "start_time": "Beginn",
    "end_time": "Ende",
    "address": "Ort",
    "description": "Beschreibung",
    "body": "Text",
}


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
    if data["start_date"] < timeutil.today():
        raise GroupAreaError(_("Die Veranstaltung liegt in der Vergangenheit."))
    submission = GroupEventSubmission(group_id=group.id, **data)
    db.session.add(submission)
    db.session.flush()
    return submission


EVENT_FIELDS = ("title", "start_date", "start_time", "end_time", "address", "description")


def _event_text(data: dict[str, Any]) -> dict[str, Any]:
    """Event values as stored in ``published_json`` (dates and times as text)."""
    return {
        "title": (data.get("title") or "").strip(),
        "start_date": data["start_date"].isoformat(),
        "start_time": data["start_time"].strftime("%H:%M"),
        "end_time": data["end_time"].strftime("%H:%M") if data.get("end_time") else None,
        "address": (data.get("address") or "").strip(),
        "description": (data.get("description") or "").strip(),
    }


def approve_event(
    submission: GroupEventSubmission, *, acting_user: Any, note: str = "", edited: dict[str, Any] | None = None
) -> None:
    """A published event of the office (it appears in the calendar and the ICS feed), as the group sent it
    or as staff edited it (``edited``: the event form's values); the submission keeps both."""
    from saas.events import operations as event_ops
    from saas.events.models import Audience, EventKind, PlaceKind

    _decide(submission, "approved", acting_user, note)
    data = edited if edited is not None else {f: getattr(submission, f) for f in EVENT_FIELDS}
    if data["start_date"] < timeutil.today():
        raise GroupAreaError(_("Die Veranstaltung liegt in der Vergangenheit."))
    submission.published_json = json.dumps(_event_text(data), ensure_ascii=False)
    description = str(data.get("description") or "").strip()
    if submission.group:
        description += f"\n\nEine Veranstaltung der Gruppe „{submission.group.name}“."
    event = event_ops.create_event(
        {
            "kind": EventKind.other,
            "title": data["title"].strip(),
            "description": description,
            "start_date": data["start_date"],
            "start_time": data["start_time"],
            "end_time": data.get("end_time"),
            "place_kind": PlaceKind.address,
            "address": (data.get("address") or "").strip(),
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


def pick_news(item: GroupNewsItem, *, acting_user: Any, note: str = "", edited: dict[str, str] | None = None) -> None:
    """Staff take the item for the next issue, as sent or as they edited it (``edited``: title and body);
    the newsletter prints the published text, the item keeps the group's own."""
    _decide(item, "approved", acting_user, note)
    data = edited if edited is not None else {"title": item.title, "body": item.body}
    published = {"title": (data.get("title") or "").strip(), "body": (data.get("body") or "").strip()}
    if not published["title"] or not published["body"]:
        raise GroupAreaError(_("Überschrift und Text dürfen nicht leer sein."))
    item.published_json = json.dumps(published, ensure_ascii=False)
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
    if data["start_date"] < timeutil.today():
        raise GroupAreaError(_("Der erste Termin liegt in der Vergangenheit."))
    taken = _taken_dates(room, data)
    if taken:  # said now, not only when staff approve; without the other groups' names
        shown = ", ".join(f"{c.day:%d.%m.%Y} {c.start:%H.%M}–{c.end:%H.%M}" for c in taken[:8])
        more = " …" if len(taken) > 8 else ""
        raise GroupAreaError(
            _(
                "Der Raum ist zu dieser Zeit an %(n)s Terminen schon belegt: %(shown)s%(more)s. "
                "Bitte wählen Sie eine freie Zeit aus der Liste.",
                n=len(taken),
                shown=shown,
                more=more,
            )
        )
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


def _taken_dates(room: Any, data: dict[str, Any]) -> list[Any]:
    """Dates on which the request would clash with a booking of the room (closed days do not count)."""
    from saas.core.recurrence import Pattern, Recurrence
    from saas.rooms.operations import find_conflicts

    rule = Recurrence(Pattern(data["pattern"]), data["start_date"], _until(data), None)
    return find_conflicts(room.id, rule, data["start_time"], data["end_time"], site_id=room.site_id)


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
    try:
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
    except room_ops.BookingConflict as conflict:  # its short message points to a list this page has not
        raise GroupAreaError(str(conflict)) from conflict
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
