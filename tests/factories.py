"""Factories that return creation functions, and personas in two offices (Zulip-style example users)."""

from __future__ import annotations

import email
import email.policy
import functools
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from saas.auth.models import AnalystAccess, Membership, Role, User
from saas.auth.passwords import hash_password
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import Association, Tenant

PASSWORD = "correct horse battery staple"


@functools.cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # computed once: argon2 is deliberately slow


def make_tenant(
    slug: str = "dortmund",
    name: str | None = None,
    *,
    sites: tuple[str, ...] = ("Hauptstelle",),
    hours: str = "Mo, Mi, Fr 09.00 – 13.00; Mo, Mi, Do 14.00 – 16.30",
    **fields: object,
) -> Tenant:
    tenant = tenant_ops.create_tenant(slug, name or f"Selbsthilfe-Kontaktstelle {slug.title()}", **fields)
    for i, site_name in enumerate(sites):
        site = tenant_ops.add_site(tenant, site_name)
        if hours and i == 0:
            tenant_ops.set_hours(site, tenant_ops.parse_hours(hours))
    db.session.commit()
    return tenant


def make_user(
    email_address: str,
    *,
    tenant: Tenant | None = None,
    role: str | Role = Role.staff,
    analyst_of: Association | None = None,
    operator: bool = False,
    name: str = "",
) -> User:
    user = User(
        email=email_address.lower(),
        name=name or email_address.split("@")[0],
        password_hash=_password_hash(),
        is_operator=operator,
    )
    db.session.add(user)
    db.session.flush()
    if tenant is not None:
        db.session.add(Membership(user_id=user.id, tenant_id=tenant.id, role=Role(role)))
        # Membership is office-owned: write it as that office.
        from tenants.scoping import tenant_context

        with tenant_context(tenant.id):
            db.session.flush()
    if analyst_of is not None:
        db.session.add(AnalystAccess(user_id=user.id, association_id=analyst_of.id))
    db.session.commit()
    return user


@dataclass
class World:
    dortmund: Tenant
    hamm: Tenant
    association: Association
    dortmund_admin: User
    dortmund_staff: User
    dortmund_readonly: User
    hamm_admin: User
    hamm_staff: User
    analyst: User
    operator: User
    outsider: User  # logged-in person with no office at all


def make_world() -> World:
    dortmund = make_tenant(
        "dortmund",
        "Selbsthilfe-Kontaktstelle Dortmund",
        city="Dortmund",
        street="Ostenhellweg 42-48",
        postcode="44135",
        phone="0231 52 90 97",
    )
    hamm = make_tenant(
        "hamm",
        "Selbsthilfe-Kontaktstelle Hamm",
        city="Hamm",
        sites=("Hamm", "Hamm-Heessen"),
        hours="Di, Do 10.00 – 12.00",
    )
    association = tenant_ops.create_association("paritaet-nrw", "Der Paritätische NRW")
    tenant_ops.add_member(association, dortmund)
    tenant_ops.add_member(association, hamm)
    db.session.commit()
    return World(
        dortmund=dortmund,
        hamm=hamm,
        association=association,
        dortmund_admin=make_user("admin@dortmund.test", tenant=dortmund, role="admin", name="Anna Admin"),
        dortmund_staff=make_user("staff@dortmund.test", tenant=dortmund, role="staff", name="Sabine Staff"),
        dortmund_readonly=make_user("readonly@dortmund.test", tenant=dortmund, role="readonly", name="Rita Read"),
        hamm_admin=make_user("admin@hamm.test", tenant=hamm, role="admin", name="Hanna Hamm"),
        hamm_staff=make_user("staff@hamm.test", tenant=hamm, role="staff", name="Heinz Hamm"),
        analyst=make_user("analyst@paritaet.test", analyst_of=association, name="Arne Analyst"),
        operator=make_user("operator@lotse.test", operator=True, name="Olga Operator"),
        outsider=make_user("nobody@example.org", name="Niemand"),
    )


class Outbox:
    """The ``.eml`` files the mail backend wrote (MAIL_URL=file://…)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def messages(self) -> list[EmailMessage]:
        if not self.folder.exists():
            return []
        files = sorted(self.folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in files]  # type: ignore[misc]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages() if address.lower() in str(m["To"]).lower()]

    def wait_for(self, count: int = 1, timeout: float = 30.0) -> list[EmailMessage]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            msgs = self.messages()
            if len(msgs) >= count:
                return msgs
            time.sleep(0.1)
        raise AssertionError(f"expected {count} mail(s) in the outbox, found {len(self.messages())}")

    @staticmethod
    def text(msg: EmailMessage) -> str:
        part = msg.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""


class WorkerProcess:
    def __init__(self, proc: subprocess.Popen, log: Path) -> None:
        self.proc = proc
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


_CSRF_VALUE = re.compile(r'(name="csrf_token"[^>]*value=")[^"]*(")')
_FLASHES = re.compile(r'<div class="flashes".*?</div>', re.S)


def comparable_page(body: bytes | str, path: str = "") -> str:
    """A page's HTML for comparing two answers: without the CSRF token (it carries a timestamp), pending
    flash messages (left by earlier requests of the session) and the requested path (echoed in forms)."""
    text = body.decode() if isinstance(body, bytes) else body
    if path:
        text = text.replace(path, "PATH")
    return _CSRF_VALUE.sub(r"\1\2", _FLASHES.sub("", text))
