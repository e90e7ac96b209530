"""The `_headers` file: a CSP computed from the built pages, and the other security headers."""

from __future__ import annotations

import json
import re

import pytest
from chaiqiang import caches, http_headers
from chaiqiang.http_headers import (
    FILE_NAME,
    MAX_LINE,
    HeadersError,
    InlineCode,
    content_security_policy,
    csp_hash,
    parse,
    render,
    scan_html,
    scan_site,
    write_headers,
)

PAGE = """<!doctype html><html><head>
<script>var a = "<b>" && 1;</script>
<script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="application/ld+json">{"@type": "WebPage"}</script>
<script type="module">import "./m.js";</script>
<style>body { color: red; }</style>
</head><body><p style="color: blue">x</p></body></html>"""


def test_the_hash_is_that_of_the_script_text_with_normalized_line_breaks():
    # echo -n 'alert(1)' | openssl sha256 -binary | base64
    assert csp_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert csp_hash("a\r\nb") == csp_hash("a\nb") == csp_hash("a\rb")


def test_only_scripts_the_browser_runs_are_hashed():
    found = scan_html(PAGE, "index.html")
    assert found.scripts == {csp_hash('var a = "<b>" && 1;'), csp_hash('import "./m.js";')}
    assert found.styles == {csp_hash("body { color: red; }")}
    assert found.style_attributes == {csp_hash("color: blue")}
    assert found.problems == []


def test_the_policy_allows_inline_code_by_hash_never_wholesale():
    policy = content_security_policy(scan_html(PAGE, "index.html"))
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"].startswith("'self' 'sha256-")
    assert csp_hash('var a = "<b>" && 1;') in directives["script-src"]
    assert csp_hash("body { color: red; }") in directives["style-src"]
    assert directives["style-src-attr"] == f"'unsafe-hashes' {csp_hash('color: blue')}"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["worker-src"] == "'self'"  # Material's search worker
    assert directives["img-src"] == "'self' data:"  # Material's icons in its CSS
    assert directives["object-src"] == "'none'"


def test_no_style_attributes_no_attribute_directive():
    policy = content_security_policy(InlineCode(scripts={csp_hash("x")}))
    assert "style-src-attr" not in policy and "unsafe-hashes" not in policy


@pytest.mark.parametrize(
    ("markup", "says"),
    [
        ('<button onclick="go()">Go</button>', "<button onclick=…>: inline event handlers"),
        ('<a href=" JavaScript:go()">Go</a>', "blocks javascript: URLs"),
    ],
)
def test_code_a_policy_cannot_allow_by_hash_stops_the_build(tmp_path, markup, says):
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "index.html").write_text(f"<p>{markup}</p>", encoding="utf-8")
    with pytest.raises(HeadersError) as raised:
        write_headers(tmp_path)
    assert str(raised.value).startswith("story/index.html: <") and says in str(raised.value)
    assert not (tmp_path / FILE_NAME).exists()


def test_the_file_reads_back_and_keeps_cloudflares_line_limit():
    rules = {"/*": {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}}
    text = render(rules)
    assert text.splitlines()[2:] == [
        "/*",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
    ]
    assert parse(text) == rules
    with pytest.raises(HeadersError, match="longer than the 2000"):
        render({"/*": {"Content-Security-Policy": "x" * MAX_LINE}})


def test_the_built_site_has_its_headers(built_site):
    rules = parse((built_site / FILE_NAME).read_text(encoding="utf-8"))
    assert list(rules) == ["/*"]
    headers = rules["/*"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "clipboard-write" not in headers["Permissions-Policy"]  # Material's copy buttons
    policy = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    # Every inline script of every built page is allowed, and nothing more.
    allowed = set(
        re.findall(
            r"'sha256-[A-Za-z0-9+/=]+'", dict(d.split(" ", 1) for d in policy.split("; "))["script-src"]
        )
    )
    found = scan_site(built_site)
    assert found.scripts and allowed == found.scripts


# ---- Each page's scan kept between builds (.cache/headers/) ----

HANDLER = '<!doctype html><html><body><a href="#" onclick="go()">x</a><script>b()</script></body></html>'


def _site(tmp_path, pages):
    site = tmp_path / "site"
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_a_cached_scan_is_the_scan(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE, "en/a/index.html": HANDLER})
    fresh = scan_site(site)
    store = caches.Store(tmp_path / "headers")
    assert scan_site(site, store) == fresh
    # From the folder alone (a later build), the same again, in the pages' order.
    assert scan_site(site, caches.Store(tmp_path / "headers")) == fresh
    assert fresh.handlers == [("en/a/index.html", "go()")]
    assert len(list((tmp_path / "headers").rglob("*.json"))) == 2


def test_an_unchanged_page_is_read_back_and_a_changed_one_scanned_again(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE})
    scan_site(site, caches.Store(tmp_path / "headers"))
    [entry] = (tmp_path / "headers").rglob("*.json")
    # Read back, not parsed again: plant another scan under the same key.
    planted = {**json.loads(entry.read_text()), "scripts": ["'sha256-planted'"]}
    entry.write_text(json.dumps(planted), encoding="utf-8")
    assert scan_site(site, caches.Store(tmp_path / "headers")).scripts == {"'sha256-planted'"}
    # The page changes: a new key, a new scan.
    (site / "index.html").write_text(PAGE.replace("var a", "var c"), encoding="utf-8")
    found = scan_site(site, caches.Store(tmp_path / "headers"))
    assert csp_hash('var c = "<b>" && 1;') in found.scripts and "'sha256-planted'" not in found.scripts


def test_a_changed_scanner_scans_again(tmp_path, monkeypatch):
    site = _site(tmp_path, {"index.html": PAGE})
    scan_site(site, caches.Store(tmp_path / "headers"))
    [entry] = (tmp_path / "headers").rglob("*.json")
    entry.write_text(json.dumps({**json.loads(entry.read_text()), "scripts": []}), encoding="utf-8")
    monkeypatch.setattr(http_headers, "_scanner", lambda: "another scanner")
    assert scan_site(site, caches.Store(tmp_path / "headers")) == scan_site(site)
