"""Markdown → sanitized HTML and plain text, and the raw multipart mail for one recipient.

The body is rendered once per issue; what differs per recipient (To, Message-ID, unsubscribe link) is
filled into a prepared frame, so a worker spends microseconds, not milliseconds, per mail.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import html as html_lib
import re
import textwrap
from dataclasses import dataclass
from email.headerregistry import Address
from html.parser import HTMLParser
from urllib.parse import quote

import markdown
import nh3

from saas.core.headers import UNFOLDED, header_line

ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "a",
    "img",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}}
UNSUBSCRIBE_PLACEHOLDER = "@@LOTSE_UNSUBSCRIBE_URL@@"


def markdown_to_html(source: str) -> str:
    """Staff Markdown (headings, links, images, lists) as HTML that cannot carry scripts or styles."""
    raw = markdown.markdown(source or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


class _TextWriter(HTMLParser):
    """Plain text from the sanitized HTML: headings underlined, links as ``text (url)``, lists with ``-``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.line: list[str] = []
        self.href: list[str | None] = []
        self.list_depth = 0
        self.heading: str | None = None
        self.pre = False

    def _flush(self, blank: bool = True) -> None:
        text = "".join(self.line)
        text = text if self.pre else re.sub(r"\s+", " ", text).strip()
        self.line = []
        if text:
            if self.heading:
                underline = "=" if self.heading in ("h1", "h2") else "-"
                self.out.extend([text, underline * min(len(text), 72)])
            elif self.pre:
                self.out.append(text)
            else:
                indent = "  " * max(self.list_depth - 1, 0)
                first = indent + ("- " if self.list_depth and text else "")
                self.out.extend(
                    textwrap.wrap(
                        text,
                        72,
                        initial_indent=first,
                        subsequent_indent=" " * len(first),
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
        if blank and self.out and self.out[-1] != "":
            self.out.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("p", "h1", "h2", "h3", "h4", "blockquote", "table", "tr"):
            self._flush()
            if tag.startswith("h"):
                self.heading = tag
        elif tag in ("ul", "ol"):
            self._flush(blank=self.list_depth == 0)
            self.list_depth += 1
        elif tag == "li" or tag == "br":
            self._flush(blank=False)
        elif tag == "hr":
            self._flush()
            self.out.extend(["-" * 40, ""])
        elif tag == "pre":
            self._flush()
            self.pre = True
        elif tag == "a":
            self.href.append(attributes.get("href"))
        elif tag == "img":
            alt = attributes.get("alt") or "Bild"
            self.line.append(f"[{alt}]")
        elif tag in ("td", "th"):
            self.line.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "h1", "h2", "h3", "h4", "blockquote", "table", "tr"):
            self._flush(blank=tag != "tr")
            self.heading = None
        elif tag in ("ul", "ol"):
            self._flush(blank=False)
            self.list_depth = max(self.list_depth - 1, 0)
            if self.list_depth == 0 and self.out and self.out[-1] != "":
                self.out.append("")
        elif tag == "li":
            self._flush(blank=False)
        elif tag == "pre":
            self._flush()
            self.pre = False
        elif tag == "a":
            href = self.href.pop() if self.href else None
            if href and not href.startswith("mailto:"):
                self.line.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        self.line.append(data)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.out).strip() + "\n"


def html_to_text(body_html: str) -> str:
    writer = _TextWriter()
    writer.feed(body_html)
    writer.close()
    return writer.text()


def render_body(source: str) -> tuple[str, str]:
    """(html, text) of a Markdown body."""
    body_html = markdown_to_html(source)
    return body_html, html_to_text(body_html)


# --- the raw mail ----------------------------------------------------------------------------------


def _qp(text: str) -> bytes:
    data = text.replace("\r\n", "\n").encode("utf-8")
    return binascii.b2a_qp(data, quotetabs=False, istext=True, header=False).replace(b"\n", b"\r\n")


def _qp_parts(body: str) -> list[bytes | str]:
    """The body quoted-printable encoded once, except the lines holding the unsubscribe placeholder.

    Quoted-printable works line by line, so the lines without the placeholder are encoded here, once per
    issue, and only the placeholder's lines per recipient (:func:`_qp_fill`): the same bytes as encoding
    the whole body per recipient, for a fraction of the work.
    """
    if "\r" in body.replace("\r\n", "\n"):
        # A carriage return that is not part of a line break: b2a_qp picks its line ends from the first
        # line of what it encodes, so encoding line by line could differ. Encode it whole per recipient.
        return [body]
    lines = body.split("\n")
    parts: list[bytes | str] = []
    static: list[str] = []
    for number, line in enumerate(lines):
        line = line if number == len(lines) - 1 else line + "\n"
        if UNSUBSCRIBE_PLACEHOLDER in line:
            if static:
                parts.append(_qp("".join(static)))
                static = []
            parts.append(line)
        else:
            static.append(line)
    if static:
        parts.append(_qp("".join(static)))
    return parts


