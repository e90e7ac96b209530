"""Only the templates' own inline scripts may run (chaiqiang.known_scripts)."""

from __future__ import annotations

import pytest
from chaiqiang import http_headers, known_scripts
from chaiqiang.http_headers import HeadersError

from tools.common import ROOT

KNOWN = known_scripts.site_templates(ROOT)


def test_materials_scripts_are_known_whatever_the_pages_depth(built_site):
    # The storage scope names the site's root relative to the page: a value in the template.
    found = http_headers.scan_site(built_site)
    scopes = {text.split(",")[0] for _, text in found.script_texts if text.startswith("__md_scope")}
    assert len(scopes) >= 3, scopes
    for _, text in found.script_texts:
        if text.startswith("__md_scope"):
            assert known_scripts.origin_of(text, KNOWN) == "material/templates/partials/javascripts/base.html"


@pytest.mark.parametrize(
    "text",
    [
        "alert(1)",
        # A template's script with something added after it.
        'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));alert(1)',
        # A value that leaves its string literal.
        '__md_scope=new URL("/",location);alert(1);("",location)',
    ],
)
def test_any_other_script_is_unknown(text):
    assert known_scripts.origin_of(text, KNOWN) is None


def test_every_inline_script_of_the_built_site_comes_from_a_template(built_site):
    found = http_headers.scan_site(built_site)
    assert found.script_texts
    assert http_headers.unknown_scripts(found, KNOWN, None) == []


def test_a_script_from_the_data_stops_the_headers_naming_page_file_and_field(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "site.yaml").write_text(
        "changelog:\n  - version: 0.1.0\n    changes:\n      en:\n        - ok <script>alert(1)</script>\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    (site / "versions").mkdir(parents=True)
    (site / "versions" / "index.html").write_text("<p>ok <script>alert(1)</script></p>", encoding="utf-8")
    with pytest.raises(HeadersError) as caught:
        http_headers.write_headers(site, KNOWN, data)
    message = str(caught.value)
    assert message.startswith("versions/index.html: an inline script that no template writes ('alert(1)'")
    assert "data/site.yaml, field changelog.0.changes.en.0, line 5" in message
    assert not (site / "_headers").exists()


def test_an_event_handler_from_the_data_is_named_with_its_file_and_field(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "figures.yaml").write_text(
        'figures:\n  - note:\n      en: "x <img src=x onerror=alert(7)>"\n', encoding="utf-8"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<p>x <img src="x" onerror="alert(7)"></p>', encoding="utf-8")
    with pytest.raises(HeadersError) as caught:
        http_headers.write_headers(site, KNOWN, data)
    message = str(caught.value)
    assert "index.html: <img onerror=…>: inline event handlers cannot be allowed" in message
    assert (
        "index.html: the inline event handler 'alert(7)' comes from data/figures.yaml, field figures.0.note.en, line 3"
        in message
    )
