"""Property tests for every CSV importer (contacts, groups, newsletter subscribers): for random and hostile
files, an importer either stores the whole file or refuses it with clear reasons and stores nothing —
never an unexpected exception (which would be a 500)."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from saas.contacts.importer import ImportRefused, import_contacts
from saas.contacts.models import Contact
from saas.core import timeutil
from saas.directory.groups_csv import ImportRejected, import_groups
from saas.directory.models import Group
from saas.extensions import db
from saas.newsletter.models import Subscriber
from saas.newsletter.operations import NewsletterError, import_subscribers
from tenants.scoping import tenant_context

CELL = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "citizen",
            "phone",
            "addiction",
            "-3",
            "2024-13-01",
            timeutil.today().isoformat(),
            "Hauptstelle",
            "public",
            "protected",
            "active",
            "x@example.org",
            "=cmd|' /C calc'!A0",
            "\x00",
            "a;b;c",
            '"',
            "\r\n",
            "ä" * 120,
            "2025-01-01T10:00:00",
        ]
    ),
)
HOSTILE_BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: t.encode("latin-1", errors="replace")),
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _rows_of(columns: list[str]):  # type: ignore[no-untyped-def]
    return st.lists(st.lists(CELL, min_size=len(columns), max_size=len(columns)), max_size=6).map(
        lambda rows: _csv(columns, rows)
    )


CONTACT_COLUMNS = [
    "date",
    "contact_kind",
    "channel",
    "topic_area",
    "topic",
    "concern",
    "referrals_to_groups",
    "referrals_to_professionals",
    "site",
]
GROUP_COLUMNS = [
    "name",
    "topics",
    "topic_area",
    "visibility",
    "status",
    "description",
    "site",
    "meets",
    "contact_name",
    "contact_phone",
    "contact_email",
]
SUBSCRIBER_COLUMNS = ["email", "name", "consented_at", "consent_text"]


def _check(tenant_id: int, model: type, run, errors: tuple[type[Exception], ...]) -> None:  # type: ignore[no-untyped-def]
    with tenant_context(tenant_id):
        before = db.session.scalar(select(func.count()).select_from(model))
        try:
            run()
            db.session.commit()
        except errors as exc:
            db.session.rollback()
            reasons = getattr(exc, "errors", None) or [str(exc)]
            assert all(isinstance(r, str) and r.strip() for r in reasons)
            assert db.session.scalar(select(func.count()).select_from(model)) == before, "a refused file stored rows"
        else:
            assert db.session.scalar(select(func.count()).select_from(model)) >= before


def test_contacts_importer(world):
    @given(data=st.one_of(HOSTILE_BYTES, _rows_of(CONTACT_COLUMNS)))
    @SETTINGS
    def run(data: bytes) -> None:
        _check(world.dortmund.id, Contact, lambda: import_contacts(data, force=True), (ImportRefused,))

    run()


def test_groups_importer(world):
    @given(data=st.one_of(HOSTILE_BYTES, _rows_of(GROUP_COLUMNS)))
    @SETTINGS
    def run(data: bytes) -> None:
        _check(world.dortmund.id, Group, lambda: import_groups(data, acting_user=None, force=True), (ImportRejected,))

    run()


def test_subscribers_importer(world):
    @given(data=st.one_of(HOSTILE_BYTES, _rows_of(SUBSCRIBER_COLUMNS)))
    @SETTINGS
    def run(data: bytes) -> None:
        _check(world.dortmund.id, Subscriber, lambda: import_subscribers(world.dortmund, data), (NewsletterError,))

    run()
