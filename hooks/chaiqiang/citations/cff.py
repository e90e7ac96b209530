"""CITATION.cff (Citation File Format 1.2.0) from data/site.yaml.

The file at the repository root is generated: `python -m tools.publish.citation_cff`
writes it, and a test fails when it differs from what this module makes.
"""

from __future__ import annotations

from typing import Any

import yaml

from chaiqiang import editions
from chaiqiang.site_meta import SiteMeta

HEADER = "# Generated from data/site.yaml by `python -m tools.publish.citation_cff`: edit that file, not this one.\n"


def citation_cff_data(meta: SiteMeta) -> dict[str, Any]:
    editors = {"name": meta.author["en"], "alias": meta.author["zh-Hant"]}
    title = f"{meta.title['zh-Hant']} / {meta.title['en']}"
    # The version's archived edition: the address a citation names (chaiqiang.editions).
    edition = editions.base_url(meta.url, meta.version)
    data: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": (
            "If you use this site or its data, please cite it as below. "
            "Each page also gives ready references in APA, MLA, Chicago, GB/T 7714, BibTeX, RIS and CSL-JSON."
        ),
        "title": title,
        "type": "dataset",
        "authors": [editors],
        "version": meta.version,
        "date-released": meta.released,
        "url": meta.url,
        "identifiers": [
            {
                "type": "url",
                "value": edition,
                "description": f"The archived edition of version {meta.version}, which never changes",
            }
        ],
        "license": [meta.license.text_and_data_spdx, meta.license.code_spdx],
        "preferred-citation": {
            "type": "website",
            "title": title,
            "authors": [dict(editors)],
            "publisher": {"name": (meta.publisher or meta.author)["en"]},
            "year": int(meta.released[:4]),
            "date-published": meta.released,
            "url": edition,
            "languages": ["zh", "en"],
        },
    }
    src = meta.source
    if src is not None:
        article: dict[str, Any] = {
            "type": "article",
            "title": src.title["en"],
            "authors": [{"name": src.author["zh-Hant"], "alias": src.author["en"]}],
            "publisher": {"name": src.author["zh-Hant"]},
            "date-published": src.date,
            "year": int(src.date[:4]),
            "languages": [src.language],
        }
        if src.title_supplied:
            article["notes"] = (
                "The article has no known headline; the title is a description supplied by the site."
            )
        if src.url:
            article["url"] = src.url
        data["references"] = [article]
    return data


def citation_cff(meta: SiteMeta) -> str:
    body = yaml.safe_dump(citation_cff_data(meta), allow_unicode=True, sort_keys=False, width=1000)
    return HEADER + body
