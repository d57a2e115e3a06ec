"""Helpers for browser tests: log in through the real form, and fail on any axe-core violation."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD

_axe = Axe()


def assert_accessible(page, context: str = "") -> None:  # type: ignore[no-untyped-def]
    """Run axe-core (bundled by axe-playwright-python) on the page; any violation fails the test."""
    results = _axe.run(page)
    if results.violations_count:
        details = "\n".join(
            f"- {v['id']} ({v.get('impact')}): {v['help']} — "
            + "; ".join(
                n.get("target", [""])[0] if isinstance(n.get("target"), list) else str(n.get("target"))
                for n in v["nodes"][:5]
            )
            for v in results.response["violations"]
        )
        raise AssertionError(
            f"axe-core found {results.violations_count} violation(s) on {page.url} {context}\n{details}"
        )


def login(page, email: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
