"""How proposed values read for people: "Donnerstag", "19.00 Uhr", "3.12.2026", "ja"."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from saas.directory.models import MEETING_MODES, RHYTHMS
from tenants.models import WEEKDAYS_LONG

NTH = {1: "1.", 2: "2.", 3: "3.", 4: "4.", 5: "letzte"}


def show_value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if field == "rhythm":
        return _(RHYTHMS.get(value, value))
    if field == "meeting_mode":
        return _(MEETING_MODES.get(value, value))
    if field == "weekday":
        return _(WEEKDAYS_LONG[int(value)])
    if field == "nth_weekday":
        return _(NTH.get(int(value), str(value)))
    if field in ("time_start", "time_end", "start_time", "end_time"):
        return str(value).replace(":", ".") + " " + _("Uhr")
    if field == "start_date":
        year, month, day = str(value).split("-")
        return f"{int(day)}.{int(month)}.{year}"
    if field == "welcomes_new_members":
        return _("ja") if value else _("nein")
    return str(value)
