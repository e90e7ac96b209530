"""The shape of every file in data/, as strict pydantic models.

Strict on purpose: an unknown field is more likely a typo than a new idea, a
number where a string belongs is more likely an unquoted YAML date, and an
empty string is never a finished translation. Cross-file references (actor,
source, phase ids) are checked in `checks.py`, where all files are known.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from ..languages import LANGUAGES
from . import dates

NonEmpty = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
EventId = Annotated[str, StringConstraints(pattern=r"^evt-[a-z0-9]+(-[a-z0-9]+)*$")]
FigureId = Annotated[str, StringConstraints(pattern=r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")]
DateStr = Annotated[str, StringConstraints(pattern=dates.ANY_DATE_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

Status = Literal["stated", "reported"]
STATUSES: tuple[str, ...] = get_args(Status)  # in the order legends and filters list them
EventPrecision = Literal["year", "month", "day"]
FigurePrecision = Literal["year", "quarter", "month", "day"]
Unit = Literal["people", "percent", "percent_yoy"]
ForceId = Literal["rivalry", "new-entrants", "substitutes", "supplier-power", "buyer-power"]

STATUS_HELP = (
    "stated: stated by the article (as fact); reported: reported by the article as unconfirmed (網傳)"
)
CONFIRMED_BY_HELP = (
    "Ids of sources besides the article that confirm it (data/sources.yaml); "
    "only for a 'stated' entry: a confirmed report is 'stated'"
)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PerLanguage(Model):
    """A mapping with one key per language of the site (chaiqiang.languages: the
    i18n plugin's list in mkdocs.yml), keyed by the language code (`zh-Hant:`,
    `en:`). Every language is required; a key that is not a language is an error.
    `text["en"]` reads one language."""

    model_config = ConfigDict(serialize_by_alias=True)
    fixed: ClassVar[tuple[str, ...]] = ()  # keys besides the languages (a glossary term's `id`)

    @model_validator(mode="before")
    @classmethod
    def _only_languages(cls, data: Any) -> Any:
        # Every text of every entry passes here: the usual case (only known keys) is one set test.
        if isinstance(data, dict) and not data.keys() <= _known_keys(cls.fixed):
            unknown = [k for k in data if k not in cls.fixed and k not in LANGUAGES]
            if unknown:
                key = unknown[0]
                like = [c for c in LANGUAGES.codes if isinstance(key, str) and c.startswith(f"{key}-")]
                hint = f" (did you mean {like[0]!r}?)" if like else ""
                what = "neither a field nor a language" if cls.fixed else "not a language"
                raise ValueError(
                    f"{key!r} is {what} of the site{hint}; the languages "
                    f"(mkdocs.yml, plugins.i18n.languages) are {', '.join(LANGUAGES.codes)}"
                )
        return data

    def __getitem__(self, code: str) -> Any:
        try:
            name = _attribute(code)
        except TypeError:  # not a code at all
            name = field_name(LANGUAGES.get(code).code)
        return getattr(self, name)


@cache
def _known_keys(fixed: tuple[str, ...]) -> frozenset[str]:
    return frozenset((*fixed, *LANGUAGES.codes))


@cache
def _attribute(code: str) -> str:
    """The attribute of a language's text (LanguageError for a code that is not one)."""
    return field_name(LANGUAGES.get(code).code)


def field_name(code: str) -> str:
    """The Python attribute of a language's field: zh-Hant -> zh_Hant."""
    return code.replace("-", "_")


def per_language(name: str, value: Any, doc: str, base: type[PerLanguage] = PerLanguage) -> type[PerLanguage]:
    """A model with one required field per language of the site, `value` each."""
    fields = {
        field_name(lang.code): (value, Field(alias=lang.code, description=f"{lang.name} ({lang.code})"))
        for lang in LANGUAGES
    }
    return create_model(name, __base__=base, __doc__=doc, __module__=__name__, **fields)


Text = per_language(
    "Text",
    NonEmpty,
    "The same text in every language of the site. Plain text: pages show it as written "
    "(HTML-escaped), so markup in it is never interpreted.",
)


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{v!r} is listed twice")
        seen.add(v)
    return values


