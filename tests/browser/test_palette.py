"""Material's palette, as patched (chaiqiang.material_patch): loading a page in the palette
it already has restyles nothing, and switching the palette still turns transitions off while
the colours change, as Material intends; the page's one colour-scheme tag follows the palette."""

from __future__ import annotations

import re

import pytest
from chaiqiang.material_patch import COLOR_SCHEME_TAG, PALETTE_SWITCHING

# Every time <body> gains or loses data-md-color-switching, and every write of the page's
# colour scheme into its tag, from the first script on.
WATCH = """new MutationObserver(records => {
  for (const r of records) {
    if (r.target === document.body && r.attributeName === 'data-md-color-switching')
      (window.__switching = window.__switching || []).push(document.body.hasAttribute(r.attributeName));
    if (r.target.matches('meta[name=color-scheme]') && r.attributeName === 'content')
      (window.__written = window.__written || []).push(r.target.content);
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-md-color-switching', 'content']});"""
WRITTEN = "window.__written || []"


SCHEMES = "[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)"


def switching(page) -> list[bool]:
    page.wait_for_timeout(300)  # Material removes the attribute on its next task
    return page.evaluate("window.__switching || []")


@pytest.mark.parametrize("path", ["story/the-deal/", "en/story/the-deal/bilingual.html"])
def test_a_page_load_in_the_stored_palette_marks_no_switch(page, site_server, path):
    page.add_init_script(WATCH)
    page.goto(site_server + path, wait_until="load")
    assert switching(page) == [] and page.evaluate(WRITTEN) == []
    page.reload(wait_until="load")  # now with the palette Material stored
    assert switching(page) == [] and page.evaluate(WRITTEN) == []


def test_switching_the_palette_turns_transitions_off_while_it_changes(page, site_server):
    page.add_init_script(WATCH)
    page.goto(site_server + "story/the-deal/", wait_until="load")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    assert page.evaluate(SCHEMES) == ["light"]
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert switching(page) == [True, False]
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    assert page.evaluate(SCHEMES) == ["dark"]  # the same tag, now the dark palette's
    assert page.evaluate(WRITTEN) == ["dark"]
    # A page opened after the switch has the stored palette applied by Material's inline
    # script before the bundle runs: nothing changes, so nothing is marked.
    page.goto(site_server + "timeline/", wait_until="load")
    assert switching(page) == []
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    assert page.evaluate(SCHEMES) == ["dark"]


def test_the_check_sees_materials_unpatched_palette(page, site_server):
    # The planted fault: Material's own code, served in place of the patched bundle.
    def unpatched(route):
        code = route.fetch().text()
        for theirs, ours in (*PALETTE_SWITCHING.edits, *COLOR_SCHEME_TAG.edits):
            code = code.replace(ours, theirs)
        route.fulfill(body=code, content_type="application/javascript")

    page.route(re.compile(r".*/bundle\.[0-9a-f]+\.min\.js$"), unpatched)
    page.add_init_script(WATCH)
    page.goto(site_server + "story/the-deal/", wait_until="load")
    assert switching(page) == [True, False]
    assert page.evaluate(SCHEMES) == ["light", "light"]  # Material adds a tag of its own
    assert page.evaluate(WRITTEN) == ["light"]  # and writes it


def test_the_check_sees_a_write_of_the_same_scheme(page, site_server):
    # The planted fault: the tag reused, but written on every load as Material writes its own.
    theirs, ours = COLOR_SCHEME_TAG.edits[-1]

    def unguarded(route):
        route.fulfill(body=route.fetch().text().replace(ours, theirs), content_type="application/javascript")

    page.route(re.compile(r".*/bundle\.[0-9a-f]+\.min\.js$"), unguarded)
    page.add_init_script(WATCH)
    page.goto(site_server + "story/the-deal/", wait_until="load")
    assert page.evaluate(SCHEMES) == ["light"] and page.evaluate(WRITTEN) == ["light"]
