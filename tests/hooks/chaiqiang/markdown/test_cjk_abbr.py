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
