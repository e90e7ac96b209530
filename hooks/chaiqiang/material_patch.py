"""A documented post-correction of Material 9.8's JavaScript bundle.

Material's `setupAlternate` fetches `sitemap.xml` relative to *every*
`<link rel="alternate">` on a page (squidfunk/mkdocs-material#8576). It was
meant for links to language roots; our per-page `hreflang` alternates are
absolute page URLs, so each page load would request
`https://<host>/en/about/sitemap.xml` (a 404 on the host, and a request to
another origin from a local or offline copy). The language switcher already
links straight to the counterpart page, so the sitemap look-up adds nothing:
we narrow the selector to alternates without `hreflang` (feeds, which we do
not have). The build stops if Material's code no longer matches, so an
upgrade cannot silently undo this.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ChaiqiangError

SELECTOR = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate]:not([hreflang])")'


class MaterialPatchError(ChaiqiangError):
    pass


def patch_alternate_lookup(site_dir: Path) -> Path:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise MaterialPatchError(
            f"expected one Material bundle in {site_dir}/assets/javascripts, found {len(bundles)}"
        )
    bundle = bundles[0]
    code = bundle.read_text(encoding="utf-8")
    if PATCHED in code and SELECTOR not in code:
        return bundle  # already patched (a dirty rebuild keeps the copied bundle)
    if code.count(SELECTOR) != 1:
        raise MaterialPatchError(
            f"{bundle.name}: Material's alternate look-up ({SELECTOR}) was not found exactly once; "
            "check hooks/chaiqiang/material_patch.py against this Material version"
        )
    bundle.write_text(code.replace(SELECTOR, PATCHED), encoding="utf-8")
    return bundle
