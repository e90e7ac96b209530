"""The archived editions as readers meet them: the latest build and every edition of
editions/ assembled from local files (tools/publish/assemble.py), served, and read
in Chromium page by page.

An archived page shows its banner; its canonical URL, the URL that reference
managers read (citation_public_url), its hreflang alternates and its JSON-LD name
the page's own address in the edition;
every link of the page stays inside the edition (the banner's two links out,
marked `cq-edition-exit`, excepted); the language switch stays inside it; and
its search finds only its own pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from chaiqiang import editions, urls
from chaiqiang.languages import LANGUAGES

from tests.browser.test_search import Searcher
from tools.browser import serve
from tools.common import ROOT
from tools.publish import assemble

RECORDED = editions.read_all(ROOT)
COLLECT = """() => ({
  lang: document.documentElement.lang,
  banner: (document.querySelector('.cq-edition-banner') || {}).innerText || '',
  bannerVisible: !!document.querySelector('.cq-edition-banner')
    && document.querySelector('.cq-edition-banner').getBoundingClientRect().height > 0,
  canonical: (document.querySelector('link[rel=canonical]') || {}).href || '',
  citation: (document.querySelector('meta[name=citation_public_url]') || {}).content || '',
  robots: (document.querySelector('meta[name=robots]') || {}).content || '',
  hreflang: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.href),
  jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => JSON.parse(s.textContent)),
  links: [...document.querySelectorAll('a[href]')]
    .filter(a => !a.classList.contains('cq-edition-exit'))
    .map(a => a.href),
  exits: [...document.querySelectorAll('a.cq-edition-exit')].map(a => a.href),
  switcher: [...document.querySelectorAll('a.md-select__link[hreflang]')].map(a => [a.hreflang, a.href]),
})"""


@pytest.fixture(scope="module")
def assembled(built_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("public")
    assemble.assemble(built_site, out, ROOT)
    with serve(out) as base:
        yield out, base


def test_at_least_two_editions_are_kept():
    assert [m.version for m in RECORDED][:2] == ["0.1.0", "0.2.0"]


def pages_of(manifest) -> list[str]:
    return sorted(p for p in manifest.files if p.endswith(".html") and not p.endswith("404.html"))


def public_path(path: str) -> str:
    """A file of the edition as its public address: en/about/index.html -> en/about/."""
    return path.removesuffix("index.html")


def resolves(out, url: str) -> bool:
    path = urlsplit(url).path.lstrip("/")
    target = out / path
    return (target / "index.html").is_file() if (not path or path.endswith("/")) else target.is_file()


@pytest.mark.parametrize("manifest", RECORDED, ids=[m.version for m in RECORDED])
def test_every_archived_page_says_which_edition_it_is_and_stays_inside_it(browser, assembled, manifest):
    out, base = assembled
    inside = f"{base}{editions.root(manifest.version)}"
    context = browser.new_context()
    # Nothing outside the local server is fetched.
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
    page = context.new_page()
    problems = []
    try:
        for path in pages_of(manifest):
            page.goto(inside + public_path(path), wait_until="domcontentloaded")
            seen = page.evaluate(COLLECT)
            # A bilingual view (0.4.0 on) shows its page: the page's canonical URL, no
            # citation tags of its own, and the banner leads to the page in the latest site.
            shown = urls.page_of_bilingual(path) or path
            own = manifest.address + public_path(shown)
            where = f"{manifest.version}/{path}"
            if not seen["bannerVisible"] or manifest.version not in seen["banner"]:
                problems.append(f"{where}: no visible banner naming {manifest.version}")
            if seen["canonical"] != own or seen["citation"] != ("" if shown != path else own):
                problems.append(
                    f"{where}: canonical {seen['canonical']}, citation {seen['citation']}, not {own}"
                )
            outside = [h for h in seen["hreflang"] if not h.startswith(manifest.address)]
            outside += [
                d.get("url", "") for d in seen["jsonld"] if not d.get("url", "").startswith(manifest.address)
            ]
            if outside:
                problems.append(
                    f"{where}: hreflang or JSON-LD names pages outside the edition: {outside[:3]}"
                )
            if seen["robots"] != "noindex":
                problems.append(f"{where}: robots {seen['robots']!r}")
            for link in seen["links"]:
                if not link.startswith(base):
                    continue  # another site, or the edition's public address
                if not link.startswith(inside):
                    problems.append(f"{where}: links out of the edition: {link}")
                elif not resolves(out, link):
                    problems.append(f"{where}: broken link {link}")
            latest = base + public_path(shown)
            if seen["exits"][:1] != [latest]:
                problems.append(
                    f"{where}: the banner leads to {seen['exits'][:1]}, not the latest page {latest}"
                )
            for hreflang, href in seen["switcher"]:
                root = LANGUAGES.root(hreflang)
                counterpart = inside + root + public_path(path).removeprefix(LANGUAGES.root(seen["lang"]))
                if href != counterpart:
                    problems.append(f"{where}: the {hreflang} switch leads to {href}, not {counterpart}")
    finally:
        context.close()
    assert problems == [], "\n".join(problems[:30])


@pytest.mark.parametrize("manifest", RECORDED, ids=[m.version for m in RECORDED])
def test_the_language_switch_keeps_the_reader_in_the_edition(browser, assembled, manifest):
    _, base = assembled
    inside = f"{base}{editions.root(manifest.version)}"
    page = browser.new_page()
    try:
        page.goto(inside + "story/the-deal/")
        page.locator(".md-header .md-select").hover()
        page.locator("a.md-select__link[hreflang=en]").click()
        page.wait_for_url(inside + "en/story/the-deal/")
        assert manifest.version in page.locator(".cq-edition-banner").inner_text()
    finally:
        page.close()


@pytest.mark.parametrize("manifest", RECORDED, ids=[m.version for m in RECORDED])
@pytest.mark.parametrize(("lang", "query"), [("zh-Hant", "微信支付"), ("en", "WeChat Pay")])
def test_an_editions_search_finds_only_its_own_pages(browser, assembled, manifest, lang, query):
    _, base = assembled
    inside = f"{base}{editions.root(manifest.version)}"
    context = browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
    try:
        searcher = Searcher(context.new_page(), inside + LANGUAGES.root(lang))
        results = searcher.search(query)
        assert results, f"{manifest.version}: {query!r} found nothing"
        outside = [r.href for r in results if not r.href.startswith(inside + LANGUAGES.root(lang))]
        assert outside == [], f"{manifest.version}: results outside the edition's {lang} pages: {outside[:5]}"
        assert searcher.errors == []
    finally:
        context.close()


def test_the_latest_versions_page_lists_every_edition_with_its_checksum(page, assembled):
    out, base = assembled
    for lang in LANGUAGES.codes:
        page.goto(base + LANGUAGES.root(lang) + "versions/")
        for manifest in RECORDED:
            block = page.locator(f"#edition-{manifest.version.replace('.', '-')}")
            assert block.is_visible(), f"{lang}: no edition block for {manifest.version}"
            text = block.inner_text()
            assert manifest.sha256 in text and manifest.commit[:12] in text
            # Its links (the edition's home, manifest, downloads) open files of the assembly.
            hrefs = block.locator("a").evaluate_all("links => links.map(a => a.href)")
            assert len(hrefs) == 2 + len(manifest.downloads)
            assert all(resolves(out, href) for href in hrefs), hrefs


def test_the_headers_cover_every_editions_inline_scripts(assembled):
    from chaiqiang import http_headers

    out, _ = assembled
    rules = http_headers.parse((out / "_headers").read_text(encoding="utf-8"))
    csp = rules["/*"]["Content-Security-Policy"]
    found = http_headers.scan_site(out / editions.DIR)
    assert found.scripts and all(h in csp for h in found.scripts)


def test_the_sitemap_lists_the_latest_site_only(assembled):
    out, _ = assembled
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and "/editions/" not in sitemap
    assert not list((out / editions.DIR).glob("*/sitemap.xml*"))
