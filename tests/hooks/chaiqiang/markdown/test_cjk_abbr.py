import markdown
from chaiqiang.markdown.glossary_abbr import abbreviation_block


def render(text: str, entries) -> str:
    return markdown.markdown(text + abbreviation_block(entries), extensions=["chaiqiang.markdown.cjk_abbr"])


def test_terms_inside_chinese_sentences_get_a_tooltip():
    out = render(
        "騰訊屏蔽了淘口令，也封了月活躍用戶的入口。",
        [("淘口令", "口令"), ("月活躍用戶", "MAU"), ("月活", "short")],
    )
    assert '<abbr title="口令">淘口令</abbr>' in out
    # The longer term wins over its prefix.
    assert '<abbr title="MAU">月活躍用戶</abbr>' in out


def test_latin_terms_keep_word_boundaries():
    out = render("MIIT ordered it; MIITS is not a term.", [("MIIT", "the ministry")])
    assert out.count("<abbr") == 1


def test_definition_text_is_escaped_in_the_attribute():
    out = render("GMV rose.", [("GMV", 'value "with" <b>markup</b>\nacross lines')])
    assert "<b>" not in out
    assert "across lines" in out


def test_a_term_is_glossed_at_its_first_mention_in_each_section():
    text = (
        "淘口令一出，淘口令就被封。\n\n"
        "再說一次淘口令，也談 MAU。\n\n"
        "## 下一節\n\n"
        "這裡的淘口令是本節第一次出現，MAU 也是。MAU 再出現就不加註。\n"
    )
    out = render(text, [("淘口令", "口令"), ("MAU", "monthly users")])
    first, second = out.split("<h2")
    assert first.count("<abbr") == 2 and first.count('title="口令"') == 1
    assert second.count('title="口令"') == 1 and second.count('title="monthly users"') == 1
    # The unglossed mentions keep their words, in order.
    assert "淘口令</abbr>一出，淘口令就被封。" in first
    assert "也是。MAU 再出現就不加註。" in second
