from chaiqiang.translations import missing_translations


def test_a_page_in_one_language_only_is_reported_with_both_paths():
    problems = missing_translations(["zh-Hant/index.md", "en/index.md", "zh-Hant/story/a.md", "assets/x.css"])
    assert problems == ["docs/en/story/a.md: missing translation (docs/zh-Hant/story/a.md exists)"]


def test_complete_translations_pass():
    assert missing_translations(["zh-Hant/a.md", "en/a.md"]) == []
