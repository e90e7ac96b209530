"""chaiqiang.material_markup: Material's two toggles made valid HTML, or the build stops."""

from __future__ import annotations

import pytest
from chaiqiang.material_markup import FORM_ID, TOGGLES, MaterialMarkupError, valid_toggles

PAGE = '<body>\n    {}\n    {}\n    <label class="md-overlay" for="__drawer"></label>'.format(*TOGGLES)


def test_the_toggles_belong_to_a_form_with_autocomplete_off():
    fixed = valid_toggles(PAGE, "docs/x.md")
    assert "autocomplete" not in fixed.replace(f'<form id="{FORM_ID}" autocomplete="off" hidden></form>', "")
    assert fixed.count(f'form="{FORM_ID}"') == 2
    # The form comes before the toggles: Material's CSS reads `#__drawer:checked ~ …`.
    assert fixed.index("<form") < fixed.index('id="__drawer"') < fixed.index('id="__search"')


@pytest.mark.parametrize("page", [PAGE.replace(TOGGLES[1], ""), PAGE + TOGGLES[0]])
def test_markup_that_no_longer_matches_stops_the_build(page):
    with pytest.raises(MaterialMarkupError, match=r"docs/x\.md: Material's toggle"):
        valid_toggles(page, "docs/x.md")
