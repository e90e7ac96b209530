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


def test_a_chinese_page_opens_on_the_national_standard(page, site_server):
    box = open_box(page, site_server + "about/")
    assert box.locator("[data-format='gb-t-7714']").is_visible()
    assert not box.locator("[data-format='apa']").is_visible()
    box.locator("label", has_text="BibTeX").click()
    assert box.locator("[data-format='bibtex'] pre").inner_text().startswith("@misc{chaiqiang-about-zh-hant,")
