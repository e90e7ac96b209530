"""What the reader-quality tools share: Debian's Chromium under Playwright, and the
built site served on 127.0.0.1, compressed as a web host would serve it.

    with serve(Path("site"), compress=True) as base_url, chromium() as browser:
        ...

Never a browser that Playwright downloads: /usr/bin/chromium (apt-get install
chromium fonts-noto-cjk).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What a web host compresses (GitHub Pages and most servers: gzip for text types).
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".csv"}


class BrowserMissing(RuntimeError):
    pass


@contextlib.contextmanager
def chromium() -> Iterator:
    """A headless Debian Chromium driven by Playwright."""
    if not CHROMIUM.is_file():
        raise BrowserMissing(
            f"Debian's chromium is not installed ({CHROMIUM} is missing): apt-get install chromium fonts-noto-cjk"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def gzipped(data: bytes) -> bytes:
    """Compressed as a host would (level 6, no timestamp: the same bytes every time)."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class _Handler(http.server.SimpleHTTPRequestHandler):
    compress = False
    extra_headers: ClassVar[dict[str, str]] = {}
    _cache: ClassVar[dict[Path, tuple[float, bytes]]] = {}

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the URL with a slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        mtime = path.stat().st_mtime
        cached = self._cache.get(path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, gzipped(path.read_bytes()))
            self._cache[path] = cached
        body = cached[1]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(root: Path, compress: bool = False, headers: dict[str, str] | None = None) -> Iterator[str]:
    """The directory at http://127.0.0.1:<port>/ (its root as the site's root) until the block ends,
    gzipped when `compress`, with `headers` added to every response."""
    handler_class = type(
        "Handler", (_Handler,), {"compress": compress, "extra_headers": dict(headers or {}), "_cache": {}}
    )
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
