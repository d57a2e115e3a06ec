"""Reads of the contact log: figures for a period (from the daily counts), periods, percentages.

Every figure of the statistics page and the annual report comes from ``contact_daily_counts`` —
a range scan on (office, day) whatever the number of years and offices stored.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

from sqlalchemy import func, select

from saas.contacts.models import (
    CHANNELS,
    CITIZEN_KINDS,
    CONCERNS,
    KINDS,
    MEDIA,
    TOPIC_AREAS,
    Contact,
    ContactDailyCount,
    ContactImport,
    ContactReferral,
    ReportChapter,
    ReportRender,
)
from saas.directory.models import LIVE_STATUSES, Group, GroupStatusChange, Topic
from saas.extensions import db
from tenants.models import Site

MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


# --- rounding (CONTRACTS.md: half-up, whole-number shares, one-decimal changes) ---------------------


def _half_up(numerator: int, denominator: int, digits: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60  # exact for any tie: a tie has a finite decimal expansion far shorter than this
        value = Decimal(numerator) / Decimal(denominator)
        return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def share_pct(part: int, base: int) -> int:
    """Whole-number percentage of ``base``, rounded half-up; 0 when the base is empty."""
    if base <= 0:
        return 0
    return int(_half_up(part * 100, base, 0))


def change_pct(current: int, previous: int) -> float | None:
    """Change against the previous figure in %, one decimal, half-up; None when there is no previous figure."""
    if previous <= 0:
        return None
    return float(_half_up((current - previous) * 100, previous, 1))


# --- periods -----------------------------------------------------------------------------------------


_MONTHS_OF = {"year": 12, "quarter": 3, "month": 1}


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, clamped to the end of a shorter month (31.05. → 30.04.)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str  # "year" | "quarter" | "month" | "range"
    cut: bool = False  # counted only up to ``end``: it runs on, or is compared with one that does

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(
            dt.date(year, first, 1), dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1]), "quarter"
        )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")

    def up_to(self, day: dt.date) -> Period:
        """The period counted up to ``day`` when it is still running then: the year 2026 seen on 2 December is
        01.01.–02.12.2026. A period that has ended (or not begun) is itself."""
        if self.kind != "range" and self.start <= day < self.end:
            return Period(self.start, day, self.kind, cut=True)
        return self

    def previous(self) -> Period:
        """The period of the same kind just before (a custom range: as many days just before). A period counted
        only up to a day is compared with the same span of the one before (01.01.–02.12.2025), not with all of it:
        a running year against a whole one would show a fall that is only the missing weeks."""
        if self.cut:
            months = _MONTHS_OF[self.kind]
            return Period(_months_back(self.start, months), _months_back(self.end, months), self.kind, cut=True)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
        if self.kind == "quarter":
            q = (self.start.month - 1) // 3 + 1
            return Period.quarter(self.start.year, q - 1) if q > 1 else Period.quarter(self.start.year - 1, 4)
        if self.kind == "month":
            m = self.start.month
            return Period.month(self.start.year, m - 1) if m > 1 else Period.month(self.start.year - 1, 12)
        days = (self.end - self.start).days + 1
        return Period(self.start - dt.timedelta(days=days), self.start - dt.timedelta(days=1), "range")

    @property
    def label(self) -> str:
        if self.cut:
            return f"{replace(self, cut=False).label} bis {self.end:%d.%m.}"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            return f"{(self.start.month - 1) // 3 + 1}. Quartal {self.start.year}"
        if self.kind == "month":
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"


# --- figures -------------------------------------------------------------------------------------------


class Figures:
    """The summed daily counts of a period: ``figures.get("kind", "citizen")``."""

    def __init__(self, counts: dict[str, dict[str, int]]) -> None:
        self.counts = counts

    def get(self, dim: str, key: str = "") -> int:
        return self.counts.get(dim, {}).get(key, 0)

    @property
    def total(self) -> int:
        return self.get("total")

    def by(self, dim: str, codes: dict[str, str]) -> dict[str, int]:
        return {code: self.get(dim, code) for code in codes}

    @property
    def by_kind(self) -> dict[str, int]:
        return self.by("kind", KINDS)

    @property
    def by_channel(self) -> dict[str, int]:
        return self.by("channel", CHANNELS)

    @property
    def by_concern(self) -> dict[str, int]:
        return self.by("concern", CONCERNS)

    @property
    def written_by_medium(self) -> dict[str, int]:
        """Written contacts by medium; "unknown" is the rest of ``written`` (no medium given)."""
        known = self.by("medium", MEDIA)
        return {**known, "unknown": max(self.get("channel", "written") - sum(known.values()), 0)}

    @property
    def minutes_by_concern(self) -> dict[str, int]:
        return self.by("minutes", CONCERNS)

    @property
    def with_duration(self) -> int:
        return self.get("duration")

    def by_area(self, kinds: tuple[str, ...] = tuple(KINDS)) -> dict[str, int]:
        return {area: sum(self.get("kind_area", f"{kind}:{area}") for kind in kinds) for area in TOPIC_AREAS}

    @property
    def citizen_area(self) -> dict[str, int]:
        return self.by_area(CITIZEN_KINDS)

    @property
    def citizen_total(self) -> int:
        return sum(self.by_kind[k] for k in CITIZEN_KINDS)

    @property
    def referrals(self) -> dict[str, int]:
        return {"to_groups": self.get("ref", "to_groups"), "to_professionals": self.get("ref", "to_professionals")}

    def topics(self) -> list[tuple[str, int, bool]]:
        """(label, count, free text?) by count, most frequent first."""
        rows = [(label, n, False) for label, n in self.counts.get("topic", {}).items()]
        rows += [(label, n, True) for label, n in self.counts.get("topic_free", {}).items()]
        return sorted(rows, key=lambda r: (-r[1], r[0].casefold()))


def figures(start: dt.date, end: dt.date, site: int | None = None) -> Figures:
    """Sum the bound office's daily counts over [start, end], for one site or all."""
    stmt = (
        select(ContactDailyCount.dim, ContactDailyCount.key, func.sum(ContactDailyCount.count))
        .where(ContactDailyCount.day >= start, ContactDailyCount.day <= end)
        .group_by(ContactDailyCount.dim, ContactDailyCount.key)
    )
    if site is not None:
        stmt = stmt.where(ContactDailyCount.site == site)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for dim, key, n in db.session.execute(stmt):
        if n:
            counts[dim][key] = int(n)
    return Figures(dict(counts))


