from flask import Blueprint

from saas.audit import views
from saas.auth.models import Role
from saas.core.nav import add_staff_nav

bp = Blueprint("audit", __name__, template_folder="templates")
bp.add_url_rule("/<slug>/intern/protokoll", "log", views.log)

add_staff_nav("audit.log", "Protokoll", min_role=Role.admin, order=90)
