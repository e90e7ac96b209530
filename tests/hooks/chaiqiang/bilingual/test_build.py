"""The bilingual views kept between builds (chaiqiang.bilingual.build): a view from
the cache is the view rendered now; a changed page, template or word renders again."""

from __future__ import annotations

import shutil

import pytest
from chaiqiang.bilingual import build
from chaiqiang.languages import LANGUAGES

from tests.conftest import ROOT

VIEWS = ("about/bilingual.html", "en/about/bilingual.html")


@pytest.fixture
def site(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def views(site):
    return {name: (site / name).read_text(encoding="utf-8") for name in VIEWS}


def test_a_view_from_the_cache_is_the_view_rendered_now(site, tmp_path):
    built = views(site)
    for _ in range(2):  # made now, then read back by a later build
        build.write_views(site, ROOT, LANGUAGES, True, tmp_path / "bilingual")
        assert views(site) == built
    assert len(list((tmp_path / "bilingual").rglob("*.json"))) == len(list(site.rglob("bilingual.html")))


def test_a_changed_page_renders_its_views_again(site, tmp_path):
    build.write_views(site, ROOT, LANGUAGES, True, tmp_path / "bilingual")
    for entry in (tmp_path / "bilingual").rglob("*.json"):  # every view, planted
        entry.write_text('"planted"', encoding="utf-8")
    build.write_views(site, ROOT, LANGUAGES, True, tmp_path / "bilingual")
    assert set(views(site).values()) == {"planted"}
    page = site / "en" / "about" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Everything on this site", "All of this site", 1)
    )
    build.write_views(site, ROOT, LANGUAGES, True, tmp_path / "bilingual")
    # Both views pair the English page: both are rendered again, with the new words.
    assert all("All of this site" in view for view in views(site).values())


def test_the_key_covers_templates_data_and_code(tmp_path):
    for folder in ("overrides", "data"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("1", encoding="utf-8")
    before = build._maker(tmp_path)
    for folder in ("overrides", "data"):
        (tmp_path / folder / "a.txt").write_text("2", encoding="utf-8")
        assert build._maker(tmp_path) != before
        before = build._maker(tmp_path)
