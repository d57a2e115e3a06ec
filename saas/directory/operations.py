"""Writes to the directory: groups, topics, lifecycle, inquiries, confirmations. Flush, never commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError

from saas.auth.models import User
from saas.core import timeutil
from saas.core.errors import DomainError
from saas.core.urls import external_url_for
from saas.directory.models import (
    STATUS_TRANSITIONS,
    TOPIC_AREAS,
    Group,
    GroupContactPerson,
    GroupInquiry,
    GroupInterest,
    GroupProfileChange,
    GroupStatusChange,
    SearchMiss,
    SearchWord,
    Topic,
)
from saas.directory.search import document, name_document, office_vocabulary, topics_document
from saas.extensions import db, rowcount
from tenants.models import Tenant, utcnow
from tenants.scoping import current_tenant_id

CONFIRM_MAX_AGE = 60 * 24 * 3600  # a confirmation link stays valid for 60 days
# Words for the audience in the topics document ("Betroffene" is left out: nearly every group is for them).
_AUDIENCE_WORDS = {
    "relatives": "Angehörige",
    "parents": "Eltern Angehörige",
    "both": "Angehörige",
    "affected": "",
}
GROUP_FIELDS = (
    "name", "description", "topic_area", "audience", "age_focus", "languages", "site_id", "rhythm", "weekday",
    "nth_weekday", "time_start", "time_end", "place", "meeting_mode", "meets_note", "welcomes_new_members",
    "visibility", "notes", "step_free", "young",
)  # fmt: skip


class StatusChangeError(DomainError):
    """A lifecycle step that is not allowed (e.g. dissolved → founding); ``str()`` names the step for logs."""

    @property
    def message(self) -> str:
        return _("Dieser Statuswechsel ist nicht möglich (Datum vor der letzten Änderung?).")


# --- search documents --------------------------------------------------------------------------------


def search_documents(
    *,
    name: str,
    description: str,
    topic_area: str,
    audience: str,
    age_focus: str,
    languages: str,
    topics: list[tuple[str, list[str]]],
) -> tuple[str, str, str]:
    """``(search_name, search_topics, search_text)`` of a group (see ``search.py``)."""
    # Each topic name and each synonym is its own phrase, so abbreviations come from whole phrases.
    about = [TOPIC_AREAS.get(topic_area, ""), _AUDIENCE_WORDS.get(audience, ""), age_focus, languages]
    name_doc = name_document(name)
    topics_doc = topics_document([t for t, _s in topics], [s for _t, syns in topics for s in syns], about)
    return name_doc, topics_doc, name_doc + topics_doc.lstrip() + document(description).lstrip()


def refresh_search(group: Group) -> None:
    """Rebuild the group's search documents. Never includes contact data or meeting places."""
    _fill_column_defaults(group)
    group.search_name, group.search_topics, group.search_text = search_documents(
        name=group.name,
        description=group.description,
        topic_area=group.topic_area,
        audience=group.audience,
        age_focus=group.age_focus,
        languages=group.languages,
        topics=[(t.name, t.synonyms) for t in group.topics],
    )


def _fill_column_defaults(group: Group) -> None:
    """Give a group not yet stored the column defaults its first flush would store ("Deutsch" as its
    language), so that its search documents are built from the values stored, as ``lotse groups reindex``
    builds them."""
    state = sa_inspect(group)
    if state.persistent:
        return
    for attr in state.mapper.column_attrs:
        default = attr.columns[0].default
        if default is not None and default.is_scalar and getattr(group, attr.key) is None:
            setattr(group, attr.key, default.arg)


def refresh_vocabulary() -> int:
    """Bring the bound office's typo-correction vocabulary in line with its groups. Returns its size."""
    # Which words name one of the office's topics, and of which area, is part of it (a topic term never
    # widens to loose synonyms of another area, see search.listed_topic_areas).
    wanted = office_vocabulary(
        db.session.scalars(select(Group.search_text)),
        db.session.execute(select(Topic.name, Topic.search_words, Topic.topic_area)).tuples(),
    )
    existing = set(db.session.scalars(select(SearchWord.word)))
    gone = existing - wanted
    if gone:
        db.session.execute(
            delete(SearchWord).where(SearchWord.word.in_(gone)).execution_options(synchronize_session=False)
        )
    for word in sorted(wanted - existing):
        db.session.add(SearchWord(word=word, length=len(word)))
    db.session.flush()
    return len(wanted)


