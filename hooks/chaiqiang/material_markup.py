"""A documented post-correction of Material 9.8's page markup, where no partial or
block of the theme holds the faulty markup (what a partial holds is fixed in
overrides/partials/ instead).

Material's base.html writes the two hidden checkboxes that open the navigation
drawer and the search with `autocomplete="off"`. HTML allows that attribute on
text-like inputs only, so every page failed the W3C Nu checker ("Attribute
autocomplete is only allowed when the input type is …";
squidfunk/mkdocs-material#1513). Browsers act on it all the same: they do not
restore the checkbox's state when the reader comes back to the page (Firefox
also on reload), so the drawer and the search are closed again. The same effect
in valid HTML: the two checkboxes belong (`form="…"`) to an empty, hidden form
with `autocomplete="off"`, from which a control takes its default
(tests/browser/test_keyboard.py checks that going back finds the drawer closed).

The build stops if Material's markup no longer matches, so an upgrade cannot
silently undo this; tests/test_html_validity.py runs the checker on the site.
"""

from __future__ import annotations

from .errors import ChaiqiangError

FORM_ID = "__md-toggles"
TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
)
FORM = f'<form id="{FORM_ID}" autocomplete="off" hidden></form>'


class MaterialMarkupError(ChaiqiangError):
    pass


def valid_toggles(page_html: str, where: str) -> str:
    """The page with Material's two toggles valid (the module's docstring says why)."""
    for toggle in TOGGLES:
        if page_html.count(toggle) != 1:
            raise MaterialMarkupError(
                f"{where}: Material's toggle {toggle} was not found exactly once; "
                "check hooks/chaiqiang/material_markup.py against this Material version"
            )
    drawer, search = TOGGLES
    fixed = [t.replace(' autocomplete="off">', f' form="{FORM_ID}">') for t in TOGGLES]
    page_html = page_html.replace(drawer, FORM + "\n    " + fixed[0])
    return page_html.replace(search, fixed[1])