def _confirmed_by(value: list[str], info: ValidationInfo) -> list[str]:
    """Unique ids, and none on a 'reported' entry (declare `status` before `confirmed_by`)."""
    _unique(value)
    if value and info.data.get("status") == "reported":
        raise ValueError(
            "a 'reported' (網傳) entry cannot also be confirmed by another source; "
            "if the sources confirm it, change its status to 'stated'"
        )
    return value


def _check_date(value: str | None, info: ValidationInfo) -> str | None:
    """The date must exist and agree with the `precision` field (declared
    before `date` in each model so that it is validated first)."""
    if "precision" not in info.data:
        # `precision` itself is invalid and reported on its own.
        if value is not None:
            dates.parse(value)
        return value
    precision = info.data["precision"]
    if value is None:
        if precision is not None:
            raise ValueError(f"missing: 'precision' is {precision!r}, so a date is needed")
        return value
    parsed = dates.parse(value)
    if precision is None:
        raise ValueError(f"{value} needs a 'precision' field ({parsed.precision})")
    if parsed.precision != precision:
        raise ValueError(f"{value} is a {parsed.precision} date but 'precision' says {precision!r}")
    return value


# --- actors.yaml -------------------------------------------------------------


class Actor(Model):
    id: Slug
    kind: Literal["company", "business-unit", "platform", "payment-service", "ad-platform", "regulator"]
    names: Text = Field(description="The name as the site's prose uses it")
    full_names: Text | None = Field(
        None, description="The full or former name, where the prose uses a short one"
    )
    parent: Slug | None = Field(
        None, description="Actor id of the owning company, where the article makes it clear"
    )


class ActorsFile(Model):
    actors: list[Actor] = Field(min_length=1)


# --- sources.yaml ------------------------------------------------------------


class Source(Model):
    id: Slug
    kind: Literal[
        "article",
        "report",
        "financial-results",
        "regulatory-order",
        "news-report",
        "online-report",  # a report circulating online, passed on unconfirmed (網傳)
        # References for background, theories and outside confirmation:
        "book",
        "magazine-article",
        "reference-entry",
        "law",
        "speech",
        "web-page",
    ]
    authors: list[NonEmpty] = Field(
        default_factory=list, description="Names as the page we saw prints them; omit when none is shown"
    )
    publisher: Text | None = Field(None, description="Omit when the citing source does not name one")
    container: Text | None = Field(
        None, description="The magazine, journal, encyclopedia or site a piece appears in"
    )
    volume: NonEmpty | None = Field(None, description="Only where a page we saw prints it")
    issue: NonEmpty | None = Field(None, description="Only where a page we saw prints it")
    pages: NonEmpty | None = Field(None, description="Only where a page we saw prints them")
    isbn: NonEmpty | None = Field(None, description="As printed, only where a page we saw prints it")
    verified_at: list[Url] = Field(
        default_factory=list, description="The pages where we saw the details above (never guessed)"
    )
    title: Text
    title_supplied: bool = Field(
        False, description="True when no title is known and `title` only describes the source"
    )
    short: Text = Field(description="Short label for links, e.g. 藍海億觀網（2025年9月24日）")
    precision: EventPrecision | None = None
    date: DateStr | None = Field(None, validate_default=True, description="Omit when unknown")
    language: Literal["zh", "en"] | None = Field(None, description="Omit when unknown")
    url: Url | None = Field(None, description="Omit when unknown; never invent one")
    as_cited_by: Slug | None = Field(None, description="Id of the source through which we know this one")
    note: Text | None = None

    _date = field_validator("date")(_check_date)


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


# --- timeline.yaml -----------------------------------------------------------


class Phase(Model):
    id: Slug
    start: int = Field(ge=1990, le=2100, description="First year of the phase")
    end: int = Field(ge=1990, le=2100, description="Last year of the phase")
    title: Text
    summary: Text | None = None

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: int, info: ValidationInfo) -> int:
        start = info.data.get("start")
        if start is not None and end < start:
            raise ValueError(f"{end} is before start {start}")
        return end


class Kind(Model):
    id: Slug
    label: Text


