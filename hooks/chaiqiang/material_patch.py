"""Documented post-corrections of Material 9.8's JavaScript bundle.

Each patch replaces a few exact pieces of Material's minified code. The build
stops if a piece is no longer found exactly once, so an upgrade cannot silently
undo a patch or apply it to code it was not written for.

1. Material's `setupAlternate` fetches `sitemap.xml` relative to *every*
   `<link rel="alternate">` on a page (squidfunk/mkdocs-material#8576). It was
   meant for links to language roots; our per-page `hreflang` alternates are
   absolute page URLs, so each page load would request
   `https://<host>/en/about/sitemap.xml` (a 404 on the host, and a request to
   another origin from a local or offline copy). The language switcher already
   links straight to the counterpart page, so the sitemap look-up adds nothing:
   we narrow the selector to alternates without `hreflang` (feeds, which we do
   not have).
2. Material's palette sets `data-md-color-switching` on `<body>` each time it
   applies a palette, including on every page load, when the colours already on
   `<body>` are those it applies. Its stylesheet turns transitions off under
   that attribute with a universal selector (`[data-md-color-switching] *`), so
   setting it and removing it again restyles every element of the page twice as
   it loads: on the bilingual view and the long story pages, the largest piece
   of the blocking time Lighthouse measures. The attribute only matters when a
   colour changes (a reader switching the palette, or a stored palette unlike
   the page's), so it is now set only then, before the first colour changes
   (scheme, primary or accent: no rule reads `data-md-color-media`).
3. The same palette adds a `<meta name="color-scheme">` to every page as it
   loads, then fills it in: two changes of the page's colour scheme, and each
   restyles every element. Our pages carry that tag from the start, with the
   first palette's scheme (overrides/main.html), and Material now keeps that tag
   up to date instead of adding its own (a page without one still gets Material's),
   writing it only when the scheme changes (a write of the same value restyles too).
4. With `content.tooltips`, Material mounts a tooltip on every element of the
   content with a `title` as the page loads: some ten subscriptions and four
   event listeners each, all in the one task that starts Material. The
   bilingual view has 67 such elements (every glossary term in both languages,
   and the footnotes' back links), and mounting them was about a third of that
   task. A tooltip now mounts when the reader first points at its element or
   moves the focus to it (one listener each, on the content, in the capture
   phase, so the tooltip's own listeners are there for the same pointer or
   focus); Material's tooltip then reads the hover or focus it already has and
   shows as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ChaiqiangError


class MaterialPatchError(ChaiqiangError):
    pass


@dataclass(frozen=True)
class Patch:
    name: str
    edits: tuple[tuple[str, str], ...]  # (Material's code, ours): each found exactly once

    def apply(self, code: str, bundle: str) -> str:
        if all(ours in code and theirs not in code for theirs, ours in self.edits):
            return code  # already patched (a dirty rebuild keeps the copied bundle)
        for theirs, ours in self.edits:
            if code.count(theirs) != 1:
                raise MaterialPatchError(
                    f"{bundle}: Material's {self.name} ({theirs[:60]}…) was not found exactly once; "
                    "check hooks/chaiqiang/material_patch.py against this Material version"
                )
            code = code.replace(theirs, ours)
        return code


ALTERNATE_LOOKUP = Patch(
    "alternate look-up",
    (('M("link[rel=alternate]")', 'M("link[rel=alternate]:not([hreflang])")'),),
)

_SET = "document.body.setAttribute(`data-md-color-${a}`,c)"
PALETTE_SWITCHING = Patch(
    "palette switch",
    (
        (
            'i.subscribe(s=>{if(document.body.setAttribute("data-md-color-switching",""),'
            's.color.media==="(prefers-color-scheme)"){',
            'i.subscribe(s=>{if(s.color.media==="(prefers-color-scheme)"){',
        ),
        (
            f"for(let[a,c]of Object.entries(s.color)){_SET};",
            # `media` is not styled (no rule of Material's reads data-md-color-media), so a
            # first visit, where <body> lacks it, is no switch either.
            'for(let[a,c]of Object.entries(s.color))a!=="media"&&document.body.getAttribute('
            '`data-md-color-${a}`)!==c&&document.body.setAttribute("data-md-color-switching",""),'
            f"{_SET};",
        ),
    ),
)

COLOR_SCHEME_TAG = Patch(
    "palette's colour-scheme tag",
    (
        (
            'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
            "let o=document.querySelector('meta[name=\"color-scheme\"]')"
            '||document.head.appendChild(x("meta",{name:"color-scheme"}));',
        ),
        # Writing the tag restyles the page even when the value is the same: only a change.
        ("return o.content=a.colorScheme,", "return o.content!==a.colorScheme&&(o.content=a.colorScheme),"),
    ),
)

# In Material's content component: `L` merge, `h` fromEvent, `m` map, `g` filter, `O` tap,
# `J` mergeMap, `Xe` its inline tooltip; `e` the content, `r` the viewport.
_HOSTS = "[title]:not([data-preview])"
LAZY_TOOLTIPS = Patch(
    "content tooltips",
    (
        (
            f'...M("{_HOSTS}",e).filter(()=>V("content.tooltips")).map(i=>Xe(i,{{viewport$:r}}))',
            '...V("content.tooltips")?[L(h(e,"mouseover",{capture:!0}),h(e,"focusin",{capture:!0}))'
            f'.pipe(m(i=>i.target instanceof Element?i.target.closest("{_HOSTS}"):null),'
            "g(i=>i!==null&&e.contains(i)&&!i.__cqTooltip),O(i=>{i.__cqTooltip=!0}),"
            "J(i=>Xe(i,{viewport$:r})))]:[]",
        ),
    ),
)

PATCHES = (ALTERNATE_LOOKUP, PALETTE_SWITCHING, COLOR_SCHEME_TAG, LAZY_TOOLTIPS)


def patch_bundle(site_dir: Path) -> Path:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise MaterialPatchError(
            f"expected one Material bundle in {site_dir}/assets/javascripts, found {len(bundles)}"
        )
    bundle = bundles[0]
    original = bundle.read_text(encoding="utf-8")
    code = original
    for patch in PATCHES:
        code = patch.apply(code, bundle.name)
    if code != original:
        bundle.write_text(code, encoding="utf-8")
    return bundle
