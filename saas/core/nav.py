"""Navigation registry: each feature adds its staff and public menu entries in its blueprint module."""

from __future__ import annotations

from dataclasses import dataclass

from saas.auth.models import Role


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str  # German; translated in the template with _()
    min_role: Role = Role.readonly
    order: int = 100


STAFF_NAV: list[NavItem] = []
PUBLIC_NAV: list[NavItem] = []


def add_staff_nav(endpoint: str, label: str, min_role: Role = Role.readonly, order: int = 100) -> None:
    if all(item.endpoint != endpoint for item in STAFF_NAV):
        STAFF_NAV.append(NavItem(endpoint, label, min_role, order))
        STAFF_NAV.sort(key=lambda item: item.order)


def add_public_nav(endpoint: str, label: str, order: int = 100) -> None:
    if all(item.endpoint != endpoint for item in PUBLIC_NAV):
        PUBLIC_NAV.append(NavItem(endpoint, label, Role.readonly, order))
        PUBLIC_NAV.sort(key=lambda item: item.order)


def N_(message: str) -> str:  # the gettext convention, as in saas.core.errors
    """Mark a German label for extraction (``-k N_`` in scripts/translations.sh); the template translates it."""
    return message


# The staff menu in groups (a disclosure each), so it stays one short line on a desktop and a phone. A
# registered entry whose endpoint is in no group stands alone in the menu; a group with one visible entry
# for the role shows that entry alone. Order: the groups and lone entries follow their smallest ``order``.
STAFF_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Kontakte"), ("contacts.quick_entry", "contacts.log")),
    (
        N_("Gruppen"),
        (
            "directory.group_list",
            "founding.overview",
            "founding.cases",
            "grouparea.staff_inbox",
            "grouparea.funding_overview",
        ),
    ),
    (N_("Wegweiser"), ("directory.topic_list", "directory.inquiry_list", "directory.demand")),
    (N_("Angebote"), ("events.staff_list", "rooms.overview", "newsletter.index")),
    (N_("Berichte"), ("contacts.statistics", "contacts.report_index", "funders.index")),
    (N_("Verwaltung"), ("admin.index", "legal.admin_index", "association.consent", "privacy.person", "audit.log")),
)


@dataclass(frozen=True)
class NavGroup:
    label: str
    items: tuple[NavItem, ...]

    def holds(self, endpoint: str | None) -> bool:
        return any(item.endpoint == endpoint for item in self.items)


def staff_menu(visible: list[NavItem]) -> list[NavItem | NavGroup]:
    """The visible entries arranged as the menu shows them: lone entries and groups, in ``order``."""
    by_endpoint = {item.endpoint: item for item in visible}
    grouped: set[str] = set()
    entries: list[tuple[int, NavItem | NavGroup]] = []
    for label, endpoints in STAFF_GROUPS:
        items = [by_endpoint[e] for e in endpoints if e in by_endpoint]
        grouped.update(item.endpoint for item in items)
        if len(items) == 1:
            entries.append((items[0].order, items[0]))
        elif items:
            entries.append((min(i.order for i in items), NavGroup(label, tuple(items))))
    entries += [(item.order, item) for item in visible if item.endpoint not in grouped]
    entries.sort(key=lambda entry: entry[0])
    return [entry for _, entry in entries]


def current_endpoint(path: str, urls: dict[str, str]) -> str | None:
    """The menu entry a page belongs to: its own URL, else the longest entry URL it lies under
    (``/dortmund/intern/jahresbericht/2025`` belongs to "Jahresbericht"). The start page only by its own URL."""
    best: str | None = None
    home = urls.get("core.dashboard")
    for endpoint, url in urls.items():
        if path == url:
            return endpoint
        below = url != home and path.startswith(url.rstrip("/") + "/")
        if below and (best is None or len(url) > len(urls[best])):
            best = endpoint
    return best
