"""The article's figures and dates that the prose uses appear on the right page in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.content.conftest import page_dir

FACTS = sorted((Path(__file__).parent / "facts").glob("*.yaml"))


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("facts_file", FACTS, ids=lambda p: p.stem)
def test_facts_appear_in_both_languages(built_pages, facts_file):
    spec = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
    rel = page_dir(spec["page"])
    zh = normalise(built_pages[("zh-Hant", rel)].text())
    en = normalise(built_pages[("en", rel)].text())
    missing = [f"zh-Hant {f['zh']!r}" for f in spec["facts"] if normalise(f["zh"]) not in zh]
    missing += [f"en {f['en']!r}" for f in spec["facts"] if normalise(f["en"]) not in en]
    assert missing == [], f"{spec['page']}: not found on the page: {', '.join(missing)}"


def test_story_pages_have_facts_lists():
    stems = {p.stem for p in FACTS}
    for page in ("story-blocking-war", "story-the-deal", "story-tearing-down", "story-conclusion", "index"):
        assert page in stems, f"no facts list for {page}"
