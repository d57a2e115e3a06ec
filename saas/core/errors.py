"""Error pages. A 404 looks the same whether the object is missing or belongs to another office."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError


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
