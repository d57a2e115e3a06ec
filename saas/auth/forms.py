from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from saas.auth.passwords import password_problem
from saas.core.headers import SingleLine


def _strong(form: FlaskForm, field: PasswordField) -> None:
    problem = password_problem(field.data or "")
    if problem:
        raise ValidationError(problem)


class LoginForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Passwort"), validators=[DataRequired(), Length(max=256)])


class ResetRequestForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[DataRequired(), Email(), Length(max=254)])


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("Neues Passwort"), validators=[DataRequired(), _strong])
    confirm = PasswordField(
        _l("Neues Passwort wiederholen"),
        validators=[DataRequired(), EqualTo("password", message=_l("Die Passwörter stimmen nicht überein."))],
    )


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Bisheriges Passwort"), validators=[DataRequired()])


class LogoutForm(FlaskForm):
    pass


class NameForm(FlaskForm):
    name = StringField(_l("Name"), validators=[SingleLine(), Length(max=200)])


class SecondFactorForm(FlaskForm):
    code = StringField(_l("Code aus der App oder Wiederherstellungscode"), validators=[DataRequired(), Length(max=20)])
    remember = BooleanField(_l("Auf diesem Gerät 30 Tage nicht erneut fragen"))


class EnableMfaForm(FlaskForm):
    code = StringField(_l("Sechsstelliger Code aus der App"), validators=[DataRequired(), Length(max=10)])


class DisableMfaForm(FlaskForm):
    password = PasswordField(_l("Passwort"), validators=[DataRequired(), Length(max=256)])
    code = StringField(_l("Code aus der App oder Wiederherstellungscode"), validators=[DataRequired(), Length(max=20)])
