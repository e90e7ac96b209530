"""The offline build's own steps (chaiqiang.offline), and the links that must
follow the URL style: in the offline bundle pages are files (about.html)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from chaiqiang import edition_info, offline, urls
from chaiqiang.citations.site import for_page
from chaiqiang.site_meta import load_site_meta

ROOT = Path(__file__).resolve().parents[3]
SHIM = "assets/javascripts/iframe-worker/shim.js"


@pytest.mark.parametrize(
    ("url", "hosted"),
    [
        ("index.html", ""),
        ("en/index.html", "en/"),
        ("about.html", "about/"),
        ("en/story/the-deal.html", "en/story/the-deal/"),
        # Directory URLs (the hosted build) are left as they are.
        ("", ""),
        ("en/about/", "en/about/"),
    ],
)
def test_a_page_file_is_cited_by_its_hosted_address(url, hosted):
    assert urls.hosted_path(url) == hosted
    assert urls.hosted_url("https://walls.example/", url) == "https://walls.example/" + hosted


def plugins(**enabled: bool) -> dict:
    return {name: SimpleNamespace(config=SimpleNamespace(enabled=on)) for name, on in enabled.items()}


def test_the_offline_build_is_recognised_by_materials_plugin():
    assert offline.enabled(plugins(**{"material/offline": True}))
    assert not offline.enabled(plugins(**{"material/offline": False}))
    assert not offline.enabled(plugins(search=True))


def test_the_shim_goes_to_its_polyfill_path(tmp_path):
    package = tmp_path / "node_modules" / "iframe-worker"
    (package / "shim").mkdir(parents=True)
    (package / "shim" / "index.js").write_text("/* shim */", encoding="utf-8")
    (package / "LICENSE").write_text("MIT", encoding="utf-8")
    site = tmp_path / "site"
    target = offline.install_shim(tmp_path, site, [SHIM])
    assert target == site / SHIM
    assert target.read_text(encoding="utf-8") == "/* shim */"
    assert (target.parent / "iframe-worker.LICENSE.txt").read_text(encoding="utf-8") == "MIT"


def test_a_missing_shim_says_to_run_npm_ci(tmp_path):
    with pytest.raises(offline.OfflineError, match="npm ci"):
        offline.install_shim(tmp_path, tmp_path / "site", [SHIM])


@pytest.mark.parametrize(
    "polyfills",
    [
        ["https://unpkg.com/iframe-worker/shim"],  # what Material adds by itself
        [SHIM, "//cdn.example/polyfill.js"],
        ["/assets/javascripts/iframe-worker/shim.js"],  # file:///assets/… from a bundle
    ],
)
def test_a_polyfill_from_outside_the_copy_stops_the_build(polyfills):
    with pytest.raises(offline.OfflineError, match="outside the offline copy"):
        offline.shim_target(polyfills)


def test_without_a_local_shim_path_the_build_stops():
    # Material's offline plugin would add its CDN copy.
    with pytest.raises(offline.OfflineError, match="naming iframe-worker"):
        offline.shim_target(["assets/javascripts/other.js"])


def test_the_offline_config_names_a_local_shim():
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"))
    assert str(offline.shim_target(config["extra"]["polyfills"])) == SHIM


@pytest.fixture(scope="module")
def meta():
    return load_site_meta(ROOT / "data" / "site.yaml", environ={})


@pytest.mark.parametrize(
    ("url", "lang", "cite", "versions"),
    [
        ("about.html", "zh-Hant", "cite.html", "versions.html"),
        ("index.html", "zh-Hant", "cite.html", "versions.html"),
        ("en/story/the-deal.html", "en", "../cite.html", "../versions.html"),
        ("en/cite.html", "en", "cite.html", "versions.html"),
    ],
)
def test_the_cite_box_links_files_in_the_offline_bundle(meta, url, lang, cite, versions):
    src = ("" if lang == "zh-Hant" else "en/") + url.removeprefix("en/").replace(".html", ".md")
    _, links = for_page(meta, lang, "T", "https://x/", src, url, use_directory_urls=False)
    assert links == {"cite": cite, "versions": versions}


def test_the_cite_box_links_directories_on_the_hosted_site(meta):
    _, links = for_page(meta, "en", "T", "https://x/", "en/story/the-deal.md", "en/story/the-deal/")
    assert links == {"cite": "../../cite/", "versions": "../../versions/"}


def test_the_footer_links_the_versions_page_in_either_url_style(meta):
    assert edition_info.for_language(meta, "en").versions_path == "en/versions/"
    assert edition_info.for_language(meta, "en", use_directory_urls=False).versions_path == "en/versions.html"
    assert (
        edition_info.for_language(meta, "zh-Hant", use_directory_urls=False).versions_path == "versions.html"
    )
