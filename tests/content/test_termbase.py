"""One word per concept: no variant that data/terms.yaml says to avoid appears in
the site's own prose, on a built page or in a source a writer edits.

Marked quotations keep the article's words and are exempt (<q>, blockquote), and
so are the titles of real works (a source title without `title_supplied: true`),
the changelog's corrections (they name the wording they correct) and the exact
phrases an entry allows (`allow_zh-Hant`, `allow_en`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
TERMBASE = ROOT / "data" / "terms.yaml"

# YAML keys whose values are not prose: identifiers, addresses, and the glossary's
# `aliases`, which list the variants on purpose so that tooltips recognise them.
NOT_PROSE_KEYS = {
    "id",
    "corrections",  # the changelog's corrections name the wording they correct
    "kind",
    "aliases",
    "verified_at",
    "url",
    "urls",
    "isbn",
    "doi",
    "sources",
    "actors",
    "entities",
    "status",
    "precision",
    "phase",
    "chart",
    "unit",
    "language",
    "date",
    "as_of",
    "group",
    "source",
    "as_cited_by",
}
QUOTE_MD = re.compile(r"<q\b[^>]*>.*?</q>", re.S)


@dataclass(frozen=True)
class Rule:
    term: str
    variant: str
    lang: str  # "zh-Hant": checked in every language's text; "en": in English text only
    allowed: tuple[str, ...]


def load_rules(termbase: dict) -> list[Rule]:
    rules = []
    for entry in termbase["terms"]:
        allowed = tuple(entry.get("allow_zh-Hant", [])) + tuple(entry.get("allow_en", []))
        rules += [Rule(entry["id"], v, "zh-Hant", allowed) for v in entry.get("avoid_zh-Hant", [])]
        rules += [Rule(entry["id"], v, "en", allowed) for v in entry.get("avoid_en", [])]
    return rules


RULES = load_rules(yaml.safe_load(TERMBASE.read_text(encoding="utf-8")))


def violations(text: str, where: str, lang: str, rules: list[Rule] = RULES) -> list[str]:
    """Every avoided variant in `text` (a text in `lang`), outside the phrases its entry allows.
    English variants are matched regardless of case; Chinese ones exactly."""
    found = []
    for rule in rules:
        if rule.lang == "en" and lang != "en":
            continue
        masked = text
        for phrase in rule.allowed:
            masked = masked.replace(phrase, "\0" * len(phrase))
        flags = re.I if rule.lang == "en" else 0
        for m in re.finditer(re.escape(rule.variant), masked, flags):
            context = " ".join(text[max(0, m.start() - 12) : m.end() + 12].split())
            found.append(f"{where}: {rule.variant!r} (termbase entry {rule.term!r}) in …{context}…")
    return found


def unquoted_page_text(page) -> str:
    """The article of a built page without marked quotations, titles of works (<cite>),
    scripts, styles and headerlinks."""
    article = html.fromstring(html.tostring(page.article, encoding="unicode"))
    for el in article.xpath(
        ".//q | .//blockquote | .//script | .//style"
        " | .//*[contains(concat(' ', @class, ' '), ' headerlink ')]"
        " | .//cite"  # the title of a real work, as the sources list prints it
        # A correction in the changelog names the wording it corrects.
        " | .//*[contains(concat(' ', @class, ' '), ' cq-corrections ')]"
    ):
        el.drop_tree()
    return article.text_content()


def markdown_prose(text: str) -> str:
    """A Markdown source without <q> quotations and blockquote lines."""
    text = QUOTE_MD.sub("", text)
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def yaml_prose(node, lang: str | None = None, path: str = ""):
    """(path, lang, text) for every prose string of a loaded YAML file. The language
    is read from the key (zh / zh-Hant / en) when there is one; titles of real
    works (no `title_supplied: true`) are left out."""
    if isinstance(node, dict):
        real_title = "title" in node and node.get("kind") is not None and not node.get("title_supplied")
        for key, value in node.items():
            if key in NOT_PROSE_KEYS or (real_title and key in {"title", "container"}):
                continue
            sub_lang = {"zh": "zh-Hant", "zh-Hant": "zh-Hant", "en": "en"}.get(str(key), lang)
            yield from yaml_prose(value, sub_lang, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from yaml_prose(item, lang, f"{path}[{i}]")
    elif isinstance(node, str):
        # Comments are gone once loaded; a string with no language key is checked as both.
        yield path, lang or "en", node


def data_files() -> list[Path]:
    return [p for p in sorted((ROOT / "data").glob("*.yaml")) if p != TERMBASE]


def markdown_files() -> list[Path]:
    return sorted((ROOT / "docs" / "zh-Hant").rglob("*.md")) + sorted((ROOT / "docs" / "en").rglob("*.md"))


# --- The site ---------------------------------------------------------------------


def test_no_avoided_variant_on_any_built_page(built_pages):
    found = []
    for (lang, rel), page in sorted(built_pages.items()):
        found += violations(unquoted_page_text(page), f"built {lang}:/{rel}", lang)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_avoided_variant_in_the_markdown_sources(path):
    lang = "en" if "/docs/en/" in path.as_posix() else "zh-Hant"
    found = violations(
        markdown_prose(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix(), lang
    )
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_avoided_variant_in_the_data_texts(path):
    found = []
    for where, lang, text in yaml_prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
        found += violations(text, f"{path.relative_to(ROOT).as_posix()}: {where}", lang)
    assert found == [], "\n".join(found)


# --- The termbase itself ------------------------------------------------------------


def test_the_termbase_is_well_formed():
    entries = yaml.safe_load(TERMBASE.read_text(encoding="utf-8"))["terms"]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for e in entries:
        assert {"id", "zh-Hant", "en", "avoid_zh-Hant"} <= e.keys(), e["id"]
        assert e["zh-Hant"] not in e["avoid_zh-Hant"], f"{e['id']}: the form to use is also avoided"
        for phrase in e.get("allow_zh-Hant", []) + e.get("allow_en", []):
            assert any(v in phrase for v in e["avoid_zh-Hant"] + e.get("avoid_en", [])), (
                f"{e['id']}: allowed phrase {phrase!r} contains no avoided variant"
            )
        if e.get("allow_zh-Hant") or e.get("allow_en"):
            assert len(e.get("note", "")) > 10, f"{e['id']}: an exception needs a note saying why"


# --- The check fails when it should --------------------------------------------------


def test_a_planted_variant_on_a_copy_of_a_page_is_caught(built_pages):
    page = built_pages[("zh-Hant", "story/the-deal/")]
    clean = unquoted_page_text(page)
    assert violations(clean, "clean copy", "zh-Hant") == []
    planted = clean.replace("市佔率", "市場份額", 1)
    assert planted != clean
    found = violations(planted, "planted copy", "zh-Hant")
    assert len(found) == 1 and "'市場份額' (termbase entry 'market-share')" in found[0]


def test_planted_variants_in_strings_are_caught_and_quotations_are_not():
    assert violations("淘寶在微信裡開設小程序", "s", "zh-Hant")
    assert violations("據網傳，淘寶將開設「小程序」。", "s", "zh-Hant") == []  # an allowed mention
    assert violations("微信視頻號", "s", "zh-Hant") == []  # a proper name
    assert violations("一段微信視頻", "s", "zh-Hant")
    assert violations("Alimama and Tencent ads team up", "s", "en")  # English ignores case
    assert violations("Tencent Ads", "s", "zh-Hant") == []  # English rules stay out of Chinese text
    assert markdown_prose("淘寶打出<q>保護用戶安全</q>的理由") == "淘寶打出的理由"
    assert violations(markdown_prose("> 用戶\n\n使用者"), "s", "zh-Hant") == []
    assert violations(markdown_prose("用戶"), "s", "zh-Hant")


def test_a_planted_variant_in_a_data_text_is_caught_but_a_glossary_alias_is_not():
    data = {
        "terms": [
            {
                "id": "x",
                "zh-Hant": {"term": "小程式", "aliases": ["小程序"], "definition": "商家在小程序裡收款。"},
            }
        ]
    }
    found = [v for where, lang, text in yaml_prose(data) for v in violations(text, where, lang)]
    assert len(found) == 1 and "terms[0].zh-Hant.definition" in found[0]


def test_the_title_of_a_real_work_is_exempt_but_a_supplied_one_is_not():
    real = {"id": "s", "kind": "news-report", "title": {"zh-Hant": "手機淘寶屏蔽微信"}}
    supplied = dict(real, title_supplied=True)
    assert list(yaml_prose(real)) == []
    assert [p for p, _, _ in yaml_prose(supplied)] == ["title.zh-Hant"]


def test_the_termbase_validates_against_its_model():
    from chaiqiang.data import terms

    assert len(terms.load(TERMBASE).terms) == len(
        yaml.safe_load(TERMBASE.read_text(encoding="utf-8"))["terms"]
    )