# --- topics ------------------------------------------------------------------------------------------


def find_topic(name: str) -> Topic | None:
    """The office's topic of this name, whatever its case ("übergewicht" is "Übergewicht"; on SQLite through
    the Unicode ``lower`` of :mod:`saas.core.sqlite`)."""
    return db.session.scalar(select(Topic).where(func.lower(Topic.name) == name.strip().lower()))


def save_topic(topic: Topic | None, *, name: str, topic_area: str | None, search_words: str, relatives: bool) -> Topic:
    if topic is None:
        topic = Topic()
        db.session.add(topic)
    topic.name = name.strip()
    topic.topic_area = topic_area or None
    topic.search_words = ", ".join(w.strip() for w in search_words.replace(";", ",").split(",") if w.strip())
    topic.relatives = relatives
    db.session.flush()
    for group in topic.groups:
        refresh_search(group)
    db.session.flush()
    refresh_vocabulary()
    return topic


def delete_topic(topic: Topic) -> None:
    """Only a topic without groups may be deleted (the groups would lose it silently)."""
    if topic.groups:
        raise ValueError("topic in use")
    db.session.delete(topic)
    db.session.flush()


def topics_by_names(names: list[str], *, topic_area: str | None = None) -> list[Topic]:
    """The office's topics with these names; unknown names are created (CSV import)."""
    found: list[Topic] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        topic = find_topic(name)
        if topic is None:
            topic = Topic(name=name[:120], topic_area=topic_area, search_words="", relatives=False)
            db.session.add(topic)
            db.session.flush()
        if topic not in found:
            found.append(topic)
    return found


# --- groups and their lifecycle ----------------------------------------------------------------------


def _apply(group: Group, data: dict[str, Any]) -> None:
    for key in GROUP_FIELDS:
        if key in data:
            setattr(group, key, data[key])
    if "topics" in data:
        group.topics = list(data["topics"])
    if "contacts" in data:
        _set_contacts(group, data["contacts"])


def _set_contacts(group: Group, contacts: list[dict[str, Any]]) -> None:
    kept = []
    for position, spec in enumerate(c for c in contacts if any((c.get("name"), c.get("phone"), c.get("email")))):
        person = group.contacts[position] if position < len(group.contacts) else GroupContactPerson()
        person.name = spec.get("name", "") or ""
        person.phone = spec.get("phone", "") or ""
        person.email = (spec.get("email", "") or "").lower()
        consent = bool(spec.get("public_consent"))
        if consent and person.public_consent_at is None:
            person.public_consent_at = utcnow()
        elif not consent:
            person.public_consent_at = None
        person.position = position
        kept.append(person)
    group.contacts = kept


def create_group(
    data: dict[str, Any],
    *,
    acting_user: User | None,
    status: str = "active",
    since: dt.date | None = None,
    vocabulary: bool = True,
) -> Group:
    """A new directory entry; its history starts with the given status. ``vocabulary=False`` for bulk
    loads that call :func:`refresh_vocabulary` once at the end."""
    group = Group(status=status, status_since=since or timeutil.today())
    _apply(group, data)
    db.session.add(group)
    group.history.append(
        GroupStatusChange(from_status=None, to_status=status, changed_on=group.status_since, user_id=_uid(acting_user))
    )
    _record_profile(group, group.status_since or timeutil.today(), {})
    refresh_search(group)
    db.session.flush()
    if vocabulary:
        refresh_vocabulary()
    return group


def update_group(group: Group, data: dict[str, Any], *, acting_user: User | None) -> Group:
    before = profile_values(group)
    _apply(group, data)
    _record_profile(group, timeutil.today(), before)
    refresh_search(group)
    db.session.flush()
    refresh_vocabulary()
    return group


