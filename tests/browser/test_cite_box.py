"""The "Cite this page" box as a reader uses it: open it, pick a format, copy."""

from __future__ import annotations


def open_box(page, url: str):
    page.goto(url)
    box = page.locator("details#cite-this-page")
    box.locator("summary").click()
    return box


def test_a_student_copies_the_apa_reference_of_an_english_page(browser, site_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        box = open_box(page, site_server + "en/about/")
        box.locator("label", has_text="APA 7th ed.").click()
        block = box.locator("[data-format='apa']")
        assert block.is_visible()
        expected = block.locator("pre").inner_text()
        assert "https://" in expected and "/en/about/" in expected
        block.get_by_role("button", name="Copy APA 7th ed.").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == expected.strip()
        # Material's clipboard handler confirms the copy.
        assert page.locator(".md-dialog").get_by_text("Copied to clipboard").is_visible()
    finally:
        context.close()


def tab_labels(box) -> list[str]:
    return [text.strip() for text in box.locator(".tabbed-labels label").all_inner_texts()]


def test_a_chinese_page_opens_on_apa_with_the_national_standard_next(page, site_server):
    box = open_box(page, site_server + "about/")
    assert box.locator("[data-format='apa']").is_visible()
    assert not box.locator("[data-format='gb-t-7714']").is_visible()
    assert tab_labels(box)[:2] == ["APA 第7版", "GB/T 7714-2015"]
    box.locator("label", has_text="GB/T 7714-2015").click()
    assert box.locator("[data-format='gb-t-7714']").is_visible()
    assert "[EB/OL]" in box.locator("[data-format='gb-t-7714'] pre").inner_text()
    box.locator("label", has_text="BibTeX").click()
    assert box.locator("[data-format='bibtex'] pre").inner_text().startswith("@misc{chaiqiang-about-zh-hant,")


def test_an_english_page_keeps_apa_first(page, site_server):
    box = open_box(page, site_server + "en/about/")
    assert box.locator("[data-format='apa']").is_visible()
    assert tab_labels(box) == [
        "APA 7th ed.",
        "MLA 9th ed.",
        "Chicago (author-date)",
        "GB/T 7714-2015",
        "BibTeX",
        "RIS",
        "CSL-JSON",
    ]


def test_the_box_cites_the_permanent_address_and_shows_the_latest(page, site_server):
    box = open_box(page, site_server + "en/about/")
    apa = box.locator("[data-format='apa'] pre").inner_text()
    assert "/editions/" in apa and apa.rstrip().endswith("/en/about/")
    links = box.locator("a[data-cite-address]")
    assert links.count() == 2
    permanent, latest = links.nth(0).get_attribute("href"), links.nth(1).get_attribute("href")
    assert permanent in apa and "/editions/" not in latest and latest.endswith("/en/about/")
    assert box.locator("p", has_text="It always shows this text").is_visible()
    assert box.locator("p", has_text="It leads to the newest version, which may change").is_visible()


def test_a_reader_picks_an_event_and_copies_its_reference(browser, site_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        box = open_box(page, site_server + "en/timeline/")
        picker = box.get_by_label("What to cite")
        assert picker.is_visible()
        page_apa = box.locator("[data-format='apa'] pre").inner_text()
        event = "evt-2013-taobao-blocks-wechat"
        picker.select_option(event)
        apa = box.locator("[data-format='apa'] pre").inner_text()
        assert "Timeline, 2013–2025: 2013: Taobao cuts off links from WeChat." in apa
        assert "/editions/" in apa and apa.rstrip().endswith(f"/en/timeline/#{event}")
        # The preview keeps its italics; the addresses below add the anchor.
        assert (
            "2013: Taobao cuts off links from WeChat" in box.locator("[data-format='apa'] p i").inner_text()
        )
        assert box.locator("a[data-cite-address]").first.inner_text().endswith(f"#{event}")
        # The copy button copies the reference now shown, in the other styles too.
        box.get_by_role("button", name="Copy APA 7th ed.").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == apa.strip()
        box.locator("label", has_text="MLA 9th ed.").click()
        mla = box.locator("[data-format='mla'] pre").inner_text()
        assert "“Timeline, 2013–2025: 2013: Taobao Cuts Off Links from WeChat.”" in mla
        box.get_by_role("button", name="Copy MLA 9th ed.").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == mla.strip()
        # Back to the whole page.
        picker.select_option("")
        assert box.locator("[data-format='apa'] pre").inner_text() == page_apa
        assert not box.locator("a[data-cite-address]").first.inner_text().endswith(f"#{event}")
    finally:
        context.close()


def test_a_chinese_reader_picks_a_figure(page, site_server):
    box = open_box(page, site_server + "figures/")
    box.get_by_label("引用對象").select_option("fig-wechat-mau-2024-06")
    apa = box.locator("[data-format='apa'] pre").inner_text()
    assert "（微信及WeChat）" in apa and apa.rstrip().endswith("/figures/#fig-wechat-mau-2024-06")
    box.locator("label", has_text="GB/T 7714-2015").click()
    gbt = box.locator("[data-format='gb-t-7714'] pre").inner_text()
    assert "（微信及WeChat）[EB/OL]" in gbt and "/editions/" in gbt and "#fig-wechat-mau-2024-06" in gbt


def test_without_javascript_the_box_cites_the_page(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_server + "en/timeline/")
        box = page.locator("details#cite-this-page")
        box.locator("summary").click()
        assert not box.locator("select").is_visible()
        assert box.locator("[data-format='apa'] pre").inner_text().rstrip().endswith("/en/timeline/")
        assert box.locator("p", has_text="To cite a section by hand").is_visible()
    finally:
        context.close()


def test_chinese_in_a_swapped_english_reference_is_marked(page, site_server):
    box = open_box(page, site_server + "en/timeline/")
    event = "evt-2024-alimama-xingtu-star-cube"
    # The option leaves the Chinese gloss out (an <option> cannot mark its language) ...
    option = box.locator(f"option[value='{event}']").inner_text()
    assert "星立方" not in option and "Star Cube plan" in option
    box.get_by_label("What to cite").select_option(event)
    # ... the reference keeps it, marked as Chinese for screen readers, and copies as text.
    block = box.locator("[data-format='apa']")
    assert block.locator("p [lang='zh-Hant']").first.inner_text() == "星立方計劃"
    assert "Star Cube plan (星立方計劃)." in block.locator("pre").inner_text()


def test_a_reader_cites_one_paragraph(page, site_server):
    # A paragraph is cited as its section, at the paragraph's own anchor (the same in both languages).
    box = open_box(page, site_server + "en/story/the-deal/")
    picker = box.get_by_label("What to cite")
    option = box.locator("option[value='p-taobao-side-2']").inner_text()
    assert option == "Taobao's calculation ¶ 2"
    picker.select_option("p-taobao-side-2")
    apa = box.locator("[data-format='apa'] pre").inner_text()
    assert "Taobao’s calculation" in apa or "Taobao's calculation" in apa
    assert "/editions/" in apa and apa.rstrip().endswith("/en/story/the-deal/#p-taobao-side-2")
    assert box.locator("a[data-cite-address]").first.inner_text().endswith("#p-taobao-side-2")
    # The anchor leads to the paragraph on the page.
    assert page.locator("#p-taobao-side-2").inner_text().startswith("Reach.")
