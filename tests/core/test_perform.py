"""``saas.core.errors.perform`` and ``perform_or_fail``: the one way a view writes (issue 12)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask import Flask, session
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from saas.core.csvio import ImportRefused
from saas.core.errors import DomainError, perform, perform_or_fail
from saas.extensions import db
from tenants.models import Tenant


def _office(slug: str) -> Tenant:
    tenant = Tenant(slug=slug, name=f"Kontaktstelle {slug}")
    db.session.add(tenant)
    db.session.flush()
    return tenant


def _flashes() -> list[tuple[str, str]]:
    """What was flashed since the last call (``get_flashed_messages`` reads only once per request)."""
    return [tuple(item) for item in session.pop("_flashes", [])]


def _stored(slug: str) -> int:
    return db.session.scalar(select(func.count(Tenant.id)).where(Tenant.slug == slug)) or 0


def test_success_commits_flashes_and_returns_the_value(app: Flask) -> None:
    with app.test_request_context():
        done = perform(lambda: _office("perform-ok"), success="Gespeichert.")
        assert done and done.value is not None and done.value.slug == "perform-ok"
        assert done.messages == []
        db.session.rollback()  # what the commit stored stays
        assert _stored("perform-ok") == 1
        assert _flashes() == [("success", "Gespeichert.")]


def test_a_domain_error_rolls_back_and_shows_the_message_on_the_field_or_as_flash(app: Flask) -> None:
    def refused() -> None:
        _office("perform-refused")
        raise DomainError("Das geht so nicht.")

    with app.test_request_context():
        field = SimpleNamespace(errors=["schon da"])
        done = perform(refused, success="nie", field=field)
        assert not done and done.value is None and done.messages == ["Das geht so nicht."]
        assert field.errors == ["schon da", "Das geht so nicht."]
        assert _flashes() == []
        assert not perform(refused)
        assert _flashes() == [("error", "Das geht so nicht.")]
        assert _stored("perform-refused") == 0


def test_refuse_names_other_exceptions_with_their_message_and_the_session_stays_usable(app: Flask) -> None:
    with app.test_request_context():
        perform_or_fail(lambda: _office("perform-twice"))
        done = perform(lambda: _office("perform-twice"), success="nie", refuse={IntegrityError: "Gibt es schon."})
        assert not done and done.messages == ["Gibt es schon."]
        assert _flashes() == [("error", "Gibt es schon.")]
        assert _stored("perform-twice") == 1  # the session was rolled back and answers again
        with pytest.raises(IntegrityError):  # an exception not named is not a refusal: it propagates
            perform(lambda: _office("perform-twice"))
        db.session.rollback()


def test_show_false_leaves_the_refusal_to_the_view_with_every_reason(app: Flask) -> None:
    def import_rows() -> None:
        _office("perform-import")
        raise ImportRefused(["Zeile 2: kein Datum", "Zeile 5: unbekannter Kanal"])

    with app.test_request_context():
        done = perform(import_rows, show=False)
        assert not done and done.messages == ["Zeile 2: kein Datum", "Zeile 5: unbekannter Kanal"]
        assert _flashes() == []
        assert _stored("perform-import") == 0


def test_perform_or_fail_commits_and_a_domain_error_there_is_a_bug_that_propagates(app: Flask) -> None:
    with app.test_request_context():
        tenant = perform_or_fail(lambda: _office("perform-sure"), success="Erledigt.")
        assert tenant.slug == "perform-sure"
        db.session.rollback()
        assert _stored("perform-sure") == 1
        assert _flashes() == [("success", "Erledigt.")]

        def refused() -> None:
            _office("perform-sure-refused")
            raise DomainError("kann nicht sein")

        with pytest.raises(DomainError):
            perform_or_fail(refused)
        db.session.rollback()
        assert _stored("perform-sure-refused") == 0
