"""The site tells the story in its own words: no long runs of the article's text."""

from __future__ import annotations

from lxml import html

from tools.checks.textcheck import MIN_RUN, article_text, han_only, shared_runs

QUOTE_REPORT: list[tuple[str, str]] = []
# Block elements: their text is checked block by block, never across two of them.
BLOCKS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "caption",
    "figcaption",
    "div",
)


def unquoted_text(page) -> tuple[str, list[str]]:
    article = html.fromstring(html.tostring(page.article, encoding="unicode"))
    quotes = []
    for q in article.xpath(".//q | .//blockquote"):
        quotes.append(q.text_content())
        q.drop_tree()
    for el in article.xpath("//script | //style | //*[contains(@class, 'headerlink')]"):
        el.drop_tree()
    for el in article.iter(*BLOCKS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    return article.text_content(), quotes


def test_no_long_run_of_the_article_outside_marked_quotations(built_pages, source_dir):
    source = article_text(source_dir / "article.cleaned.txt")
    problems = []
    for (lang, rel), page in sorted(built_pages.items()):
        text, quotes = unquoted_text(page)
        QUOTE_REPORT.extend((f"{lang}:/{rel}", q) for q in quotes)
        for run in shared_runs(text, source):
            problems.append(f"{lang}:/{rel}: {len(run)} Han characters shared with the article: {run}")
    assert problems == [], "\n".join(problems)


def test_quotations_stay_short(built_pages, source_dir):
    """Marked quotations are allowed, but only short ones (a phrase, a proverb, a headline)."""
    long_quotes = [(where, q) for where, q in QUOTE_REPORT if len(han_only(q)) > 40]
    assert long_quotes == []


def test_checker_finds_a_copied_sentence(source_dir):
    source = article_text(source_dir / "article.cleaned.txt")
    copied = max(source.splitlines(), key=len)[:40]
    runs = shared_runs("我們的文字。" + copied + "結束。", source)
    assert runs and len(runs[0]) >= MIN_RUN
