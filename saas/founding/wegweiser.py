"""The Wegweiser's interest form ("Ich würde bei einer Gruppe zu … mitmachen") and founding support.

A person who found no group leaves a topic, a name and how to reach them (``GroupInterest``). Staff see it
where they plan new groups:

- When an open founding process is about that topic, the person is put on its interest list at once
  (``FoundingInterest``, source "Wegweiser-Formular"), with the consent they gave. The Wegweiser row keeps
  only the topic and the link (``founding_id``): the contact data then live in one place, under the
  founding retention rule.
- Otherwise the interest is a candidate for a new process: the founding overview lists such topics with
  their count, and starting a process for a topic (there, or by hand) takes up every waiting interest in
  it.

Matching a topic is the Wegweiser's own word matching (stems, compound parts, spellings without
umlauts, the process's topic with the office's synonyms): "Trauer" matches a process "Trauer nach Suizid",
"Zucker" one for the topic Diabetes with its synonym "Zucker".

Interests that no process took up are deleted after the office's retention period
(``wegweiser_interests``, counted from when they were left), as the privacy notice says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select

from saas.directory import language
from saas.directory.models import GroupInterest, Topic
from saas.directory.search import PART, document, query_words
from saas.extensions import db
from saas.founding.models import FoundingProcess
from tenants.models import utcnow

NAMELESS = "(ohne Namen, Wegweiser)"


def _keys(text: str) -> set[str]:
    return {language.norm(w) for w in query_words(text)}


def _tokens(*texts: str) -> set[str]:
    return {t.removeprefix(PART) for t in document(*texts).split()}


def process_words(process: FoundingProcess) -> tuple[str, ...]:
    """The texts a process is known by: its topic, and the directory topic's name and synonyms."""
    texts = [process.topic_name]
    if process.topic_id is not None:
        topic = db.session.get(Topic, process.topic_id)
        if topic is not None:
            texts += [topic.name, topic.search_words]
    return tuple(texts)


def same_topic(wanted: str, process_texts: tuple[str, ...]) -> bool:
    """Does an interest's topic name the process's topic (or the other way round)?"""
    keys, process_keys = _keys(wanted), _keys(process_texts[0])
    if not keys or not process_keys:
        return False
    return keys <= _tokens(*process_texts) or process_keys <= _tokens(wanted)


def matching_process(topic: str) -> FoundingProcess | None:
    """The open process an interest in ``topic`` belongs to: the same name first, else the oldest match."""
    open_processes = db.session.scalars(
        select(FoundingProcess)
        .where(FoundingProcess.state == "open")
        .order_by(FoundingProcess.started_on, FoundingProcess.id)
    ).all()
    wanted = " ".join(topic.split()).casefold()
    for process in open_processes:
        if process.topic_name.casefold() == wanted:
            return process
    return next((p for p in open_processes if same_topic(topic, process_words(p))), None)


def _hand_over(interest: GroupInterest, process: FoundingProcess) -> str | None:
    """Put the person on the process's list; the Wegweiser row keeps only topic and link."""
    from saas.founding.operations import add_interest

    _added, notice = add_interest(
        process,
        name=interest.name or NAMELESS,
        reach=interest.email or interest.phone,
        consent_text=interest.consent_text,
        source="form",
    )
    interest.founding_id = process.id
    interest.handled_at = utcnow()
    interest.name = interest.email = interest.phone = ""
    db.session.flush()
    return notice


def link_interest(interest: GroupInterest) -> FoundingProcess | None:
    """A new interest from the form: onto the matching open process's list, if there is one."""
    process = matching_process(interest.topic)
    if process is not None:
        _hand_over(interest, process)
    return process


def waiting_interests() -> list[GroupInterest]:
    """Interests from the form that no process took up yet, oldest first."""
    return list(
        db.session.scalars(
            select(GroupInterest)
            .where(GroupInterest.founding_id.is_(None), or_(GroupInterest.email != "", GroupInterest.phone != ""))
            .order_by(GroupInterest.created_at, GroupInterest.id)
        )
    )


def adopt_interests(process: FoundingProcess) -> int:
    """A process was started: take up every waiting interest in its topic. Returns how many."""
    if process.state != "open":
        return 0
    texts = process_words(process)
    taken = 0
    for interest in waiting_interests():
        if same_topic(interest.topic, texts):
            _hand_over(interest, process)
            taken += 1
    return taken


def start_process(interest: GroupInterest) -> FoundingProcess:
    """Staff start a process for the topic of a waiting interest; it takes up all interests in the topic."""
    from saas.founding.operations import TOPIC_MAX, FoundingError, create_process

    if interest.founding_id is not None:
        raise FoundingError(_("Dieses Interesse ist schon in einem Gründungsprozess."))
    return create_process(topic_name=" ".join(interest.topic.split())[:TOPIC_MAX])


@dataclass
class Candidate:
    """A topic people asked for in the Wegweiser that has no founding process yet."""

    topic: str
    count: int
    since: dt.datetime
    ids: list[int] = field(default_factory=list)


def candidates() -> list[Candidate]:
    """Waiting interests grouped by topic (same words, any spelling), most asked for first."""
    groups: dict[frozenset[str], Candidate] = {}
    for interest in waiting_interests():
        key = frozenset(_keys(interest.topic)) or frozenset([interest.topic.casefold()])
        entry = groups.get(key)
        if entry is None:
            groups[key] = Candidate(" ".join(interest.topic.split()), 1, interest.created_at, [interest.id])
        else:
            entry.count += 1
            entry.ids.append(interest.id)
    return sorted(groups.values(), key=lambda c: (-c.count, c.since))


def purge_interests(now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete the bound office's Wegweiser interests older than its retention period
    (``wegweiser_interests``). Taken-up ones hold no contact data any more; they go as well."""
    from saas.privacy.retention import retention_days

    cutoff = (now or utcnow()) - dt.timedelta(days=days if days is not None else retention_days("wegweiser_interests"))
    ids = list(
        db.session.scalars(
            select(GroupInterest.id).where(func.coalesce(GroupInterest.handled_at, GroupInterest.created_at) < cutoff)
        )
    )
    if ids:
        db.session.execute(
            delete(GroupInterest).where(GroupInterest.id.in_(ids)).execution_options(synchronize_session=False)
        )
    return len(ids)
