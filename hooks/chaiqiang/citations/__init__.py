"""Citations: references in APA, MLA, Chicago and GB/T 7714 (citeproc-py), BibTeX,
RIS and CSL-JSON exports, the embedded metadata reference managers read
(Highwire `citation_*` tags, schema.org JSON-LD), and CITATION.cff.

Everything is built from data/site.yaml (chaiqiang.site_meta), the data set and
a page's title, canonical and permanent addresses, file and table of contents;
nothing here knows about MkDocs.

    items     CSL-JSON items: a page, a section/event/figure of a page, the site,
              the data set, the source article (pages at their permanent address)
    titles    title case for MLA and Chicago, APA's capital after a colon
    render    citeproc-py rendering and the documented post-corrections
    fragments the sections, events and figures a page's box offers to cite
    exports   BibTeX, RIS, CSL-JSON text
    embedded  Highwire tags and JSON-LD for a page's <head>
    cff       CITATION.cff
    page      everything the "Cite this page" box and the <head> of one page need
    bibliography  every source of data/sources.yaml as BibTeX, RIS and CSL-JSON downloads
"""
