"""tools/common.py: what the tools share (the build command, zips, checksums, npm)."""

from __future__ import annotations

import hashlib
import json
import zipfile

from tools import common


def test_node_modules_is_reinstalled_when_it_does_not_match_the_lock(tmp_path):
    lock = {"packages": {"": {}, "node_modules/iframe-worker": {"integrity": "sha512-A"}}}
    (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    assert not common.node_modules_current(tmp_path)
    (tmp_path / "node_modules").mkdir()
    installed = tmp_path / "node_modules" / ".package-lock.json"
    installed.write_text(json.dumps(lock), encoding="utf-8")
    assert common.node_modules_current(tmp_path)
    lock["packages"]["node_modules/iframe-worker"]["integrity"] = "sha512-B"
    installed.write_text(json.dumps(lock), encoding="utf-8")
    assert not common.node_modules_current(tmp_path)


def test_the_zip_has_sorted_names_one_time_and_fixed_permissions(tmp_path):
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "a" / "index.html").write_bytes(b"a")
    (tmp_path / "site" / "a.html").write_bytes(b"b")
    entries = common.folder_entries(tmp_path / "site", prefix="top/")
    dest = common.deterministic_zip(entries, tmp_path / "out.zip", 0)
    assert not (tmp_path / "out.zip.part").exists()
    with zipfile.ZipFile(dest) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["top/a.html", "top/a/index.html"]
    assert {(i.date_time, i.external_attr >> 16, i.create_system) for i in infos} == {
        ((1980, 1, 1, 0, 0, 0), 0o100644, 3)
    }


def test_checksums_are_in_the_format_of_sha256sum(tmp_path):
    (tmp_path / "x.zip").write_bytes(b"x")
    out = common.write_sha256sums([tmp_path / "x.zip"], tmp_path / "x.zip.sha256")
    assert out.read_text(encoding="utf-8") == f"{hashlib.sha256(b'x').hexdigest()}  x.zip\n"


def test_the_build_command_is_strict_and_clean():
    assert common.mkdocs_build_args() == ["-m", "mkdocs", "build", "--strict", "--clean"]
    assert common.mkdocs_build_args("out", "mkdocs.offline.yml", quiet=True) == [
        *("-m", "mkdocs", "build", "-f", "mkdocs.offline.yml", "--strict", "--clean", "--quiet"),
        *("--site-dir", "out"),
    ]
