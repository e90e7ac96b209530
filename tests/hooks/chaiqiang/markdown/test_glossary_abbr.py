import markdown
from chaiqiang.markdown.glossary_abbr import abbreviation_block
from markdown.blockprocessors import HashHeaderProcessor


def test_each_definition_is_read_once(monkeypatch):
    # Python-Markdown's abbr takes one definition from a block and hands the rest back to
    # every block processor: definitions on consecutive lines are scanned again and again
    # (a third of a clean build's Markdown time). Here the block processors see each once.
    seen = []
    real = HashHeaderProcessor.test
    monkeypatch.setattr(
        HashHeaderProcessor,
        "test",
        lambda self, parent, block: seen.append(block) or real(self, parent, block),
    )
    entries = [(f"term{i}", f"definition number {i}") for i in range(200)]
    block = abbreviation_block(entries)
    html = markdown.markdown("term7 and term150." + block, extensions=["chaiqiang.markdown.cjk_abbr"])
    assert '<abbr title="definition number 150">term150</abbr>' in html
    assert "*[" not in html
    assert sum(map(len, seen)) < 2 * len(block)
