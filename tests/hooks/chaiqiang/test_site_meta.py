from pathlib import Path

import pytest

from chaiqiang.site_meta import SiteMetaError, load_site_meta

GOOD = """url: https://walls.example/
version: 1.0.0
released: 2026-01-01
title: {zh-Hant: 拆牆, en: Walls}
author: {zh-Hant: 編輯群, en: Editors}
license: {text_and_data: CC BY 4.0, code: MIT}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_url_comes_from_the_file_and_the_environment_overrides_it(tmp_path):
    path = write(tmp_path, GOOD)
    assert load_site_meta(path, environ={}).url == "https://walls.example/"
    assert load_site_meta(path, environ={"SITE_URL": "https://mirror.example/walls"}).url == (
        "https://mirror.example/walls/"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("version: 1.0.0\n", ""), "field 'version' is missing"),
        (GOOD.replace("en: Walls", "fr: Murs"), "field 'title': language 'en' is missing"),
        (GOOD.replace("https://walls.example/", "walls.example"), "is not an http(s) URL"),
        ("url: [unclosed", "site.yaml"),
    ],
)
def test_bad_metadata_names_the_file_and_field(tmp_path, text, message):
    with pytest.raises(SiteMetaError, match=None) as info:
        load_site_meta(write(tmp_path, text), environ={})
    assert "site.yaml" in str(info.value)
    assert message in str(info.value)