def profile_values(group: Group) -> dict[str, str]:
    """The group's profile fields (PROFILE_FIELDS) as the history stores them."""
    return {
        "meeting_mode": group.meeting_mode or "in_person",
        "young": "1" if group.young else "0",
    }


def _record_profile(group: Group, on: dt.date, before: dict[str, str]) -> None:
    """Keep every change of a profile field with its day, so that the annual report can count meeting modes
    and Junge Selbsthilfe groups as of 31 December (a second change on one day replaces the first).

    An entry older than this history gets its previous value recorded first, from the start of its status
    history: what it was before the change is known, only not since when."""
    for field, value in profile_values(group).items():
        if before.get(field) == value:
            continue
        if field in before and not any(c.field == field for c in group.profile_history):
            first = min((h.changed_on for h in group.history), default=None) or group.status_since
            start = min(first, on) if first is not None else on
            if start < on:
                group.profile_history.append(GroupProfileChange(field=field, value=before[field], since=start))
        same_day = next((c for c in group.profile_history if c.field == field and c.since == on), None)
        if same_day is not None:
            same_day.value = value
        else:
            group.profile_history.append(GroupProfileChange(field=field, value=value, since=on))


def change_status(
    group: Group, new_status: str, *, acting_user: User | None, on: dt.date | None = None, note: str = ""
) -> GroupStatusChange:
    """One lifecycle step, stored with its date and acting user."""
    if new_status == group.status or new_status not in STATUS_TRANSITIONS.get(group.status, ()):
        raise StatusChangeError(f"{group.status} → {new_status}")
    on = on or timeutil.today()
    last = max((h.changed_on for h in group.history), default=None)
    if last is not None and on < last:
        raise StatusChangeError("date before the last change")
    change = GroupStatusChange(
        from_status=group.status, to_status=new_status, changed_on=on, user_id=_uid(acting_user), note=note[:300]
    )
    group.history.append(change)
    group.status = new_status
    group.status_since = on
    db.session.flush()
    return change


def delete_group(group: Group) -> None:
    db.session.delete(group)
    db.session.flush()
    refresh_vocabulary()


def _uid(user: User | None) -> int | None:
    return getattr(user, "id", None)


# --- inquiries (protected groups) ----------------------------------------------------------------------


def create_inquiry(group: Group, *, name: str, reach: str, message: str, consent_text: str) -> GroupInquiry:
    from saas.core.tasks import queue

    inquiry = GroupInquiry(group_id=group.id, name=name, reach=reach, message=message, consent_text=consent_text)
    db.session.add(inquiry)
    db.session.flush()
    queue(NOTIFY_INQUIRY_TASK, current_tenant_id(), inquiry.id)
    return inquiry


NOTIFY_INQUIRY_TASK = "lotse.directory.notify_inquiry"  # workers/directory.py


def notify_inquiry(tenant: Tenant, inquiry_id: int) -> bool:
    """Tell the office (bound) that a new inquiry is waiting; no personal data in the mail: it links to the inbox.

    The office's address, else its admins. False when the inquiry is gone or no longer open. Flushes only.
    """
    from saas.auth.models import Membership, Role
    from saas.core.mail import office_message, queue_message

    inquiry = db.session.get(GroupInquiry, inquiry_id)
    if inquiry is None or inquiry.tenant_id != tenant.id or inquiry.state != "open":
        return False
    recipients = [tenant.email] if tenant.email else []
    if not recipients:
        members = db.session.scalars(select(Membership).where(Membership.role == Role.admin))
        recipients = [m.user.email for m in members]
    link = external_url_for("directory.inquiry_detail", slug=tenant.slug, inquiry_id=inquiry.id)
    group_name = inquiry.group.name if inquiry.group else "eine Gruppe"
    body = (
        f"Über den Wegweiser ist eine neue Kontaktanfrage zu „{group_name}“ eingegangen.\n\n"
        f"Im internen Bereich ansehen und weiterleiten:\n{link}\n"
    )
    for address in recipients:
        queue_message(office_message(tenant, to=address, subject="Neue Anfrage im Wegweiser", text=body))
    return True