class Event(Model):
    id: EventId
    precision: EventPrecision
    date: DateStr
    date_note: Text | None = Field(None, description="What the article says about a vague date")
    phase: Slug
    kind: Slug
    status: Status = Field(description=STATUS_HELP)
    actors: list[Slug]
    title: Text
    summary: Text
    sources: list[Slug] = Field(min_length=1)
    confirmed_by: list[Slug] = Field(default_factory=list, description=CONFIRMED_BY_HELP)
    note: Text | None = None

    _date = field_validator("date")(_check_date)
    _actors = field_validator("actors", "sources")(_unique)
    _confirmed = field_validator("confirmed_by")(_confirmed_by)


class TimelineFile(Model):
    phases: list[Phase] = Field(min_length=1)
    kinds: list[Kind] = Field(min_length=1)
    events: list[Event] = Field(min_length=1)


# --- figures.yaml ------------------------------------------------------------


class FigureGroup(Model):
    id: Slug
    title: Text
    chart: Literal["bar", "diverging"] | None = Field(
        None, description="bar: values from zero; diverging: signed values around zero"
    )


class Figure(Model):
    id: FigureId
    group: Slug
    measure: Text = Field(description="What is measured")
    label: Text = Field(description="Short label for a table row or a chart bar")
    value: int | float
    unit: Unit
    precision: FigurePrecision
    as_of: DateStr
    entities: list[Slug] = Field(description="Actor ids the figure is about; empty for the whole market")
    source: Slug
    status: Status = Field(description=STATUS_HELP)
    confirmed_by: list[Slug] = Field(default_factory=list, description=CONFIRMED_BY_HELP)
    note: Text | None = None

    _as_of = field_validator("as_of")(_check_date)
    _entities = field_validator("entities")(_unique)
    _confirmed = field_validator("confirmed_by")(_confirmed_by)


class FiguresFile(Model):
    groups: list[FigureGroup] = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)


# --- models.yaml -------------------------------------------------------------


class Move(Model):
    id: Slug
    label: Text


class Outcome(Model):
    id: Slug
    label: Text
    cells: list[Annotated[list[Slug], Field(min_length=2, max_length=2)]] = Field(
        min_length=1, description="Move pairs [first player's move, second player's move]"
    )
    outcome: Text = Field(description="The outcome as the article describes it, qualitatively")


class Dilemma(Model):
    title: Text
    players: list[Slug] = Field(min_length=2, max_length=2, description="Two actor ids")
    moves: list[Move] = Field(min_length=2, max_length=2)
    outcomes: list[Outcome] = Field(min_length=1)
    source: Slug


class Force(Model):
    id: ForceId
    force: Text
    who: Text | None = Field(None, description="Who plays this force in the article's reading")
    actors: list[Slug]
    claim: Text | None = Field(None, description="The article's claim; omit if it does not discuss the force")
    explicit: bool = Field(description="True when the article itself names this force")
    source: Slug

    @field_validator("explicit")
    @classmethod
    def _explicit_needs_claim(cls, explicit: bool, info: ValidationInfo) -> bool:
        if explicit and info.data.get("claim", "absent") is None:
            raise ValueError("true, but there is no 'claim'")
        return explicit


class ModelsFile(Model):
    dilemma: Dilemma
    five_forces: list[Force] = Field(min_length=5, max_length=5)


# --- games.yaml --------------------------------------------------------------

GameMove = Literal["open", "block"]
TypeWord = Literal["open", "block", "match", "oppose", "dominant", "contingent"]
Rank = Annotated[int, Field(ge=1, le=4)]
Pair = Annotated[list[Rank], Field(min_length=2, max_length=2)]
Row = Annotated[list[Pair], Field(min_length=2, max_length=2)]


class FamilyCondition(Model):
    types: list[TypeWord] = Field(
        min_length=2, max_length=2, description="The two players' types, either order"
    )
    dilemma: bool | None = Field(
        None, description="Whether a stable cell is worse for both than another; omit: either"
    )


class Family(Model):
    id: Slug
    when: list[FamilyCondition] = Field(min_length=1)
    name: Text
    summary: Text = Field(description="What this kind of game means for the two sides, in a sentence")
    source: Slug | None = Field(None, description="Where the name is used; omit for the site's own label")