def monthly_totals(start: dt.date, end: dt.date, site: int | None = None) -> dict[tuple[int, int], int]:
    """Contacts per (year, month) in [start, end]."""
    stmt = (
        select(ContactDailyCount.day, func.sum(ContactDailyCount.count))
        .where(ContactDailyCount.dim == "total", ContactDailyCount.day >= start, ContactDailyCount.day <= end)
        .group_by(ContactDailyCount.day)
    )
    if site is not None:
        stmt = stmt.where(ContactDailyCount.site == site)
    months: dict[tuple[int, int], int] = defaultdict(int)
    for day, n in db.session.execute(stmt):
        months[(day.year, day.month)] += int(n or 0)
    return dict(months)


def years_with_data(*also: int) -> list[int]:
    """The years from the office's first to its last contact (newest first), plus ``also``: the year
    choices of the statistics, the report and the contact log."""
    first, last = db.session.execute(select(func.min(ContactDailyCount.day), func.max(ContactDailyCount.day))).one()
    years = set(range(first.year, last.year + 1)) if first is not None else set()
    return sorted(years | {y for y in also if y}, reverse=True)


def yearly_totals(first_year: int, last_year: int) -> dict[int, int]:
    months = monthly_totals(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
    years = dict.fromkeys(range(first_year, last_year + 1), 0)
    for (year, _), n in months.items():
        years[year] += n
    return years


def referrals_by_group(start: dt.date, end: dt.date) -> list[tuple[int | None, str, int]]:
    """(group id, name, referrals) in [start, end], most referred first: "how many did group X get"."""
    stmt = (
        select(ContactReferral.group_id, Group.name, func.count(ContactReferral.id))
        .outerjoin(Group, Group.id == ContactReferral.group_id)
        .where(ContactReferral.day >= start, ContactReferral.day <= end)
        .group_by(ContactReferral.group_id, Group.name)
    )
    rows = [(gid, name or "(entfernte Gruppe)", int(n)) for gid, name, n in db.session.execute(stmt)]
    return sorted(rows, key=lambda r: (-r[2], r[1].casefold()))


def group_referrals(group_id: int, start: dt.date, end: dt.date) -> int:
    return int(
        db.session.scalar(
            select(func.count(ContactReferral.id)).where(
                ContactReferral.group_id == group_id, ContactReferral.day >= start, ContactReferral.day <= end
            )
        )
        or 0
    )


def group_lifecycle(start: dt.date, end: dt.date) -> dict[str, int]:
    """Founding figures from the directory's status history in [start, end]."""
    stmt = (
        select(GroupStatusChange.from_status, GroupStatusChange.to_status, func.count(GroupStatusChange.id))
        .where(GroupStatusChange.changed_on >= start, GroupStatusChange.changed_on <= end)
        .group_by(GroupStatusChange.from_status, GroupStatusChange.to_status)
    )
    result = {"founding_started": 0, "founded": 0, "founding_abandoned": 0, "dissolved": 0, "added": 0}
    for from_status, to_status, n in db.session.execute(stmt):
        if to_status == "founding":
            result["founding_started"] += n
        elif to_status == "active" and from_status == "founding":
            result["founded"] += n
        elif to_status == "abandoned":
            result["founding_abandoned"] += n
        elif to_status == "dissolved":
            result["dissolved"] += n
        if from_status is None:
            result["added"] += n
    return result


# --- reads of the staff pages (office bound) ------------------------------------------------------------


def sites() -> list[Site]:
    return list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))


