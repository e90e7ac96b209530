import pytest
from chaiqiang.render.links import Links, page_url


@pytest.mark.parametrize(
    ("src", "lang", "directory", "url"),
    [
        ("timeline.md", "zh-Hant", True, "timeline/"),
        ("timeline.md", "en", True, "en/timeline/"),
        ("timeline.md", "en", False, "en/timeline.html"),
        ("index.md", "zh-Hant", True, ""),
        ("index.md", "en", False, "en/index.html"),
        ("story/blocking-war.md", "en", True, "en/story/blocking-war/"),
    ],
)
def test_page_urls_follow_mkdocs(src, lang, directory, url):
    assert page_url(src, lang, directory) == url


@pytest.mark.parametrize(
    ("url", "directory", "sources", "download", "base"),
    [
        ("timeline/", True, "../sources/#src-x", "../downloads/timeline.csv", "../"),
        ("en/timeline/", True, "../sources/#src-x", "../../downloads/timeline.csv", "../../"),
        ("timeline.html", False, "sources.html#src-x", "downloads/timeline.csv", ""),
        ("en/timeline.html", False, "sources.html#src-x", "../downloads/timeline.csv", "../"),
        (
            "en/story/blocking-war/",
            True,
            "../../sources/#src-x",
            "../../../downloads/timeline.csv",
            "../../../",
        ),
        ("", True, "sources/#src-x", "downloads/timeline.csv", ""),
        ("en/", True, "sources/#src-x", "../downloads/timeline.csv", "../"),
    ],
)
def test_links_are_relative_to_the_built_page(url, directory, sources, download, base):
    lang = "en" if url.startswith("en/") else "zh-Hant"
    links = Links(url, lang, directory)
    assert links.page("sources", "src-x") == sources
    assert links.site_file("downloads/timeline.csv") == download
    assert links.base == base


def test_a_link_to_the_same_page_is_just_the_anchor():
    assert Links("en/sources/", "en").page("sources", "src-x") == "#src-x"
    assert Links("sources.html", "zh-Hant", False).page("sources", "src-x") == "#src-x"
