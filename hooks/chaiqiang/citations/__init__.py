"""Citations: references in APA, MLA, Chicago and GB/T 7714 (citeproc-py), BibTeX,
RIS and CSL-JSON exports, the embedded metadata reference managers read
(Highwire `citation_*` tags, schema.org JSON-LD), and CITATION.cff.

Everything is built from data/site.yaml (chaiqiang.site_meta) and a page's
title, canonical URL and file; nothing here knows about MkDocs.

    items     CSL-JSON items: a page, a section/event/figure of a page, the site,
              the data set, the source article
    render    citeproc-py rendering and the documented post-corrections
    exports   BibTeX, RIS, CSL-JSON text
    embedded  Highwire tags and JSON-LD for a page's <head>
    cff       CITATION.cff
    page      everything the "Cite this page" box and the <head> of one page need
    bibliography  every source of data/sources.yaml as BibTeX, RIS and CSL-JSON downloads
"""
