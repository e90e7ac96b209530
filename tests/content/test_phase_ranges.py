"""The story states each phase of the timeline with the years data/timeline.yaml
gives it (the data check keeps every event inside its phase's years)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PHASES = {p["id"]: p for p in yaml.safe_load((ROOT / "data" / "timeline.yaml").read_text("utf-8"))["phases"]}
LANGS = ("zh-Hant", "en")

# The heading (page, id) of the section that tells each phase; None: the page's own title.
SECTIONS = {
    "blocking-war": ("story/blocking-war/", "blocking-war"),
    "regulation": ("story/blocking-war/", "regulation"),
    "thaw": ("story/blocking-war/", "thaw"),
    "interconnection": ("story/tearing-down/", None),
    # Told in the report that opens story/the-deal and in the conclusion; no heading
    # gives its years, its title does ("2025: reported talks…").
    "talks": None,
}
# Pages whose title spans several phases, and the home page's link to each.
PAGES = {
    "story/blocking-war/": ["blocking-war", "regulation", "thaw"],
    "story/tearing-down/": ["interconnection"],
    "timeline/": list(PHASES),
}
YEARS = re.compile(r"(\d{4})(?:\s*[–-]\s*(\d{4}))?")


def years(text: str) -> tuple[int, int] | None:
    """The first year or range of years a heading states: "2021–2024", "2021年"."""
    m = YEARS.search(text)
    return (int(m[1]), int(m[2] or m[1])) if m else None


def clean(element) -> str:
    return "".join(t for t in element.itertext() if t.strip() != "¶").strip()


def test_every_phase_has_a_place_in_the_story():
    assert set(SECTIONS) == set(PHASES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("phase_id", list(SECTIONS))
def test_the_section_telling_a_phase_states_its_years(built_pages, lang, phase_id):
    phase = PHASES[phase_id]
    want = (phase["start"], phase["end"])
    if SECTIONS[phase_id] is None:
        assert years(phase["title"][lang]) == want, f"{phase_id}: the title does not state {want}"
        return
    rel, heading_id = SECTIONS[phase_id]
    article = built_pages[(lang, rel)].article
    found = article.xpath(f".//h2[@id='{heading_id}']") if heading_id else article.xpath(".//h1")
    assert found, f"{lang}:{rel}: no heading {heading_id or 'h1'}"
    heading = clean(found[0])
    assert years(heading) == want, f"{lang}:{rel}: {heading!r} does not state {phase_id}'s years {want}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rel", list(PAGES))
def test_page_titles_and_the_home_page_state_the_phases_years(built_pages, lang, rel):
    phases = [PHASES[p] for p in PAGES[rel]]
    want = (min(p["start"] for p in phases), max(p["end"] for p in phases))
    [h1] = built_pages[(lang, rel)].article.xpath(".//h1")
    assert years(clean(h1)) == want, f"{lang}:{rel}: the title {clean(h1)!r} does not state {want}"
    home = built_pages[(lang, "")].article
    links = [a for a in home.xpath(".//a[@href]") if a.get("href").rstrip("/").endswith(rel.rstrip("/"))]
    for a in links:
        stated = years(a.text_content())
        assert stated in (None, want), f"{lang}: the home page links {rel} as {a.text_content()!r}"
    if rel.startswith("story/"):
        assert any(years(a.text_content()) == want for a in links), f"{lang}: the home page's link to {rel}"
