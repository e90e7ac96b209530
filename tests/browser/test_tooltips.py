"""Material's tooltips, as patched (chaiqiang.material_patch): a glossary term's tooltip (and a
footnote back link's) is mounted when the reader first points at it or focuses it, not on load,
and then shows as Material shows it: on hover, again on the next hover, and on keyboard focus."""

from __future__ import annotations

import re

import pytest
from chaiqiang.material_patch import LAZY_TOOLTIPS

TERM = ".md-content abbr[title]"
SHOWN = ".md-tooltip2--active"


def listeners(page, selector: str) -> list[str]:
    """The event types listened for on the first element matching `selector` (CDP)."""
    cdp = page.context.new_cdp_session(page)
    handle = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
    found = cdp.send("DOMDebugger.getEventListeners", {"objectId": handle["result"]["objectId"]})
    return sorted(listener["type"] for listener in found["listeners"])


@pytest.mark.parametrize("path", ["story/the-deal/bilingual.html", "en/story/the-deal/"])
def test_a_glossary_tooltip_is_mounted_when_first_pointed_at_and_shows_as_before(page, site_server, path):
    page.goto(site_server + path, wait_until="load")
    assert listeners(page, TERM) == []  # nothing mounted on load
    term = page.locator(TERM).first
    definition = term.get_attribute("title")
    term.hover()
    page.locator(SHOWN).wait_for(timeout=3000)
    assert page.locator(SHOWN).inner_text().strip() == definition.strip()
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=3000)
    assert term.get_attribute("title") == definition  # Material puts the title back
    term.hover()  # mounted once, shown again
    page.locator(SHOWN).wait_for(timeout=3000)
    assert page.locator(".md-tooltip2").count() == 1


def test_a_footnote_back_link_shows_its_tooltip_on_keyboard_focus(page, site_server):
    page.goto(site_server + "story/the-deal/", wait_until="load")
    link = page.locator(".md-content a.footnote-backref[title]").first
    title = link.get_attribute("title")
    link.focus()
    page.locator(SHOWN).wait_for(timeout=3000)
    assert page.locator(SHOWN).inner_text().strip() == title


def test_the_check_sees_materials_eager_tooltips(page, site_server):
    # The planted fault: Material's own code, which mounts every tooltip as the page loads.
    [(theirs, ours)] = LAZY_TOOLTIPS.edits

    def unpatched(route):
        route.fulfill(body=route.fetch().text().replace(ours, theirs), content_type="application/javascript")

    page.route(re.compile(r".*/bundle\.[0-9a-f]+\.min\.js$"), unpatched)
    page.goto(site_server + "story/the-deal/bilingual.html", wait_until="load")
    assert listeners(page, TERM) == ["mouseenter", "mouseleave"]
