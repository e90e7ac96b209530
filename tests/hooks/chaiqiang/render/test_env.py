from chaiqiang.render import env


def test_templates_live_in_overrides_and_autoescape():
    environment = env.environment()
    assert env.TEMPLATE_DIR.parts[-2:] == ("overrides", "chaiqiang")
    assert environment.autoescape is True
    assert environment.from_string("{{ x }}").render(x="<script>") == "&lt;script&gt;"


def test_rendered_blocks_have_no_blank_or_indented_lines(render_ctx):
    from chaiqiang.render.timeline import render_timeline

    html = render_timeline(render_ctx("en"))
    assert all(line.strip() and line == line.lstrip() for line in html.splitlines())
