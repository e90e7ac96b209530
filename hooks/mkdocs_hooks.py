"""MkDocs glue: a thin list of events. The work is done in the `chaiqiang` package.

mkdocs-static-i18n builds the default language, then builds each other language
again inside its own `on_post_build`. Everything language-independent (site
metadata, data files) is therefore loaded in the outer pass only, once per build.
"""

from __future__ import annotations

from pathlib import Path

from chaiqiang import edition_info, http_headers, search
from chaiqiang import offline as offline_build
from chaiqiang.citations import site as citations
from chaiqiang.data import DataError, load_dataset
from chaiqiang.downloads import write_downloads
from chaiqiang.lang_marks import mark_chinese
from chaiqiang.markdown.glossary_abbr import abbreviation_block
from chaiqiang.material_patch import MaterialPatchError, patch_alternate_lookup
from chaiqiang.render.directives import DirectiveError, expand
from chaiqiang.site_meta import LANGUAGES, SiteMetaError, load_site_meta
from chaiqiang.translations import missing_translations
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
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
        try:
            _state["data"] = load_dataset(ROOT / "data")
        except DataError as exc:
            raise PluginError(str(exc)) from None
    # `mkdocs serve` sets its own dev address as site_url; keep it there.
    if not config.get("dev_addr") or not str(config.site_url or "").startswith("http://127.0.0.1"):
        config.site_url = _state["meta"].url
    # Search: jieba gets the Traditional dictionary before the first page is indexed.
    if _outer_pass(config) and search.enabled():
        try:
            search.prepare(ROOT, Path(config.docs_dir))
        except search.SearchError as exc:
            raise PluginError(str(exc)) from None
    return config


def on_files(files, config):
    if _outer_pass(config):
        problems = missing_translations((f.src_uri for f in files), LANGUAGES)
        if problems:
            raise PluginError("\n".join(problems))
    return files


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    # Data blocks (`::: timeline`, …) and the glossary's tooltips, in the page's language.
    lang = _lang(page, config)
    dataset = _state["data"]
    try:
        markdown = expand(
            markdown,
            lang=lang,
            dataset=dataset,
            page=f"docs/{page.file.src_uri}",
            url=page.url,
            use_directory_urls=config.use_directory_urls,
        )
    except DirectiveError as exc:
        raise PluginError(str(exc)) from None
    return markdown + abbreviation_block(dataset.glossary_entries(lang))


def on_page_content(html, page, config, files):
    lang = _lang(page, config)
    # The How to cite and Versions pages' markers: worked examples and the changelog.
    if "data-cite-" in html:
        env = config.theme.get_env()
        try:
            html = citations.expand_markers(
                html,
                meta=_state["meta"],
                lang=lang,
                docs_dir=Path(config.docs_dir),
                where=f"docs/{page.file.src_uri}",
                render=lambda name, **context: env.get_template(name).render(**context),
            )
        except citations.CitationError as exc:
            raise PluginError(str(exc)) from None
    # Chinese words on the English pages, marked for screen readers and glyphs.
    return html if lang.startswith("zh") else mark_chinese(html)


def on_page_context(context, page, config, nav):
    # The offline bundle's pages are files (about.html); they cite the hosted page (about/).
    if offline_build.enabled(config.plugins):
        page.canonical_url = offline_build.hosted_url(config.site_url, page.url)
    # "Cite this page" and the <head> metadata (overrides/chaiqiang/citations/).
    title = page.meta.get("title") or page.title
    context["citation"], context["citation_links"] = citations.for_page(
        _state["meta"],
        _lang(page, config),
        title,
        page.canonical_url,
        page.file.src_uri,
        page.url,
        use_directory_urls=config.use_directory_urls,
    )
    return context


def on_serve(server, config, builder):
    server.watch(str(ROOT / "data"))
    server.watch(str(ROOT / "hooks"))
    return server


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


def on_env(env, config, files):
    # Search: overrides/main.html points Material at the page's language's index.
    if search.enabled():
        env.globals["search_lang_root"] = search.language_root(config.theme["language"])
    # Footer edition line, Open Graph, print header (overrides/partials/copyright.html).
    env.globals["reader"] = edition_info.for_language(
        _state["meta"], config.theme["language"], use_directory_urls=config.use_directory_urls
    )
    # hreflang alternates name the hosted pages, also in the offline bundle (chaiqiang.offline).
    env.filters["hosted_path"] = offline_build.hosted_path
    return env


def on_post_template(output, template_name, config):
    # Every language pass writes 404.html to the site root; the later passes
    # would overwrite the default language's page. Put theirs under /<lang>/.
    if template_name == "404.html" and not _outer_pass(config):
        lang = config.theme["language"]
        write_file(output.encode("utf-8"), str(Path(config.site_dir) / lang / "404.html"))
        return ""
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    if _outer_pass(config):
        write_downloads(_state["data"], Path(config.site_dir) / "downloads")
        try:
            patch_alternate_lookup(Path(config.site_dir))
        except MaterialPatchError as exc:
            raise PluginError(str(exc)) from None
    # The offline bundle (mkdocs.offline.yml): search's iframe-worker shim, from node_modules/.
    if _outer_pass(config) and offline_build.enabled(config.plugins):
        try:
            offline_build.install_shim(ROOT, Path(config.site_dir), config.extra.get("polyfills", []))
        except offline_build.OfflineError as exc:
            raise PluginError(str(exc)) from None
    if _outer_pass(config) and search.enabled():
        try:
            search.finish(ROOT, Path(config.site_dir), offline=offline_build.enabled(config.plugins))
        except search.SearchError as exc:
            raise PluginError(str(exc)) from None
    # Last: the security headers' CSP hashes the inline scripts of the finished pages
    # (for hosts; the offline bundle is read from file:// and has none).
    if _outer_pass(config) and not offline_build.enabled(config.plugins):
        try:
            http_headers.write_headers(Path(config.site_dir))
        except http_headers.HeadersError as exc:
            raise PluginError(str(exc)) from None
