"""MkDocs glue: a thin list of events. The work is done in the `chaiqiang` package.

mkdocs-static-i18n builds the default language, then builds each other language
again inside its own `on_post_build`. Everything language-independent (site
metadata, data files) is therefore loaded in the outer pass only, once per build.
"""

from __future__ import annotations

from pathlib import Path

from chaiqiang.site_meta import LANGUAGES, SiteMetaError, load_site_meta
from chaiqiang.translations import missing_translations
from mkdocs.exceptions import PluginError
from mkdocs.utils import write_file

ROOT = Path(__file__).resolve().parent.parent
_state: dict = {}


def _outer_pass(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not (i18n and i18n.building)


def on_config(config):
    if _outer_pass(config) or "meta" not in _state:
        try:
            _state["meta"] = load_site_meta(ROOT / "data" / "site.yaml")
        except SiteMetaError as exc:
            raise PluginError(str(exc)) from None
    # `mkdocs serve` sets its own dev address as site_url; keep it there.
    if not config.get("dev_addr") or not str(config.site_url or "").startswith("http://127.0.0.1"):
        config.site_url = _state["meta"].url
    return config


def on_files(files, config):
    if _outer_pass(config):
        problems = missing_translations((f.src_uri for f in files), LANGUAGES)
        if problems:
            raise PluginError("\n".join(problems))
    return files


def on_template_context(context, template_name, config):
    # The i18n plugin leaves the last rendered page's links in the switcher of
    # static templates such as 404.html; point them at the counterpart 404 pages.
    if template_name == "404.html":
        i18n = config.plugins.get("i18n")
        alternates = []
        for alt in i18n.extra_alternate if i18n else []:
            alternates.append({**alt, "link": alt["link"] + "404.html"})
        # The i18n plugin assigns `extra.alternate` as an attribute, which
        # templates read before the item: set both.
        config.extra["alternate"] = alternates
        config.extra.alternate = alternates
    return context


def on_post_template(output, template_name, config):
    # Every language pass writes 404.html to the site root; the later passes
    # would overwrite the default language's page. Put theirs under /<lang>/.
    if template_name == "404.html" and not _outer_pass(config):
        lang = config.theme["language"]
        write_file(output.encode("utf-8"), str(Path(config.site_dir) / lang / "404.html"))
        return ""
    return output
