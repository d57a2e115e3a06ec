from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, StringField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

if TYPE_CHECKING:
    from saas.privacy.retention import RetentionRule


class PersonForm(FlaskForm):
    class Meta:
        csrf = False  # a search (GET); the export and erasure forms below are protected

    email = EmailField(_l("E-Mail-Adresse"), validators=[Optional(), Email(), Length(max=254)])
    name = StringField(_l("Name (genau wie gespeichert)"), validators=[Optional(), Length(max=200)])

    def validate(self, extra_validators: Mapping[str, Sequence[Any]] | None = None) -> bool:
        ok = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.name.data or "").strip():
            self.email.errors = [*self.email.errors, _l("Bitte geben Sie eine E-Mail-Adresse oder einen Namen an.")]
            return False
        return ok


class ExportForm(FlaskForm):
    email = EmailField(validators=[Optional(), Email(), Length(max=254)])
    name = StringField(validators=[Optional(), Length(max=200)])


class EraseForm(ExportForm):
    confirm = BooleanField(
        _l("Ja, alle gefundenen Daten dieser Person unwiderruflich löschen"),
        validators=[DataRequired(_l("Bitte bestätigen Sie die Löschung."))],
    )
    keep_suppression = BooleanField(
        _l("Adresse für den Newsletter sperren (nur als Prüfsumme gespeichert)"), default=True
    )


def retention_form_class(rules: Iterable[RetentionRule]) -> type[FlaskForm]:
    """A form with one whole-number field per adjustable retention rule, bounded by the rule."""

    class RetentionForm(FlaskForm):
        pass

    for rule in rules:
        setattr(
            RetentionForm,
            rule.key,
            IntegerField(
                _l(rule.label),
                validators=[DataRequired(), NumberRange(rule.min_days, rule.max_days)],
            ),
        )
    return RetentionForm
