"""The event pattern lexicon: predicates with their argument frames, read from our TSV files.

Patterns live in ``eventwire/data/events/*.tsv`` (the format is in ``docs/events.md``), one
file per group of CAMEO roots, so that a pattern can be read, reviewed and blamed like
prose. This module parses and validates them once per process and indexes them by the
predicate's lemma, which is what the engine looks up for every verb and noun of a sentence.
A malformed row is a bug in our data: it raises ``LexiconError`` naming the file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

PatternKind = Literal["verb", "noun"]
SlotKind = Literal["subj", "dobj", "iobj", "prep", "xcomp-subj"]
COLUMNS = ("id", "code", "kind", "predicate", "object", "source", "target", "example", "expect")
_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
_CODE = re.compile(r"^(?:0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_OBJECT_CLASS = re.compile(r"^@(?:party|[a-z]{3})$")
_EXPECT = re.compile(r"^([A-Z]{3}|-)>([A-Z]{3}|-)$")
_SLOT_KINDS: frozenset[str] = frozenset({"subj", "dobj", "iobj", "xcomp-subj"})


class LexiconError(ValueError):
    """A pattern row that cannot be read (our data is wrong): names the file and line."""


@dataclass(frozen=True)
class Slot:
    """Where an argument is found: a grammatical role, or ``prep`` with its preposition."""

    kind: SlotKind
    word: str | None = None

    def __str__(self) -> str:
        return f"prep:{self.word}" if self.kind == "prep" else self.kind


@dataclass(frozen=True)
class Pattern:
    """One predicate and its frame, mapped to a CAMEO code.

    ``lemma`` is the predicate's head lemma and ``words`` the particles or prepositions it
    needs ("call for" -> lemma ``call``, words ``("for",)``). ``objects`` constrains a verb's
    direct object ("hold" + talk) or a noun's governing verb; empty means any.
    ``intransitive`` (``!`` in the object column) requires a verb without a direct object:
    "thousands demonstrated" protests, "demonstrated its new missile" does not.
    """

    id: str
    code: str
    kind: PatternKind
    lemma: str
    words: tuple[str, ...]
    objects: frozenset[str]
    source: tuple[Slot, ...]
    target: tuple[Slot, ...]
    example: str
    expect: tuple[str | None, str | None]
    origin: str
    intransitive: bool = False

    @property
    def specificity(self) -> int:
        """How much of the sentence a pattern constrains: more wins when several fit."""
        return 2 * len(self.words) + (3 if self.objects else 0) + (1 if self.intransitive else 0)


@dataclass(frozen=True)
class Lexicon:
    """Every pattern, indexed by kind and head lemma."""

    patterns: tuple[Pattern, ...]
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]

    def pattern(self, pattern_id: str) -> Pattern:
        """The pattern with this id (for the engine's rules that code a construction, not a word)."""
        found = next((pattern for pattern in self.patterns if pattern.id == pattern_id), None)
        if found is None:
            raise LexiconError(f"no pattern {pattern_id!r} in eventwire/data/events")
        return found


def parse_slots(text: str, where: str) -> tuple[Slot, ...]:
    """``subj|prep:with`` -> the slots in order of preference; ``-`` -> none."""
    if text == "-":
        return ()
    slots: list[Slot] = []
    for part in text.split("|"):
        if part.startswith("prep:") and len(part) > 5:
            slots.append(Slot("prep", part[5:]))
        elif part in _SLOT_KINDS:
            slots.append(Slot(part))  # type: ignore[arg-type]
        else:
            raise LexiconError(f"{where}: unknown slot {part!r}")
    return tuple(slots)


def parse_row(fields: list[str], where: str) -> Pattern:
    """One TSV row as a ``Pattern``, checked column by column."""
    if len(fields) != len(COLUMNS):
        raise LexiconError(f"{where}: {len(fields)} columns, expected {len(COLUMNS)} ({', '.join(COLUMNS)})")
    pattern_id, code, kind, predicate, objects, source, target, example, expect = (f.strip() for f in fields)
    if not _ID.match(pattern_id):
        raise LexiconError(f"{where}: bad id {pattern_id!r} (lower case, family.name)")
    if not _CODE.match(code):
        raise LexiconError(f"{where}: bad CAMEO code {code!r}")
    if kind not in ("verb", "noun"):
        raise LexiconError(f"{where}: kind must be verb or noun, not {kind!r}")
    words = predicate.split()
    if not words:
        raise LexiconError(f"{where}: empty predicate")
    expected = _EXPECT.match(expect)
    if not expected:
        raise LexiconError(f"{where}: expect must be SRC>TGT country codes or -, not {expect!r}")
    classes = [o for o in objects.split("|") if o.startswith("@")]
    if any(not _OBJECT_CLASS.match(o.lower()) for o in classes):
        raise LexiconError(f"{where}: object classes are @party or @<sector> (@mil, @ref...), not {classes}")
    source_slots = parse_slots(source, where)
    if not source_slots:
        raise LexiconError(f"{where}: a pattern needs a source slot")
    if not example:
        raise LexiconError(f"{where}: every pattern needs an example sentence")
    return Pattern(
        id=pattern_id,
        code=code,
        kind=kind,  # type: ignore[arg-type]
        lemma=words[0].lower(),
        words=tuple(word.lower() for word in words[1:]),
        objects=frozenset() if objects in ("-", "!") else frozenset(o.strip().lower() for o in objects.split("|")),
        intransitive=objects == "!",
        source=source_slots,
        target=parse_slots(target, where),
        example=example,
        expect=(None if expected[1] == "-" else expected[1], None if expected[2] == "-" else expected[2]),
        origin=where,
    )


def read_patterns(name: str, text: str) -> list[Pattern]:
    """Patterns of one file's text; ``#`` lines, blank lines and the header are skipped."""
    patterns = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        patterns.append(parse_row(line.split("\t"), f"{name}:{number}"))
    return patterns


@cache
def load_lexicon() -> Lexicon:
    """Every pattern file under ``eventwire/data/events``, validated and indexed (once)."""
    folder = resources.files("eventwire") / "data" / "events"
    patterns: list[Pattern] = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".tsv"):
            patterns.extend(read_patterns(entry.name, entry.read_text(encoding="utf-8")))
    seen: dict[str, str] = {}
    for pattern in patterns:
        if pattern.id in seen:
            raise LexiconError(f"{pattern.origin}: duplicate id {pattern.id!r} (first at {seen[pattern.id]})")
        seen[pattern.id] = pattern.origin
    verbs: defaultdict[str, list[Pattern]] = defaultdict(list)
    nouns: defaultdict[str, list[Pattern]] = defaultdict(list)
    for pattern in patterns:
        (verbs if pattern.kind == "verb" else nouns)[pattern.lemma].append(pattern)
    return Lexicon(
        tuple(patterns),
        {lemma: tuple(group) for lemma, group in verbs.items()},
        {lemma: tuple(group) for lemma, group in nouns.items()},
    )


