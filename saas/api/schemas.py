"""JSON shapes of the public directory API. A protected group never carries contact data, place or time."""

from __future__ import annotations

from typing import Any

from flask import current_app, url_for

from saas.directory.models import Group
from saas.directory.rhythm import format_rhythm


def public_group(group: Group, slug: str, *, step_free: bool = False) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": group.id,
        "name": group.name,
        "topics": [t.name for t in group.topics],
        "topic_area": group.topic_area,
        "protected": group.is_protected,
        "status": group.status,
        "looking_for_members": group.status == "founding",
        "welcomes_new_members": group.welcomes_new_members,
        "audience": group.audience,
        "description": group.description,
        "languages": [lang.strip() for lang in group.languages.split(",") if lang.strip()],
        "for_relatives": group.audience in ("relatives", "parents", "both"),
        "young": bool(group.young),
        "site": {"id": group.site.id, "name": group.site.name} if group.site else None,
        "url": current_app.config["BASE_URL"] + url_for("directory.public_group", slug=slug, group_id=group.id),
    }
    if group.is_protected:
        item["contact"] = "office"  # only through the office (inquiry form on the group page)
        return item
    item.update(
        {
            "meeting": {
                "rhythm": group.rhythm,
                "weekday": group.weekday,
                "nth_weekday": group.nth_weekday,
                "time_start": group.time_start.strftime("%H:%M") if group.time_start else None,
                "time_end": group.time_end.strftime("%H:%M") if group.time_end else None,
                "text": format_rhythm(group.rhythm, group.weekday, group.nth_weekday, group.time_start, group.time_end),
                "place": group.place or None,
                "mode": group.meeting_mode,
                "step_free": step_free,
            },
            "contacts": [
                {"name": c.name, "phone": c.phone or None, "email": c.email or None}
                for c in group.contacts
                if c.may_be_published
            ],
        }
    )
    item["contact"] = "group" if item["contacts"] else "office"
    return item
