"""data/terms.yaml, the termbase: one word per concept, in every language.

No page reads it; tests/content/test_termbase.py checks the built pages and the
sources against it. It is validated like every other file in data/ (and has a
generated JSON schema), with one set of fields per language of the site:
`<code>` (the form to use; required, but null when the language has no
counterpart, as for the Chinese name separator in English), `avoid_<code>` (variants not to use) and
`allow_<code>` (exact phrases in which an avoided variant may stand, e.g. a name).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, create_model

from ..languages import LANGUAGES
from . import yamlio
from .errors import DataError, from_validation
from .schemas import Model, NonEmpty, Slug, field_name

_fields: dict = {}
for _lang in LANGUAGES:
    _name = field_name(_lang.code)
    _fields[_name] = (
        NonEmpty | None,
        Field(
            alias=_lang.code,
            description=f"The form to use in {_lang.name}; null when {_lang.name} has no counterpart"
            " (a Chinese punctuation mark has none in English)",
        ),
    )
    _fields[f"avoid_{_name}"] = (
        list[NonEmpty],
        Field(default_factory=list, alias=f"avoid_{_lang.code}", description="Variants not to use"),
    )
    _fields[f"allow_{_name}"] = (
        list[NonEmpty],
        Field(
            default_factory=list,
            alias=f"allow_{_lang.code}",
            description="Exact phrases in which an avoided variant may stand (a name, a mention)",
        ),
    )

TermEntry = create_model(
    "TermEntry",
    __base__=Model,
    __module__=__name__,
    id=(Slug, ...),
    note=(NonEmpty | None, Field(None, description="Why: the reason for the choice or an exception")),
    **_fields,
)


class TermsFile(Model):
    terms: list[TermEntry] = Field(min_length=1)  # type: ignore[valid-type]


def load(path: Path) -> TermsFile:
    """The validated termbase; a problem stops with file, entry, field and line."""
    label = f"{path.parent.name}/{path.name}"
    parsed = yamlio.parse(path.read_text(encoding="utf-8"))
    try:
        return TermsFile.model_validate(parsed.data)
    except ValidationError as exc:
        raise DataError(from_validation(label, parsed, exc)) from None
