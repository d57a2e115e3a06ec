"""Domain errors, the one way a view runs its write, and the error pages.

- ``DomainError``: an operation refuses a write for a reason the user should read ("Das Ende muss nach
  dem Beginn liegen."). Operations raise subclasses with a ``_()``/``_l()`` message; nothing is stored.
- ``perform(action, ...)``: a view's write (Indico ``RH.process``): commit when the action returns; on a
  ``DomainError`` roll back and show the message as a form error or flash. Anything else propagates (500).
- ``init_app``: error pages. A 404 looks the same whether the object is missing or belongs to another office.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import Flask, flash, render_template, request
from flask_wtf.csrf import CSRFError

T = TypeVar("T")


class DomainError(ValueError):
    """A write refused by a rule of the domain; ``message`` is shown to the user as it is.

    Subclass it per feature (``EventError``, ``BookingError``) and raise with a translated message:
    ``raise EventError(_("Das Ende muss nach dem Beginn liegen."))``. A ``ValueError`` so callers that
    validate input with ``except ValueError`` keep working.
    """

    def __init__(self, message: Any = "", *args: Any, field: str | None = None) -> None:
        super().__init__(message, *args)
        self.field = field  # the form field the refusal is about ("end_time"); see ``on_field``

    @property
    def message(self) -> str:
        """What the page shows (a subclass may show less than ``str()``, e.g. when the page lists details)."""
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What ``perform`` did: truthy when the action succeeded and was committed."""

    value: T | None = None
    error: DomainError | None = None

    def __bool__(self) -> bool:
        return self.error is None


def perform(
    action: Callable[[], T],
    *,
    success: str | None = None,
    field: Any = None,
) -> Outcome[T]:
    """Run one write of a view: commit on success, roll back and show the message on ``DomainError``.

    ``success`` is flashed after the commit. The refusal goes to ``field.errors`` when a form field is given
    (anything with an ``errors`` list, or a function choosing one from the error), else it is flashed.
    """
    from saas.extensions import db

    try:
        value = action()
    except DomainError as exc:
        db.session.rollback()
        target = field if field is None or hasattr(field, "errors") else field(exc)
        if target is not None:
            target.errors = [*target.errors, exc.message]
        else:
            flash(exc.message, "error")
        return Outcome(error=exc)
    db.session.commit()
    if success:
        flash(success, "success")
    return Outcome(value=value)


def on_field(form: Any, default: Any = None) -> Callable[[DomainError], Any]:
    """``perform(..., field=on_field(form))``: show a refusal at the form field it names (``exc.field``),
    else at ``default`` (a field, or None to flash it)."""

    def choose(exc: DomainError) -> Any:
        name = getattr(exc, "field", None)
        return getattr(form, name, default) if name else default

    return choose


def N_(message: str) -> str:  # the gettext convention: "extract now, translate when shown"
    """Mark a message for extraction; error.html translates it when the page is rendered."""
    return message


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    def page(code: int, title: str, message: str):  # type: ignore[no-untyped-def]
        if _wants_json():
            return {"error": title, "message": message}, code
        # tenant=None: an error page looks the same whatever office or object it was asked about.
        return render_template("errors/error.html", code=code, title=title, message=message, tenant=None), code

    @app.errorhandler(400)
    def bad_request(e):  # type: ignore[no-untyped-def]
        from saas.core.security import NUL_MESSAGE

        if getattr(e, "description", None) == NUL_MESSAGE:
            return page(400, N_("Ungültige Anfrage"), NUL_MESSAGE)
        return page(400, N_("Ungültige Anfrage"), N_("Die Anfrage konnte nicht verarbeitet werden."))

    @app.errorhandler(CSRFError)
    def csrf_error(e):  # type: ignore[no-untyped-def]
        return page(
            400,
            N_("Formular abgelaufen"),
            N_("Das Formular ist abgelaufen oder ungültig. Bitte laden Sie die Seite neu und versuchen Sie es erneut."),
        )

    @app.errorhandler(403)
    def forbidden(e):  # type: ignore[no-untyped-def]
        return page(403, N_("Keine Berechtigung"), N_("Für diese Aktion fehlen Ihnen die Rechte."))

    @app.errorhandler(404)
    def not_found(e):  # type: ignore[no-untyped-def]
        return page(404, N_("Seite nicht gefunden"), N_("Diese Seite gibt es nicht."))

    @app.errorhandler(405)
    def not_allowed(e):  # type: ignore[no-untyped-def]
        return page(405, N_("Nicht erlaubt"), N_("Diese Aktion ist hier nicht möglich."))

    @app.errorhandler(413)
    def too_large(e):  # type: ignore[no-untyped-def]
        return page(413, N_("Zu groß"), N_("Die gesendeten Daten sind zu groß."))

    @app.errorhandler(429)
    def too_many(e):  # type: ignore[no-untyped-def]
        return page(429, N_("Zu viele Versuche"), N_("Bitte warten Sie einen Moment und versuchen Sie es dann erneut."))

    @app.errorhandler(500)
    def server_error(e):  # type: ignore[no-untyped-def]
        return page(500, N_("Fehler"), N_("Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut."))
