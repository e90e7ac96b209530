"""The Jinja environment for the data blocks' templates (overrides/chaiqiang/).

Autoescape is on: every piece of data text is escaped wherever it lands.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

# hooks/chaiqiang/render/env.py -> the repository root is three levels up.
ROOT = Path(__file__).resolve().parents[3]
TEMPLATE_DIR = ROOT / "overrides" / "chaiqiang"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,  # a typo in a template fails loudly
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: object) -> str:
    html = environment().get_template(template).render(**context)
    # Python-Markdown ends a raw HTML block at a blank line, so none may remain;
    # leading spaces could turn a line into a code block.
    return "\n".join(stripped for line in html.splitlines() if (stripped := line.strip()))
