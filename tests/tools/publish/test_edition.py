"""Freezing a built site into an archived edition (tools/publish/edition.py)."""

from __future__ import annotations

import json

import pytest
from chaiqiang import editions
from chaiqiang.editions import EditionError

from tools.publish import edition

PAGE = """<!doctype html><html lang="{lang}" class="no-js"><head><meta charset="utf-8">
<link rel="canonical" href="https://x.example/editions/0.1.0/{path}"></head><body>
<main><article class="md-content__inner md-typeset"><h1 id="t">Title</h1><p>Text.</p></article></main>
</body></html>"""


def fake_site(tmp_path):
    site = tmp_path / "site"
    pages = {
        "index.html": "zh-Hant",
        "story/x/index.html": "zh-Hant",
        "en/index.html": "en",
        "en/story/x/index.html": "en",
        "404.html": "zh-Hant",
        "en/404.html": "en",
    }
    for path, lang in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(
            PAGE.format(lang=lang, path=path.removesuffix("index.html")), encoding="utf-8"
        )
    (site / "downloads").mkdir()
    (site / "downloads" / "chaiqiang-zh-Hant.pdf").write_bytes(b"%PDF zh")
    (site / "en" / "downloads").mkdir()
    (site / "en" / "downloads" / "chaiqiang-en.pdf").write_bytes(b"%PDF en")
    for name in ("sitemap.xml", "sitemap.xml.gz", "_headers"):
        (site / name).write_bytes(b"dropped")
    offline = tmp_path / "chaiqiang-0.1.0-offline.zip"
    offline.write_bytes(b"PK zip")
    return site, offline


@pytest.mark.parametrize(
    ("path", "lang", "latest", "versions"),
    [
        ("index.html", "zh-Hant", "../../", "../../versions/"),
        ("story/x/index.html", "zh-Hant", "../../../../story/x/", "../../../../versions/"),
        ("en/story/x/index.html", "en", "../../../../../en/story/x/", "../../../../../en/versions/"),
        ("en/404.html", "en", "../../../en/", "../../../en/versions/"),
    ],
)
def test_the_banner_leads_to_the_same_page_in_the_latest_site(path, lang, latest, versions):
    assert edition.latest_link(path, lang) == (latest, versions)


def test_every_page_gets_the_banner_in_its_language_and_noindex(tmp_path):
    site, offline = fake_site(tmp_path)
    files, manifest = edition.freeze(
        site,
        offline,
        version="0.1.0",
        date="2026-11-25",
        commit="a" * 40,
        epoch=1764085000,
        address="https://x.example/editions/0.1.0/",
    )
    zh = files["story/x/index.html"].decode()
    en = files["en/story/x/index.html"].decode()
    assert (
        '<article class="md-content__inner md-typeset"><div class="admonition info cq-edition-banner"' in zh
    )
    assert "存檔版本 0.1.0" in zh and "2026年11月25日" in zh
    assert "Archived edition 0.1.0" in en and "25 November 2026" in en
    assert 'href="../../../../../en/story/x/"' in en
    for text in (zh, en):
        assert text.count('content="noindex"') == 1 and text.count("cq-edition-banner") == 1
    # The sitemap and the headers are the assembled site's; the offline zip joins the downloads.
    assert not {"sitemap.xml", "sitemap.xml.gz", "_headers"} & set(files)
    assert files["downloads/chaiqiang-0.1.0-offline.zip"] == b"PK zip"
    kinds = {(d.path, d.kind, d.lang) for d in manifest.downloads}
    assert kinds == {
        ("downloads/chaiqiang-zh-Hant.pdf", "pdf", "zh-Hant"),
        ("en/downloads/chaiqiang-en.pdf", "pdf", "en"),
        ("downloads/chaiqiang-0.1.0-offline.zip", "offline", None),
    }
    # The manifest lists every other file with its SHA-256, and is itself one of the files.
    recorded = json.loads(files[editions.MANIFEST])
    assert set(recorded["files"]) == set(files) - {editions.MANIFEST}
    assert recorded["commit"] == "a" * 40 and recorded["built"] == "2025-11-25T15:36:40Z"
    assert manifest.files["index.html"] == edition.sha256(files["index.html"])


def test_freezing_is_deterministic(tmp_path):
    site, offline = fake_site(tmp_path)
    args = dict(
        version="0.1.0",
        date="2026-11-25",
        commit="a" * 40,
        epoch=1,
        address="https://x.example/editions/0.1.0/",
    )
    assert edition.freeze(site, offline, **args)[0] == edition.freeze(site, offline, **args)[0]


def test_a_page_not_made_by_the_theme_stops_the_freeze(tmp_path):
    site, offline = fake_site(tmp_path)
    (site / "stray.html").write_text("<p>no theme</p>", encoding="utf-8")
    with pytest.raises(EditionError, match=r"stray\.html: not a page of the theme"):
        edition.freeze(
            site,
            offline,
            version="0.1.0",
            date="2026-11-25",
            commit="a" * 40,
            epoch=1,
            address="https://x.example/editions/0.1.0/",
        )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("commit"), "needs exactly the fields"),
        (lambda d: d["files"].update({"a.html": "nothex"}), "'a.html': not a SHA-256"),
        (
            lambda d: d["downloads"][0].update(sha256="0" * 64),
            "downloads #1: 'downloads/x.pdf' is not in 'files'",
        ),
    ],
)
def test_a_damaged_manifest_is_named_with_its_field(change, message):
    data = {
        "version": "0.1.0",
        "date": "2026-11-25",
        "commit": "a" * 40,
        "built": "2026-11-25T00:00:00Z",
        "address": "https://x.example/editions/0.1.0/",
        "downloads": [
            {"path": "downloads/x.pdf", "kind": "pdf", "lang": "en", "bytes": 3, "sha256": "f" * 64}
        ],
        "files": {"downloads/x.pdf": "f" * 64},
    }
    editions.parse_manifest(json.dumps(data).encode(), "editions/0.1.0/manifest.json")
    change(data)
    with pytest.raises(
        EditionError, match=r"editions/0\.1\.0/manifest\.json: .*" + message.replace("(", r"\(")
    ):
        editions.parse_manifest(json.dumps(data).encode(), "editions/0.1.0/manifest.json")