def forward_inquiry(inquiry: GroupInquiry, *, acting_user: User | None, send_mail: bool = True) -> None:
    """Pass the inquiry to the group's contact person: that is a referral (Vermittlung) to the group."""
    from saas.core.mail import office_message, queue_message

    group = inquiry.group
    if group is None:
        raise ValueError("the group no longer exists")
    recipients = [c.email for c in group.contacts if c.email]
    if send_mail:
        if not recipients:
            raise ValueError("no contact e-mail")
        tenant = _tenant()
        tenant_name = tenant.name if tenant else "Selbsthilfe-Kontaktstelle"
        body = (
            f"Guten Tag,\n\nüber die {tenant_name} möchte jemand Kontakt zu Ihrer Gruppe „{group.name}“ aufnehmen.\n\n"
            f"Name oder Pseudonym: {inquiry.name}\nSo erreichen Sie die Person: {inquiry.reach}\n\n"
            f"Nachricht:\n{inquiry.message}\n\n"
            "Die Person hat eingewilligt, dass wir ihre Angaben an die Gruppe weitergeben. "
            "Bitte melden Sie sich bei ihr und behandeln Sie die Angaben vertraulich.\n\n"
            f"Mit freundlichen Grüßen\n{tenant_name}\n"
        )
        for address in recipients:
            queue_message(office_message(tenant, to=address, subject=f"Kontaktanfrage für {group.name}", text=body))
    now = utcnow()
    if inquiry.forwarded_at is None:
        _count_as_referral(group)
    inquiry.state = "forwarded"
    inquiry.forwarded_at = now
    inquiry.forwarded_group_id = group.id
    inquiry.forwarded_by_id = _uid(acting_user)
    db.session.flush()


def _count_as_referral(group: Group) -> None:
    """A forwarded inquiry is a written contact of a citizen looking for a group, referred to this group.

    It is counted in the contact log (anonymously: no name, no message), so the annual report's
    referrals and "referrals to group X" include it, and it stays counted after the inquiry is deleted.
    """
    from saas.contacts.operations import ContactData, record_contact, today

    topic = group.topics[0] if group.topics else None
    record_contact(
        ContactData(
            day=today(),
            kind="citizen",
            channel="written",
            topic_area=group.topic_area,
            concern="seeking_group",
            topic_id=topic.id if topic else None,
            group_ids=[group.id],
        )
    )


def close_inquiry(inquiry: GroupInquiry) -> None:
    inquiry.state = "closed"
    inquiry.closed_at = utcnow()
    db.session.flush()


