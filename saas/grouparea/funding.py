"""Funding of groups: streams per group and year, deadlines the office sets, reminders before them.

Reminders go 28 and 7 days before each deadline (the application; for granted funding also the proof
of spending) to the group's contact addresses. A ``FundingReminder`` row under a unique key is written
before the mail is queued, so a rerun or a second scheduler sends nothing twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from saas.core import timeutil
from saas.core.errors import DomainError
from saas.extensions import db
from saas.grouparea.models import FUNDING_STREAMS, FundingDeadline, FundingReminder, GroupFunding

LEAD_DAYS = (28, 7)


class FundingError(DomainError):
    """A funding entry or deadline that cannot be stored as asked."""


def save_funding(group_id: int, data: dict[str, Any]) -> GroupFunding:
    """Create or update the group's row for (year, stream)."""
    if data["stream"] not in FUNDING_STREAMS:
        raise FundingError(_("Unbekannte Förderart."))
    row = db.session.scalar(
        select(GroupFunding).where(
            GroupFunding.group_id == group_id, GroupFunding.year == data["year"], GroupFunding.stream == data["stream"]
        )
    )
    if row is None:
        row = GroupFunding(group_id=group_id, year=data["year"], stream=data["stream"])
        db.session.add(row)
    for key in ("status", "amount_applied", "amount_granted", "amount_paid", "proof_submitted"):
        if key in data:
            setattr(row, key, data[key])
    if row.amount_paid is not None and Decimal(row.amount_paid or 0) > Decimal(row.amount_granted or 0):
        raise FundingError(
            _("Ausgezahlt kann nicht mehr sein als bewilligt. Bitte tragen Sie den bewilligten Betrag ein.")
        )
    if row.proof_submitted:
        row.status = "proof_submitted"
    db.session.flush()
    return row


def set_deadline(*, year: int, stream: str, kind: str, due_on: dt.date) -> FundingDeadline:
    if stream not in FUNDING_STREAMS or kind not in ("application", "proof"):
        raise FundingError(_("Unbekannte Förderart oder Frist."))
    row = db.session.scalar(
        select(FundingDeadline).where(
            FundingDeadline.year == year, FundingDeadline.stream == stream, FundingDeadline.kind == kind
        )
    )
    if row is None:
        row = FundingDeadline(year=year, stream=stream, kind=kind, due_on=due_on)
        db.session.add(row)
    row.due_on = due_on
    db.session.flush()
    return row


def deadlines(year: int) -> list[FundingDeadline]:
    return list(
        db.session.scalars(
            select(FundingDeadline)
            .where(FundingDeadline.year == year)
            .order_by(FundingDeadline.due_on, FundingDeadline.stream, FundingDeadline.kind)
        )
    )


@dataclass(frozen=True)
class DeadlineView:
    """One deadline of the year as staff read it: past or still open on the office's day."""

    deadline: FundingDeadline
    past: bool


def deadlines_for_staff(year: int, today: dt.date | None = None) -> list[DeadlineView]:
    """The year's deadlines, the open ones first (the next one on top), then the past ones (the latest on top),
    judged by the office's day (``timeutil.today()``), not the server's."""
    today = today or timeutil.today()
    rows = deadlines(year)
    open_ = [DeadlineView(d, past=False) for d in rows if d.due_on >= today]
    past = [DeadlineView(d, past=True) for d in reversed(rows) if d.due_on < today]
    return open_ + past


def upcoming_deadlines(today: dt.date | None = None) -> list[FundingDeadline]:
    """The deadlines from today on (a group plans with these; past ones are no longer open)."""
    today = today or timeutil.today()
    return list(
        db.session.scalars(
            select(FundingDeadline).where(FundingDeadline.due_on >= today).order_by(FundingDeadline.due_on)
        )
    )


def fundings_of_group(group_id: int) -> list[GroupFunding]:
    return list(
        db.session.scalars(
            select(GroupFunding)
            .where(GroupFunding.group_id == group_id)
            .order_by(GroupFunding.year.desc(), GroupFunding.stream)
        )
    )


def _needs(funding: GroupFunding, kind: str) -> bool:
    """Does this deadline still concern the group? An application only while not yet applied for; a proof
    only for granted funding whose proof is missing."""
    if kind == "application":
        return funding.status == "planned"
    return funding.status == "granted" and not funding.proof_submitted


