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
  // The page's own scripts answer the focus first (search opens): Material's focus
  // watcher waits 1 ms (a debounce), which under load can come after two frames;
  // so a timer that runs after it, then two frames for the layout.
  await new Promise(r => setTimeout(r, 30));
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


# ---- The phone's navigation drawer: a real button (overrides/partials/header.html) ----

DRAWER_BUTTON = "button.cq-drawer-button"
NAV_NAME = {"zh-Hant": "導覽", "en": "Navigation"}
DRAWER = """() => {
  const button = document.querySelector('button.cq-drawer-button');
  const nav = document.querySelector('.md-sidebar--primary');
  const r = nav.getBoundingClientRect();
  // The drawer is open when its panel is on screen and on top where it is.
  const top = document.elementFromPoint(Math.max(r.left, 0) + 40, 200);
  return {
    expanded: button.getAttribute('aria-expanded'),
    checked: document.getElementById('__drawer').checked,
    visible: r.left >= -1 && r.right > 100 && nav.contains(top),
    focused: document.activeElement === button,
  };
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab
    context.close()


def open_page(tab, site_server, lang: str, page: str = "story/the-deal/"):
    tab.goto(site_server + ("en/" if lang == "en" else "") + page, wait_until="load")
    tab.add_style_tag(content=STILL)


def drawer(tab) -> dict:
    tab.wait_for_timeout(50)  # Material answers the checkbox's change
    return tab.evaluate(DRAWER)


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_the_drawer_opens_and_closes_from_the_keyboard(phone, site_server, lang):
    open_page(phone, site_server, lang)
    button = phone.get_by_role("button", name=NAV_NAME[lang])
    assert button.get_attribute("aria-controls") == "cq-drawer-nav"
    assert phone.locator("#cq-drawer-nav").count() == 1
    closed = {"expanded": "false", "checked": False, "visible": False, "focused": True}
    opened = {**closed, "expanded": "true", "checked": True, "visible": True}
    # Tab reaches the button, a few stops after the skip link.
    for _ in range(6):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.matches('button.cq-drawer-button')"):
            break
    else:
        pytest.fail("Tab never reached the drawer's button")
    assert drawer(phone) == closed
    phone.keyboard.press("Enter")
    assert drawer(phone) == opened
    phone.keyboard.press("Escape")
    assert drawer(phone) == closed
    phone.keyboard.press("Space")
    assert drawer(phone) == opened
    phone.keyboard.press("Space")  # the button closes it too
    assert drawer(phone) == closed


def test_the_drawer_opens_with_the_mouse_and_closes_on_the_overlay(phone, site_server):
    open_page(phone, site_server, "en")
    phone.click(DRAWER_BUTTON)
    assert drawer(phone)["expanded"] == "true" and drawer(phone)["visible"]
    # Material's overlay closes it; the button says so.
    phone.mouse.click(370, 400)
    state = drawer(phone)
    assert (state["expanded"], state["checked"], state["visible"]) == ("false", False, False)


def test_coming_back_to_a_page_finds_the_drawer_closed(phone, site_server):
    # Material's toggles keep no state across visits (hooks/chaiqiang/material_markup.py).
    open_page(phone, site_server, "en")
    phone.click(DRAWER_BUTTON)
    assert drawer(phone)["checked"]
    phone.goto(site_server + "en/timeline/", wait_until="load")
    phone.go_back(wait_until="load")
    state = drawer(phone)
    assert (state["expanded"], state["checked"]) == ("false", False)


def test_the_drawer_button_is_not_shown_on_a_desktop(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(site_server, wait_until="load")
        assert tab.locator(DRAWER_BUTTON).is_hidden()
    finally:
        context.close()


def test_without_scripts_the_drawer_still_opens_from_material_s_label(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_server + "en/", wait_until="load")
        assert tab.locator(DRAWER_BUTTON).is_hidden()
        tab.click(".md-header label[for=__drawer]")  # the one in <noscript>
        assert tab.evaluate("document.getElementById('__drawer').checked")
        tab.wait_for_timeout(400)  # the drawer slides in (no style tag can stop that here)
        assert tab.evaluate(DRAWER.replace("button.getAttribute('aria-expanded')", "null"))["visible"]
    finally:
        context.close()
