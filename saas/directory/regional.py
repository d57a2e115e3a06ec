"""The regional finder: one search over the public directories of an association's member offices.

An office takes part per association, by its own decision (``AssociationMember.regional_finder``,
on its "Verbände und Freigaben" page, like its figure sharing). Only the list of participating offices
is read across offices; each office's groups are then searched inside that office's own context, so
tenant scoping and Row-Level Security apply as on the office's own Wegweiser. Each office's groups are
found and ranked exactly as its own search finds them: the search has one semantics for any selection of
offices (saas.directory.search). One statement across all participating offices (``search_by_office``)
would be faster, but the web app's database role reads one office per transaction (RLS), and a
cross-office block needs the statistics connection, which only the worker has: the finder stays office
by office.

What leaves an office: the group's name, topics, site and meeting rhythm and mode — never contact
persons. A protected group shows only its name and topics and sends the person to its own office.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import select

from saas.directory import finder
from saas.directory.models import MEETING_MODES
from saas.directory.search import public_results
from saas.extensions import db
from tenants.models import Association, AssociationMember, Tenant
from tenants.scoping import cross_tenant, current_tenant_id, tenant_context

PER_OFFICE = 10


@dataclass
class Hit:
    id: int
    name: str
    topics: list[str]
    url: str
    protected: bool
    where: str = ""
    rhythm: str = ""
    mode: str = ""
    step_free: bool = False
    founding: bool = False


@dataclass
class OfficeHits:
    office: Tenant
    total: int
    hits: list[Hit] = field(default_factory=list)


def participating_offices(association_id: int, *, exclude: int | None = None) -> list[Tenant]:
    """Member offices of the association that take part in its regional finder and are live (their
    Impressum is complete: an office without one is listed nowhere in public), by name."""
    from saas.legal.operations import live_tenant_ids

    with cross_tenant("regional finder: which member offices take part"):
        ids = list(
            db.session.scalars(
                select(AssociationMember.tenant_id).where(
                    AssociationMember.association_id == association_id, AssociationMember.regional_finder.is_(True)
                )
            )
        )
    live = live_tenant_ids()
    ids = [i for i in ids if i != exclude and i in live]
    if not ids:
        return []
    return list(db.session.scalars(select(Tenant).where(Tenant.id.in_(ids)).order_by(Tenant.name)))


def neighbour_offices() -> list[tuple[Association, list[Tenant]]]:
    """For staff: the associations of the bound office and their other participating offices."""
    own = current_tenant_id()
    associations = db.session.scalars(
        select(Association)
        .join(AssociationMember, AssociationMember.association_id == Association.id)
        .order_by(Association.name)
    ).all()  # AssociationMember rows of the bound office only (tenant scoping)
    return [(a, participating_offices(a.id, exclude=own)) for a in associations]


def search_offices(q: str, offices: list[Tenant], filters: finder.Filters) -> list[OfficeHits]:
    """Search each office's public directory in its own context; offices with hits first."""
    from saas.directory.public import card

    filters.site = None  # sites belong to one office
    results: list[OfficeHits] = []
    for office in offices:
        with tenant_context(office.id):
            result = public_results(q, tenant_id=office.id, filters=filters, limit=PER_OFFICE)
            hits = []
            for group in result.groups:
                facts = card(group)
                hits.append(
                    Hit(
                        id=group.id,
                        name=group.name,
                        topics=[t.name for t in group.topics],
                        url=url_for("directory.public_group", slug=office.slug, group_id=group.id),
                        protected=group.is_protected,
                        where=facts["where"],
                        rhythm=facts["rhythm"],
                        mode="" if group.is_protected else MEETING_MODES.get(group.meeting_mode, ""),
                        step_free=group.id in result.step_free and not group.is_protected,
                        founding=group.status == "founding",
                    )
                )
            results.append(OfficeHits(office=office, total=result.total, hits=hits))
    results.sort(key=lambda r: (not r.total, r.office.name))
    return results


def finders_of_office() -> list[Association]:
    """The regional finders the bound office takes part in (for its empty-result path: "search the
    neighbouring offices")."""
    return list(
        db.session.scalars(
            select(Association)
            .join(AssociationMember, AssociationMember.association_id == Association.id)
            .where(AssociationMember.regional_finder.is_(True))
            .order_by(Association.name)
        )
    )


def association_by_slug(slug: str) -> Association | None:
    return db.session.scalar(select(Association).where(Association.slug == slug))
