"""Helpers for browser tests: log in through the real form, and fail on any axe-core violation."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from tests.factories import PASSWORD

_axe = Axe()
# What page.evaluate raises when the document goes away under it (a navigation), not a violation.
_NAVIGATED = re.compile(r"reading 'documentElement'|Execution context was destroyed|navigat", re.IGNORECASE)


def assert_accessible(page, context: str = "") -> None:  # type: ignore[no-untyped-def]
    """Run axe-core (bundled by axe-playwright-python) on the page; any violation fails the test.

    A click on a link returns before the next page has loaded; axe started then finds no document (a CI
    run failed so: "Cannot read properties of null (reading 'documentElement')"). So the check waits for
    the page's load event first, and if a navigation still replaces the document while axe runs (the
    click's navigation had not begun when the wait returned), runs axe again on the new page."""
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = _axe.run(page)
            break
        except PlaywrightError as error:
            if attempt == 2 or not _NAVIGATED.search(str(error)):
                raise
    else:  # pragma: no cover - the loop either breaks or raises
        raise AssertionError("axe-core did not run")
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
