"""`python3 dev.py serve`: MkDocs' own preview server, made quick and never stale.

    python3 dev.py serve [mkdocs serve's options]

- It looks for changes every 0.1 s, not MkDocs' 0.5 s, and starts the rebuild
  0.02 s after a change, not 0.1 s: on a save, the wait for the rebuild to start
  was up to 0.6 s of the editor's loop.
- Every change rebuilds the whole site, in the same process, through the build's
  caches (chaiqiang.caches): the page that changed is converted and indexed again,
  the others come from the caches, keyed by their inputs. So an edit rebuilds only
  what it changes, and the site served is the one a full build makes, byte for
  byte but for MkDocs' live-reload script and the server's address
  (tests/tools/test_serve.py); a changed data file or template changes the inputs
  of what depends on it.
- The installed theme's files are listed once per process, not on every rebuild,
  without the dot folders MkDocs skips (Material's .icons/): Material's folder does
  not change while the server runs; the project's own overrides/ are listed every time.
- Python is imported once per process, so a rebuild would run the hooks' old code
  after an edit to it: when a .py file under hooks/ changes, the server starts
  again in a new process on the same address.

`mkdocs serve --strict` itself stays usable; it polls slowly and keeps old hook code.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from jinja2 import FileSystemLoader
from mkdocs.__main__ import cli
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.livereload import LiveReloadServer

POLL_SECONDS = 0.1
BUILD_DELAY_SECONDS = 0.02
CODE = ("hooks",)  # the folders whose Python a running build has imported


def code_state(root: Path) -> tuple:
    """Each .py file of the hooks with its modification time and size."""
    files = []
    for folder in CODE:
        for path in sorted((root / folder).rglob("*.py")):
            stat = path.stat()
            files.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(files)


def restart(site_dir: str) -> None:
    """This server again, in a new process (the listening socket closes on exec)."""
    shutil.rmtree(site_dir, ignore_errors=True)  # MkDocs' temporary build, made anew
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "tools.serve", *sys.argv[1:]])


_listed: dict[tuple[str, bool], list[str]] = {}
_list_templates = FileSystemLoader.list_templates


# Where installed packages live (the .venv's site-packages, also when .venv is in the project).
INSTALLED = tuple({Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")})


def list_templates(self: FileSystemLoader) -> list[str]:
    """Jinja's list, with the installed theme's folders listed once; overrides/ every time."""
    found: set[str] = set()
    for folder in self.searchpath:
        one = FileSystemLoader(folder, followlinks=self.followlinks)
        if not any(Path(folder).resolve().is_relative_to(place) for place in INSTALLED):
            found.update(_list_templates(one))
        else:
            key = (str(folder), self.followlinks)
            if key not in _listed:
                # Its only reader, MkDocs' Files.add_files_from_theme, skips every name
                # under a folder whose name starts with a dot (its pattern '.*'):
                # Material's .icons/, 14,000 of its 14,500 files, each matched on every build.
                _listed[key] = [name for name in _list_templates(one) if not name.startswith(".")]
            found.update(_listed[key])
    return sorted(found)


class Server(LiveReloadServer):
    """MkDocs' server with a shorter poll, which restarts when the hooks' code changes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("polling_interval", POLL_SECONDS)
        super().__init__(*args, **kwargs)
        # MkDocs waits 0.1 s after a change for more to come; one poll finds a save's
        # events (a write, or a write and a rename) together, so a short wait does.
        self.build_delay = BUILD_DELAY_SECONDS
        root = Path.cwd()
        code = code_state(root)
        build = self.builder

        def builder(*args, **kwargs):
            if code_state(root) != code:
                restart(self.root)
            return build(*args, **kwargs)

        self.builder = builder


def main(argv: list[str] | None = None) -> int:
    mkdocs_serve.LiveReloadServer = Server  # mkdocs.commands.serve builds its server by this name
    FileSystemLoader.list_templates = list_templates  # MkDocs lists the theme's files on every build
    return cli.main(args=["serve", *(sys.argv[1:] if argv is None else argv)], prog_name="mkdocs")


if __name__ == "__main__":
    sys.exit(main())
