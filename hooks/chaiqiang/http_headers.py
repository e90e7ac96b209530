"""The `_headers` file: security headers for static hosts that read it (Netlify,
Cloudflare Pages; GitHub Pages does not).

The Content-Security-Policy is computed from the built pages, so that the pages
really satisfy it: Material puts a few small scripts inline (the palette, the
search scope, …), which the policy allows by their SHA-256 hashes, never with
'unsafe-inline'. Inline `<style>` elements are allowed by hash as well; `style`
attributes, should a page ever carry one, by hash under 'unsafe-hashes' for
attributes only. Inline event handlers (`onclick=`) and `javascript:` links
cannot be allowed without opening the policy up, so a page that has one stops
the build. Data blocks (`<script type="application/json">`, JSON-LD) are not
run by the browser and need nothing.

Everything else the pages load comes from the site itself: Material's search
worker (worker-src), its index (connect-src), the icons that Material's CSS
draws from `data:` URIs (img-src).
"""

from __future__ import annotations

import base64
import hashlib
import html.parser as stdlib_html_parser
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from . import caches, known_scripts, parallel
from .errors import ChaiqiangError

FILE_NAME = "_headers"
# Cloudflare Pages ignores a `_headers` line longer than this.
MAX_LINE = 2000

# Script types a browser runs; any other type (JSON, JSON-LD) is a data block.
SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}
)

REFERRER_POLICY = "strict-origin-when-cross-origin"
# Browser features the site never uses. Clipboard (Material's copy buttons) stays allowed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


class HeadersError(ChaiqiangError):
    pass


@dataclass
class InlineCode:
    """What a set of pages runs or applies inline, as CSP hash sources."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    style_attributes: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    script_texts: list[tuple[str, str]] = field(default_factory=list)  # (page, text) of each inline script
    handlers: list[tuple[str, str]] = field(default_factory=list)  # (page, code) of each inline event handler


def csp_hash(text: str) -> str:
    """The CSP hash source of an inline script or style: the browser hashes the
    element's text as UTF-8, after the HTML parser has normalized line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _InlineParser(HTMLParser):
    def __init__(self, where: str, found: InlineCode):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found = found
        self._open: str | None = None  # "script" or "style" while inside one with inline text
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs_map = {name: (value or "") for name, value in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                self.found.handlers.append((self.where, value or ""))
                self.found.problems.append(
                    f"{self.where}: <{tag} {name}=…>: inline event handlers cannot be allowed by the "
                    "Content-Security-Policy; attach the handler from a script file"
                )
            elif name == "style" and value:
                self.found.style_attributes.add(csp_hash(value))
            elif name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.problems.append(
                    f'{self.where}: <{tag} {name}="javascript:…">: the Content-Security-Policy blocks '
                    "javascript: URLs; use a script file"
                )
        if tag == "script" and "src" not in attrs_map:
            if attrs_map.get("type", "").strip().lower() in SCRIPT_TYPES:
                self._open, self._text = "script", []
        elif tag == "style":
            self._open, self._text = "style", []

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._open:
            text = "".join(self._text)
            (self.found.scripts if tag == "script" else self.found.styles).add(csp_hash(text))
            if tag == "script":
                self.found.script_texts.append((self.where, text))
            self._open = None


def scan_html(html: str, where: str, found: InlineCode | None = None) -> InlineCode:
    """Collect the inline scripts, styles and style attributes of one page."""
    found = InlineCode() if found is None else found
    parser = _InlineParser(where, found)
    parser.feed(html)
    parser.close()
    return found


@cache
def _scanner() -> str:
    """What a scan depends on besides the page: this scanner's and the HTML parser's source."""
    return caches.source_digest(Path(__file__), Path(stdlib_html_parser.__file__))


def _page_scan(html_text: str, where: str) -> dict[str, list]:
    """One page's inline code, as JSON (kept in the cache)."""
    page = scan_html(html_text, where)
    return {
        "scripts": sorted(page.scripts),
        "styles": sorted(page.styles),
        "style_attributes": sorted(page.style_attributes),
        "problems": page.problems,
        "script_texts": page.script_texts,
        "handlers": page.handlers,
    }


def scan_site(site_dir: Path, store: caches.Store | None = None) -> InlineCode:
    """Every page's inline code, in path order. With a `store` (the build's
    .cache/headers/), a page that is byte for byte one scanned before is not parsed
    again: the key is its bytes, its path and the scanner's source."""
    store = store or caches.Store()
    found = InlineCode()
    pages = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        where = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        pages.append(
            (hashlib.sha256("\0".join((_scanner(), where, text)).encode("utf-8")).hexdigest(), where, text)
        )
    # The pages not scanned before (all of them, on an empty cache), by two processes.
    new = [(text, where) for name, where, text in pages if not store.has(name)]
    scanned = dict(
        zip((where for _, where in new), parallel.map_in_two(lambda p: _page_scan(*p), new), strict=True)
    )
    for name, where, text in pages:
        page = store.cached(
            name, lambda text=text, where=where: scanned.get(where) or _page_scan(text, where)
        )
        found.scripts.update(page["scripts"])
        found.styles.update(page["styles"])
        found.style_attributes.update(page["style_attributes"])
        found.problems.extend(page["problems"])
        found.script_texts.extend((w, t) for w, t in page["script_texts"])
        found.handlers.extend((w, c) for w, c in page["handlers"])
    return found


def content_security_policy(found: InlineCode) -> str:
    scripts = " ".join(["'self'", *sorted(found.scripts)])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src " + " ".join(["'self'", *sorted(found.styles)]),
    ]
    if found.style_attributes:
        directives.append("style-src-attr 'unsafe-hashes' " + " ".join(sorted(found.style_attributes)))
    directives += [
        # Material's CSS draws its icons from data: URIs.
        "img-src 'self' data:",
        "font-src 'self'",
        # The search index.
        "connect-src 'self'",
        # Material's search worker, which loads lunr's language files with importScripts.
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def headers_for(found: InlineCode) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(found),
        "Referrer-Policy": REFERRER_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": PERMISSIONS_POLICY,
    }


