"""A third language is added where a maintainer adds it, and nowhere else:

1. mkdocs.yml: an entry in the i18n plugin's `languages` (code, name, site name,
   Open Graph locale);
2. docs/<code>/: the pages (here copies of the English ones);
3. data/strings/<code>.yaml: the interface words (here a copy of the English file);
4. data/*.yaml: a text in that language beside every other language's.

The built site then has it everywhere: the language switcher, the hreflang
alternates, its own search index, the sitemap, the citations. No code changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from chaiqiang.languages import load
from lxml import html

from tests.conftest import copy_project, run_build
from tools.checks.sitecheck import check_site

CODE = "fr"
ENTRY = f"""\
        - locale: {CODE}
          name: Français
          build: true
          site_name: Abattre les murs
          extra:
            og_locale: fr_FR
"""
FROM = "en"  # the language whose pages, words and texts the test copies


def _add_texts(node, counter: list[int]):
    """In every per-language mapping of a data file, the new language's text: a copy of FROM's."""
    if isinstance(node, dict):
        if FROM in node and "zh-Hant" in node and CODE not in node:
            node[CODE] = node[FROM]
            counter[0] += 1
        for value in node.values():
            _add_texts(value, counter)
    elif isinstance(node, list):
        for item in node:
            _add_texts(item, counter)


def add_language(project: Path) -> list[str]:
    """Add CODE to a copy of the project the way a maintainer would; the files touched."""
    touched = []
    # 1. mkdocs.yml: one more entry at the end of the i18n plugin's languages.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    config.write_text(text.replace("\nnav:\n", f"{ENTRY}\nnav:\n", 1), encoding="utf-8")
    touched.append("mkdocs.yml")
    # 2. docs/fr/: the pages.
    shutil.copytree(project / "docs" / FROM, project / "docs" / CODE)
    touched += [p.relative_to(project).as_posix() for p in sorted((project / "docs" / CODE).rglob("*.md"))]
    # 3. The interface words.
    strings = project / "data" / "strings"
    if (strings / f"{FROM}.yaml").is_file():
        shutil.copyfile(strings / f"{FROM}.yaml", strings / f"{CODE}.yaml")
        touched.append(f"data/strings/{CODE}.yaml")
    # 4. The data texts.
    for path in sorted((project / "data").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counter = [0]
        _add_texts(data, counter)
        if counter[0]:
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            touched.append(path.relative_to(project).as_posix())
    return touched


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("three") / "project")
    # A new language is unreleased work: the current version's edition (made before
    # the language existed) is not its edition. The older ones stay.
    version = str(yaml.safe_load((project / "data" / "site.yaml").read_text(encoding="utf-8"))["version"])
    shutil.rmtree(project / "editions" / version, ignore_errors=True)
    touched = add_language(project)
    site = tmp_path_factory.mktemp("three-site")
    result = run_build(project, site, extra_env={"SITE_URL": ""})
    assert result.returncode == 0, result.output[-4000:]
    print(f"adding {CODE!r} touched {len(touched)} files: {touched}")
    return project, site, touched


def page(site: Path, rel: str):
    return html.fromstring((site / rel).read_bytes())


def test_the_languages_are_read_from_the_copy(three):
    project, _, touched = three
    assert load(project / "mkdocs.yml").codes == ("zh-Hant", "en", CODE)
    # Only the maintainer's places: mkdocs.yml, the pages, the words, the data.
    assert all(t == "mkdocs.yml" or t.startswith((f"docs/{CODE}/", "data/")) for t in touched)


@pytest.mark.parametrize("rel", ["index.html", "en/timeline/index.html", f"{CODE}/glossary/index.html"])
def test_the_switcher_and_hreflang_list_the_new_language(three, rel):
    _, site, _ = three
    tree = page(site, rel)
    assert CODE in tree.xpath("//a[contains(@class, 'md-select__link')]/@hreflang")
    alternates = tree.xpath("//head/link[@rel='alternate']/@hreflang")
    assert {"zh-Hant", "en", CODE} <= set(alternates)


def test_the_new_language_has_its_pages_search_index_and_sitemap_entries(three):
    _, site, _ = three
    assert page(site, f"{CODE}/index.html").get("lang") == CODE
    assert (site / CODE / "search" / "search_index.json").is_file()
    assert (site / CODE / "404.html").is_file()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{CODE}/timeline/" in sitemap


def test_pages_of_the_new_language_carry_their_citations(three):
    _, site, _ = three
    tree = page(site, f"{CODE}/about/index.html")
    assert tree.xpath("//meta[@name='citation_title']/@content")
    assert any(f"/{CODE}/about/" in url for url in tree.xpath("//link[@rel='canonical']/@href"))


def test_the_site_check_passes_with_three_languages(three):
    project, site, _ = three
    meta = yaml.safe_load((project / "data" / "site.yaml").read_text(encoding="utf-8"))
    from chaiqiang import editions

    findings = check_site(
        site, meta["url"], load(project / "mkdocs.yml"), editions.read_all(project), str(meta["version"])
    )
    assert findings == [], "\n".join(map(str, findings[:20]))


def test_a_missing_page_of_the_new_language_stops_the_build(three, tmp_path):
    project, _, _ = three
    (project / "docs" / CODE / "about.md").unlink()
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/{CODE}/about.md: missing translation" in result.output
