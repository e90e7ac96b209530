"""chaiqiang.stylesheets: mkdocs.yml's stylesheets, served as one file in their order."""

from __future__ import annotations

import re

import yaml
from chaiqiang import stylesheets

from tests.conftest import ROOT


def listed() -> list[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["extra_css"]


def test_the_bundle_holds_each_source_in_order_and_names_it(tmp_path):
    (tmp_path / "a.css").write_text("a { color: red }\n", encoding="utf-8")
    (tmp_path / "b.css").write_text("b { color: blue }\n", encoding="utf-8")
    out = stylesheets.bundle(["a.css", "b.css"], tmp_path)
    assert out == "/* ---- a.css ---- */\na { color: red }\n\n/* ---- b.css ---- */\nb { color: blue }\n"
    # Written once; a changed source changes the file.
    written = stylesheets.write(["a.css", "b.css"], tmp_path, tmp_path / "cache")
    assert written.read_text(encoding="utf-8") == out
    (tmp_path / "b.css").write_text("b { color: green }\n", encoding="utf-8")
    assert "green" in stylesheets.write(["a.css", "b.css"], tmp_path, tmp_path / "cache").read_text("utf-8")


def test_every_page_links_our_one_stylesheet_with_every_rule(built_site):
    sources = listed()
    assert len(sources) >= 4
    bundle = (built_site / stylesheets.BUNDLE).read_text(encoding="utf-8")
    assert bundle == stylesheets.bundle(sources, ROOT / "docs")
    for source in sources:
        assert not (built_site / source).exists(), f"{source} is shipped beside the bundle"
    for page in ("index.html", "en/story/the-deal/index.html", "story/the-deal/bilingual.html", "en/404.html"):
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', (built_site / page).read_text("utf-8"))
        ours = [link for link in links if "chaiqiang.css" in link or not re.search(r"/(main|palette)\.", link)]
        assert len(ours) == 1 and ours[0].endswith(stylesheets.BUNDLE), (page, links)