def render(rules: dict[str, dict[str, str]]) -> str:
    """The `_headers` format: a path pattern, then its headers indented, one per line."""
    lines = [
        "# Generated by the build (hooks/chaiqiang/http_headers.py) from the built pages; do not edit.",
        "# Read by Netlify and Cloudflare Pages. GitHub Pages ignores this file.",
    ]
    for pattern, headers in rules.items():
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    for line in lines:
        if len(line) > MAX_LINE:
            raise HeadersError(
                f"{FILE_NAME}: a line of {len(line)} characters is longer than the {MAX_LINE} that "
                f"Cloudflare Pages reads: {line[:80]}…"
            )
    return "\n".join(lines) + "\n"


def parse(text: str) -> dict[str, dict[str, str]]:
    """Read a `_headers` file back: path pattern -> header name -> value."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is None or ":" not in line:
            raise HeadersError(f"{FILE_NAME}, line {number}: a header outside a path rule: {line.strip()}")
        else:
            name, value = line.strip().split(":", 1)
            current[name.strip()] = value.strip()
    return rules


def unknown_scripts(
    found: InlineCode, known: Iterable[known_scripts.Known], data_dir: Path | None
) -> list[str]:
    """The inline scripts that no template writes (chaiqiang.known_scripts), one message each."""
    known = tuple(known)
    problems, seen = [], set()
    for where, text in found.script_texts:
        if (where, text) in seen or known_scripts.origin_of(text, known):
            continue
        seen.add((where, text))
        origin = known_scripts.in_data(text, data_dir) if data_dir else None
        snippet = " ".join(text.split())[:60]
        problems.append(
            f"{where}: an inline script that no template writes ({snippet!r}"
            + (f"; it comes from {origin}" if origin else "")
            + "): the Content-Security-Policy allows only the scripts of the templates"
        )
    return problems


def write_headers(
    site_dir: Path,
    known: Iterable[known_scripts.Known] | None = None,
    data_dir: Path | None = None,
    cache: Path | None = None,
) -> Path:
    """Scan the built site and write its `_headers` file. Call it after every
    step that changes the built HTML. With `known` (the templates' scripts), any
    other inline script stops it, named with its page and, found in `data_dir`, its data.
    `cache`: the folder that keeps each page's scan (chaiqiang.caches)."""
    site_dir = Path(site_dir)
    found = scan_site(site_dir, caches.Store(cache))
    problems = list(found.problems)
    if data_dir is not None:
        # Where a handler came from the data, say where (file, field, line).
        for where, code in found.handlers:
            origin = known_scripts.in_data(code, data_dir, marker=None) if code.strip() else None
            if origin:
                problems.append(f"{where}: the inline event handler {code!r} comes from {origin}")
    if known is not None:
        problems += unknown_scripts(found, known, data_dir)
    if problems:
        raise HeadersError("\n".join(problems))
    path = site_dir / FILE_NAME
    path.write_text(render({"/*": headers_for(found)}), encoding="utf-8")
    return path
