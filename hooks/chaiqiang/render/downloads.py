"""The downloads block: the files of one dataset, with format, size and licence;
or the bibliography (`::: downloads sources`) of the page's language."""

from __future__ import annotations

from .. import downloads
from ..citations import bibliography
from . import numbers
from .common import RenderContext

DOWNLOAD_DIR = "downloads"


def _files(ctx: RenderContext, name: str) -> tuple[str, dict[str, str], dict[str, bytes]]:
    """(folder, file name -> format key, file name -> content) of one download."""
    if name == bibliography.NAME:
        # The bibliography of the page's language, in that language's downloads/.
        return bibliography.folder(ctx.lang), bibliography.FILES, bibliography.files(ctx.dataset, ctx.lang)
    formats = {f: f.rsplit(".", 1)[1] for f in downloads.DOWNLOADS[name]}
    return f"{DOWNLOAD_DIR}/", formats, downloads.download_files(ctx.dataset)


def choices(dataset: object) -> list[str]:
    """What `::: downloads NAME` accepts."""
    return [*downloads.DOWNLOADS, bibliography.NAME]


def render_downloads(ctx: RenderContext, name: str) -> str:
    folder, formats, files = _files(ctx, name)
    items = []
    for filename, fmt in formats.items():
        items.append(
            {
                "name": filename,
                "href": ctx.links.site_file(f"{folder}{filename}"),
                "format": ctx.t[f"downloads.format.{fmt}"],
                "size": numbers.file_size(len(files[filename]), ctx.lang),
            }
        )
    note = ctx.t["downloads.sources.note"] if name == bibliography.NAME else None
    return ctx.render(
        "chaiqiang/downloads.html",
        t=ctx.t,
        lang=ctx.lang,
        title=ctx.t[f"downloads.{name}"],
        items=items,
        note=note,
    )
