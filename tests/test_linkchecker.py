"""No broken link or anchor by an outside checker: LinkChecker (tools/checks/links.py)
crawls the site as it is published (the session's build with the archived editions
beside it, served over HTTP) and the offline bundle read from file://, every #fragment
included, and finds no error and no warning. It would find a planted fault."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT
from tools.checks import links
from tools.publish import assemble


def describe(report: links.Report) -> str:
    return f"{len(report.errors)} error(s), {len(report.warnings)} warning(s):\n" + "\n".join(
        map(str, report.problems)
    )


def pages_reached(report: links.Report, base: str) -> set[str]:
    """The .html files (or directory pages) LinkChecker fetched under base, as paths under it."""
    found = set()
    for url in report.checked:
        if not url.startswith(base):
            continue
        path = unquote(urlsplit(url).path)[len(unquote(urlsplit(base).path)) :]
        if path.endswith("/") or not path:
            path += "index.html"
        if path.endswith(".html"):
            found.add(path)
    return found


@pytest.fixture(scope="module")
def published(built_site, tmp_path_factory) -> Path:
    """What a deploy publishes: the build at the root, each archived edition under editions/."""
    out = tmp_path_factory.mktemp("published")
    assemble.assemble(built_site, out, ROOT)
    return out


def test_the_published_site_has_no_broken_link_or_anchor(published, built_site):
    # The archived editions were built once and never change: their pages are
    # checked where the latest site links them, not crawled.
    report = links.check_served(published, nofollow=["editions/"])
    assert report.problems == (), describe(report)
    base = report.checked[0]
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    missing = pages - pages_reached(report, base) - {"404.html", "en/404.html"}
    assert missing == set(), f"pages LinkChecker never reached: {sorted(missing)}"
    # The footers link no PDF: a build has none (`python3 dev.py pdf` makes them).
    assert not any(url.endswith(".pdf") and "/editions/" not in url for url in report.checked)


def test_the_offline_bundle_has_no_broken_link_or_anchor_from_file(offline_bundle):
    root = offline_bundle.root
    report = links.check_files(root)
    assert report.problems == (), describe(report)
    pages = {p.relative_to(root).as_posix() for p in root.rglob("*.html")}
    missing = pages - pages_reached(report, root.resolve().as_uri() + "/")
    assert missing == set(), f"pages LinkChecker never reached: {sorted(missing)}"


def plant(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{}</title></head><body>{}</body></html>'
    (folder / "index.html").write_text(
        page.format(
            "start",
            '<a href="other.html#here">fine</a> <a href="other.html#nowhere">no such anchor</a> '
            '<a href="missing.html">no such page</a> <a href="https://example.invalid/">outside: not fetched</a>',
        ),
        encoding="utf-8",
    )
    (folder / "other.html").write_text(page.format("other", '<h2 id="here">here</h2>'), encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["served", "file"])
def test_linkchecker_finds_a_planted_broken_link_and_anchor(tmp_path, how):
    site = plant(tmp_path / "site")
    report = links.check_served(site) if how == "served" else links.check_files(site)
    assert [p.url for p in report.errors] == ["missing.html"], describe(report)
    assert [p.url for p in report.warnings] == ["other.html#nowhere"], describe(report)
    assert "nowhere" in report.warnings[0].message
    assert report.returncode == 1
