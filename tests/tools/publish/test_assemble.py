"""Assembling the deployed site from the latest build and the archived editions,
from local files only (tools/publish/assemble.py)."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from chaiqiang import editions
from chaiqiang.editions import EditionError

from tests.tools.publish.test_edition import fake_site
from tools import common
from tools.publish import assemble, edition

SITE_YAML = "url: https://x.example/\nversion: {version}\n"


def make_edition(root, tmp_path, version):
    site, offline = fake_site(tmp_path / version)
    files, _ = edition.freeze(
        site,
        offline,
        version=version,
        date="2026-11-25",
        commit="a" * 40,
        epoch=1764085000,
        address=f"https://x.example/editions/{version}/",
    )
    folder = root / "editions" / version
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_bytes(files["manifest.json"])
    common.deterministic_zip(files, folder / "edition.zip", 1764085000)
    return files


@pytest.fixture
def repo(tmp_path):
    """A repository root with two editions and a latest build."""
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    shutil.copy(common.ROOT / "data" / "site.yaml", root / "data" / "site.yaml")
    make_edition(root, tmp_path, "0.1.0")
    make_edition(root, tmp_path, "0.2.0")
    latest, _ = fake_site(tmp_path / "latest")
    return root, latest


def rewrite_member(archive, name, change):
    with zipfile.ZipFile(archive) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    entries[name] = change(entries[name])
    common.deterministic_zip(entries, archive, 1764085000)


def test_two_editions_sit_beside_the_latest_site(repo, tmp_path):
    root, latest = repo
    out = tmp_path / "public"
    found = assemble.assemble(latest, out, root)
    assert [m.version for m in found] == ["0.1.0", "0.2.0"]
    assert (out / "index.html").read_bytes() == (latest / "index.html").read_bytes()
    for version in ("0.1.0", "0.2.0"):
        page = (out / "editions" / version / "en" / "story" / "x" / "index.html").read_text()
        assert f"Archived edition {version}" in page
        assert (out / "editions" / version / "manifest.json").is_file()
    # The headers are the whole assembly's.
    assert (out / "_headers").is_file()
    # Assembling again over the same output is allowed: the editions are the same bytes.
    assemble.assemble(latest, out, root)


def test_one_changed_byte_of_an_archived_file_stops_the_assembly_naming_it(repo, tmp_path):
    root, latest = repo
    rewrite_member(
        root / "editions/0.1.0/edition.zip", "en/story/x/index.html", lambda b: b.replace(b"Text.", b"Text!")
    )
    with pytest.raises(EditionError, match=r"editions/0\.1\.0/edition\.zip: en/story/x/index\.html differs"):
        assemble.assemble(latest, tmp_path / "public", root)


def test_a_file_added_to_an_edition_stops_the_assembly(repo, tmp_path):
    root, latest = repo
    rewrite_member(root / "editions/0.2.0/edition.zip", "index.html", lambda b: b)
    with zipfile.ZipFile(root / "editions/0.2.0/edition.zip", "a") as zf:
        zf.writestr("extra.html", "<p>new</p>")
    with pytest.raises(EditionError, match=r"extra\.html is not in editions/0\.2\.0/manifest\.json"):
        assemble.assemble(latest, tmp_path / "public", root)


def test_a_manifest_rewritten_to_match_a_changed_file_is_caught(repo, tmp_path):
    root, latest = repo
    # Change a file and the zip's own manifest: the repository's manifest still names the old hash.
    rewrite_member(
        root / "editions/0.1.0/edition.zip", "manifest.json", lambda b: b.replace(b'"0.1.0"', b'"0.1.0" ')
    )
    with pytest.raises(
        EditionError, match=r"edition\.zip: its manifest\.json is not editions/0\.1\.0/manifest\.json"
    ):
        assemble.assemble(latest, tmp_path / "public", root)


def test_an_edition_already_published_is_never_overwritten(repo, tmp_path):
    root, latest = repo
    out = tmp_path / "public"
    assemble.assemble(latest, out, root)
    published = out / "editions/0.2.0/story/x/index.html"
    published.write_bytes(published.read_bytes() + b" ")
    with pytest.raises(
        EditionError,
        match=r"editions/0\.2\.0/story/x/index\.html: differs from the edition 0\.2\.0 already published",
    ):
        assemble.assemble(latest, out, root)


def test_the_deploy_needs_the_current_versions_edition(repo, tmp_path):
    root, latest = repo
    version = editions.read_all(root)[-1].version
    site_yaml = (root / "data/site.yaml").read_text()
    current = next(line.split(": ")[1] for line in site_yaml.splitlines() if line.startswith("version:"))
    if current not in {"0.1.0", "0.2.0"}:
        with pytest.raises(EditionError, match=f"version {current} .* has no archived edition"):
            assemble.assemble(latest, tmp_path / "public", root, require_current=True)
    shutil.rmtree(root / "editions" / version)
    assert [m.version for m in assemble.assemble(latest, tmp_path / "public2", root)] == ["0.1.0"]


def test_the_deploy_compares_the_editions_with_the_published_ones(repo, tmp_path):
    from tools.browser import serve

    root, latest = repo
    out = tmp_path / "public"
    assemble.assemble(latest, out, root)
    recorded = editions.read_all(root)
    shutil.rmtree(out / "editions/0.2.0")  # not yet published
    with serve(out) as live:
        assert assemble.check_published(recorded, live) == ["0.2.0"]
        published = out / "editions/0.1.0/manifest.json"
        published.write_bytes(published.read_bytes() + b"\n")
        with pytest.raises(
            EditionError, match=r"editions/0\.1\.0/manifest\.json differs from the one published"
        ):
            assemble.check_published(recorded, live)


def test_the_committed_editions_are_whole():
    # Every edition in the repository: each file of its zip has its recorded SHA-256.
    recorded = editions.read_all(common.ROOT)
    assert recorded, "no archived edition in editions/"
    for manifest in recorded:
        files = assemble.edition_files(common.ROOT, manifest)
        assert manifest.address == f"https://chaiqiang.github.io/editions/{manifest.version}/"
        assert len(files) == len(manifest.files) + 1
