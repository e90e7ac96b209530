"""Helpers for the content tests: the built pages' readable text, per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html

# Parts of a built page that are not the page's own prose.
CHROME = (
    "//script | //style | //header | //nav | //footer"
    " | //*[contains(concat(' ', @class, ' '), ' md-sidebar ')]"
    " | //*[contains(concat(' ', @class, ' '), ' headerlink ')]"
)


@dataclass(frozen=True)
class BuiltPage:
    rel: str  # page path without the language folder, e.g. "story/blocking-war/"
    lang: str
    tree: html.HtmlElement

    @property
    def article(self) -> html.HtmlElement:
        found = self.tree.xpath("//article")
        assert found, f"{self.lang}:{self.rel}: no <article>"
        return found[0]

    def text(self) -> str:
        """The article's text without headerlinks, scripts and styles."""
        article = html.fromstring(html.tostring(self.article, encoding="unicode"))
        for el in article.xpath(CHROME):
            el.drop_tree()
        return article.text_content()

    def headings(self) -> list[tuple[str, str | None]]:
        return [(h.tag, h.get("id")) for h in self.article.xpath(".//h2|.//h3|.//h4|.//h5|.//h6")]


def page_dir(md_rel: str) -> str:
    stem = md_rel[: -len(".md")]
    return "" if stem == "index" else stem + "/"


@pytest.fixture(scope="session")
def built_pages(built_site):
    """{(lang, rel): BuiltPage} for every Markdown page in docs/zh-Hant and docs/en."""
    root = Path(__file__).resolve().parents[2]
    pages = {}
    for lang, prefix in (("zh-Hant", ""), ("en", "en/")):
        for md in sorted((root / "docs" / lang).rglob("*.md")):
            rel = page_dir(md.relative_to(root / "docs" / lang).as_posix())
            file = built_site / prefix / rel / "index.html"
            pages[(lang, rel)] = BuiltPage(rel, lang, html.fromstring(file.read_bytes()))
    return pages
