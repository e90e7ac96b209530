"""Noto Sans CJK TC for the PDF edition: subset to the document's characters, with
TrueType outlines.

Chromium prints a font with CFF outlines, as Debian's fonts-noto-cjk ships Noto Sans
CJK, as Type 3 glyph drawings without a name: pdffonts lists them as "[none] Type 3",
viewers draw them unhinted, and text extraction depends on their ToUnicode maps alone.
The same glyphs with TrueType (quadratic) outlines are embedded as a named CID font,
e.g. "AAAAAA+NotoSansCJKtc-Regular, CID TrueType". fontTools subsets the installed
face to the characters a document uses (a few thousand glyphs of 65,535, about a
second) and converts the outlines with cu2qu, within one font unit of the original.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from chaiqiang.errors import ChaiqiangError
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FAMILY = "Noto Sans CJK TC"
# CSS weight -> fontconfig style: the weights fonts-noto-cjk installs.
STYLES = {400: "Regular", 700: "Bold"}
# Outline error allowed in the conversion, in font units (Noto CJK: 1,000 per em).
MAX_ERROR = 1.0


class FontError(ChaiqiangError, RuntimeError):
    pass


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    path: Path


def installed_face(style: str, family: str = FAMILY) -> tuple[Path, int]:
    """The file and collection index of an installed face, as fontconfig finds it."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise FontError("fc-match is missing: apt-get install fontconfig")
    out = subprocess.run(
        [fc_match, "-f", "%{file}\n%{index}\n%{family}\n%{style}", f"{family}:style={style}"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split("\n")
    # fc-match always answers with some font: make sure it is the one asked for.
    if len(out) < 4 or family not in out[2].split(",") or style not in out[3].split(","):
        found = ", ".join(out[2:4]) if len(out) >= 4 else "nothing"
        raise FontError(
            f"{family} {style} is not installed (fontconfig offers {found}): apt-get install fonts-noto-cjk"
        )
    return Path(out[0]), int(out[1])


def _quadratic(font: TTFont) -> None:
    """Replace the CFF outlines of `font` by TrueType ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # CFF contours run counter-clockwise, TrueType's clockwise.
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:  # vertical origins of CFF fonts; TrueType uses vmtx alone
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    font["post"].formatType = 3.0  # no glyph names: CID fonts have none worth keeping
    font.sfntVersion = "\0\1\0\0"


def truetype_subset(source: Path, index: int, text: str) -> TTFont:
    """The face at `index` of `source`, keeping the glyphs `text` needs, with TrueType outlines."""
    font = TTFont(source, fontNumber=index, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]  # locl, vert, proportional punctuation: as the browser uses them
    options.name_IDs = ["*"]  # the font's own name and licence stay with it
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "CFF " in font:
        _quadratic(font)
    elif "glyf" not in font:
        raise FontError(f"{source}#{index}: neither CFF nor TrueType outlines (a variable CFF2 font?)")
    return font


def write_faces(text: str, out_dir: Path, family: str = FAMILY) -> list[Face]:
    """One TrueType file per weight of `family`, each subset to `text`, in out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    faces = []
    for weight, style in STYLES.items():
        source, index = installed_face(style, family)
        font = truetype_subset(source, index, text)
        path = out_dir / f"{family.replace(' ', '')}-{style}.ttf"
        font.save(path)
        faces.append(Face(family, weight, path))
    return faces
