"""The staff menu: its entries in a few groups (<details> disclosures), each entry once, per role, the
current page marked. The browser side (keyboard, phone, axe-core) is in test_staff_menu_browser.py."""

from __future__ import annotations

from html.parser import HTMLParser

from saas.auth.models import Role
from saas.core.nav import STAFF_GROUPS, STAFF_NAV, NavGroup, NavItem, current_endpoint, staff_menu


class _Menu(HTMLParser):
    """The staff menu as (top-level entries, links per group, current summaries, aria-current links)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # <ul> depth inside the menu's <nav>; 0: outside it
        self.top: list[str] = []  # "link:<href>" or "group:<summary>"
        self.groups: dict[str, list[str]] = {}
        self.current_groups: list[str] = []
        self.current_links: list[str] = []
        self.links: list[str] = []
        self._in_nav = False
        self._summary: str | None = None
        self._summary_current = False
        self._group: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        a = dict(attrs)
        if tag == "nav" and "staff-menu" in (a.get("class") or ""):
            self._in_nav = True
        if not self._in_nav:
            return
        if tag == "ul":
            self.depth += 1
        elif tag == "summary":
            self._summary, self._summary_current = "", "current" in (a.get("class") or "")
        elif tag == "a":
            self.links.append(a["href"])
            if a.get("aria-current") == "page":
                self.current_links.append(a["href"])
            if self.depth == 1:
                self.top.append("link:" + a["href"])
            elif self._group is not None:
                self.groups[self._group].append(a["href"])

    def handle_data(self, data: str) -> None:
        if self._summary is not None:
            self._summary += data

    def handle_endtag(self, tag: str) -> None:
        if not self._in_nav:
            return
        if tag == "summary" and self._summary is not None:
            self._group = self._summary.strip()
            self.top.append("group:" + self._group)
            self.groups[self._group] = []
            if self._summary_current:
                self.current_groups.append(self._group)
            self._summary = None
        elif tag == "ul":
            self.depth -= 1
        elif tag == "nav":
            self._in_nav = False


def _menu(client, path: str = "/dortmund/intern/") -> _Menu:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200
    menu = _Menu()
    menu.feed(response.get_data(as_text=True))
    return menu


def test_admin_sees_every_entry_once_in_a_short_menu(world, client):
    """Does the admin's menu hold all registered entries, each once, in at most 8 top-level places?"""
    client.login(world.dortmund_admin)
    menu = _menu(client)
    assert len(STAFF_NAV) >= 19
    assert len(menu.links) == len(set(menu.links)) == len(STAFF_NAV)
    assert len(menu.top) <= 8, menu.top
    assert set(menu.groups) == {"Kontakte", "Gruppen", "Wegweiser", "Angebote", "Berichte", "Verwaltung"}
    assert len(menu.groups["Gruppen"]) == 5
    assert menu.top[0] == "link:/dortmund/intern/"  # "Übersicht" first, on its own


def test_readonly_sees_only_what_the_role_allows(world, client):
    """A read-only member: no admin group, no staff-only entries; a group left with one entry is a plain link."""
    client.login(world.dortmund_readonly)
    menu = _menu(client)
    assert "Verwaltung" not in menu.groups
    admin_only = [item for item in STAFF_NAV if not Role.readonly.allows(item.min_role)]
    assert admin_only and len(menu.links) == len(STAFF_NAV) - len(admin_only)
    assert "Kontakte" not in menu.groups  # "Kontakt erfassen" needs staff: "Kontakte" stands alone
    assert "link:/dortmund/intern/kontakte/" in menu.top


def test_the_current_page_and_its_group_are_marked(world, client):
    client.login(world.dortmund_staff)
    menu = _menu(client, "/dortmund/intern/veranstaltungen/")
    assert menu.current_groups == ["Angebote"]
    assert menu.current_links == ["/dortmund/intern/veranstaltungen/"]


def test_an_entry_in_no_group_stands_alone_in_its_order():
    lone = NavItem("x.new_feature", "Neu", Role.readonly, order=50)
    first = NavItem("core.dashboard", "Übersicht", Role.readonly, order=0)
    events = NavItem("events.staff_list", "Veranstaltungen", Role.readonly, order=40)
    rooms = NavItem("rooms.overview", "Räume", Role.readonly, order=45)
    menu = staff_menu([first, events, rooms, lone])
    assert menu == [first, NavGroup("Angebote", (events, rooms)), lone]
    assert all(endpoint for _, endpoints in STAFF_GROUPS for endpoint in endpoints)


def test_a_page_below_an_entry_belongs_to_it():
    urls = {
        "core.dashboard": "/dortmund/intern/",
        "contacts.report_index": "/dortmund/intern/jahresbericht/",
        "contacts.statistics": "/dortmund/intern/statistik",
    }
    assert current_endpoint("/dortmund/intern/jahresbericht/2025", urls) == "contacts.report_index"
    assert current_endpoint("/dortmund/intern/statistik", urls) == "contacts.statistics"
    assert current_endpoint("/dortmund/intern/statistikfoo", urls) is None
    assert current_endpoint("/dortmund/intern/", urls) == "core.dashboard"
    assert current_endpoint("/dortmund/intern/konto", urls) is None  # not the start page's
