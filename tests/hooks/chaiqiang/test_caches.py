"""The build's caches (chaiqiang.caches): one folder per kind, entries by content key."""

from __future__ import annotations

from chaiqiang import caches


def test_the_folder_is_the_projects_or_the_environments(tmp_path):
    assert caches.folder(tmp_path, "headers", {}) == tmp_path / ".cache" / "headers"
    assert caches.folder(tmp_path, "headers", {caches.ENV: "/elsewhere"}) == caches.Path("/elsewhere/headers")


def test_a_value_is_made_once_kept_and_a_damaged_entry_made_again(tmp_path):
    made = []

    def make():
        made.append(1)
        return {"n": len(made)}

    store = caches.Store(tmp_path)
    assert store.cached("ab12", make) == {"n": 1}
    assert caches.Store(tmp_path).cached("ab12", make) == {"n": 1} and len(made) == 1
    (tmp_path / "ab" / "ab12.json").write_text("{not json", encoding="utf-8")
    assert caches.Store(tmp_path).cached("ab12", make) == {"n": 2}
    # Without a folder, memory only: nothing written.
    assert caches.Store().cached("cd34", make) == {"n": 3}
    assert not (tmp_path / "cd").exists()


def test_the_source_digest_changes_with_the_code(tmp_path):
    code = tmp_path / "m.py"
    code.write_text("a = 1\n")
    before = caches.source_digest(code)
    code.write_text("a = 2\n")
    assert caches.source_digest(code) != before


def test_has_tells_what_cached_would_find(tmp_path):
    store = caches.Store(tmp_path)
    assert not store.has("ab12")
    store.cached("ab12", lambda: [1])
    assert store.has("ab12") and caches.Store(tmp_path).has("ab12")  # in memory, and in the folder
    assert not caches.Store().has("ab12")
