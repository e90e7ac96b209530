"""The project as one build sees it: its languages and every file in data/,
read and validated once.

    project = Project.load(root)   # raises DataError naming every problem of every file

The MkDocs glue builds it once per build (in the outer pass of
mkdocs-static-i18n) and hands it, or its parts, to the steps; nothing re-reads a
file that the build has already validated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import editions, urls
from . import languages as languages_mod
from .data import DataError, Dataset
from .data.load import read_dataset
from .languages import Languages
from .search.settings import Settings, read_settings
from .site_meta import SiteMeta, read_site_meta


@dataclass(frozen=True)
class Project:
    root: Path
    languages: Languages  # mkdocs.yml's i18n list
    meta: SiteMeta  # data/site.yaml (with SITE_URL)
    dataset: Dataset  # data/{actors,sources,timeline,figures,models,glossary}.yaml
    search: Settings  # data/search.yaml, with the glossary's zh-Hant words
    edition: str | None = None  # the version this build is the archived edition of (chaiqiang.editions)
    editions: tuple[editions.Manifest, ...] = ()  # the archived editions, oldest first (editions/)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @classmethod
    def load(cls, root: Path, environ: Mapping[str, str] | None = None) -> Project:
        root = Path(root)
        data_dir = root / "data"
        langs = languages_mod.load(root / "mkdocs.yml")
        meta, problems = read_site_meta(data_dir, environ)
        dataset, dataset_problems = read_dataset(data_dir)
        problems += dataset_problems
        # The glossary's words come from the validated glossary; without it, search.yaml
        # is still checked on its own.
        chinese = [lang.code for lang in langs if lang.code.startswith("zh")]
        spellings = [s for code in chinese if dataset for s, _ in dataset.glossary_entries(code)]
        search, search_problems = read_settings(data_dir, spellings)
        problems += search_problems
        if problems:
            raise DataError(problems)
        edition = editions.check_build(meta.version, meta.url, environ)
        return cls(
            root=root,
            languages=langs,
            meta=meta,
            dataset=dataset,
            search=search,
            edition=edition,
            editions=editions.read_all(root),
        )

    def permanent_url(self, url: str) -> str:
        """The address a citation names for a page (its site-relative URL): in an
        edition, the page's own; on the latest site, the page in the current
        version's edition."""
        if self.edition:
            return urls.hosted_url(self.meta.url, url)
        return editions.permanent_url(self.meta.url, self.meta.version, url)
