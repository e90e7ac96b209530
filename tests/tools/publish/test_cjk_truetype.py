"""tools/publish/cjk_truetype.py: the PDF edition's Chinese font, subset and with TrueType
outlines. Needs Debian's fonts-noto-cjk (the browser tests install it): fails
without it under CI, skips otherwise."""

from __future__ import annotations

import io

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from tests.conftest import IN_CI
from tools.publish.cjk_truetype import FAMILY, FontError, installed_face, truetype_subset, write_faces

TEXT = "拆牆：淘寶與微信 WeChat 2013"


@pytest.fixture(scope="module")
def regular():
    try:
        return installed_face("Regular")
    except FontError as exc:
        pytest.fail(f"CI is set but {exc}") if IN_CI else pytest.skip(str(exc))


def bounds(font: TTFont, char: str) -> tuple[float, ...]:
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[font.getBestCmap()[ord(char)]].draw(pen)
    return pen.bounds


def test_the_subset_has_truetype_outlines_for_every_character(regular):
    font = truetype_subset(*regular, TEXT)
    assert "glyf" in font and "CFF " not in font
    cmap = font.getBestCmap()
    assert {ord(c) for c in TEXT} <= set(cmap)
    assert len(font.getGlyphOrder()) < 200  # of 65,535: only what the text needs
    # Saved and read back: a font a renderer can load, named as the original.
    data = io.BytesIO()
    font.save(data)
    again = TTFont(io.BytesIO(data.getvalue()))
    assert again["name"].getDebugName(1) == FAMILY
    assert again["glyf"][again.getBestCmap()[ord("牆")]].numberOfContours >= 5


def test_the_outlines_keep_their_shape(regular):
    original = TTFont(regular[0], fontNumber=regular[1])
    converted = truetype_subset(*regular, TEXT)
    for char in "拆牆W":
        before, after = bounds(original, char), bounds(converted, char)
        assert all(abs(a - b) <= 2 for a, b in zip(before, after, strict=True)), (char, before, after)


def test_the_same_text_gives_the_same_bytes(regular, tmp_path):
    first = [f.path.read_bytes() for f in write_faces(TEXT, tmp_path / "a")]
    second = [f.path.read_bytes() for f in write_faces(TEXT, tmp_path / "b")]
    assert len(first) == 2 and first == second


def test_a_missing_font_is_named_with_its_package():
    with pytest.raises(FontError, match=r"No Such Font Sans Regular is not installed.*fonts-noto-cjk"):
        installed_face("Regular", family="No Such Font Sans")
