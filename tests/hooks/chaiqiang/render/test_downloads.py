"""The downloads block: files with format, size and licence."""

from chaiqiang import downloads
from chaiqiang.render.downloads import render_downloads

from .html import parse, select, text


def test_the_block_lists_each_file_with_format_and_real_size(render_ctx, small_dataset):
    root = parse(render_downloads(render_ctx("en"), "figures"))
    items = select(root, "li")
    assert [select(li, "a")[0].text for li in items] == ["figures.csv", "figures.json"]
    sizes = {name: len(content) for name, content in downloads.download_files(small_dataset).items()}
    assert text(items[1]).startswith("figures.json: JSON (UTF-8), ")
    assert text(items[1]).endswith(f"{sizes['figures.json'] / 1000:.1f} kB")
    assert "CC BY 4.0" in text(root)


def test_the_chinese_block(render_ctx):
    root = parse(render_downloads(render_ctx("zh-Hant"), "timeline"))
    assert text(select(root, "li")[0]).startswith("timeline.csv：CSV 試算表格式")
    assert "CC BY 4.0" in text(root)


def test_the_bibliography_block_links_the_files_of_the_pages_language(render_ctx, small_dataset):
    from posixpath import normpath

    from chaiqiang.citations import bibliography

    for lang, url in (("en", "en/sources/"), ("zh-Hant", "sources/")):
        root = parse(render_downloads(render_ctx(lang, url=url), "sources"))
        hrefs = [normpath(url + a.get("href")) for a in select(root, "a")]
        assert hrefs == [f"{bibliography.folder(lang)}{name}" for name in bibliography.FILES]
        sizes = bibliography.files(small_dataset, lang)
        assert text(select(root, "li")[0]).endswith(f"{len(sizes['sources.bib'])} B")
        # Its own note, not the data set's licence line.
        assert "CC BY 4.0" not in text(root)
    assert "BibTeX" in text(parse(render_downloads(render_ctx("en", url="en/sources/"), "sources")))
