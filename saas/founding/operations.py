"""Writes of founding support and effort cases. Flush, never commit; mails go out after the commit.

The public founding-interest form of the Wegweiser (issue 14) keeps its own model; it hands a person
over with :func:`add_interest` (``source="form"``) when it links to a process.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from saas.core.errors import DomainError
from saas.core.timeutil import today
from saas.directory import operations as directory
from saas.directory.models import Group, GroupInquiry
from saas.extensions import db
from saas.founding.models import (
    CASE_KINDS,
    DEFAULT_THRESHOLD,
    INTEREST_SOURCES,
    MILESTONES,
    SESSION_MINUTES_MAX,
    SIMPLE_MILESTONES,
    WAITING_STATES,
    FoundingInterest,
    FoundingMilestone,
    FoundingProcess,
    SupportCase,
    SupportSession,
)
from saas.rooms.models import Booking, Room
from tenants import operations as tenant_ops
from tenants.models import Site, Tenant, utcnow
from tenants.scoping import current_tenant_id

TOPIC_MAX = 120
THRESHOLD_RANGE = (2, 100)


class FoundingError(DomainError):
    """A step that cannot be taken as asked (German message for the page)."""


def _uid(user: Any) -> int | None:
    return getattr(user, "id", None)


def _tenant() -> Tenant:
    tenant = db.session.get(Tenant, current_tenant_id())
    assert tenant is not None, "founding operations need a bound office"
    return tenant


# --- the office's threshold ---------------------------------------------------------------------------


def threshold(tenant: Tenant | None = None) -> int:
    value = (((tenant or _tenant()).settings or {}).get("founding") or {}).get("threshold")
    return value if isinstance(value, int) and THRESHOLD_RANGE[0] <= value <= THRESHOLD_RANGE[1] else DEFAULT_THRESHOLD


def set_threshold(tenant: Tenant, value: int) -> None:
    if not THRESHOLD_RANGE[0] <= value <= THRESHOLD_RANGE[1]:
        raise FoundingError(
            _("Die Schwelle muss zwischen %(a)s und %(b)s liegen.", a=THRESHOLD_RANGE[0], b=THRESHOLD_RANGE[1])
        )
    tenant_ops.update_settings(tenant, "founding", threshold=value)


# --- processes ------------------------------------------------------------------------------------------


def create_process(
    *, topic_name: str, site_id: int | None = None, started_on: dt.date | None = None, topic_id: int | None = None
) -> FoundingProcess:
    from saas.directory.models import Topic

    topic_name = " ".join(topic_name.split())
    if topic_id is not None:
        topic = db.session.scalar(select(Topic).where(Topic.id == topic_id))
        if topic is None:
            raise FoundingError(_("unbekanntes Thema"))
        topic_name = topic.name
    if not topic_name or len(topic_name) > TOPIC_MAX:
        raise FoundingError(_("Bitte ein Thema angeben (höchstens %(n)s Zeichen).", n=TOPIC_MAX))
    if site_id is not None and db.session.scalar(select(Site.id).where(Site.id == site_id)) is None:
        raise FoundingError(_("unbekannter Standort"))
    process = FoundingProcess(
        tenant_id=current_tenant_id(),
        topic_name=topic_name,
        topic_id=topic_id,
        site_id=site_id,
        started_on=started_on or today(),
    )
    db.session.add(process)
    db.session.flush()
    from saas.founding import wegweiser

    wegweiser.adopt_interests(process)  # people who asked for this topic in the Wegweiser
    return process


def _ensure_open(process: FoundingProcess) -> None:
    if process.state != "open":
        raise FoundingError(_("Dieser Gründungsprozess ist abgeschlossen."))


def _milestone(process: FoundingProcess, kind: str, on: dt.date, note: str = "", user: Any = None) -> FoundingMilestone:
    if kind not in MILESTONES:
        raise FoundingError(_("Unbekannter Schritt: %(k)s", k=kind))
    if on > today():
        raise FoundingError(_("Das Datum liegt in der Zukunft."))
    if on < process.started_on:
        raise FoundingError(_("Das Datum liegt vor dem Beginn des Prozesses."))
    milestone = FoundingMilestone(
        tenant_id=process.tenant_id, kind=kind, on=on, note=" ".join(note.split())[:300], user_id=_uid(user)
    )
    process.milestones.append(milestone)
    db.session.flush()
    return milestone


def record_milestone(
    process: FoundingProcess, kind: str, *, on: dt.date, note: str = "", user: Any = None
) -> FoundingMilestone:
    """First talk or press notice (the other steps have their own operation)."""
    _ensure_open(process)
    if kind not in SIMPLE_MILESTONES:
        raise FoundingError(_("Unbekannter Schritt: %(k)s", k=kind))
    return _milestone(process, kind, on, note, user)


# --- interested people ---------------------------------------------------------------------------------


def add_interest(
    process: FoundingProcess, *, name: str, reach: str, consent_text: str, source: str = "staff"
) -> tuple[FoundingInterest, str | None]:
    """Put a person on the interest list. Returns the interest and, when this person makes the waiting
    list reach the office's threshold for the topic and site, the notice to show (once per process)."""
    _ensure_open(process)
    name, reach, consent_text = " ".join(name.split()), " ".join(reach.split()), consent_text.strip()
    if not name or len(name) > 200:
        raise FoundingError(_("Bitte einen Namen oder ein Pseudonym angeben (höchstens 200 Zeichen)."))
    if not reach or len(reach) > 300:
        raise FoundingError(_("Bitte angeben, wie die Person erreichbar ist (höchstens 300 Zeichen)."))
    if not consent_text:
        raise FoundingError(_("Ohne Einwilligung darf die Person nicht eingetragen werden."))
    if source not in INTEREST_SOURCES:
        raise FoundingError(_("Unbekannte Herkunft: %(s)s", s=source))
    interest = FoundingInterest(
        tenant_id=process.tenant_id, name=name, reach=reach, consent_text=consent_text[:2000], source=source
    )
    process.interests.append(interest)
    process.interested_count = (process.interested_count or 0) + 1
    db.session.flush()
    return interest, _threshold_notice(process)


