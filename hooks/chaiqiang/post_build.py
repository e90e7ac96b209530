"""What happens to the built site after mkdocs-static-i18n has built every
language and merged the search index: one ordered list of steps.

The order matters: the security headers come after every step that changes the
built HTML, because their CSP hashes the inline scripts of the finished pages. The
search steps, last, write only the indexes (JSON): they may wait for jieba's
dictionary, and the headers are done meanwhile. Any step may raise a ChaiqiangError, which
stops the build (the MkDocs glue reports it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import caches, http_headers, known_scripts, offline, search
from .bilingual.build import write_views
from .citations.bibliography import write_bibliography
from .downloads import write_downloads
from .material_patch import patch_bundle
from .project import Project
from .search import entries as search_entries


@dataclass(frozen=True)
class Build:
    """What the steps need to know about the build that just finished."""

    project: Project
    site_dir: Path
    offline: bool  # the offline bundle (mkdocs.offline.yml): Material's offline plugin
    search: bool  # our search pipeline (chaiqiang.search.enabled)
    polyfills: tuple = field(default=())  # mkdocs.yml's extra.polyfills


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Build], object]
    when: Callable[[Build], bool] = lambda build: True


STEPS: tuple[Step, ...] = (
    # The data set as CSV and JSON (the downloads page links them), and the
    # bibliography as BibTeX, RIS and CSL-JSON in each language's downloads/.
    Step(
        "downloads",
        lambda b: [
            *write_downloads(b.project.dataset, b.site_dir / "downloads"),
            *write_bibliography(b.project.dataset, b.site_dir, b.project.languages),
        ],
    ),
    # The bilingual view of every aligned page (chaiqiang.bilingual), before the
    # headers hash its inline scripts; it is not in the search index or the sitemap.
    Step(
        "bilingual",
        lambda b: write_views(
            b.site_dir,
            b.project.root,
            b.project.languages,
            not b.offline,
            caches.folder(b.project.root, "bilingual"),
        ),
    ),
    # Material's bundle, corrected (chaiqiang.material_patch): no sitemap look-ups, no restyling on load.
    Step("material patches", lambda b: patch_bundle(b.site_dir)),
    # The offline bundle: search's iframe-worker shim, from node_modules/.
    Step(
        "offline shim",
        lambda b: offline.install_shim(b.project.root, b.site_dir, b.polyfills),
        when=lambda b: b.offline,
    ),
    # The security headers for hosts, after the last step that changes HTML (the offline
    # bundle is read from file:// and has none). Only the templates' own inline scripts
    # may run (chaiqiang.known_scripts).
    Step(
        "headers",
        lambda b: http_headers.write_headers(
            b.site_dir,
            known_scripts.site_templates(b.project.root),
            b.project.data_dir,
            caches.folder(b.project.root, "headers"),
        ),
        when=lambda b: not b.offline,
    ),
    # The merged search index, if it waited for jieba's dictionary (chaiqiang.search.entries):
    # it and the next step write no HTML.
    Step("merged search index", lambda b: search_entries.finish_merge(), when=lambda b: b.search),
    # One search index per language, reference pages ranked by data/search.yaml.
    Step(
        "search",
        lambda b: search.finish(b.site_dir, b.project.search.rank, offline=b.offline),
        when=lambda b: b.search,
    ),
)


def run(build: Build, steps: Iterable[Step] = STEPS) -> list[str]:
    """Run the steps that apply to this build, in order; returns their names."""
    done = []
    for step in steps:
        if step.when(build):
            step.run(build)
            done.append(step.name)
    return done
