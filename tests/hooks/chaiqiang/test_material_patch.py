import pytest
from chaiqiang.material_patch import PATCHED, SELECTOR, MaterialPatchError, patch_alternate_lookup


def make_bundle(tmp_path, code):
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    (js / "bundle.abc123.min.js").write_text(code, encoding="utf-8")
    return js / "bundle.abc123.min.js"


def test_the_alternate_lookup_skips_hreflang_links(tmp_path):
    bundle = make_bundle(tmp_path, f"a();{SELECTOR}.pipe(b)")
    patch_alternate_lookup(tmp_path)
    assert bundle.read_text(encoding="utf-8") == f"a();{PATCHED}.pipe(b)"
    patch_alternate_lookup(tmp_path)  # a second build over the same site is fine
    assert bundle.read_text(encoding="utf-8") == f"a();{PATCHED}.pipe(b)"


def test_a_changed_material_bundle_stops_the_build(tmp_path):
    make_bundle(tmp_path, "nothing to patch here")
    with pytest.raises(MaterialPatchError, match="not found exactly once"):
        patch_alternate_lookup(tmp_path)


def test_the_built_bundle_is_patched(built_site):
    [bundle] = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    assert PATCHED in code and SELECTOR not in code
