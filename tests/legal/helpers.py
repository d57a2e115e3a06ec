"""Shared by the legal-page tests: a complete Impressum, and reading JSON-LD out of a page."""

from __future__ import annotations

from html.parser import HTMLParser

IMPRESSUM = {
    "operator_name": "PariSozial Dortmund gGmbH",
    "legal_form": "gemeinnützige GmbH",
    "street": "Ostenhellweg 42-48",
    "postcode": "44135",
    "city": "Dortmund",
    "representatives": "Gunther Niermann, Geschäftsführer",
    "email": "selbsthilfe-dortmund@paritaet-nrw.org",
    "phone": "0231 52 90 97",
    "register_entry": "Amtsgericht Dortmund, HRB 0000",
    "vat_id": "",
    "supervisory_authority": "",
    "content_responsible": "Sabine Wojczak",
}


def complete_impressum(tenant) -> None:  # type: ignore[no-untyped-def]
    from saas.extensions import db
    from saas.legal import operations as ops
    from tenants.scoping import tenant_context

    with tenant_context(tenant.id):
        ops.update_legal(db.session.merge(tenant), dict(IMPRESSUM))
        db.session.commit()


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.meta: dict[str, str] = {}
        self._in_jsonld = False
        self._link_href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.blocks.append("")
        elif tag == "a" and a.get("href"):
            self._link_href, self._link_text = a["href"], []
        elif tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content") or ""
        elif tag == "link" and a.get("rel"):
            self.meta[f"link:{a['rel']}"] = a.get("href") or ""

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "script":
            self._in_jsonld = False
        elif tag == "a" and self._link_href is not None:
            self.links.append((" ".join("".join(self._link_text).split()), self._link_href))
            self._link_href = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_jsonld:
            self.blocks[-1] += data
        if self._link_href is not None:
            self._link_text.append(data)


def parse_page(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector
