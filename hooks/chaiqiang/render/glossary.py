"""The glossary block: a definition list in the page's language.

Order: English terms alphabetically (case-insensitive); Chinese terms by code
point, which for Han characters is the Kangxi radical-and-stroke order of
Unicode, the order of a 部首 dictionary (terms in Latin letters or digits
come first)."""

from __future__ import annotations

from .common import RenderContext
from .lang import other


def _sort_key(term: str, lang: str) -> str:
    return term.casefold() if lang == "en" else term


def render_glossary(ctx: RenderContext) -> str:
    other_lang = other(ctx.lang)
    entries = []
    for term in ctx.dataset.terms:
        own, theirs = term[ctx.lang], term[other_lang]
        entries.append(
            {
                "id": term.id,
                "anchor": f"term-{term.id}",
                "term": own.term,
                "other": theirs.term,
                "other_lang": other_lang,
                "definition": own.definition,
            }
        )
    entries.sort(key=lambda e: (_sort_key(e["term"], ctx.lang), e["id"]))
    return ctx.render("chaiqiang/glossary.html", t=ctx.t, lang=ctx.lang, entries=entries)
