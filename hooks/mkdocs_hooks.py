"""MkDocs glue: a thin list of events. The work is done in the `chaiqiang` package.

mkdocs-static-i18n builds the default language, then builds each other language
again inside its own `on_post_build`. Everything language-independent (site
metadata, data files: `chaiqiang.project.Project`) is therefore loaded in the outer
pass only, once per build, and handed to the steps.

Every event goes through `_reported`: an error of ours (`chaiqiang.errors.ChaiqiangError`,
naming file, entry, field and line) stops the build as MkDocs' PluginError, without a
traceback. That is the one place where our errors become the build's.
"""

from __future__ import annotations

import functools
from pathlib import Path

from chaiqiang import search

# First, before the imports below and the rest of MkDocs' config: on an empty cache,
# jieba's dictionary is begun in a fork, on a second core (chaiqiang.search.start).
search.start(Path(__file__).resolve().parent.parent)

from chaiqiang import (
    caches,
    edition_info,
    languages,
    page_cache,
    post_build,
    strings,
    stylesheets,
    templates,
    urls,
)
from chaiqiang import offline as offline_build
from chaiqiang.bilingual import blocks as aligned_blocks
from chaiqiang.bilingual import pilcrow
from chaiqiang.bilingual.pages import is_aligned
from chaiqiang.citations import cache as citations_cache
from chaiqiang.citations import site as citations
from chaiqiang.errors import ChaiqiangError
from chaiqiang.lang_marks import mark_chinese
from chaiqiang.languages import LANGUAGES
from chaiqiang.markdown import footnotes
from chaiqiang.markdown.glossary_abbr import abbreviation_block
from chaiqiang.material_markup import valid_toggles
from chaiqiang.project import Project
from chaiqiang.render.directives import expand
from chaiqiang.search import entries as search_entries
from chaiqiang.translations import missing_translations
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import write_file

ROOT = Path(__file__).resolve().parent.parent
# Every environment of the theme gets the words (data/strings/) and filters of our templates
# (chaiqiang.templates): main.html includes some, and Material's zh-Hant strings are ours.
templates.install_in_theme(ROOT)
_state: dict[str, Project] = {}


