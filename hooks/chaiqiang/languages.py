"""The site's languages, declared once: the i18n plugin's list in mkdocs.yml.

A maintainer adds a language there (and a `docs/<code>/` folder, and its words in
`data/strings/<code>.yaml`); everything else (hooks, templates, tools, tests) reads
this module. mkdocs.yml is read as plain YAML so that code outside a build (tools,
tests, renderers) sees the same list as the build does.

Per language, mkdocs.yml gives `locale` (the code: the docs folder, the data files'
key, `<html lang>`, hreflang), `name`, `default`, and in `extra` the Open Graph
locale (`og_locale`, language_TERRITORY), which no code can guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from .errors import ChaiqiangError

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"


class LanguageError(ChaiqiangError, ValueError):
    pass


@dataclass(frozen=True)
class Language:
    code: str  # "zh-Hant": docs/<code>/, the data files' key, <html lang>, hreflang
    name: str  # "繁體中文": the language switcher's name
    default: bool
    og_locale: str  # "zh_TW"

    @property
    def root(self) -> str:
        """The language's folder in the built site: "" for the default, "en/" for the others."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class Languages:
    all: tuple[Language, ...]

    # Worked out once: the data's validation and every renderer ask for each text.
    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.all)

    @cached_property
    def _by_code(self) -> dict[str, Language]:
        return {lang.code: lang for lang in self.all}

    @cached_property
    def default(self) -> Language:
        return next(lang for lang in self.all if lang.default)

    def get(self, code: str) -> Language:
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise LanguageError(
                f"unknown language {code!r}; expected one of {', '.join(self.codes)}"
            ) from None

    def root(self, code: str) -> str:
        return self.get(code).root

    def others(self, code: str) -> tuple[Language, ...]:
        self.get(code)
        return tuple(lang for lang in self.all if lang.code != code)

    def partner(self, code: str) -> Language:
        """The language a page of `code` is read beside in the bilingual view: the
        default language's partner is the first other one; every other language's is the default."""
        self.get(code)
        return (
            self.default if code != self.default.code else next(lang for lang in self.all if not lang.default)
        )

    def __iter__(self):
        return iter(self.all)

    def __contains__(self, code: object) -> bool:
        try:
            return code in self._by_code
        except TypeError:  # unhashable: not a code
            return False


def from_plugin_config(entries: list, where: str = "mkdocs.yml") -> Languages:
    """The languages from the i18n plugin's `languages` list (raw YAML or MkDocs' config)."""
    out: list[Language] = []
    for index, entry in enumerate(entries or []):
        get = (
            entry.get
            if isinstance(entry, dict)
            else lambda key, default=None, e=entry: getattr(e, key, default)
        )
        code = get("locale")
        if not code or get("build", True) is False or code == "null":
            continue
        extra = get("extra") or {}
        og = extra.get("og_locale") if isinstance(extra, dict) else None
        if not og:
            raise LanguageError(
                f"{where}: plugins.i18n.languages[{index}] ({code}): field 'extra.og_locale' "
                "is missing (the Open Graph locale, e.g. en_US)"
            )
        out.append(
            Language(
                code=str(code), name=str(get("name") or code), default=bool(get("default")), og_locale=str(og)
            )
        )
    if not out:
        raise LanguageError(f"{where}: plugins.i18n.languages lists no language to build")
    if sum(lang.default for lang in out) != 1:
        raise LanguageError(f"{where}: plugins.i18n.languages must mark exactly one language 'default: true'")
    return Languages(tuple(out))


@cache
def load(mkdocs_yml: Path = MKDOCS_YML) -> Languages:
    """The languages of the project whose mkdocs.yml this is (read once per path)."""
    try:
        raw = yaml.safe_load(Path(mkdocs_yml).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LanguageError(f"{mkdocs_yml}: {exc}") from None
    plugins = (raw or {}).get("plugins") or {}
    if isinstance(plugins, list):  # MkDocs also allows a list of names or one-key mappings
        plugins = {k: v for item in plugins if isinstance(item, dict) for k, v in item.items()}
    i18n = plugins.get("i18n") or {}
    if not i18n.get("languages") and (raw or {}).get("INHERIT"):
        # mkdocs.offline.yml: `INHERIT: mkdocs.yml` and the languages of that.
        return load((Path(mkdocs_yml).parent / raw["INHERIT"]).resolve())
    return from_plugin_config(i18n.get("languages") or [], where=str(Path(mkdocs_yml).name))


def project_mkdocs_yml() -> Path:
    """The mkdocs.yml of the project at hand: the working directory's, where MkDocs
    runs (a build of a copy of the project, with the installed package, reads the
    copy's languages), else this package's repository's (tools and tests run anywhere)."""
    here = Path.cwd() / "mkdocs.yml"
    return here if here.is_file() and (Path.cwd() / "docs").is_dir() else MKDOCS_YML


def check_built(mkdocs_yml: Path) -> None:
    """The build's mkdocs.yml must declare the languages this module has (see project_mkdocs_yml)."""
    built = load(Path(mkdocs_yml).resolve())
    if built != LANGUAGES:
        raise LanguageError(
            f"{mkdocs_yml}: MkDocs builds the languages {', '.join(built.codes)}, but the hooks "
            f"read {', '.join(LANGUAGES.codes)} from {project_mkdocs_yml()}: run mkdocs in the "
            "project's folder"
        )


# The languages of the project at hand (see project_mkdocs_yml). The build checks
# that they are the ones MkDocs has (mkdocs_hooks.on_config).
LANGUAGES = load(project_mkdocs_yml())
