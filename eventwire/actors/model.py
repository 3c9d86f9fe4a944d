"""The actor records that recognition produces and the JSON output carries.

An ``Actor`` is one participant of an article (a person, a country, an organisation or an
unnamed group such as "Turkish troops") with its CAMEO-style code and every place the
article mentions it. Each ``Mention`` says how it was tied to the actor (``resolution``), so
an analyst can check any coding against the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.records import record_dict

ActorKind = Literal["person", "country", "organisation", "group"]
ResolvedBy = Literal["dictionary", "title", "description", "coreference", "unresolved"]
"""How an actor's code was found: a table row (``dictionary``), the title written beside a
name (``title``), the noun phrase that names an unnamed group ("Turkish troops":
``description``), a later role description of a person named without a title ("Ayman
Safadi said ... the Jordanian foreign minister added": ``coreference``), or nothing
(``unresolved``: a named person with no table row and no title; kept, not dropped, so that
nothing in the text is skipped silently)."""

Resolution = Literal["dictionary", "title", "description", "surname", "role", "pronoun", "speaker", "unresolved"]
"""How one mention was tied to its actor: a table row, a title beside a name, a described
group ("Turkish troops"), or coreference by surname, by role description ("the Russian
leader") or by pronoun; ``speaker`` for "I"/"we" inside a quote attributed to the actor
(added by ``eventwire.quotes.with_quoted_speakers`` for the event stage); ``unresolved``
for a named person nothing codes."""


@dataclass(frozen=True)
class Mention:
    """One place where the article names or refers to an actor (character offsets into the text)."""

    start: int
    end: int
    text: str
    resolution: Resolution
    sentence_index: int


@dataclass(frozen=True)
class ActorCode:
    """A coded actor description: ISO3 country (or None), sector (or None), CAMEO code, name."""

    country: str | None
    sector: str | None
    code: str | None
    name: str | None


@dataclass
class Actor:
    """One participant of an article, coded the CAMEO way, with the mentions that name it.

    ``code`` is country + sector [+ secondary] (``RUSGOV``, ``GBRGOVMIL``), a bare country
    code for a country acting as a whole (``RUS``), an organisation's own code
    (``IGOUNO``), a sector alone when no country is known (``GOV``), or None for an
    unresolved person. ``evidence`` holds the text the code was read from when it did not
    come from a table (a person's title, a group's description, the sentence that gave a
    missing country).
    """

    name: str
    code: str | None
    country: str | None
    sector: str | None
    kind: ActorKind
    resolved_by: ResolvedBy
    mentions: list[Mention] = field(default_factory=list)
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


def code_parts(code: str | None) -> list[str]:
    """The three-letter parts of an actor code: "IGOUNOJUD" -> IGO, UNO, JUD."""
    return [code[index : index + 3] for index in range(0, len(code), 3)] if code else []


def compose_code(country: str | None, sector: str | None, secondary: str | None = None) -> str | None:
    """CAMEO actor code from its parts: ``RUS`` + ``GOV`` + ``MIL`` -> ``RUSGOVMIL``.

    A secondary sector equal to the primary adds nothing and is dropped; with neither a
    country nor a sector there is no code.
    """
    parts = [part for part in (country, sector) if part]
    if secondary and secondary != sector and sector:
        parts.append(secondary)
    return "".join(parts) or None
