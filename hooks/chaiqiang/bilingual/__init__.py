"""中英對照: every story page (and the home and About pages) read in two languages side by side.

- `pages`: which pages are aligned (their every block carries an alignment id).
- `blocks`: a page's aligned blocks, and the checks that make a build stop (a block
  without an id, an id twice, ids that differ between the languages).
- `pilcrow`: the visible ¶ link of each block, in the page's language.
- `view`: the bilingual page, made from the two built pages (no third copy of the text).
- `build`: the post-build step that writes every bilingual page.

The ids themselves come from the Markdown (chaiqiang.markdown.alignment).
"""
