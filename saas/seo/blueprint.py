"""URL rules for findability: /favicon.ico, the app manifest, robots.txt and each office's sitemap.xml."""

from flask import Blueprint, current_app, request

from saas.seo import jsonld, public

bp = Blueprint("seo", __name__)

bp.add_url_rule("/favicon.ico", "favicon", public.favicon)
bp.add_url_rule("/manifest.webmanifest", "manifest", public.manifest)
bp.add_url_rule("/robots.txt", "robots", public.robots)
bp.add_url_rule("/<slug>/robots.txt", "office_robots", public.office_robots)
bp.add_url_rule("/<slug>/sitemap.xml", "sitemap", public.sitemap)


@bp.app_context_processor
def _seo_helpers() -> dict:
    def absolute_url(path: str) -> str:
        return current_app.config["BASE_URL"].rstrip("/") + path

    def canonical_url() -> str:
        # The public address, without query string: one URL per page for search engines.
        return absolute_url(request.path)

    return {"absolute_url": absolute_url, "canonical_url": canonical_url, "jsonld": jsonld}
