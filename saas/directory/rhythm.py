"""Meeting rhythm: structured data ↔ the German phrases people write ("jeden 2. Dienstag, 19:00 Uhr")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tenants.models import WEEKDAYS_LONG

_DAY_WORDS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5,
}  # fmt: skip
_NTH_WORDS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "letzten": 5, "1.": 1, "2.": 2, "3.": 3, "4.": 4}
_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr|h)\b|(\d{1,2})[:.](\d{2})")


@dataclass
class Rhythm:
    rhythm: str | None = None
    weekday: int | None = None
    nth_weekday: int | None = None
    time_start: dt.time | None = None
    time_end: dt.time | None = None
    meeting_mode: str = "in_person"


def _times(text: str) -> list[dt.time]:
    found = []
    for m in _TIME.finditer(text):
        hour = int(m.group(1) or m.group(3))
        minute = int(m.group(2) or m.group(4) or 0)
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            found.append(dt.time(hour, minute))
    return found


def parse_meets(value: str) -> Rhythm:
    """Read the rhythm people write. Whatever is not understood stays for the free-text note."""
    text = " " + value.lower().replace(",", " , ") + " "
    result = Rhythm()
    tokens = re.findall(r"[a-zäöüß]+|\d+\.", text)
    for token in tokens:
        base = token.rstrip("s") if token.endswith("tags") else token
        if base in _DAY_WORDS and result.weekday is None:
            result.weekday = _DAY_WORDS[base]
    for token in tokens:
        if token in _NTH_WORDS:
            result.nth_weekday = _NTH_WORDS[token]
            break
    monthly_words = "monat" in text
    if re.search(r"(alle|jede)n?\s+(2|zwei)\.?\s+woche|14[- ]?tägig|vierzehntägig|zweiwöchentlich", text) or (
        result.nth_weekday == 2 and not monthly_words
    ):
        # "jeden 2. Dienstag" (without "im Monat") is every other Tuesday.
        result.rhythm = "biweekly"
        result.nth_weekday = None
    elif result.nth_weekday is not None or monthly_words:
        result.rhythm = "monthly"
    elif "unregelmäßig" in text or "nach absprache" in text or "nach vereinbarung" in text:
        result.rhythm = "irregular"
    elif result.weekday is not None or "wöchentlich" in text or "jede woche" in text:
        result.rhythm = "weekly"
    times = _times(text)
    if times:
        result.time_start = times[0]
        if len(times) > 1 and times[1] > times[0]:
            result.time_end = times[1]
    if "hybrid" in text:
        result.meeting_mode = "hybrid"
    elif "online" in text or "video" in text or "zoom" in text:
        result.meeting_mode = "online"
    return result


def _clock(t: dt.time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def format_rhythm(
    rhythm: str | None,
    weekday: int | None,
    nth_weekday: int | None,
    time_start: dt.time | None,
    time_end: dt.time | None,
) -> str:
    """German text: "jeden 2. Dienstag im Monat, 19.00 – 21.00 Uhr"."""
    day = WEEKDAYS_LONG[weekday] if weekday is not None and 0 <= weekday <= 6 else None
    if rhythm == "weekly":
        when = f"jeden {day}" if day else "wöchentlich"
    elif rhythm == "biweekly":
        when = f"jeden 2. {day} (alle 14 Tage)" if day else "alle 2 Wochen"
    elif rhythm == "monthly":
        if day and nth_weekday:
            nth = "letzten" if nth_weekday == 5 else f"{nth_weekday}."
            when = f"jeden {nth} {day} im Monat"
        else:
            when = f"einmal im Monat{f', {day}' if day else ''}"
    elif rhythm == "irregular":
        when = "unregelmäßig"
    else:
        when = ""
    if time_start:
        clock = f"{_clock(time_start)} – {_clock(time_end)} Uhr" if time_end else f"{_clock(time_start)} Uhr"
        return f"{when}, {clock}" if when else clock
    return when