def due_reminders(today: dt.date) -> list[tuple[GroupFunding, FundingDeadline, int]]:
    """(funding, deadline, lead days) whose reminder is due today and not yet sent (bound office)."""
    result = []
    for lead in LEAD_DAYS:
        day = today + dt.timedelta(days=lead)
        for deadline in db.session.scalars(select(FundingDeadline).where(FundingDeadline.due_on == day)):
            fundings = db.session.scalars(
                select(GroupFunding).where(GroupFunding.year == deadline.year, GroupFunding.stream == deadline.stream)
            )
            for funding in fundings:
                if not _needs(funding, deadline.kind):
                    continue
                sent = db.session.scalar(
                    select(FundingReminder.id).where(
                        FundingReminder.funding_id == funding.id,
                        FundingReminder.deadline_id == deadline.id,
                        FundingReminder.lead_days == lead,
                    )
                )
                if sent is None:
                    result.append((funding, deadline, lead))
    return result


def send_due_reminders(tenant: Any, today: dt.date) -> int:
    """Queue today's reminders of the bound office; returns how many groups were reminded."""
    from saas.grouparea.mails import contact_addresses, send_funding_reminder
    from saas.grouparea.operations import mail_locale

    count = 0
    for funding, deadline, lead in due_reminders(today):
        db.session.add(FundingReminder(funding_id=funding.id, deadline_id=deadline.id, lead_days=lead))
        db.session.flush()
        recipients = contact_addresses(funding.group)
        if recipients:
            send_funding_reminder(
                tenant,
                funding.group,
                recipients,
                mail_locale(funding.group_id),
                stream_label=FUNDING_STREAMS[funding.stream],
                kind=deadline.kind,
                due_on=deadline.due_on,
                days_left=lead,
            )
            count += 1
    return count


FUNDED = ("granted", "proof_submitted")  # the statuses of funding that was granted
APPLIED = ("applied", "granted", "refused", "proof_submitted")  # an application went out ("planned": not yet)


def stream_figures(rows: list[GroupFunding]) -> dict[str, Decimal | int]:
    """The four figures funders ask for, over some rows of one year: groups funded, sums applied, granted, paid.

    Applied: amounts of applications that went out (status not "geplant"). Granted and paid: amounts of
    granted funding (bewilligt, or its proof submitted). Groups funded: distinct groups with granted funding.
    """
    funded = [r for r in rows if r.status in FUNDED]
    return {
        "groups_funded": len({r.group_id for r in funded}),
        "applied": sum((Decimal(r.amount_applied or 0) for r in rows if r.status in APPLIED), Decimal(0)),
        "granted": sum((Decimal(r.amount_granted or 0) for r in funded), Decimal(0)),
        "paid": sum((Decimal(r.amount_paid or 0) for r in funded), Decimal(0)),
    }


@dataclass
class YearOverview:
    year: int
    rows: list[GroupFunding]
    total: dict[str, Decimal | int]
    by_stream: dict[str, dict[str, Decimal | int]]
    missing_proofs: list[GroupFunding]


def year_overview(year: int) -> YearOverview:
    rows = list(db.session.scalars(select(GroupFunding).where(GroupFunding.year == year).order_by(GroupFunding.stream)))
    rows.sort(key=lambda r: (r.group.name.lower(), r.stream))
    return YearOverview(
        year=year,
        rows=rows,
        total=stream_figures(rows),
        by_stream={code: stream_figures([r for r in rows if r.stream == code]) for code in FUNDING_STREAMS},
        missing_proofs=missing_proofs(rows, year),
    )


def missing_proofs(rows: list[GroupFunding], year: int, today: dt.date | None = None) -> list[GroupFunding]:
    """Granted funding whose proof of use is not in although it is due: its stream's proof deadline for the
    year has passed, or the office set none (then nothing says it is not yet due). A proof whose deadline
    still lies ahead is not missing."""
    today = today or timeutil.today()
    not_yet_due = {d.stream for d in deadlines(year) if d.kind == "proof" and d.due_on >= today}
    return [r for r in rows if _needs(r, "proof") and r.stream not in not_yet_due]


def _json(figures: dict[str, Decimal | int]) -> dict[str, float | int]:
    return {key: float(v) if isinstance(v, Decimal) else v for key, v in figures.items()}


def annual_section(tenant_id: int, year: int) -> dict[str, Any]:
    """The annual report's ``funding`` section (office bound): the year's totals and each stream's, in euros."""
    data = year_overview(year)
    return {
        **_json(data.total),
        "missing_proofs": len(data.missing_proofs),
        "by_stream": {code: _json(figures) for code, figures in data.by_stream.items()},
    }