def interest_from_inquiry(process: FoundingProcess, inquiry: GroupInquiry) -> tuple[FoundingInterest, str | None]:
    """A person who wrote to a group (an inquiry with consent) joins the interest list of a planned group."""
    return add_interest(
        process,
        name=inquiry.name,
        reach=inquiry.reach,
        consent_text=inquiry.consent_text,
        source="inquiry",
    )


def waiting_for(topic_name: str, site_id: int | None) -> int:
    """People waiting for a group on this topic at this site, over all open processes."""
    rows = db.session.scalars(select(FoundingProcess).where(FoundingProcess.state == "open")).all()
    key = topic_name.casefold()
    return sum(p.waiting for p in rows if p.site_id == site_id and p.topic_name.casefold() == key)


def threshold_text(topic_name: str, site: Site | None, count: int) -> str:
    where = f" in {site.name}" if site is not None else ""
    return f"{count} Interessierte für {topic_name}{where}"


def _threshold_notice(process: FoundingProcess) -> str | None:
    count = waiting_for(process.topic_name, process.site_id)
    if count < threshold() or process.threshold_reached_at is not None:
        return None
    process.threshold_reached_at = utcnow()
    db.session.flush()
    text = threshold_text(process.topic_name, process.site, count)
    _mail_office(text)
    return text


def _mail_office(notice: str) -> None:
    """Tell the office by e-mail too (after the commit): the person adding the interest may not be the one
    who runs founding support. No personal data in the mail, only the count and the topic."""
    from saas.core.mail import office_message, queue_message

    tenant = _tenant()
    if not tenant.email:
        return
    body = (
        f"Guten Tag,\n\nfür eine neue Selbsthilfegruppe ist die Schwelle erreicht: {notice}.\n"
        "Die Liste steht in Lotse unter „Gründungen“.\n\nLotse\n"
    )
    queue_message(office_message(tenant, to=tenant.email, subject=f"Gründungsbegleitung: {notice}", text=body))


