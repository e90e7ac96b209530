"""Typing into Material's search box as a reader does, and waiting for the last result.

Material reads the box on key up (its search query component listens to
`keyup`, not `input`), so how the text arrives matters:

- Latin text is typed key by key (Playwright's keyboard: key down, input, key up).
- Han text goes through an input method, as Chrome delivers it from a Zhuyin
  (注音) or Pinyin IME: each key the IME takes is a key down with key code 229
  ("Process"), the composition shows the characters so far (compositionstart,
  compositionupdate, an `input` with isComposing), the key comes up; the reader
  commits with Enter (229 down, the final `input`, compositionend, then Enter's
  key up). Each step is a trusted event from the Chrome DevTools protocol, so
  Material sees what it sees from a real IME: the key ups, with the box's text,
  during the composition and after the commit.

Every key up with a new text in the box is a query that Material sends to its
worker, and every answer rewrites the result count (`.md-search-result__meta`).
`type` counts both and returns once the last query has its answer.
"""

from __future__ import annotations

import re

# Runs of Han characters go through the IME, everything else through the keyboard.
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECES = re.compile(f"([{_HAN}]+)|[^{_HAN}]+")

_WATCH = """box => {
  const state = (window.__searchTyping = { queries: 0, answers: 0, last: box.value })
  box.addEventListener('keyup', () => {
    if (box.value !== state.last) { state.last = box.value; state.queries++ }
  })
  new MutationObserver(() => state.answers++)
    .observe(document.querySelector('.md-search-result__meta'), { childList: true })
}"""
_RESET = "box => Object.assign(window.__searchTyping, { queries: 0, answers: 0, last: box.value })"
_ANSWERED = "() => { const s = window.__searchTyping; return s.queries > 0 && s.answers >= s.queries }"
_PLACEHOLDER = (
    "JSON.parse(document.querySelector('#__config').textContent).translations['search.result.placeholder']"
)
_META_IS = "p => document.querySelector('.md-search-result__meta').innerText === p"


class Typist:
    """The search box of one page. `open` waits until the worker has the index."""

    def __init__(self, page, timeout: float = 15_000) -> None:
        self.page = page
        self.timeout = timeout
        self.box = page.locator("input[data-md-component=search-query]")
        self.cdp = page.context.new_cdp_session(page)
        self.placeholder = page.evaluate(_PLACEHOLDER)

    def open(self) -> Typist:
        self.box.click()
        # The placeholder shows once the index is loaded and the worker is ready.
        self.page.wait_for_function(_META_IS, arg=self.placeholder, timeout=self.timeout)
        self.box.evaluate(_WATCH)
        return self

    def _key(self, kind: str, key: str, code: str, key_code: int) -> None:
        self.cdp.send(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code},
        )

    def compose(self, text: str) -> None:
        """Han text through an IME: one key per character (as Zhuyin shows each
        syllable's character), then Enter to commit."""
        for n in range(1, len(text) + 1):
            self._key("rawKeyDown", "Process", "KeyJ", 229)
            self.cdp.send(
                "Input.imeSetComposition", {"text": text[:n], "selectionStart": n, "selectionEnd": n}
            )
            self._key("keyUp", "j", "KeyJ", 74)
        self._key("rawKeyDown", "Process", "Enter", 229)
        self.cdp.send("Input.insertText", {"text": text})  # commits the composition
        self._key("keyUp", "Enter", "Enter", 13)

    def clear(self) -> None:
        """Select all and delete, then wait until Material shows its placeholder again."""
        self.box.press("Control+a")
        self.box.press("Backspace")
        self.page.wait_for_function(_META_IS, arg=self.placeholder, timeout=self.timeout)

    def type(self, query: str) -> None:
        """Type `query` into the (empty) box; return when its results are shown."""
        self.box.evaluate(_RESET)
        for piece in _PIECES.finditer(query):
            if piece.group(1):
                self.compose(piece.group())
            else:
                self.page.keyboard.type(piece.group())
        self.page.wait_for_function(_ANSWERED, timeout=self.timeout)
