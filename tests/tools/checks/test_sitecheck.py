"""The site checker, on small hand-made sites: one clean, then one per kind of fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.checks.sitecheck import check_site

URL = "https://example.test/walls/"

PAGE = """<!doctype html>
<html lang="{lang}"><head>
<link rel="canonical" href="{canonical}">
<link rel="alternate" hreflang="en" href="{en_url}">
<link rel="alternate" hreflang="zh-Hant" href="{zh_url}">
<link rel="alternate" hreflang="x-default" href="{zh_url}">
<link rel="stylesheet" href="{root}assets/site.css">
{extra_head}
</head><body>
<nav><a class="md-select__link" hreflang="zh-Hant" href="{zh_link}">中文</a>
<a class="md-select__link" hreflang="en" href="{en_link}">English</a></nav>
<h1 id="top">Title</h1>
<p><a href="{root_lang}about/#team">about</a> <a href="https://elsewhere.test/">out</a></p>
{extra_body}
</body></html>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


def write_page(
    root: Path, path: str, *, lang: str | None = None, extra_head: str = "", extra_body: str = "", **override
) -> None:
    bare = path.split("/", 1)[1] if path.startswith("en/") else path
    lang = lang or ("en" if path.startswith("en/") else "zh-Hant")
    depth = path.count("/")
    root_rel = "../" * depth
    page_dir = bare[: -len("index.html")]
    fields = dict(
        lang=lang,
        canonical=URL + (path[: -len("index.html")]),
        en_url=URL + "en/" + page_dir,
        zh_url=URL + page_dir,
        root=root_rel,
        zh_link=root_rel + page_dir,
        en_link=root_rel + "en/" + page_dir,
        root_lang=root_rel + ("en/" if lang == "en" else ""),
        extra_head=extra_head,
        extra_body=extra_body,
    )
    fields.update(override)
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    body = PAGE.format(**fields)
    if bare.startswith("about/"):
        body = body.replace('<h1 id="top">', '<h2 id="team">Team</h2><h1 id="top">')
    file.write_text(body, encoding="utf-8")


def make_site(root: Path, **faults) -> Path:
    pages = ["index.html", "about/index.html", "en/index.html", "en/about/index.html"]
    for p in pages:
        write_page(root, p, **faults.get(p, {}))
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "site.css").write_text(faults.get("css", "body{color:red}"), encoding="utf-8")
    listed = faults.get("sitemap", pages)
    urls = "\n".join(f"<url><loc>{URL}{p[: -len('index.html')]}</loc></url>" for p in listed)
    (root / "sitemap.xml").write_text(SITEMAP.format(urls=urls), encoding="utf-8")
    return root


def kinds(root: Path) -> set[str]:
    return {f.kind for f in check_site(root, URL)}


def test_clean_site_has_no_findings(tmp_path):
    assert check_site(make_site(tmp_path), URL) == []


@pytest.mark.parametrize(
    ("faults", "kind"),
    [
        ({"index.html": {"extra_body": '<a href="missing/">x</a>'}}, "broken-link"),
        ({"en/index.html": {"extra_body": '<img src="../assets/nope.png" alt="">'}}, "broken-link"),
        ({"index.html": {"extra_body": '<a href="about/#nobody">x</a>'}}, "broken-anchor"),
        ({"index.html": {"extra_body": '<a href="#nowhere">x</a>'}}, "broken-anchor"),
        (
            {"index.html": {"extra_head": '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'}},
            "external-resource",
        ),
        (
            {"index.html": {"extra_head": '<link rel="preconnect" href="https://fonts.gstatic.com">'}},
            "external-resource",
        ),
        (
            {"index.html": {"extra_body": '<script src="https://cdn.test/x.js"></script>'}},
            "external-resource",
        ),
        ({"index.html": {"extra_body": '<img src="//cdn.test/x.png" alt="">'}}, "external-resource"),
        (
            {"index.html": {"extra_body": '<img srcset="a.png 1x, https://cdn.test/x.png 2x" alt="">'}},
            "external-resource",
        ),
        ({"index.html": {"extra_body": '<iframe src="https://video.test/"></iframe>'}}, "external-resource"),
        (
            {"index.html": {"extra_head": '<link rel="icon" href="https://cdn.test/favicon.ico">'}},
            "external-resource",
        ),
        (
            {"index.html": {"extra_head": "<style>@font-face{src:url(https://fonts.test/a.woff2)}</style>"}},
            "external-resource",
        ),
        (
            {"index.html": {"extra_body": "<div style=\"background:url('https://img.test/a.png')\"></div>"}},
            "external-resource",
        ),
        ({"css": "@import 'https://cdn.test/theme.css';"}, "external-resource"),
        ({"css": "body{background:url(https://img.test/bg.png)}"}, "external-resource"),
        ({"index.html": {"en_link": "en/about/"}}, "switcher"),
        ({"en/about/index.html": {"zh_link": "../../"}}, "switcher"),
        ({"en/index.html": {"lang": "zh-Hant"}}, "lang"),
        ({"about/index.html": {"lang": "zh"}}, "lang"),
        ({"about/index.html": {"en_url": URL + "en/"}}, "hreflang"),
        ({"about/index.html": {"en_url": "en/about/"}}, "hreflang"),
        ({"index.html": {"canonical": URL + "about/"}}, "hreflang"),
        ({"sitemap": ["index.html", "en/index.html", "en/about/index.html"]}, "sitemap"),
        (
            {
                "sitemap": [
                    "index.html",
                    "about/index.html",
                    "en/index.html",
                    "en/about/index.html",
                    "gone/index.html",
                ]
            },
            "sitemap",
        ),
    ],
)
def test_each_fault_is_reported(tmp_path, faults, kind):
    assert kind in kinds(make_site(tmp_path, **faults))


def test_missing_hreflang_and_non_reciprocal_alternates_are_reported(tmp_path):
    site = make_site(tmp_path)
    page = site / "en" / "about" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace('<link rel="alternate" hreflang="zh-Hant"', '<link rel="nofollow" hreflang="zh-Hant"'),
        encoding="utf-8",
    )
    findings = check_site(site, URL)
    details = [f for f in findings if f.kind == "hreflang"]
    assert any(
        f.page == "en/about/index.html" and "no hreflang alternate for 'zh-Hant'" in f.detail for f in details
    )
    # about/ names en/about/ as its alternate, which no longer links back.
    assert any(f.page == "about/index.html" and "no hreflang link back" in f.detail for f in details)


def test_links_to_outside_pages_are_allowed(tmp_path):
    site = make_site(
        tmp_path,
        **{
            "index.html": {
                "extra_body": '<a href="https://www.miit.gov.cn/">MIIT</a> <a href="mailto:x@y.test">mail</a>'
            }
        },
    )
    assert check_site(site, URL) == []


def test_a_link_to_a_pdf_that_is_not_there_is_broken(tmp_path):
    """A build links the PDF editions only once `dev.py pdf` has put them there, and a
    footer line still off (inside its comment) links nothing."""
    pdf = '<a href="downloads/edition.pdf" type="application/pdf">PDF</a>'
    assert kinds(make_site(tmp_path, **{"index.html": {"extra_body": pdf}})) == {"broken-link"}
    off = f"<!-- pdf-edition:<p>{pdf}</p>:pdf-edition -->"
    assert check_site(make_site(tmp_path / "b", **{"index.html": {"extra_body": off}}), URL) == []