def withdraw_interest(interest: FoundingInterest) -> None:
    interest.state = "withdrawn"
    interest.closed_at = interest.closed_at or utcnow()
    db.session.flush()


def purge_closed_interests(now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete the bound office's interested people whose process ended (or who withdrew) longer ago than
    the office's retention period for ``founding_interests``."""
    from saas.privacy.retention import retention_days

    cutoff = (now or utcnow()) - dt.timedelta(days=days if days is not None else retention_days("founding_interests"))
    old = db.session.scalars(select(FoundingInterest).where(FoundingInterest.closed_at < cutoff)).all()
    for interest in old:
        db.session.delete(interest)
    db.session.flush()
    return len(old)


# --- the steps to a group ---------------------------------------------------------------------------------


def _ensure_group(process: FoundingProcess, user: Any) -> Group:
    """The directory entry of the planned group, created in status "im Aufbau" on first need."""
    if process.group is not None:
        return process.group
    from saas.directory.models import Topic

    topic = db.session.get(Topic, process.topic_id) if process.topic_id else None
    topics = [topic] if topic is not None else directory.topics_by_names([process.topic_name])
    area = next((t.topic_area for t in topics if t.topic_area), None) or "social"
    group = directory.create_group(
        {
            "name": f"Selbsthilfegruppe {process.topic_name} (im Aufbau)"[:200],
            "topic_area": area,
            "site_id": process.site_id,
            "topics": topics,
            "visibility": "public",
        },
        acting_user=user,
        status="founding",
        since=process.started_on,
    )
    process.group = group
    db.session.flush()
    return group


def book_first_meeting(
    process: FoundingProcess,
    room: Room,
    *,
    day: dt.date,
    start: dt.time,
    end: dt.time,
    user: Any = None,
    booked_on: dt.date | None = None,
) -> Booking:
    """Book a room once for the first meeting; the group enters the directory as "im Aufbau"."""
    from saas.rooms import operations as rooms

    _ensure_open(process)
    if process.first_booking is not None:
        raise FoundingError(_("Das erste Treffen ist schon gebucht."))
    group = _ensure_group(process, user)
    try:
        booking = rooms.create_booking(
            room, pattern="once", start_date=day, start_time=start, end_time=end, group_id=group.id, acting_user=user
        )
    except rooms.BookingError as exc:
        raise FoundingError(exc.message) from exc
    process.first_booking = booking
    _milestone(process, "first_meeting", booked_on or today(), f"{room.name}, {day:%d.%m.%Y} {start:%H:%M}", user)
    return booking


def send_invitations(process: FoundingProcess, *, user: Any = None, on: dt.date | None = None) -> tuple[int, int]:
    """Invite everyone waiting to the booked first meeting: an e-mail to those who gave an address,
    the rest are to be called (the page lists them). Returns (mailed, to call)."""
    from saas.core.mail import office_message, queue_message

    _ensure_open(process)
    booking = process.first_booking
    if booking is None:
        raise FoundingError(_("Bitte zuerst das erste Treffen in einem Raum buchen."))
    tenant = _tenant()
    room = booking.room
    where = ", ".join(x for x in (room.name, room.site.name if room.site else "", tenant.address_line or "") if x)
    mailed = to_call = 0
    for interest in process.interests:
        if interest.state not in WAITING_STATES:
            continue
        if "@" in interest.reach and " " not in interest.reach:
            body = (
                f"Guten Tag {interest.name},\n\nSie haben Interesse an einer Selbsthilfegruppe zum Thema "
                f"„{process.topic_name}“ bekundet. Das erste Treffen findet statt am "
                f"{booking.start_date:%d.%m.%Y} um {booking.start_time:%H:%M} Uhr.\nOrt: {where}\n\n"
                "Bitte sagen Sie uns kurz Bescheid, wenn Sie nicht kommen können.\n\n"
                f"Mit freundlichen Grüßen\n{tenant.name}\n"
            )
            queue_message(
                office_message(tenant, to=interest.reach, subject=f"Einladung: {process.topic_name}", text=body)
            )
            mailed += 1
        else:
            to_call += 1
        interest.state = "invited"
    _milestone(process, "invitations_sent", on or today(), f"{mailed} per E-Mail, {to_call} telefonisch", user)
    return mailed, to_call


def _close(process: FoundingProcess, state: str, on: dt.date) -> None:
    process.state = state
    process.closed_on = on
    now = utcnow()
    for interest in process.interests:
        if interest.state in WAITING_STATES:
            interest.state = "joined" if state == "founded" else "withdrawn"
        interest.closed_at = interest.closed_at or now


def found_group(process: FoundingProcess, *, on: dt.date | None = None, user: Any = None) -> Group:
    """The group is founded: its directory entry goes from "im Aufbau" to "aktiv" (with its history)."""
    _ensure_open(process)
    on = on or today()
    group = _ensure_group(process, user)
    if group.status != "active":
        try:
            directory.change_status(group, "active", acting_user=user, on=on, note="gegründet")
        except directory.StatusChangeError as exc:
            raise FoundingError(_("Der Status der Gruppe passt nicht: %(e)s", e=exc)) from exc
    if group.name.endswith(" (im Aufbau)"):
        group.name = group.name.removesuffix(" (im Aufbau)")
        directory.refresh_search(group)
    _milestone(process, "founded", on, "", user)
    _close(process, "founded", on)
    db.session.flush()
    return group


def abandon(process: FoundingProcess, *, reason: str, on: dt.date | None = None, user: Any = None) -> None:
    _ensure_open(process)
    reason = " ".join(reason.split())
    if not reason:
        raise FoundingError(_("Bitte einen Grund angeben."))
    on = on or today()
    group = process.group
    if group is not None and group.status == "founding":
        try:
            directory.change_status(group, "abandoned", acting_user=user, on=on, note=reason)
        except directory.StatusChangeError as exc:
            raise FoundingError(_("Der Status der Gruppe passt nicht: %(e)s", e=exc)) from exc
    process.abandoned_reason = reason[:300]
    _milestone(process, "abandoned", on, reason, user)
    _close(process, "abandoned", on)
    db.session.flush()


# --- support cases ------------------------------------------------------------------------------------------


def open_case(*, group_id: int | None, kind: str, opened_on: dt.date | None = None) -> SupportCase:
    if kind not in CASE_KINDS:
        raise FoundingError(_("Unbekannte Art: %(k)s", k=kind))
    if group_id is not None and db.session.scalar(select(Group.id).where(Group.id == group_id)) is None:
        raise FoundingError(_("unbekannte Gruppe"))
    case = SupportCase(tenant_id=current_tenant_id(), group_id=group_id, kind=kind, opened_on=opened_on or today())
    db.session.add(case)
    db.session.flush()
    return case


def add_session(case: SupportCase, *, day: dt.date, minutes: int) -> SupportSession:
    if not 0 < minutes <= SESSION_MINUTES_MAX:
        raise FoundingError(_("Die Dauer muss zwischen 1 und %(n)s Minuten liegen.", n=SESSION_MINUTES_MAX))
    if day > today():
        raise FoundingError(_("Das Datum liegt in der Zukunft."))
    if day < case.opened_on:
        raise FoundingError(_("Das Datum liegt vor dem Beginn der Begleitung."))
    session = SupportSession(tenant_id=case.tenant_id, day=day, minutes=minutes)
    case.sessions.append(session)
    db.session.flush()
    return session


def close_case(case: SupportCase, *, on: dt.date | None = None) -> None:
    case.closed_on = on or today()
    db.session.flush()
