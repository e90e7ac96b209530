"""The site's metadata (data/site.yaml), with the SITE_URL environment override.

The models below are both the validation (strict, like every data file's model in
`chaiqiang.data.schemas`; JSON Schema in data/schema/site.schema.json) and what
callers read: `meta.title["en"]`, `meta.changelog[0].changes["en"]`,
`meta.page_dates(page)`. Per-language fields are keyed by the language codes of
`chaiqiang.languages` (zh-Hant, en). Problems are reported like every data file's:
file, entry (a changelog entry by its version), field and line, all at once, as
a `chaiqiang.data.DataError`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, TypeAdapter, ValidationError, field_validator

from .data.errors import DataError, Problem, problem_at
from .data.load import read_model
from .data.schemas import Model, NonEmpty, Slug, Text, Url, field_name, per_language
from .data.yamlio import Parsed
from .languages import LANGUAGES as _LANGUAGES

# The language codes, for callers that predate chaiqiang.languages.
LANGUAGES = _LANGUAGES.codes
DEFAULT_LANGUAGE = _LANGUAGES.default.code

DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
PAGE_PATTERN = r"^[^/\s][^\s]*\.md$"  # a page file under docs/<language>/: story/the-deal.md


def _real_day(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date (YYYY-MM-DD)") from None
    return value


Day = Annotated[str, StringConstraints(pattern=DAY_PATTERN), AfterValidator(_real_day)]
# A version number (semantic versioning's MAJOR.MINOR.PATCH): it names an edition's folder.
VersionNumber = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
PageFile = Annotated[str, StringConstraints(pattern=PAGE_PATTERN)]
Items = Annotated[tuple[NonEmpty, ...], Field(min_length=1, strict=False)]
ItemLists = per_language(
    "ItemLists", Items, "A list of items in every language of the site, as many in each."
)


def _no_items() -> ItemLists:
    return ItemLists.model_construct(**{field_name(code): () for code in LANGUAGES})


def _same_counts(value: ItemLists) -> ItemLists:
    if len({len(value[code]) for code in LANGUAGES}) != 1:
        raise ValueError("the languages list different numbers of items")
    return value


class Version(Model):
    """One entry of the changelog: a released version and what it changed."""

    version: VersionNumber
    date: Day
    changes: ItemLists
    corrections: ItemLists = Field(
        default_factory=_no_items, description="Errors of fact that the version fixed (optional)"
    )
    pages: tuple[PageFile, ...] | None = Field(
        None,
        strict=False,
        description="The pages the version changed, as paths under docs/<language>/; omit for every page",
    )

    _counts = field_validator("changes", "corrections")(_same_counts)

    def touches(self, page: str) -> bool:
        return self.pages is None or page in self.pages


class SourceArticle(Model):
    """The article the site explains, as citations name it."""

    id: Slug = Field(description="Its entry in data/sources.yaml")
    author: Text
    title: Text
    title_supplied: bool = Field(
        False, description="True when no title is known and `title` only describes the article"
    )
    date: Day
    language: NonEmpty
    url: Url | None = Field(None, description="Omit when unknown; never a guessed one")


class DatasetMeta(Model):
    title: Text
    page: PageFile = Field(description="The data set's page, a path under docs/<language>/")


class License(Model):
    text_and_data: NonEmpty
    code: NonEmpty
    text_and_data_spdx: NonEmpty
    text_and_data_url: Url
    code_spdx: NonEmpty


def _with_slash(url: str) -> str:
    return url.rstrip("/") + "/"


SiteUrl = Annotated[Url, AfterValidator(_with_slash)]
_site_url = TypeAdapter(SiteUrl, config={"strict": True})


class SiteMeta(Model):
    """data/site.yaml."""

    url: SiteUrl = Field(
        description="The public URL; the SITE_URL environment variable overrides it at build time"
    )
    version: VersionNumber = Field(
        description="The current version (MAJOR.MINOR.PATCH): the first (newest) entry of `changelog`"
    )
    released: Day
    title: Text
    author: Text = Field(description="The collective author name, as citations give it")
    publisher: Text
    license: License
    source: SourceArticle
    dataset: DatasetMeta
    changelog: tuple[Version, ...] = Field(
        min_length=1, strict=False, description="Every version, newest first"
    )

    def page_dates(self, page: str) -> tuple[str, str]:
        """(first published, last changed) of a page (a path under docs/<lang>/),
        from the changelog: deterministic, never the clock."""
        touching = [v.date for v in self.changelog if v.touches(page)] or [self.released]
        return min(touching), max(touching)


def check(meta: SiteMeta, file: str, parsed: Parsed) -> list[Problem]:
    """What one field cannot say on its own: the changelog runs newest first, each
    version once, and starts with the current version."""
    problems = []
    log = meta.changelog
    seen: dict[str, int] = {}
    for index, entry in enumerate(log):
        if entry.version in seen:
            also = f"also entry #{seen[entry.version] + 1} of changelog"
            message = f"{entry.version} is listed twice ({also})"
            problems.append(problem_at(file, parsed, ("changelog", index, "version"), message))
        seen.setdefault(entry.version, index)
        if index and entry.date > log[index - 1].date:
            problems.append(
                problem_at(
                    file,
                    parsed,
                    ("changelog", index, "date"),
                    f"the list must run newest first, but {entry.date} is after {log[index - 1].date}"
                    f" ({log[index - 1].version})",
                )
            )
    if (log[0].version, log[0].date) != (meta.version, meta.released):
        problems.append(
            problem_at(
                file,
                parsed,
                ("changelog", 0),
                f"is {log[0].version} of {log[0].date}, but fields 'version' and 'released' say "
                f"{meta.version} of {meta.released}: the newest changelog entry must be the current version",
            )
        )
    return problems


def read_site_meta(
    data_dir: Path, environ: Mapping[str, str] | None = None, name: str = "site.yaml"
) -> tuple[SiteMeta | None, list[Problem]]:
    """data/site.yaml, validated, with SITE_URL applied; (None, problems) if it is not valid."""
    environ = os.environ if environ is None else environ
    label, parsed, meta, problems = read_model(data_dir, name, SiteMeta)
    if meta is None:
        return None, problems
    problems += check(meta, label, parsed)
    override = environ.get("SITE_URL")
    if override:
        try:
            meta = meta.model_copy(update={"url": _site_url.validate_python(override)})
        except ValidationError:
            problems.append(Problem(label, f"SITE_URL={override!r} is not an http(s) URL", None, "url"))
    return (None if problems else meta), problems


def load_site_meta(path: Path, environ: Mapping[str, str] | None = None) -> SiteMeta:
    """One site.yaml, for tools and tests; a build reads it through chaiqiang.project."""
    path = Path(path)
    meta, problems = read_site_meta(path.parent, environ, path.name)
    if problems:
        raise DataError(problems)
    return meta