def purge_closed_inquiries(now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete the bound office's inquiries closed more than ``days`` days ago (default: the office's
    retention setting, 90 days unless changed)."""
    from saas.privacy.retention import retention_days

    cutoff = (now or utcnow()) - dt.timedelta(days=days if days is not None else retention_days("inquiries_closed"))
    old = db.session.scalars(select(GroupInquiry).where(GroupInquiry.closed_at < cutoff)).all()
    for inquiry in old:
        db.session.delete(inquiry)
    db.session.flush()
    return len(old)


def _tenant() -> Tenant | None:
    return db.session.get(Tenant, current_tenant_id())


# --- yearly confirmation ---------------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="lotse-group-confirmation")


def confirmation_token(group: Group) -> str:
    return _serializer().dumps({"t": group.tenant_id, "g": group.id})


def read_confirmation_token(token: str, tenant_id: int) -> int | None:
    """The group id the token was made for, or None (forged, expired or another office's)."""
    try:
        data = _serializer().loads(token, max_age=CONFIRM_MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("t") != tenant_id or not isinstance(data.get("g"), int):
        return None
    return data["g"]


CONFIRM_EVERY = dt.timedelta(days=365)


def send_due_confirmations(tenant: Tenant, now: dt.datetime) -> int:
    """The yearly check (office bound): ask every active group not confirmed or asked within a year."""
    due = now - CONFIRM_EVERY
    groups = db.session.scalars(
        select(Group).where(
            Group.status == "active",
            or_(Group.confirmation_sent_at.is_(None), Group.confirmation_sent_at < due),
            or_(Group.confirmed_at.is_(None), Group.confirmed_at < due),
        )
    ).all()
    return sum(1 for group in groups if send_confirmation_request(group, tenant.slug))


def send_confirmation_request(group: Group, tenant_slug: str) -> bool:
    """Mail the group's contact person(s) a signed link to confirm or correct the entry."""
    from saas.core.mail import office_message, queue_message

    recipients = [c.email for c in group.contacts if c.email]
    if not recipients:
        return False
    link = external_url_for("directory.confirm_entry", slug=tenant_slug, token=confirmation_token(group))
    tenant = _tenant()
    tenant_name = tenant.name if tenant else "Selbsthilfe-Kontaktstelle"
    body = (
        f"Guten Tag,\n\ndie {tenant_name} führt Ihre Gruppe „{group.name}“ in ihrer Beratungsdatei.\n"
        "Einmal im Jahr bitten wir Sie zu prüfen, ob die Angaben noch stimmen. Bitte bestätigen oder "
        f"korrigieren Sie den Eintrag hier:\n\n{link}\n\nDer Link ist 60 Tage gültig.\n\n"
        "Im Gruppenbereich bestätigen Sie den Eintrag mit einem Klick und schlagen Änderungen vor, melden "
        "Veranstaltungen und Räume an und behalten Ihre Förderung im Blick (Anmeldung mit dieser Adresse):\n"
        f"{current_app.config['BASE_URL']}/{tenant_slug}/gruppenbereich\n\n"
        f"Vielen Dank!\n{tenant_name}\n"
    )
    for address in recipients:
        queue_message(
            office_message(tenant, to=address, subject=f"Bitte bestätigen: Eintrag „{group.name}“", text=body)
        )
    group.confirmation_sent_at = utcnow()
    db.session.flush()
    return True


def confirm_group(group: Group, correction: str = "") -> None:
    group.confirmed_at = utcnow()
    if correction.strip():
        group.correction_request = correction.strip()[:5000]
    db.session.flush()


# --- demand: founding interest and searches that found nothing ------------------------------------------

MISS_VISIBLE_FROM = 3  # staff see a term only once it was searched this often


def create_interest(*, topic: str, email: str, phone: str, consent_text: str, name: str = "") -> GroupInterest:
    """Keep a person's interest; an open founding process on the topic takes it onto its list at once."""
    from saas.founding import wegweiser

    interest = GroupInterest(
        topic=" ".join(topic.split())[:200],
        name=" ".join(name.split())[:200],
        email=email[:254],
        phone=phone[:50],
        consent_text=consent_text,
    )
    db.session.add(interest)
    db.session.flush()
    wegweiser.link_interest(interest)
    return interest


def miss_term(q: str) -> str:
    """The stored form of a search term: lower case, single spaces, at most 100 characters."""
    return " ".join(q.lower().split())[:100]


def count_search_miss(q: str) -> None:
    """Count a search that found nothing (its own short transaction: the page view itself writes nothing).

    Only the term and a count are kept: no address, cookie, time of day or person.
    """
    term = miss_term(q)
    if not term:
        return
    today = timeutil.today()
    try:
        result = db.session.execute(
            update(SearchMiss)
            .where(SearchMiss.term == term)
            .values(count=SearchMiss.count + 1, last_on=today)
            .execution_options(synchronize_session=False)
        )
        updated = rowcount(result)
        if not updated:
            db.session.add(SearchMiss(term=term, count=1, last_on=today))
        db.session.commit()
    except IntegrityError:  # another request counted the same new term at the same moment
        db.session.rollback()
        count_search_miss(q)


def demand_terms() -> list[SearchMiss]:
    """Terms that found nothing at least ``MISS_VISIBLE_FROM`` times, most searched first."""
    return list(
        db.session.scalars(
            select(SearchMiss)
            .where(SearchMiss.count >= MISS_VISIBLE_FROM)
            .order_by(SearchMiss.count.desc(), SearchMiss.term)
        )
    )
