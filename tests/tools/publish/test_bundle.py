"""The offline bundle (tools/publish/bundle.py, `python3 dev.py bundle`): one zip that
works from file://, the same bytes from the same sources, and checkable.

The zip is built once per session (the `offline_bundle` fixture); the browser
test (tests/browser/test_offline.py) reads it from file:// in Chromium."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from chaiqiang.site_meta import load_site_meta
from mkdocs.config import load_config

from tools.checks.sitecheck import check_site
from tools.publish import bundle as bundle_tool

ROOT = Path(__file__).resolve().parents[3]
MAX_BYTES = 5_000_000


@pytest.fixture(scope="module")
def meta():
    return load_site_meta(ROOT / "data" / "site.yaml", environ={})


# --- the whole bundle -------------------------------------------------------------------


def entries(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_same_sources_give_a_byte_identical_zip(offline_bundle):
    first, again = offline_bundle.zip_path, offline_bundle.rebuilt
    assert again.name == first.name
    if again.read_bytes() != first.read_bytes():
        one, two = entries(first), entries(again)
        differ = sorted(n for n in one.keys() | two.keys() if one.get(n) != two.get(n))
        pytest.fail(f"two builds of the same sources gave different zips; entries that differ: {differ}")


def test_the_zip_is_named_with_the_version_and_has_its_checksum_beside_it(offline_bundle, meta):
    zip_path = offline_bundle.zip_path
    assert zip_path.name == f"chaiqiang-{meta.version}-offline.zip"
    sidecar = zip_path.with_name(zip_path.name + ".sha256")
    digest = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    # The format `sha256sum -c` reads.
    assert sidecar.read_text(encoding="utf-8") == f"{digest}  {zip_path.name}\n"


def test_the_zip_is_small(offline_bundle):
    assert offline_bundle.zip_path.stat().st_size < MAX_BYTES


def test_entries_are_sorted_files_with_one_timestamp(offline_bundle):
    with zipfile.ZipFile(offline_bundle.zip_path) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert not [n for n in names if n.endswith("/")], "directory entries"
    assert len({i.date_time for i in infos}) == 1
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_the_readme_says_what_it_is_how_to_open_and_cite_it(offline_bundle, meta):
    text = (offline_bundle.root / "README.txt").read_text(encoding="utf-8")
    for expected in (
        meta.title["zh-Hant"],
        meta.title["en"],
        f"Version {meta.version}",
        "index.html",
        "en/index.html",
        f"sha256sum -c chaiqiang-{meta.version}-offline.zip.sha256",
        "Built 20",
        # The citations (APA, first in both languages) give the hosted edition's permanent address.
        f"{meta.author['zh-Hant']}. (",
        f"{meta.author['en']}. ",
        f"{meta.url}editions/{meta.version}/en/",
    ):
        assert expected in text, f"README.txt lacks {expected!r}"


def test_the_readmes_chinese_is_taiwan_orthography(offline_bundle):
    from tools.checks.textcheck import orthography_findings

    text = (offline_bundle.root / "README.txt").read_text(encoding="utf-8")
    assert [str(f) for f in orthography_findings(text, "README.txt")] == []


def test_both_languages_and_the_data_are_in_it(offline_bundle):
    root = offline_bundle.root
    for path in (
        "index.html",
        "en/index.html",
        "timeline.html",
        "en/story/the-deal.html",
        "downloads/timeline.csv",
        "downloads/figures.json",
        "assets/javascripts/iframe-worker/shim.js",
        "assets/javascripts/iframe-worker/iframe-worker.LICENSE.txt",
    ):
        assert (root / path).is_file(), f"{path} is missing from the bundle"


def test_files_only_a_web_server_uses_are_left_out(offline_bundle):
    root = offline_bundle.root
    for path in ("404.html", "en/404.html", "sitemap.xml", "sitemap.xml.gz", "_headers"):
        assert not (root / path).exists(), f"{path} is in the bundle"


def search_index(root: Path, folder: str) -> dict:
    text = (root / folder / "search" / "search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert text.startswith(prefix)
    return json.loads(text[len(prefix) :])


def test_each_language_has_its_own_inlined_search_index(offline_bundle):
    # With the offline plugin before the i18n plugin, one index would hold one language only.
    zh = search_index(offline_bundle.root, "")
    en = search_index(offline_bundle.root, "en")
    zh_pages = {d["location"].partition("#")[0] for d in zh["docs"]}
    en_pages = {d["location"].partition("#")[0] for d in en["docs"]}
    # Locations are relative to each language's root, as pages are files.
    assert "story/the-deal.html" in zh_pages and "story/the-deal.html" in en_pages
    assert not [p for p in zh_pages | en_pages if p.startswith("en/")]
    zh_titles = " ".join(d["title"] for d in zh["docs"] if "#" not in d["location"])
    en_titles = " ".join(d["title"] for d in en["docs"] if "#" not in d["location"])
    assert "詞彙表" in zh_titles.replace("\u200b", "") and "Glossary" in en_titles


def test_nothing_loads_from_outside_and_every_link_resolves(offline_bundle):
    # The hosted site's addresses (canonical links, citations) are links to
    # outside the copy here, so the checker is given another site URL; the
    # hreflang and sitemap checks are about the hosted site.
    kinds = {"broken-link", "broken-anchor", "external-resource", "lang", "switcher"}
    findings = check_site(offline_bundle.root, "https://hosted-site.invalid/")
    assert [str(f) for f in findings if f.kind in kinds] == []


def test_pages_point_at_their_hosted_address_not_the_file(offline_bundle, meta):
    from lxml import html

    for path, hosted in (("about.html", "about/"), ("en/story/the-deal.html", "en/story/the-deal/")):
        tree = html.fromstring((offline_bundle.root / path).read_bytes())
        assert tree.xpath("//link[@rel='canonical']/@href") == [meta.url + hosted]
        alternates = tree.xpath("//head/link[@rel='alternate'][@hreflang]/@href")
        assert alternates and not [a for a in alternates if a.endswith(".html")], alternates
        box = " ".join(tree.xpath("//*[@id='cite-this-page']//text()"))
        assert meta.url + hosted in box, f"{path}: the citation does not give {meta.url + hosted}"
        # No address on the hosted site names a bundle file (the host serves directories).
        text = (offline_bundle.root / path).read_text(encoding="utf-8")
        assert not re.findall(re.escape(meta.url) + r'[^"\s<]*\.html', text)


# --- the configuration ------------------------------------------------------------------


def plugin_names(config_file: str) -> list[str]:
    config = load_config(str(ROOT / config_file))
    return list(config.plugins)


def test_the_offline_plugin_comes_after_i18n_and_only_in_the_bundle():
    offline_plugins = plugin_names("mkdocs.offline.yml")
    assert offline_plugins.index("material/offline") > offline_plugins.index("i18n")
    assert "material/offline" not in plugin_names("mkdocs.yml")


# --- the steps --------------------------------------------------------------------------


def test_the_zip_does_not_depend_on_the_order_files_are_found(tmp_path):
    entries = {"b.html": b"b", "a/index.html": b"a", "README.txt": b"r"}
    one = bundle_tool.deterministic_zip(entries, tmp_path / "one.zip", 1795621723)
    two = bundle_tool.deterministic_zip(dict(reversed(entries.items())), tmp_path / "two.zip", 1795621723)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert archive.infolist()[0].date_time == (2026, 11, 25, 15, 48, 42)


def test_the_build_date_is_source_date_epoch_then_the_commit_then_the_release(meta, tmp_path):
    assert bundle_tool.build_epoch(ROOT, meta, {"SOURCE_DATE_EPOCH": "1795621723"}) == 1795621723
    with pytest.raises(bundle_tool.BundleError, match="SOURCE_DATE_EPOCH"):
        bundle_tool.build_epoch(ROOT, meta, {"SOURCE_DATE_EPOCH": "yesterday"})
    # Not a git checkout: the release date in data/site.yaml.
    epoch = bundle_tool.build_epoch(tmp_path, meta, {})
    assert bundle_tool.build_date(epoch) == meta.released


def test_pdf_editions_go_where_the_footer_links_them(tmp_path):
    pdf_dir, site = tmp_path / "dist", tmp_path / "site"
    pdf_dir.mkdir()
    (pdf_dir / "chaiqiang-en.pdf").write_bytes(b"%PDF-en")
    assert bundle_tool.add_pdfs(site, pdf_dir) == ["en/downloads/chaiqiang-en.pdf"]
    assert (site / "en" / "downloads" / "chaiqiang-en.pdf").read_bytes() == b"%PDF-en"