def _qp_fill(parts: list[bytes | str], value: str) -> bytes:
    return b"".join(p if isinstance(p, bytes) else _qp(p.replace(UNSUBSCRIBE_PLACEHOLDER, value)) for p in parts)


_PLAIN_ID = re.compile(r"<[A-Za-z0-9._-]+@[A-Za-z0-9.-]+>")


def _plain_address(address: str) -> bool:
    """ASCII, printable, no space or specials: the header API would write it unchanged."""
    return address.isascii() and address.isprintable() and "@" in address and _NOT_PLAIN.isdisjoint(address)


_NOT_PLAIN = frozenset("<>()[]\\,;:\"' \t\r\n")


@dataclass
class MailFrame:
    """A mail prepared up to the recipient: headers and both bodies with a placeholder for the link."""

    sender: Address  # the office's name with the platform's address
    subject: str
    date: str  # RFC 5322 date: fixed per issue, so every copy of a mail is identical
    html: str  # full HTML document containing UNSUBSCRIBE_PLACEHOLDER
    text: str  # full text containing UNSUBSCRIBE_PLACEHOLDER
    list_id: str
    reply_to: Address | None = None
    key: str = ""  # secret for deterministic Message-IDs and boundaries

    def __post_init__(self) -> None:
        self.envelope_from = self.sender.addr_spec
        self.domain = self.sender.domain or "lotse.local"
        # Everything the same for every recipient is built once, by the email package's header API, which
        # refuses a value with CR/LF (ValueError) instead of letting it start a header of its own.
        self._head = "".join(
            [
                header_line("From", self.sender),
                header_line("Subject", self.subject),
                header_line("Date", self.date),
            ]
        )
        self._tail = "".join(
            [
                header_line("MIME-Version", "1.0"),
                header_line("Content-Language", "de"),
                header_line("List-Id", self.list_id),
                header_line("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ]
        )
        if self.reply_to:
            self._tail += header_line("Reply-To", self.reply_to)
        self._text_parts = _qp_parts(self.text)
        self._html_parts = _qp_parts(self.html)

    def message_id(self, *parts: object) -> str:
        """Deterministic per (what, who): the same mail always carries the same Message-ID."""
        ident = ".".join(str(p) for p in parts)
        digest = hmac.digest(self.key.encode(), ident.encode(), "sha256").hex()[:16]
        return f"<{ident}.{digest}@{self.domain}>"

    def build(self, *, to: str, message_id: str, unsubscribe_url: str, unsubscribe_mailto: str) -> bytes:
        boundary = "=_lotse_" + hashlib.sha256(message_id.encode()).hexdigest()[:24]
        # Per recipient only values that the header API would write unchanged take the fast path; any other
        # value goes through header_line, which refuses CR/LF.
        to_line = f"To: {to}\r\n" if _plain_address(to) else header_line("To", to)
        id_line = (
            f"Message-ID: {message_id}\r\n"
            if _PLAIN_ID.fullmatch(message_id)
            else header_line("Message-ID", message_id)
        )
        unsubscribe = f"<{unsubscribe_url}>, <{unsubscribe_mailto}>"
        if unsubscribe.isascii() and unsubscribe.isprintable() and unsubscribe.count(" ") == 1:
            unsubscribe_line = f"List-Unsubscribe: {unsubscribe}\r\n"
        else:
            unsubscribe_line = header_line("List-Unsubscribe", unsubscribe, UNFOLDED)
        headers = "".join(
            [
                self._head,
                to_line,
                id_line,
                self._tail,
                unsubscribe_line,
                f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n',
            ]
        )
        text = _qp_fill(self._text_parts, unsubscribe_url)
        html = _qp_fill(self._html_parts, html_lib.escape(unsubscribe_url))
        part_head = "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        return b"".join(
            [
                headers.encode("ascii"),
                b"\r\nDies ist eine MIME-Nachricht.\r\n",
                f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n{part_head}".encode(),
                text,
                f"\r\n--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n{part_head}".encode(),
                html,
                f"\r\n--{boundary}--\r\n".encode(),
            ]
        )


def mailto(address: str, subject: str) -> str:
    return f"mailto:{address}?subject={quote(subject)}"