def data_rows(path: str, header: str | None = None) -> list[tuple[str, list[str]]]:
    """The tab-separated rows of a data file under ``eventwire/data`` (``path`` like
    "modality/transforms.tsv"), each with its "file:line" for error messages; ``#`` lines,
    blank lines and the header line (starting with ``header``) are skipped."""
    text = (resources.files("eventwire") / "data" / path).read_text(encoding="utf-8")
    name = path.rsplit("/", 1)[-1]
    return [
        (f"{name}:{number}", line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#") and not (header and line.startswith(f"{header}\t"))
    ]


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line list under ``eventwire/data/events``: ``support_verbs.txt``
    (verbs whose subject does what their object noun names), ``occurrence_verbs.txt``,
    ``measure_nouns.txt`` (nouns that stand for what their "of" phrase names),
    ``speech_verbs.txt``."""
    return frozenset(fields[0].strip() for _, fields in data_rows(f"events/{name}"))


@cache
def sectors_with_role(role: str) -> frozenset[str]:
    """The actor sectors ``sector_roles.tsv`` gives ``role`` (state, home, challenger, armed,
    abroad): what the coder assumes of a sector when it places or pairs parties."""
    return frozenset(sector for _, (sector, sector_role) in data_rows("sector_roles.tsv", "sector") if sector_role == role)


@cache
def doer_recodes() -> dict[tuple[str, str], str]:
    """(code, sector role of the doer) -> the code CAMEO gives that doer's act
    (``doer_recodes.tsv``: protesters "blocking" roads obstruct, 144; they impose no
    blockade, 191)."""
    return {(code, role): recoded for _, (code, role, recoded, _why) in data_rows("doer_recodes.tsv", "code")}
