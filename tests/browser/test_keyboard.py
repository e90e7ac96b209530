"""A reader with only a keyboard, on a phone or a desktop: Tab goes first to the
skip link, in the page's language, which jumps to the text; then through the
whole page and back, and every stop is on screen where the reader can see it,
including the navigation drawer's links on a phone (docs/assets/stylesheets/reader.css)."""

from __future__ import annotations

import pytest

# Transitions off: the test reads where each stop ends up, not the slide.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# The focused element, and whether a reader sees it: on screen, not transparent,
# and not covered (the point at its centre belongs to it, or to its label).
FOCUSED = """async () => {
  // Two frames: the page's own scripts answer the focus first (search opens).
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A hidden radio or checkbox shows its focus on the label beside it (Material's palette toggle).
  const label = [...(el.labels || []), el.nextElementSibling]
    .find(l => l && l.tagName === 'LABEL' && l.getClientRects().length);
  const own = el.getBoundingClientRect();
  const hidden = own.width * own.height === 0 || getComputedStyle(el).opacity === '0';
  const shown = label && hidden ? label : el;
  const r = shown.getBoundingClientRect();
  // Its centre on screen (a long link may wrap past the edge of a scrolled table).
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const onScreen = r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
  let opacity = 1;
  for (let p = shown; p; p = p.parentElement) opacity *= parseFloat(getComputedStyle(p).opacity);
  const top = onScreen ? document.elementFromPoint(x, y) : null;
  const seen = onScreen && opacity > 0.5 && top !== null && (shown.contains(top) || top.contains(shown));
  const name = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || el.tagName).trim();
  return {name: name.slice(0, 40), seen, skip: el.classList.contains('md-skip')};
}"""

SKIP = {"zh-Hant": "跳至主要內容", "en": "Skip to content"}
PAGES = ("", "story/the-deal/", "timeline/", "figures/", "cite/")
MAX_STOPS = 150


def tab_through(tab) -> list[dict]:
    """Every stop from the top of the page until focus comes round again."""
    stops = []
    for _ in range(MAX_STOPS):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        if stop is None or (stops and stop["skip"]):
            break
        stops.append(stop)
    else:
        pytest.fail(f"no end to the tab order after {MAX_STOPS} stops")
    return stops


@pytest.fixture(scope="module", params=[390, 1280])
def keyboard_tab(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_tab_stop_is_in_sight(keyboard_tab, site_server, lang, page):
    tab = keyboard_tab
    tab.goto(site_server + ("en/" if lang == "en" else "") + page, wait_until="load")
    tab.add_style_tag(content=STILL)
    stops = tab_through(tab)
    assert stops[0]["skip"] and stops[0]["name"] == SKIP[lang], stops[0]
    assert len(stops) > 10
    unseen = [s["name"] for s in stops if not s["seen"]]
    assert unseen == [], f"{len(unseen)} of {len(stops)} stops out of sight: {unseen}"


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_the_skip_link_jumps_to_the_text(keyboard_tab, site_server, lang):
    tab = keyboard_tab
    tab.goto(site_server + ("en/" if lang == "en" else "") + "story/the-deal/", wait_until="load")
    tab.keyboard.press("Tab")
    target = tab.evaluate("document.activeElement.getAttribute('href')")
    tab.keyboard.press("Enter")
    tab.wait_for_function("location.hash.length > 1")
    # The skip link leads to the text's first heading, now at the top of the screen.
    assert tab.evaluate("decodeURIComponent(location.hash)") == target
    top = tab.eval_on_selector("article h1", "h => h.getBoundingClientRect().top")
    assert 0 <= top < 200


def test_the_check_catches_a_stop_out_of_sight(keyboard_tab):
    keyboard_tab.set_content(
        '<body><a class="md-skip" href="#t">skip</a>'
        '<a href="#a" style="position:absolute;left:-999px">off</a>'
        '<a href="#b" style="opacity:0">clear</a>'
        '<div style="position:relative"><a href="#c">covered</a>'
        '<div style="position:absolute;inset:0;background:#fff"></div></div>'
        '<a href="#d">seen</a></body>'
    )
    stops = tab_through(keyboard_tab)
    assert [(s["name"], s["seen"]) for s in stops] == [
        ("skip", True),
        ("off", False),
        ("clear", False),
        ("covered", False),
        ("seen", True),
    ]