def topics() -> list[Topic]:
    return list(db.session.scalars(select(Topic).order_by(func.lower(Topic.name))))


def live_groups(also: Iterable[int] = ()) -> list[Group]:
    """The groups a contact may be referred to (by name), plus ``also`` (ended groups it already names)."""
    groups = list(db.session.scalars(select(Group).where(Group.status.in_(LIVE_STATUSES)).order_by(Group.name)))
    known = {group.id for group in groups}
    extra = [group_id for group_id in also if group_id not in known]
    if extra:
        groups += list(db.session.scalars(select(Group).where(Group.id.in_(extra))))
    return groups


def log_page(year: int, page: int, page_size: int) -> tuple[list[Contact], int]:
    """One page of the year's contact log, newest first, and the year's number of contacts."""
    where = (Contact.day >= dt.date(year, 1, 1), Contact.day <= dt.date(year, 12, 31))
    total = db.session.scalar(select(func.count(Contact.id)).where(*where)) or 0
    contacts = db.session.scalars(
        select(Contact)
        .where(*where)
        .order_by(Contact.day.desc(), Contact.id.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return list(contacts), total


def recent_imports(limit: int = 5) -> list[ContactImport]:
    return list(db.session.scalars(select(ContactImport).order_by(ContactImport.id.desc()).limit(limit)))


def recent_renders(year: int, limit: int = 3) -> list[ReportRender]:
    return list(
        db.session.scalars(
            select(ReportRender).where(ReportRender.year == year).order_by(ReportRender.id.desc()).limit(limit)
        )
    )


def chapters(year: int) -> list[ReportChapter]:
    return list(
        db.session.scalars(
            select(ReportChapter)
            .where(ReportChapter.year == year)
            .order_by(ReportChapter.placement.desc(), ReportChapter.position, ReportChapter.id)
        )
    )


def open_founding_processes(also: int | None = None) -> list:
    """The office's open founding processes (and ``also``, the one a contact being corrected links to)."""
    from saas.founding.models import FoundingProcess

    return list(
        db.session.scalars(
            select(FoundingProcess)
            .where((FoundingProcess.state == "open") | (FoundingProcess.id == also))
            .order_by(FoundingProcess.topic_name)
        )
    )
