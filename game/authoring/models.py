"""The shape of a scenario file and a rights catalogue file (docs/CONTRACTS.md §3, §4).

Closed models (``extra="forbid"``) so a misspelt key is an error, not a silently ignored line;
strict types so ``shown: "yes"`` or ``weight: 2.5`` are caught; the fixed vocabularies as
``Literal`` so the generated JSON Schema lists them for editor completion.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, model_validator

from game.engine import vocab
from game.engine.bounds import VARIABLE_LIMIT

# Patterns. Each has a plain description in diagnostics.PATTERN_NAMES.
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
NAME = r"^[a-z][a-z0-9_]*$"  # variables appear in conditions, so no hyphens (they would read as minus)
CHARACTER_ID = r"^[a-z][a-z0-9_-]*$"
RIGHT_ID = r"^([0-9]{4}/[0-9]+:)?[0-9]+[a-z]?(\([0-9a-z]+\))*$"
SEMVER = r"^[0-9]+\.[0-9]+\.[0-9]+$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Z]{2})?$"

# Words of the condition language that cannot name a variable.
RESERVED_NAMES = frozenset({"and", "or", "not", "true", "false", "visited", "visits", "chose", "assessed"})

Slug = Annotated[str, StringConstraints(pattern=SLUG)]
VarName = Annotated[str, StringConstraints(pattern=NAME)]
CharacterId = Annotated[str, StringConstraints(pattern=CHARACTER_ID)]
Text = Annotated[str, StringConstraints(min_length=1)]


def _number_as_text(value: object) -> object:
    # Authors write article numbers bare ('right: 9'); YAML reads that as a number.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


RightId = Annotated[
    str,
    BeforeValidator(_number_as_text),
    StringConstraints(pattern=RIGHT_ID),
    WithJsonSchema({"type": ["string", "integer"], "pattern": RIGHT_ID}),
]

Stage = Literal[vocab.STAGES]  # type: ignore[valid-type]
Role = Literal[vocab.ROLES]  # type: ignore[valid-type]
Location = Literal[vocab.LOCATIONS]  # type: ignore[valid-type]
Portrait = Literal[vocab.PORTRAITS]  # type: ignore[valid-type]
Mood = Literal[vocab.MOODS]  # type: ignore[valid-type]
Outcome = Literal[vocab.OUTCOMES]  # type: ignore[valid-type]
Verdict = Literal[vocab.VERDICTS]  # type: ignore[valid-type]

MIN_CHOICES = 2
MAX_CHOICES = 6


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


# --- scenario ------------------------------------------------------------------------------

class Character(Closed):
    name: Text
    portrait: Portrait
    moods: list[Mood] = Field(default_factory=lambda: ["neutral"], min_length=1)


# A variable's start, min and max stay within ±VARIABLE_LIMIT (a meter, not a number to print).
Bounded = Annotated[int, Field(ge=-VARIABLE_LIMIT, le=VARIABLE_LIMIT)]


class Variable(Closed):
    start: Bounded
    min: Bounded = 0
    max: Bounded = 100
    label: Text
    shown: bool = True

    @model_validator(mode="after")
    def _start_in_range(self):
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        if not self.min <= self.start <= self.max:
            raise ValueError(f"start ({self.start}) is outside min..max ({self.min}..{self.max})")
        return self


class Line(Closed):
    id: Optional[Slug] = Field(None, description="Stable text id; keeps translations when lines are inserted.")
    speaker: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="'narrator' or a character id.")
    mood: Optional[Mood] = None
    text: Text


class Assess(Closed):
    right: RightId = Field(description="A right id from a listed catalogue, e.g. '3(2)' or '20(b)'.")
    verdict: Verdict
    weight: Annotated[int, Field(ge=1, le=3)]


class Choice(Closed):
    id: Slug
    text: Text
    next: Slug
    effects: dict[VarName, int] = Field(default_factory=dict, description="Deltas, e.g. {trust: +10}.")
    assess: list[Assess] = Field(default_factory=list)
    feedback: Text
    show_if: Optional[str] = Field(None, description="Condition; the choice is hidden when it is false.")
    enable_if: Optional[str] = Field(None, description="Condition; the choice is shown disabled when false.")


class Scene(Closed):
    id: Slug
    kind: Literal["scene"]
    stage: Stage
    location: Location
    lines: list[Line] = Field(min_length=1)
    next: Slug


class Discussion(Closed):
    before: list[Text] = Field(default_factory=list, description=(
        "Questions for the room while it votes: they must not give the recommended option away."))
    after: list[Text] = Field(default_factory=list, description=(
        "Points for after the choice is revealed: what the provision asks, why an option is recommended."))


class Decision(Closed):
    id: Slug
    kind: Literal["decision"]
    stage: Stage
    role: Role
    location: Optional[Location] = None
    prompt: Text
    discuss: Union[Discussion, list[Text]] = Field(default_factory=list, description=(
        "Prompts for facilitated play: {before: [...], after: [...]}; a plain list is read as 'before'."))
    order: Literal["shuffled", "fixed"] = Field(
        "shuffled", description="'shuffled' (default): each playthrough shows the options in an order drawn from "
        "its seed. 'fixed': always as written, for options that form a scale (e.g. from least to most).")
    choices: list[Choice] = Field(min_length=MIN_CHOICES, max_length=MAX_CHOICES)

    def discussion(self) -> list[tuple[str, int, str, tuple]]:
        """Every discussion prompt as (part, n, text, path below the node): part is "before" or
        "after"; the path is where the text stands in the YAML (a plain list is all "before")."""
        if isinstance(self.discuss, list):
            return [("before", n, t, ("discuss", n)) for n, t in enumerate(self.discuss)]
        return [(part, n, t, ("discuss", part, n)) for part in ("before", "after")
                for n, t in enumerate(getattr(self.discuss, part))]


MAX_SECTIONS = 6
MAX_ITEMS = 8


class ItemAssess(Closed):
    right: RightId = Field(description="The provision the item rests on, e.g. '22(4)'; the verdict is derived.")
    weight: Annotated[int, Field(ge=1, le=3)]


class Item(Closed):
    id: Slug = Field(description="Unique within the assessment; assessed(<assessment>, <item>) tests the mark.")
    text: Text
    applies: bool = Field(description="Do the case's facts support marking it?")
    assess: list[ItemAssess] = Field(min_length=1)
    if_missed: Literal["misses", "breaches"] = Field("misses", description=(
        "The verdict when it applies and is not marked: 'breaches' for a 'shall' the facts clearly trigger."))
    feedback: Text = Field(description="Why it applies (or does not), citing the provision by its conditions.")


class Section(Closed):
    id: Slug
    title: Text
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)


class Measures(Closed):
    title: Text
    items: list[Item] = Field(default_factory=list, max_length=MAX_ITEMS)


class AssessmentEffects(Closed):
    good: dict[VarName, int] = Field(default_factory=dict, description="Deltas when at least 80 % is right.")
    poor: dict[VarName, int] = Field(default_factory=dict, description="Deltas when less than 50 % is right.")


class Assessment(Closed):
    """A structured individual assessment (Art. 22): sections of items to mark, then measures."""

    id: Slug
    kind: Literal["assessment"]
    stage: Stage
    role: Role
    location: Optional[Location] = None
    prompt: Text
    discuss: Union[Discussion, list[Text]] = Field(default_factory=list)
    order: Literal["shuffled", "fixed"] = Field(
        "shuffled", description="'shuffled' (default): items within each section in an order drawn from the seed.")
    sections: list[Section] = Field(min_length=1, max_length=MAX_SECTIONS)
    measures: Measures
    effects: AssessmentEffects = Field(default_factory=AssessmentEffects)
    next: Slug
    revises: Optional[Slug] = Field(None, description=(
        "An earlier assessment of the same child (22(7)): this one starts from its marks."))

    def discussion(self) -> list[tuple[str, int, str, tuple]]:
        return Decision.discussion(self)  # type: ignore[arg-type]

    def all_items(self) -> list[tuple[tuple, "Item"]]:
        """Every item with its path below the node: sections first, then the measures."""
        out = [(("sections", s, "items", k), item) for s, sec in enumerate(self.sections)
               for k, item in enumerate(sec.items)]
        return out + [(("measures", "items", k), item) for k, item in enumerate(self.measures.items)]


class Case(Closed):
    when: str = Field(description="Condition, e.g. 'stress >= 70'.")
    next: Slug


class Branch(Closed):
    id: Slug
    kind: Literal["branch"]
    stage: Stage
    cases: list[Case] = Field(min_length=1)
    else_: Slug = Field(alias="else")


class Ending(Closed):
    id: Slug
    kind: Literal["ending"]
    stage: Stage
    outcome: Outcome
    title: Text
    text: Text


Node = Annotated[Union[Scene, Decision, Branch, Ending, Assessment], Field(discriminator="kind")]
NODE_MODELS: dict[str, type[Closed]] = {"scene": Scene, "decision": Decision, "branch": Branch, "ending": Ending,
                                        "assessment": Assessment}


class Scenario(Closed):
    """A scenario: metadata, characters, variables and the node graph, from ``start``."""

    model_config = ConfigDict(title="RightsPath scenario")

    id: Slug = Field(description="Equals the file name without .yaml.")
    version: Annotated[str, StringConstraints(pattern=SEMVER)]
    language: Annotated[str, StringConstraints(pattern=LANGUAGE)] = "en"
    title: Text
    summary: Text
    content_warning: Text
    duration_minutes: Annotated[int, Field(ge=1, le=600)]
    mastery: Annotated[float, Field(ge=0, le=1)] = Field(description="Passed when the scaled score reaches it.")
    rights: list[Slug] = Field(min_length=1, description="Catalogues used: scenarios/rights/<id>.yaml.")
    characters: dict[CharacterId, Character] = Field(default_factory=dict)
    variables: dict[VarName, Variable] = Field(default_factory=dict)
    start: Slug
    nodes: list[Node] = Field(min_length=1)


# --- rights catalogue ----------------------------------------------------------------------

class Right(Closed):
    id: RightId = Field(description="Article(paragraph)(point) exactly as cited, e.g. '20(b)'.")
    parent: Optional[RightId] = None
    title: Text
    text: Text
    stages: list[Stage] = Field(default_factory=list)
    actors: list[Role] = Field(default_factory=list)
    unverified: bool = False


class Catalogue(Closed):
    """A rights catalogue: the citable provisions of one legal instrument."""

    model_config = ConfigDict(title="RightsPath rights catalogue")

    id: Slug
    instrument: Text = Field(description="e.g. 'Directive 2012/29/EU'.")
    short_name: Text
    adopted: datetime.date
    source: Text
    version: Text
    edition: Optional[Text] = Field(None, description=(
        "The text followed, in a few words, shown beside a citation on the feedback screen: "
        "e.g. '2012 text' or 'as amended by Directive (EU) 2024/1712'. From 'version'."))
    prefix: str = ""
    rights: list[Right] = Field(min_length=1)
