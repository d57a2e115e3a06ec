"""The Wegweiser's filters (CONTRACTS.md *Public directory API*) and what a result card shows.

Filters, all optional and combinable, the same on the web page and in the API:
``site=ID``, ``weekday=1..7`` (ISO, Monday = 1), ``time=day|evening`` (evening: starts at 17:00 or
later), ``mode=in_person|online|hybrid`` (a hybrid group also answers "in_person" and "online"),
``for_relatives=1`` (audience relatives, parents or both), ``young=1`` (Junge Selbsthilfe 18–35),
``language=de|en|tr|…`` (ISO 639-1, matched against the group's languages by their German names),
``step_free=1`` (the group's own place is step-free, or it meets in one of the office's
wheelchair-accessible rooms: groups in the office's rooms inherit the room's accessibility).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from babel import Locale
from sqlalchemy import Select, or_, select

from saas.core import timeutil
from saas.directory.models import Group

EVENING = dt.time(17, 0)
TIMES = ("day", "evening")
MODES = ("in_person", "online", "hybrid")
# The one-word names of time filter values, as the filter form calls them ("tagsüber", "abends"); modes and
# weekdays are named by MEETING_MODES and WEEKDAYS_LONG.
TIME_WORDS = {"day": "tagsüber", "evening": "abends"}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
# Languages offered in the filter's list (others work through ?language=xx).
COMMON_LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "ku", "es", "fr", "it")


class FilterError(ValueError):
    """An invalid filter value (the API answers 400)."""


@dataclass
class Filters:
    site: int | None = None
    weekday: int | None = None  # ISO 1..7
    time: str = ""
    mode: str = ""
    for_relatives: bool = False
    young: bool = False
    language: str = ""
    step_free: bool = False

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def args(self) -> dict[str, str | int]:
        """The query parameters that reproduce these filters (for links and the pager)."""
        out: dict[str, str | int] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is True:
                out[f.name] = 1
            elif value:
                out[f.name] = value
        return out


def language_name(code: str) -> str | None:
    """German name of an ISO 639 language code ("tr" → "Türkisch"), None if unknown."""
    return Locale("de").languages.get(code)


def parse(args: Mapping[str, str], *, strict: bool) -> Filters:
    """Filters from request arguments. ``strict`` (API): invalid values raise FilterError; else
    (web page) they are ignored."""
    f = Filters()

    def bad(name: str) -> None:
        if strict:
            raise FilterError(name)

    site = args.get("site", "")
    if site:
        if site.isdigit() and len(site) < 10:
            f.site = int(site)
        else:
            bad("site")
    weekday = args.get("weekday", "")
    if weekday:
        if weekday.isdigit() and 1 <= int(weekday) <= 7:
            f.weekday = int(weekday)
        else:
            bad("weekday")
    for name, allowed in (("time", TIMES), ("mode", MODES)):
        value = args.get(name, "")
        if value:
            if value in allowed:
                setattr(f, name, value)
            else:
                bad(name)
    for name in ("for_relatives", "young", "step_free"):
        value = args.get(name, "")
        if value:
            if value in ("1", "true", "on"):
                setattr(f, name, True)
            elif value not in ("0", "false"):
                bad(name)
    language = args.get("language", "").lower()
    if language:
        if _LANGUAGE_CODE.match(language) and language_name(language):
            f.language = language
        else:
            bad("language")
    return f


def _filter_words() -> dict[str, tuple[str, str | int]]:
    """Search key of each one-word name of a filter value → (filter, value): "abend" → (time, evening),
    "onlin" → (mode, online), "montag" → (weekday, 1)."""
    from saas.directory.language import norm, raw_words
    from saas.directory.models import MEETING_MODES
    from tenants.models import WEEKDAYS_LONG

    named: list[tuple[str, str | int, str]] = [("time", value, word) for value, word in TIME_WORDS.items()]
    named += [("mode", value, label) for value, label in MEETING_MODES.items()]
    named += [("weekday", i + 1, name) for i, name in enumerate(WEEKDAYS_LONG)]
    return {norm(words[0]): (name, value) for name, value, label in named if len(words := raw_words(label)) == 1}


def filters_in_query(q: str, f: Filters) -> str:
    """Words of a query that name a filter value act as that filter instead of as search words ("Angst
    abends" → time=evening, "online", "montags"): ``f`` is set where it is not yet, and the query is
    returned without them. A filter chosen in the form wins over a word."""
    from saas.directory.language import norm, raw_words

    words = raw_words(q)
    named = _filter_words()
    kept = []
    for word in words:
        found = named.get(norm(word)) if word.isalpha() else None
        if found is None:
            kept.append(word)
        elif not getattr(f, found[0]):
            setattr(f, found[0], found[1])
    return q if len(kept) == len(words) else " ".join(kept)


def accessible_room_groups(among: list[int] | None = None) -> Select[int | None]:
    """Ids of groups with a current booking of a wheelchair-accessible room of the office."""
    from saas.rooms.models import Booking, BookingStatus, Room

    today = timeutil.today()
    return (
        select(Booking.group_id)
        .join(Room, Room.id == Booking.room_id)
        .where(
            Booking.group_id.in_(among) if among is not None else Booking.group_id.is_not(None),
            Booking.status == BookingStatus.active,
            Room.wheelchair_accessible.is_(True),
            or_(Booking.until_date.is_(None), Booking.until_date >= today),
        )
    )


def conditions(f: Filters) -> list:
    """SQL conditions on ``Group`` for the filters."""
    where: list = []
    if f.site is not None:
        where.append(Group.site_id == f.site)
    if f.weekday is not None:
        where.append(Group.weekday == f.weekday - 1)
    if f.time == "evening":
        where.append(Group.time_start >= EVENING)
    elif f.time == "day":
        where.append(Group.time_start < EVENING)
    if f.mode == "hybrid":
        where.append(Group.meeting_mode == "hybrid")
    elif f.mode:
        where.append(Group.meeting_mode.in_((f.mode, "hybrid")))
    if f.for_relatives:
        where.append(Group.audience.in_(("relatives", "parents", "both")))
    if f.young:
        where.append(Group.young.is_(True))
    if f.language:
        where.append(Group.languages.ilike(f"%{language_name(f.language)}%"))
    if f.step_free:
        where.append(or_(Group.step_free.is_(True), Group.id.in_(accessible_room_groups())))
    return where


def step_free_ids(group_ids: list[int]) -> set[int]:
    """Which of these groups meet step-free (own place, or an accessible room of the office)."""
    from saas.extensions import db

    if not group_ids:
        return set()
    own = db.session.scalars(select(Group.id).where(Group.id.in_(group_ids), Group.step_free.is_(True)))
    rooms = db.session.scalars(accessible_room_groups(group_ids))
    return set(own) | {group_id for group_id in rooms if group_id is not None}  # None only without ``among``


def weekday_options() -> list[tuple[int, str]]:
    from tenants.models import WEEKDAYS_LONG

    return [(i + 1, name) for i, name in enumerate(WEEKDAYS_LONG)]


def language_options(present: str = "") -> list[tuple[str, str]]:
    return [(code, language_name(code) or code) for code in COMMON_LANGUAGES]
