"""The parts of a page a reader can cite on their own, in the "Cite this page" box:
its sections (h2 and h3 headings with ids, from the page's table of contents),
and the timeline events (`evt-…`) and figures (`fig-…`) whose rows the page
shows, in the order the page shows them; on an aligned page, each paragraph
(its `p-…` id, chaiqiang.bilingual), cited as its section is, at its own anchor.

A section's label is its heading; an event's is its date and title, a figure's
its group's title and its own label, in the page's language, from the data set
(the words that join them are in data/strings/, `citations.event_label` and
`citations.figure_label`). Every label becomes part of the cited title
(`items.fragment_item`), so it names the part without the page around it.
"""

from __future__ import annotations

import html as html_mod
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chaiqiang import strings
from chaiqiang.bilingual import blocks
from chaiqiang.markdown.alignment import PREFIX
from chaiqiang.render import lang as lang_
from chaiqiang.render.dates import format_date

KINDS = ("section", "event", "figure", "paragraph")
SECTION_LEVELS = (2, 3)
# An element of the page's HTML that carries an event's or a figure's id.
PARAGRAPH_ID = f'id="{PREFIX}'
_DATA_ID = re.compile(r"""\sid=["']((?:evt|fig)-[a-z0-9-]+)["']""")


# A Chinese gloss in parentheses: " (星立方計劃)".
_HAN_GLOSS = re.compile(r"\s*[(（][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·・\s]+[)）]")


@dataclass(frozen=True)
class Fragment:
    id: str  # the anchor, without "#"
    kind: str  # section, event or figure
    label: str  # plain text, in the page's language: what the reference adds to the title
    option: str = ""  # what the picker shows, if not the label (see `option_text`)
    # A paragraph has no reference of its own: that of its section (its id), or of
    # the page (""); the address still ends with the paragraph's anchor.
    cites_as: str | None = None

    @property
    def shown(self) -> str:
        return self.option or self.label


def option_text(label: str, lang: str) -> str:
    """The picker's text for a label. HTML cannot mark the language of part of an
    <option>, so on a page not in Chinese a Chinese gloss in parentheses is left
    out of it (screen readers would read it in the page's voice); the reference
    keeps it."""
    return label if lang.startswith("zh") else _HAN_GLOSS.sub("", label)


def _option(label: str, lang: str) -> str:
    shown = option_text(label, lang)
    return "" if shown == label else shown


def sections(toc: Iterable[Any], lang: str) -> list[Fragment]:
    """The h2 and h3 headings of a table of contents (MkDocs' AnchorLinks:
    title as HTML, id, level, children), in the page's order."""
    out: list[Fragment] = []

    def walk(items: Iterable[Any]) -> None:
        for item in items:
            if item.level in SECTION_LEVELS and item.id:
                label = html_mod.unescape(re.sub(r"<[^>]+>", "", item.title)).strip()
                if label:
                    out.append(Fragment(item.id, "section", label, _option(label, lang)))
            walk(item.children)

    walk(toc)
    return out


def data_parts(page_html: str, dataset: Any, lang: str, root: Path = strings.ROOT) -> list[Fragment]:
    """The events and figures of the data set that the page's HTML shows
    (an element with their id), labelled from the data set."""
    words = strings.group(lang, "citations", root)
    events = {e.id: e for e in dataset.events}
    figures = {f.id: f for f in dataset.figures}
    out: list[Fragment] = []
    seen: set[str] = set()
    for found in _DATA_ID.finditer(page_html):
        part = found.group(1)
        if part in seen:
            continue
        seen.add(part)
        if part in events:
            event = events[part]
            label = words["event_label"].format(
                date=format_date(event.date, lang), title=lang_.pick(event.title, lang)
            )
            out.append(Fragment(part, "event", label, _option(label, lang)))
        elif part in figures:
            figure = figures[part]
            group = dataset.groups[figure.group]
            label = words["figure_label"].format(
                group=lang_.pick(group.title, lang), label=lang_.pick(figure.label, lang)
            )
            out.append(Fragment(part, "figure", label, _option(label, lang)))
    return out


def paragraphs(
    page_html: str, section_ids: Iterable[str], lang: str, root: Path = strings.ROOT
) -> list[Fragment]:
    """The aligned blocks of the page that are not headings, each numbered within its
    section and cited as it is (a block before the first section: as the page)."""
    if PARAGRAPH_ID not in page_html:
        return []
    words = strings.group(lang, "citations", root)
    cited = set(section_ids)
    out: list[Fragment] = []
    section, label, n = "", "", 0
    for block in blocks.of_content(page_html, "the page"):
        if block.kind == "heading":
            if block.id in cited:
                section, label, n = block.id, _heading_text(block.element), 0
            continue
        if not block.id:
            continue
        n += 1
        # No words of the paragraph itself: an <option> cannot mark a quotation or
        # another language's words, which the text does.
        shown = words["paragraph_label"].format(section=label or words["intro_section"], n=n)
        out.append(Fragment(block.id, "paragraph", shown, option_text(shown, lang), cites_as=section))
    return out


def _heading_text(element: Any) -> str:
    return " ".join("".join(t for t in element.itertext() if t != "¶").split())


def of_page(
    toc: Iterable[Any], page_html: str, dataset: Any, lang: str, root: Path = strings.ROOT
) -> tuple[Fragment, ...]:
    """Everything of one page a reader can cite on its own: sections first, then
    the events and figures, then the paragraphs (an id given twice is offered once)."""
    found: list[Fragment] = []
    ids: set[str] = set()
    section_list = sections(toc, lang)
    data = data_parts(page_html, dataset, lang, root) if dataset else []
    paras = paragraphs(page_html, [s.id for s in section_list], lang, root)
    for part in [*section_list, *data, *paras]:
        if part.id not in ids:
            ids.add(part.id)
            found.append(part)
    return tuple(found)


def grouped(parts: Sequence[Fragment]) -> list[tuple[str, list[Fragment]]]:
    """(kind, parts) for each kind that has any, in KINDS order (the picker's groups)."""
    return [
        (kind, [p for p in parts if p.kind == kind]) for kind in KINDS if any(p.kind == kind for p in parts)
    ]
