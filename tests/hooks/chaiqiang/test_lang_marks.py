"""chaiqiang.lang_marks: Chinese inside English pages, marked for screen readers."""

from __future__ import annotations

import re

from chaiqiang.lang_marks import mark_chinese


def unmark(html: str) -> str:
    return re.sub(r'<span lang="zh-Hant">(.*?)</span>', r"\1", html)


def test_each_run_of_chinese_gets_its_language():
    out = mark_chinese("<p>Traffic entrances (流量入口) and <em>jump links</em> (跳轉、外鏈).</p>")
    assert out == (
        '<p>Traffic entrances (<span lang="zh-Hant">流量入口</span>) and <em>jump links</em>'
        ' (<span lang="zh-Hant">跳轉、外鏈</span>).</p>'
    )


def test_chinese_punctuation_joins_a_run_but_never_starts_one():
    out = mark_chinese("<p>「保護用戶安全」 and 。</p>")
    assert out == '<p>「<span lang="zh-Hant">保護用戶安全」</span> and 。</p>'


def test_text_already_marked_scripts_svg_and_attributes_are_left_alone():
    html = (
        '<p lang="zh-Hant">拆牆 <b>微信</b></p><abbr title="流量入口">traffic</abbr>'
        '<script>var t = "淘寶";</script><svg><text>淘寶</text><linearGradient id="g"/></svg>'
    )
    assert mark_chinese(html) == html


def test_everything_else_passes_through_as_written():
    html = (
        '<div class="x" data-a=\'1\'><svg viewBox="0 0 1 1"><linearGradient id="g"></linearGradient>'
        "</svg><!-- note 中 --><br><img src=a.png alt='圖'>&amp;&#12354;<p>中 文</p>"
        "<pre><code>BibTeX: 拆牆</code></pre></div>"
    )
    out = mark_chinese(html)
    assert unmark(out) == html
    assert out.count('lang="zh-Hant"') == 3  # 中, 文 and 拆牆; not the comment, the alt text
