"""chaiqiang.templates: the one environment of the templates the hooks and tools render."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
from chaiqiang import caches, templates

ROOT = Path(__file__).resolve().parents[3]


def test_templates_are_named_from_overrides_and_html_is_escaped():
    env = templates.environment()
    assert Path(env.loader.searchpath[0]) == ROOT / "overrides"
    assert env.get_template("chaiqiang/timeline.html")
    assert env.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"
    assert templates.render_text("chaiqiang/offline/readme.txt", None, **README).endswith("\n")


README = {
    "title": {"zh-Hant": "拆牆", "en": "Walls"},
    "version": "0.1.0",
    "built": "2026-11-25",
    "url": "https://x.example/",
    "zip_name": "z.zip",
    "citation": {"zh-Hant": "<z>", "en": "<e>"},
    "pdfs": [],
}


def test_plain_text_is_not_escaped():
    assert "<e>" in templates.render_text("chaiqiang/offline/readme.txt", None, **README)


def test_one_date_and_one_number_filter_in_both_languages():
    env = templates.environment()
    render = lambda source, **kw: env.from_string(source).render(**kw)  # noqa: E731
    assert render("{{ '2026-11-25' | format_date(lang) }}", lang="zh-Hant") == "2026年11月25日"
    assert render("{{ '2026-11-25' | format_date(lang) }}", lang="en") == "25 November 2026"
    assert render("{{ 1.371e9 | format_number('people', 'en') }}") == "1.371 billion"
    assert render("{{ 3400 | format_number('bytes', 'en') }}") == "3.4 kB"


def test_the_catalogue_is_a_global():
    env = templates.environment()
    assert env.from_string("{{ strings['en'].citations.cite_this_page }}").render() == "Cite this page"


def test_the_root_is_the_project_the_caller_names(tmp_path):
    for part in ("overrides", "data/strings"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "overrides" / "chaiqiang" / "status_legend.html").write_text(
        "copy {{ t['status.reported'] }}"
    )
    assert (
        templates.render_block("chaiqiang/status_legend.html", tmp_path, t={"status.reported": "x"})
        == "copy x"
    )


def test_rendered_blocks_have_no_blank_or_indented_lines(render_ctx):
    from chaiqiang.render.timeline import render_timeline

    html = render_timeline(render_ctx("en"))
    assert all(line.strip() and line == line.lstrip() for line in html.splitlines())


def test_a_template_the_theme_compiled_first_is_still_escaped_in_ours(tmp_path, monkeypatch):
    # MkDocs' theme environment (mkdocs.theme.Theme.get_env) compiles without autoescape,
    # and main.html includes a template that ours renders too: the compiled code of one
    # must never be the other's, whichever compiles first (a fresh clone: the theme).
    monkeypatch.delenv(caches.ENV, raising=False)
    for part in ("overrides", "data/strings"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    name, context = "chaiqiang/bilingual/link.html", {"href": "x", "text": "<b>", "lang": "en"}
    theme = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "overrides")), auto_reload=False)
    templates.install(theme, tmp_path, "theme")
    assert "<b>" in theme.get_template(name).render(**context)
    assert "&lt;b&gt;" in templates.render(name, tmp_path, **context)