class Preset(Model):
    id: Slug
    label: Text
    ranks: list[Row] = Field(
        min_length=2,
        max_length=2,
        description="Rows: the first player opens, blocks; columns: the second player opens, blocks; "
        "each cell [first player's rank, second player's rank], 4 best, 1 worst",
    )
    note: Text = Field(description="Why these ranks: what they read in the article, or that they are ours")
    basis: Literal["article", "ours"] = Field(
        description="article: the article's own reading; ours: the site's illustration"
    )
    source: Slug
    events: list[EventId] = Field(default_factory=list, description="Timeline events the preset rests on")

    @field_validator("ranks")
    @classmethod
    def _strict_ranking(cls, ranks: list[list[list[int]]]) -> list[list[list[int]]]:
        for player, which in enumerate(("first", "second")):
            got = [cell[player] for row in ranks for cell in row]
            if sorted(got) != [1, 2, 3, 4]:
                shown = ", ".join(str(g) for g in got)
                raise ValueError(
                    f"the {which} number of the four cells (the {which} player's ranks) must be "
                    f"1, 2, 3 and 4, each once; got {shown}"
                )
        return ranks


class Rule(Model):
    first: Literal["open", "block", "random"] = Field(description="The move in round 1")
    then: Literal["open", "block", "copy", "grim", "random"] = Field(
        description="open/block: always; copy: block when the other blocked in each of the last `after` "
        "rounds; grim: block once the other has ever blocked; random: open with probability `p_open`"
    )
    after: int | None = Field(None, ge=1, le=10, description="For copy: how many blocks in a row it answers")
    p_open: float | None = Field(None, ge=0, le=1, description="For random: the chance of opening")

    @model_validator(mode="after")
    def _parameters(self) -> Rule:
        if self.then == "copy" and self.after is None:
            raise ValueError("'then: copy' needs 'after' (1 for tit for tat)")
        if self.after is not None and self.then != "copy":
            raise ValueError("'after' is only for 'then: copy'")
        uses_random = "random" in (self.first, self.then)
        if uses_random and self.p_open is None:
            raise ValueError("a random step needs 'p_open'")
        if self.p_open is not None and not uses_random:
            raise ValueError("'p_open' is only for a random step")
        return self


class Strategy(Model):
    id: Slug
    name: Text
    rule: Rule
    source: Slug | None = None


class ReplayRound(Model):
    event: EventId
    moves: list[GameMove] = Field(min_length=2, max_length=2, description="[first player's move, second's]")


class Replay(Model):
    preset: Slug
    strategies: list[Slug] = Field(min_length=2, max_length=2)
    seed: int = Field(ge=0, le=2**32 - 1)
    rounds: list[ReplayRound] = Field(min_length=1)
    source: Slug


class Tournament(Model):
    preset: Slug
    rounds: int = Field(ge=1, le=200)
    seed: int = Field(ge=0, le=2**32 - 1)


class GamesFile(Model):
    players: list[Slug] = Field(
        min_length=2, max_length=2, description="Actor ids: the rows' player, the columns'"
    )
    families: list[Family] = Field(min_length=1)
    presets: list[Preset] = Field(min_length=1)
    strategies: list[Strategy] = Field(min_length=1)
    replay: Replay
    tournament: Tournament


# --- glossary.yaml -----------------------------------------------------------


class TermText(Model):
    term: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)
    definition: NonEmpty


class _TermBase(PerLanguage):
    fixed: ClassVar[tuple[str, ...]] = ("id",)
    id: Slug


Term = per_language(
    "Term", TermText, "A term, with its spelling and definition in every language.", _TermBase
)


class GlossaryFile(Model):
    terms: list[Term] = Field(min_length=1)


# File name -> model of its top level; the order is the order of loading.
FILES: dict[str, type[Model]] = {
    "actors.yaml": ActorsFile,
    "sources.yaml": SourcesFile,
    "timeline.yaml": TimelineFile,
    "figures.yaml": FiguresFile,
    "models.yaml": ModelsFile,
    "glossary.yaml": GlossaryFile,
    "games.yaml": GamesFile,
}
