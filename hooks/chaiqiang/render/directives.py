"""Data blocks in Markdown: a line `::: NAME [ARG]` becomes rendered HTML.

    ::: timeline                 the whole timeline, with filters
    ::: timeline PHASE           one phase's events (for a story page)
    ::: figures                  every figure group as a table
    ::: figure-table GROUP       one group's table
    ::: chart GROUP              one group's chart, with its data table
    ::: sources                  every source and what rests on it
    ::: glossary                 the glossary
    ::: dilemma                  the prisoner's dilemma matrix
    ::: five-forces              the five-forces table
    ::: actors                   every actor with both names
    ::: downloads timeline|figures|sources   a data set's files, or the bibliography
    ::: status-legend            what the status badges mean
    ::: game PRESET              one ranking of the game model, with its verdict
    ::: game-explorer            the ranks to set by hand (with JavaScript)
    ::: repeated-game            the blocking war replayed, the round robin, and the game to play

A `{¶ name}` alignment marker on the line before a block (a blank line between)
gives the block its id, as it gives a Markdown table its id on an aligned page.

Lines inside fenced code blocks are left alone, so pages can show the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from chaiqiang.errors import ChaiqiangError
from chaiqiang.markdown.alignment import MARKER, anchor_id

from ..data import Dataset
from ..languages import LANGUAGES
from ..urls import split_src
from .actors import render_actors
from .charts import render_chart
from .common import RenderContext
from .downloads import choices as download_choices
from .downloads import render_downloads
from .figures import render_figure_table, render_figures
from .games import render_explorer, render_game, render_repeated
from .glossary import render_glossary
from .links import Links
from .models import render_dilemma, render_five_forces
from .sources import render_sources
from .status import render_status_legend
from .timeline import render_timeline


class DirectiveError(ChaiqiangError):
    """A bad `:::` line; the message names the page, the line and the name."""


@dataclass(frozen=True)
class Directive:
    render: Callable[[RenderContext, str | None], str]
    arg: str  # "none", "optional" or "required"
    arg_name: str = ""
    choices: Callable[[Dataset], Iterable[str]] = lambda d: ()


DIRECTIVES: dict[str, Directive] = {
    "timeline": Directive(render_timeline, "optional", "phase", lambda d: d.phases),
    "figures": Directive(lambda c, a: render_figures(c), "none"),
    "figure-table": Directive(render_figure_table, "required", "figure group", lambda d: d.groups),
    "chart": Directive(
        render_chart,
        "required",
        "figure group with a chart",
        lambda d: [g.id for g in d.groups.values() if g.chart],
    ),
    "sources": Directive(lambda c, a: render_sources(c), "none"),
    "glossary": Directive(lambda c, a: render_glossary(c), "none"),
    "dilemma": Directive(lambda c, a: render_dilemma(c), "none"),
    "five-forces": Directive(lambda c, a: render_five_forces(c), "none"),
    "actors": Directive(lambda c, a: render_actors(c), "none"),
    "downloads": Directive(render_downloads, "required", "download", download_choices),
    "status-legend": Directive(lambda c, a: render_status_legend(c), "none"),
    "game": Directive(render_game, "required", "preset", lambda d: [p.id for p in d.games.presets]),
    "game-explorer": Directive(render_explorer, "none"),
    "repeated-game": Directive(render_repeated, "none"),
}

LINE = re.compile(r"^:::(?P<rest>.*?)\s*$")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


def _parse(page: str, lineno: int, rest: str, dataset: Dataset) -> tuple[Directive, str | None]:
    where = f"{page}:{lineno}"
    words = rest.split()
    if not rest.startswith(" ") or not words:
        raise DirectiveError(f"{where}: expected '::: NAME [ARG]', got ':::{rest}'")
    name, args = words[0], words[1:]
    directive = DIRECTIVES.get(name)
    if directive is None:
        raise DirectiveError(f"{where}: unknown directive {name!r} (known: {', '.join(DIRECTIVES)})")
    if len(args) > 1 or (args and directive.arg == "none"):
        raise DirectiveError(
            f"{where}: '::: {name}' takes {'no argument' if directive.arg == 'none' else 'one argument'}, got {' '.join(args)!r}"
        )
    if not args and directive.arg == "required":
        raise DirectiveError(f"{where}: '::: {name}' needs a {directive.arg_name} id")
    arg = args[0] if args else None
    if arg is not None:
        choices = list(directive.choices(dataset))
        if arg not in choices:
            raise DirectiveError(
                f"{where}: '::: {name} {arg}': unknown {directive.arg_name} {arg!r} (known: {', '.join(choices)})"
            )
    return directive, arg


def _take_marker(out: list[str]) -> str | None:
    """The id of an alignment marker standing alone before the block, taken out of the text."""
    i = len(out) - 1
    while i >= 0 and not out[i].strip():
        i -= 1
    found = MARKER.fullmatch(out[i].strip()) if i >= 0 else None
    if found is None:
        return None
    del out[i:]
    return anchor_id(found.group(1))


def _links(page: str, lang: str, url: str | None, use_directory_urls: bool) -> Links:
    if url is not None:
        return Links(url, lang, use_directory_urls)
    # Without MkDocs' page.url, derive it from the path in the language folder.
    _, src = split_src(page)
    return Links.for_page(src, lang, use_directory_urls)


def expand(
    markdown: str,
    *,
    lang: str,
    dataset: Dataset,
    page: str,
    url: str | None = None,
    use_directory_urls: bool = True,
    root: Path | None = None,
) -> str:
    """Replace every `::: NAME [ARG]` line of a page with its HTML block.

    `page` names the page in error messages (e.g. `en/timeline.md`); `url` is
    the page's site-relative URL (MkDocs' `page.url`) from which all links are
    made relative. Without `url`, it is derived from `page` and the site's
    folder layout. `root` is the project whose words and templates render the
    blocks (the build's config folder; default this repository).
    """
    if lang not in LANGUAGES:
        raise DirectiveError(
            f"{page}: unknown language {lang!r} (expected one of {', '.join(LANGUAGES.codes)})"
        )
    ctx = RenderContext(dataset, lang, _links(page, lang, url, use_directory_urls), root=root)
    out: list[str] = []
    fence: str | None = None
    for lineno, line in enumerate(markdown.split("\n"), start=1):
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened["fence"][0] == fence[0] and len(opened["fence"]) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened["fence"]
            out.append(line)
            continue
        match = LINE.match(line)
        if match is None:
            out.append(line)
            continue
        directive, arg = _parse(page, lineno, match["rest"], dataset)
        block_ctx = replace(ctx, anchor=_take_marker(out))
        # Blank lines around the block so that Markdown passes it through as raw HTML.
        out += ["", directive.render(block_ctx, arg), ""]
    return "\n".join(out)
