"""The isolation matrix: every route of the app (read from the URL map, so a new route is covered
automatically) × every kind of office-owned object × a user of another office, an association analyst,
an anonymous visitor and a group's contact person signed in by link (saas.grouparea) — of another office,
and of the office itself for its staff pages. Each must get 404 (or the login page), see nothing of the
foreign object, and change nothing; and a foreign id must answer exactly like a missing one.

The demo data of all four offices is the source of objects of every kind.
"""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, text

from saas.core.demo import DEMO_PASSWORD
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import cross_tenant
from tests.conftest import owner_engine
from tests.factories import comparable_page
from tests.security.routes import app_rules, fill, samples_of


def _fingerprint() -> str:
    """A hash over every row of every table: any write by a foreign request changes it."""
    digest = hashlib.sha256()
    with owner_engine().connect() as conn:
        for table in sorted(db.metadata.tables):
            if table in ("auth_events", "task_locks"):  # logins of the personas themselves
                continue
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            digest.update(table.encode())
            for row in sorted(repr(tuple(r)) for r in rows):
                digest.update(row.encode())
    return digest.hexdigest()


def _login(client, email: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post_form("/login", {"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, email


def _sign_in_group(client, outbox, slug: str, address: str) -> None:  # type: ignore[no-untyped-def]
    """A group's contact person signs in through the mailed link (the group persona)."""
    import re

    client.post_form(f"/{slug}/gruppenbereich", {"email": address})
    mails = outbox.to(address)
    assert mails, address
    link = re.search(r"/[\w-]+/gruppenbereich/anmelden/\S+", outbox.text(mails[-1]))
    assert link, "no sign-in link"
    assert client.get(link.group(0), follow_redirects=True).status_code == 200


# Pages of the group area that anyone may open: the sign-in form, the mailed link, leaving the area.
GROUP_AREA_PUBLIC = {"grouparea.sign_in", "grouparea.redeem", "grouparea.sign_out"}


@pytest.mark.slow
def test_isolation_matrix(app, db, make_client, outbox, demo_seed):
    demo_seed()
    from saas.grouparea.demo import DEMO_GROUP_EMAIL
    from tests.directory.helpers import make_group

    with cross_tenant("test: offices"):
        hamm = db.session.scalar(select(Tenant).where(Tenant.slug == "hamm"))
    make_group(hamm, "Gesprächskreis Hamm", contacts=[{"name": "H.", "email": "gruppe@hamm.test"}])
    with cross_tenant("test: offices"):
        dortmund = db.session.scalar(select(Tenant).where(Tenant.slug == "dortmund"))
    samples = samples_of(dortmund.id)
    assert {"groups", "sites", "memberships"} <= set(samples), sorted(samples)

    personas = {
        "hamm staff": make_client(),
        "analyst": make_client(),
        "anonymous": make_client(),
        "hamm group": make_client(),  # a group of another office, signed in by link
        "dortmund group": make_client(),  # a group of the office itself: staff pages only
    }
    _login(personas["hamm staff"], "staff.hamm@demo.lotse.de")
    _sign_in_group(personas["hamm group"], outbox, "hamm", "gruppe@hamm.test")
    _sign_in_group(personas["dortmund group"], outbox, "dortmund", DEMO_GROUP_EMAIL)
    # Hamm's admin may do everything in Hamm: a refusal can only come from the id being foreign.
    hamm_admin = make_client()
    _login(hamm_admin, "admin.hamm@demo.lotse.de")
    admin_token = hamm_admin.csrf_token()
    _login(personas["analyst"], "analyst.paritaet-nrw@demo.lotse.de")
    tokens = {name: client.csrf_token() for name, client in personas.items()}
    before = _fingerprint()

    failures: list[str] = []
    checked = 0
    for rule in app_rules(app, office=True):
        group_area = "/gruppenbereich" in rule.rule and rule.endpoint not in GROUP_AREA_PUBLIC
        staff_only = "/intern/" in rule.rule or rule.rule.startswith("/verband/") or group_area
        built = fill(rule, "dortmund", samples)
        if built is None:
            failures.append(f"cannot build {rule.rule}")
            continue
        path, secrets = built
        for name, client in personas.items():
            for method in sorted(rule.methods & {"GET", "POST"}):
                if not staff_only:
                    continue  # public pages are covered by the foreign-id checks below
                if name == "dortmund group" and group_area:
                    continue  # its own area: the group's pages, tested in tests/grouparea
                if method == "GET":
                    response = client.get(path)
                else:
                    response = client.post(path, data={"csrf_token": tokens[name]})
                checked += 1
                body = response.get_data(as_text=True)
                if name == "anonymous":
                    location = response.headers.get("Location", "")
                    ok = response.status_code == 404 or (
                        response.status_code == 302
                        and ("/login" in location or (group_area and location.endswith("/dortmund/gruppenbereich")))
                    )
                else:
                    ok = response.status_code == 404
                if not ok:
                    failures.append(f"{name} {method} {path} → {response.status_code}")
                leaked = [s for s in secrets if s in body]
                if leaked:
                    failures.append(f"{name} {method} {path} leaks {leaked[:2]}")

        # A foreign id in one's own office answers exactly like a missing id.
        if any(rule._converters[a].__class__.__name__ == "IntegerConverter" and a != "year" for a in rule.arguments):
            own = fill(rule, "hamm", samples)
            missing = fill(rule, "hamm", samples, missing=True)
            if own and missing and own[0] != missing[0]:
                for method in sorted(rule.methods & {"GET", "POST"}):
                    send = (
                        hamm_admin.get
                        if method == "GET"
                        else (lambda p: hamm_admin.post(p, data={"csrf_token": admin_token}))
                    )
                    foreign_resp, missing_resp = send(own[0]), send(missing[0])
                    checked += 2
                    if foreign_resp.status_code != 404 or missing_resp.status_code != 404:
                        failures.append(
                            f"foreign id {method} {own[0]} → {foreign_resp.status_code}, missing → "
                            f"{missing_resp.status_code}"
                        )
                        continue
                    a = comparable_page(foreign_resp.get_data(), own[0])
                    b = comparable_page(missing_resp.get_data(), missing[0])
                    if a != b:
                        import difflib

                        diff = "".join(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), n=0))[:12])
                        failures.append(f"foreign id answers differently from a missing id: {method} {own[0]}\n{diff}")

    assert _fingerprint() == before, "a request of another office, an analyst or a visitor changed stored data"
    assert checked > 200, checked
    assert not failures, "\n".join(failures)
