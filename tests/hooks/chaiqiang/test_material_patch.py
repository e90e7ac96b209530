import pytest
from chaiqiang.material_patch import (
    ALTERNATE_LOOKUP,
    PALETTE_SWITCHING,
    PATCHES,
    MaterialPatchError,
    patch_bundle,
)

# Material's code as each patch expects it, between other code.
MATERIAL = "a();" + "b();".join(theirs for patch in PATCHES for theirs, _ in patch.edits) + "c();"
PATCHED = "a();" + "b();".join(ours for patch in PATCHES for _, ours in patch.edits) + "c();"


def make_bundle(tmp_path, code):
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    (js / "bundle.abc123.min.js").write_text(code, encoding="utf-8")
    return js / "bundle.abc123.min.js"


def test_every_patch_replaces_materials_code(tmp_path):
    bundle = make_bundle(tmp_path, MATERIAL)
    patch_bundle(tmp_path)
    assert bundle.read_text(encoding="utf-8") == PATCHED
    patch_bundle(tmp_path)  # a second build over the same site is fine
    assert bundle.read_text(encoding="utf-8") == PATCHED


def test_the_alternate_lookup_skips_hreflang_links():
    [(theirs, _)] = ALTERNATE_LOOKUP.edits
    assert ALTERNATE_LOOKUP.apply(f"x{theirs}y", "b.js") == 'xM("link[rel=alternate]:not([hreflang])")y'


def test_the_palette_marks_a_switch_only_when_a_colour_changes():
    # The attribute is set inside the loop over the colours, guarded by a change.
    code = PALETTE_SWITCHING.apply("".join(theirs for theirs, _ in PALETTE_SWITCHING.edits), "b.js")
    assert 'setAttribute("data-md-color-switching","")' in code
    guard = 'a!=="media"&&document.body.getAttribute(`data-md-color-${a}`)!==c&&'
    assert code.index(guard) < code.index("data-md-color-switching")


@pytest.mark.parametrize("patch", PATCHES, ids=lambda p: p.name)
def test_a_changed_material_bundle_stops_the_build(tmp_path, patch):
    theirs = patch.edits[-1][0]
    make_bundle(tmp_path, MATERIAL.replace(theirs, "something else"))
    with pytest.raises(MaterialPatchError, match=f"Material's {patch.name} .* not found exactly once"):
        patch_bundle(tmp_path)


def test_the_built_bundle_is_patched(built_site):
    [bundle] = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    for patch in PATCHES:
        for theirs, ours in patch.edits:
            assert ours in code and theirs not in code