def _reported(event):
    """Our errors stop the build with their message (file, entry, field, line), no traceback."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ChaiqiangError as exc:
            raise PluginError(str(exc)) from None

    return run


def _outer_pass(config) -> bool:
    i18n = config.plugins.get("i18n")
    return not (i18n and i18n.building)


def _project() -> Project:
    return _state["project"]


@_reported
def on_config(config):
    languages.check_built(Path(config.config_file_path))
    if _outer_pass(config) or "project" not in _state:
        _state["project"] = Project.load(ROOT)
        # Rendered references are kept between builds, content-addressed (chaiqiang.citations.cache).
        citations_cache.configure(caches.folder(ROOT, "citations"))
        # So is each page's Markdown as HTML (chaiqiang.page_cache).
        page_cache.install(caches.folder(ROOT, "pages"))
    # `mkdocs serve` sets its own dev address as site_url; keep it there.
    if not config.get("dev_addr") or not str(config.site_url or "").startswith("http://127.0.0.1"):
        config.site_url = _project().meta.url
    # Our stylesheets as one file (chaiqiang.stylesheets): mkdocs.yml's list, read once.
    if "stylesheets" not in _state or list(config.extra_css) != [stylesheets.BUNDLE]:
        _state["stylesheets"] = [str(p) for p in config.extra_css if stylesheets.is_own(str(p))]
    config.extra_css = [stylesheets.BUNDLE]
    # Search: jieba gets the Traditional dictionary before the first page is indexed
    # (made meanwhile, in another process, when the cache does not have it).
    if _outer_pass(config) and search.enabled():
        search.prepare(ROOT, Path(config.docs_dir), _project().search.words, background=True)
        # Material's entries for each page, cut by that dictionary, are kept (chaiqiang.search.entries).
        search_entries.install(caches.folder(ROOT, "search-entries"))
        # mkdocs-static-i18n writes the index of every language last: the earlier ones need not wait.
        if i18n := config.plugins.get("i18n"):
            search_entries.defer_to_merge(i18n)
    return config


@_reported
def on_files(files, config):
    if _outer_pass(config):
        problems = missing_translations((f.src_uri for f in files), LANGUAGES)
        if problems:
            raise ChaiqiangError("\n".join(problems))
    sources = _state["stylesheets"]
    for source in sources:
        if files.get_file_from_path(source):
            files.remove(files.get_file_from_path(source))
    # Written to a file of its own: mkdocs-static-i18n sorts files by their source path.
    written = stylesheets.write(sources, Path(config.docs_dir), caches.folder(ROOT, "stylesheets"))
    files.append(File.generated(config, stylesheets.BUNDLE, abs_src_path=str(written)))
    return files


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


@_reported
def on_page_markdown(markdown, page, config, files):
    # Data blocks (`::: timeline`, …) and the glossary's tooltips, in the page's language.
    lang = _lang(page, config)
    dataset = _project().dataset
    markdown = expand(
        markdown,
        lang=lang,
        dataset=dataset,
        page=f"docs/{page.file.src_uri}",
        url=page.url,
        use_directory_urls=config.use_directory_urls,
        root=ROOT,
    )
    return markdown + abbreviation_block(dataset.glossary_entries(lang))


@_reported
def on_page_content(html, page, config, files):
    lang = _lang(page, config)
    # The footnotes' back links, titled in the page's language.
    html = footnotes.fill(html, lang, f"docs/{page.file.src_uri}", ROOT)
    # Story, home and About: every block has its alignment id (chaiqiang.bilingual), and a ¶.
    if is_aligned(urls.split_src(page.file.src_uri)[1]):
        aligned_blocks.of_content(html, f"docs/{page.file.src_uri}")
    html = pilcrow.fill(html, ROOT)
    # The How to cite and Versions pages' markers: worked examples and the changelog.
    if "data-cite-" in html:
        html = citations.expand_markers(
            html,
            meta=_project().meta,
            lang=lang,
            docs_dir=Path(config.docs_dir),
            where=f"docs/{page.file.src_uri}",
            render=lambda name, **context: templates.render(name, ROOT, **context),
            archived=_project().editions,
            # The hosted latest site links its editions beside it; an edition and the
            # offline bundle link them at their public addresses.
            here=None if (_project().edition or not config.use_directory_urls) else page.url,
            edition=_project().edition,
            # The worked examples cite permanent addresses (chaiqiang.editions).
            permanent=_project().permanent_url,
        )
    # Chinese words on the English pages, marked for screen readers and glyphs.
    return html if lang.startswith("zh") else mark_chinese(html)


@_reported
def on_page_context(context, page, config, nav):
    # The offline bundle's pages are files (about.html); they cite the hosted page (about/).
    if offline_build.enabled(config.plugins):
        page.canonical_url = urls.hosted_url(config.site_url, page.url)
    # "Cite this page" and the <head> metadata (overrides/chaiqiang/citations/): the
    # page's permanent address, and its sections, events and figures to cite.
    title = page.meta.get("title") or page.title
    context["citation"], context["citation_links"] = citations.for_page(
        _project().meta,
        _lang(page, config),
        title,
        page.canonical_url,
        page.file.src_uri,
        page.url,
        use_directory_urls=config.use_directory_urls,
        permanent_url=_project().permanent_url(page.url),
        edition=_project().edition,
        toc=page.toc,
        html=page.content or "",
        dataset=_project().dataset,
        root=ROOT,
    )
    # The link to the page's bilingual view, beside it (chaiqiang.bilingual.view).
    if is_aligned(urls.split_src(page.file.src_uri)[1]):
        context["bilingual_link"] = {
            "href": urls.bilingual_path(page.url).rsplit("/", 1)[-1],
            "text": strings.group(_lang(page, config), "bilingual", ROOT)["open"],
        }
    return context


def on_nav(nav, config, files):
    # On an empty cache, a fork reads the second half of the pages ahead (chaiqiang.page_cache).
    page_cache.prefill(config, files)
    return nav


def on_serve(server, config, builder):
    server.watch(str(ROOT / "data"))
    server.watch(str(ROOT / "hooks"))
    # The theme's overrides (MkDocs watches them only with --watch-theme, with all of Material).
    server.watch(str(ROOT / "overrides"))
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


@_reported
def on_env(env, config, files):
    # Search: overrides/main.html points Material at the page's language's index.
    if search.enabled():
        env.globals["search_lang_root"] = LANGUAGES.root(config.theme["language"])
    # Footer edition line, Open Graph, print header (overrides/partials/copyright.html).
    env.globals["reader"] = edition_info.for_language(
        _project().meta, config.theme["language"], use_directory_urls=config.use_directory_urls, root=ROOT
    )
    # hreflang alternates name the hosted pages, also in the offline bundle (chaiqiang.offline).
    env.filters["hosted_path"] = urls.hosted_path
    return env


@_reported
def on_post_page(output, page, config):
    # Material's drawer and search toggles, made valid HTML (chaiqiang.material_markup).
    return valid_toggles(output, f"docs/{page.file.src_uri}")


@_reported
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        output = valid_toggles(output, template_name)
    # Every language pass writes 404.html to the site root; the later passes
    # would overwrite the default language's page. Put theirs under their root (en/).
    if template_name == "404.html" and not _outer_pass(config):
        root = LANGUAGES.root(config.theme["language"])
        write_file(output.encode("utf-8"), str(Path(config.site_dir) / root / "404.html"))
        return ""
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
@_reported
def on_post_build(config):
    # The steps, in their order and with their conditions: chaiqiang.post_build.STEPS.
    if _outer_pass(config):
        post_build.run(
            post_build.Build(
                project=_project(),
                site_dir=Path(config.site_dir),
                offline=offline_build.enabled(config.plugins),
                search=search.enabled(),
                polyfills=tuple(config.extra.get("polyfills", [])),
            )
        )
