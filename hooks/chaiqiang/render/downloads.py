"""The downloads block: the files of one dataset, with format, size and licence."""

from __future__ import annotations

from .. import downloads
from . import numbers
from .common import RenderContext

DOWNLOAD_DIR = "downloads"


def render_downloads(ctx: RenderContext, name: str) -> str:
    files = downloads.download_files(ctx.dataset)
    items = []
    for filename in downloads.DOWNLOADS[name]:
        fmt = filename.rsplit(".", 1)[1]
        items.append(
            {
                "name": filename,
                "href": ctx.links.site_file(f"{DOWNLOAD_DIR}/{filename}"),
                "format": ctx.t[f"downloads.format.{fmt}"],
                "size": numbers.file_size(len(files[filename]), ctx.lang),
            }
        )
    return ctx.render(
        "chaiqiang/downloads.html", t=ctx.t, lang=ctx.lang, title=ctx.t[f"downloads.{name}"], items=items
    )
