"""The sources block: every source with its full reference, the sources it
was cited through, and the events and figures that rest on it."""

from __future__ import annotations

from ..data.schemas import Source
from .common import RenderContext


def _details(ctx: RenderContext, source: Source) -> list[str]:
    """Volume, issue, pages and ISBN, as far as a page we saw printed them."""
    fields = (
        ("volume", source.volume),
        ("issue", source.issue),
        ("pages", source.pages),
        ("isbn", source.isbn),
    )
    return [ctx.t[f"sources.{name}"].format(**{name: value}) for name, value in fields if value]


def _source(ctx: RenderContext, source: Source) -> dict:
    data = ctx.dataset
    links = ctx.links
    return {
        "id": source.id,
        "anchor": f"src-{source.id}",
        "kind": ctx.t[f"source.{source.kind}"],
        "publisher": ctx.pick(source.publisher),
        "title": ctx.pick(source.title),
        "title_supplied": source.title_supplied,
        "date": ctx.date(source.date) if source.date else None,
        "language": ctx.t[f"sources.language.{source.language}"] if source.language else None,
        "url": source.url,
        "authors": ctx.t["punct.list"].join(source.authors) or None,
        "container": ctx.pick(source.container),
        "details": ctx.t["punct.comma"].join(_details(ctx, source)) or None,
        "verified_at": source.verified_at,
        "cited_by": ctx.source_link(source.as_cited_by) if source.as_cited_by else None,
        "cites": [ctx.source_link(s.id) for s in data.cited_through(source.id)],
        "note": ctx.pick(source.note),
        "events": [
            {"href": links.page("timeline", e.id), "date": ctx.date(e.date), "label": ctx.pick(e.title)}
            for e in data.events_citing(source.id)
        ],
        "figures": [
            {
                "href": links.page("figures", f.id),
                "date": ctx.date(f.as_of),
                "group": ctx.pick(data.groups[f.group].title),
                "label": ctx.pick(f.label),
            }
            for f in data.figures_citing(source.id)
        ],
    }


def render_sources(ctx: RenderContext) -> str:
    return ctx.render(
        "chaiqiang/sources.html",
        t=ctx.t,
        lang=ctx.lang,
        sources=[_source(ctx, s) for s in ctx.dataset.sources.values()],
    )
