"""A generated contacts file whose every figure is known, and helpers to import it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from itertools import cycle
from types import SimpleNamespace

from saas.contacts.importer import COLUMNS
from saas.directory.models import Topic
from saas.extensions import db
from tenants.scoping import tenant_context

# Report year 2022 against 2021. Chosen so that rounding ties occur: 47.5 % → 48, 42.5 % → 43,
# 46.5 % → 47, 12.5 % → 13 (half-up, not to even), change +1.25 → +1.3, −1.25 → −1.3.
YEAR = 2022
CURRENT = {
    "kinds": {"citizen": 190, "relative": 10, "group": 81, "professional": 79},  # 360
    "channels": {"phone": 171, "written": 153, "in_person": 36},
    # topic areas of citizen + relative (base 200)
    "citizen_areas": {"mental_health": 93, "chronic_illness": 47, "addiction": 25, "social": 33, "disability": 2},
    "concerns": {"seeking_group": 100, "founding_group": 7, "information": 50, "group_support": 60, "networking": 40},
    "to_groups": 123,
    "to_professionals": 45,
}
PREVIOUS = {"kinds": {"citizen": 160, "relative": 0, "group": 80, "professional": 80}}  # 320


def _rows_for_year(year: int, spec: dict) -> list[dict]:
    kinds = [k for k, n in spec["kinds"].items() for _ in range(n)]
    total = len(kinds)
    channels = [c for c, n in spec.get("channels", {"phone": total}).items() for _ in range(n)]
    citizen_areas = iter([a for a, n in spec.get("citizen_areas", {"social": total}).items() for _ in range(n)])
    concerns = [c for c, n in spec.get("concerns", {}).items() for _ in range(n)]
    concerns += [""] * (total - len(concerns))  # empty concern: defaults to "other"
    to_groups = [1] * spec.get("to_groups", 0) + [0] * (total - spec.get("to_groups", 0))
    to_prof = [1] * spec.get("to_professionals", 0) + [0] * (total - spec.get("to_professionals", 0))
    days = cycle(dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(0, 365, 3))
    rows = []
    for i, kind in enumerate(kinds):
        area = next(citizen_areas) if kind in ("citizen", "relative") else "addiction"
        rows.append(
            {
                "date": next(days).isoformat(),
                "contact_kind": kind,
                "channel": channels[i],
                "topic_area": area,
                "topic": "",
                "concern": concerns[i],
                "referrals_to_groups": str(to_groups[i]) if i % 2 else ("" if not to_groups[i] else "1"),
                "referrals_to_professionals": str(to_prof[i]),
                "site": "Hauptstelle" if i % 3 == 0 else "",
            }
        )
    return rows


def known_rows() -> list[dict]:
    rows = _rows_for_year(YEAR, CURRENT) + _rows_for_year(YEAR - 1, PREVIOUS)
    rows[0]["topic"] = "depression"  # the office's topic "Depression", any case
    rows[1]["topic"] = "Trinken"  # a search word of "Alkoholabhängigkeit"
    rows[2]["topic"] = "Kochgruppe"  # unknown: kept as flagged free text
    return rows


def to_csv(rows: list[dict], columns: list[str] = COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def make_topics(tenant) -> dict[str, SimpleNamespace]:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        topics = {
            "Depression": Topic(tenant_id=tenant.id, name="Depression", topic_area="mental_health"),
            "Alkoholabhängigkeit": Topic(
                tenant_id=tenant.id, name="Alkoholabhängigkeit", topic_area="addiction", search_words="Alkohol, Trinken"
            ),
            "Diabetes": Topic(tenant_id=tenant.id, name="Diabetes", topic_area="chronic_illness"),
        }
        db.session.add_all(topics.values())
        db.session.commit()
        # Plain values: an ORM object would reload outside the office (refused by the guard and RLS).
        return {name: SimpleNamespace(id=t.id, name=t.name) for name, t in topics.items()}


def write_annual_report(app, tenant_slug: str, fmt: str, target) -> None:  # type: ignore[no-untyped-def]
    """``lotse report annual`` of :data:`YEAR` in ``fmt`` to the file ``target``, as an office runs it."""
    result = app.test_cli_runner().invoke(
        args=[
            "report",
            "annual",
            "--tenant",
            tenant_slug,
            "--year",
            str(YEAR),
            "--format",
            fmt,
            "--output",
            str(target),
        ]
    )
    assert result.exit_code == 0, result.output
