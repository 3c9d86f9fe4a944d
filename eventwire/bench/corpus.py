"""A generated news corpus for benchmarks and failure tests, deterministic by seed.

    python -m eventwire.bench.corpus 2000 /tmp/corpus --seed 7 --format html
    python -m eventwire.bench.corpus 5000 /tmp/crawl --format warc --per-warc 1000

Each article is a story of one kind (talks, accusation, sanctions, ...) between two states
of ``countries.tsv`` with a third as mediator or bystander, their office holders on the
day from ``people.tsv``, our sentences from ``templates.py``, a fictional outlet, a URL,
an author and a date (2023-2025). About one article in ten is a syndicated near-copy of a
recent one by another outlet (a paragraph dropped or moved, a few words swapped), so that
story clustering has work to do, and one in fifty an exact copy under another URL, which
the store keeps once (same text, same id). The record says which article each copy copies.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path

from eventwire.actors.countries import Country, load_countries
from eventwire.actors.people import Office, read_offices
from eventwire.article import article_id
from eventwire.bench import templates as t
from eventwire.bench.formats import ARTICLES_PER_WARC, WRITERS, write_warc

NEAR_COPY_SHARE = 0.10
EXACT_COPY_SHARE = 0.02
FIRST_DAY = date(2023, 1, 1)
DAYS = 1000
MIN_WORDS, MAX_WORDS = 300, 600
RECENT = 50
"""How many of the latest originals a copy may be taken from (copies follow their story)."""

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SENTENCE_THE = re.compile(r'(^|[.!?]"? )the ')
_SLUG = re.compile(r"[^a-z0-9]+")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_DATELINE_PARTY = {"strike": "B", "aid": "B", "protest": "B", "talks": "C", "agreement": "C"}
"""Whose capital a story is filed from (the others: the first party's)."""


@dataclass(frozen=True)
class GeneratedArticle:
    """One article of the corpus with its metadata.

    ``copy_of`` is the number of the article this one copies (None for an original);
    ``exact`` says the body is the copied one unchanged.
    """

    number: int
    url: str
    outlet: str
    title: str
    published: date
    author: str
    paragraphs: tuple[str, ...]
    copy_of: int | None = None
    exact: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """One choice of every ``[a|b]``, then the slots; a slot's "the" opening a sentence is capitalised."""
    text = _CHOICE.sub(lambda match: rng.choice(match.group(1).split("|")), template).format_map(slots)
    return _SENTENCE_THE.sub(lambda match: f"{match.group(1)}The ", text)


@lru_cache(maxsize=1)
def _states() -> tuple[Country, ...]:
    return tuple(country for country in load_countries() if country.status == "member" and country.adjectives and country.capitals)


@lru_cache(maxsize=1)
def _offices() -> dict[str, tuple[Office, ...]]:
    by_country: dict[str, list[Office]] = {}
    for office in read_offices():
        by_country.setdefault(office.country, []).append(office)
    return {country: tuple(offices) for country, offices in by_country.items()}


def _office_holder(country: Country, day: date, roles: tuple[str, ...], fallback: str) -> str:
    """"Prime Minister Jane Doe" for the first of ``roles`` someone held on ``day``, else ``fallback``."""
    held = [office for office in _offices().get(country.iso3, ()) if office.held_on(day) and office.role in roles]
    if not held:
        return fallback
    office = min(held, key=lambda office: roles.index(office.role))
    return f"{office.role} {office.name}"


def _party_slots(prefix: str, country: Country, day: date) -> dict[str, str]:
    adjective = country.adjectives[0]
    return {
        prefix: country.name,
        f"{prefix}_adj": adjective,
        f"{prefix}_capital": country.capitals[0],
        f"{prefix}_leader": _office_holder(country, day, ("President", "Prime Minister"), f"the {adjective} president"),
        f"{prefix}_fm": _office_holder(
            country, day, ("Foreign Minister", "Foreign Secretary"), f"the {adjective} foreign minister"
        ),
    }


def _slots(kind: str, day: date, rng: random.Random) -> dict[str, str]:
    a, b, c = rng.sample(_states(), 3)
    slots = {**_party_slots("A", a, day), **_party_slots("B", b, day), **_party_slots("C", c, day)}
    goods, goods2 = rng.sample(t.GOODS, 2)
    issue, issue2 = rng.sample(t.ISSUES, 2)
    slots.update(
        venue=slots["C_capital"],
        DATELINE=slots[f"{_DATELINE_PARTY.get(kind, 'A')}_capital"].upper(),
        weekday=_WEEKDAYS[day.weekday()],
        next_weekday=rng.choice(_WEEKDAYS),
        month=rng.choice(_MONTHS),
        year=str(rng.randint(1995, day.year - 1)),
        issue=issue,
        issue2=issue2,
        offence=rng.choice(t.OFFENCES),
        disaster=rng.choice(t.DISASTERS),
        goods=goods,
        goods2=goods2,
        place=f"{rng.choice(t.PLACES)} of {rng.choice(('Ardan', 'Belvo', 'Corrin', 'Dusha', 'Elmar', 'Farrow', 'Gavi'))}",
        institute=f"{rng.choice(t.INSTITUTES)} in {slots['C_capital']}",
        analyst=f"{rng.choice(t.FIRST_NAMES)} {rng.choice(t.LAST_NAMES)}",
        n=str(rng.randint(2, 40)),
        n2=str(rng.randint(2, 12)),
        n3=str(rng.randint(5, 90)),
        months=str(rng.randint(2, 30)),
        pct=str(rng.randint(5, 60)),
        pct2=f"{rng.randint(2, 40) / 10:.1f}",
        amount=f"${rng.randint(2, 900)} million",
        amount2=f"${rng.randint(2, 60)} billion",
    )
    return slots


def _url(host: str, day: date, title: str, number: int) -> str:
    slug = "-".join(_SLUG.sub(" ", title.lower()).split()[:8])
    return f"https://{host}/{day:%Y/%m/%d}/{slug}-{number}"


def _byline(rng: random.Random) -> tuple[str, str, str]:
    """An outlet's name and host, and an author."""
    name, host = rng.choice(t.OUTLETS)
    return name, host, f"{rng.choice(t.FIRST_NAMES)} {rng.choice(t.LAST_NAMES)}"


def original(number: int, rng: random.Random) -> GeneratedArticle:
    """A new story of a random kind, between MIN_WORDS and MAX_WORDS long."""
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    kind = rng.choice(sorted(t.KINDS))
    parts = t.KINDS[kind]
    slots = _slots(kind, day, rng)
    body = rng.sample(parts["body"], rng.randint(2, len(parts["body"])))
    shared = rng.sample(t.SHARED, len(t.SHARED))
    paragraphs = [fill(rng.choice(parts["leads"]), slots, rng)] + [fill(p, slots, rng) for p in body]
    words = MIN_WORDS + rng.randrange(MAX_WORDS - MIN_WORDS)
    while shared and sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(fill(shared.pop(), slots, rng))
    title = fill(rng.choice(parts["headlines"]), slots, rng)
    outlet, host, author = _byline(rng)
    return GeneratedArticle(number, _url(host, day, title, number), outlet, title, day, author, tuple(paragraphs))


def near_copy(number: int, source: GeneratedArticle, rng: random.Random, *, exact: bool) -> GeneratedArticle:
    """``source`` as another outlet ran it: unchanged (``exact``), or lightly edited."""
    outlet, host, author = _byline(rng)
    while outlet == source.outlet:
        outlet, host, author = _byline(rng)
    paragraphs, title, day = list(source.paragraphs), source.title, source.published
    if not exact:
        if len(paragraphs) > 4 and rng.random() < 0.5:
            del paragraphs[rng.randrange(2, len(paragraphs))]
        if len(paragraphs) > 3 and rng.random() < 0.5:
            i = rng.randrange(1, len(paragraphs) - 1)
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        for old, new in rng.sample(t.REWORDINGS, 3):
            holding = [i for i, paragraph in enumerate(paragraphs) if old in paragraph]
            if holding:
                i = rng.choice(holding)
                paragraphs[i] = paragraphs[i].replace(old, new, 1)
        if tuple(paragraphs) == source.paragraphs:  # no edit took: a copy that differs must differ
            del paragraphs[-1]
        title = rng.choice((title, f"UPDATE 1-{title}", f"{title} (updated)"))
        day += timedelta(days=rng.choice((0, 0, 1)))
    return GeneratedArticle(
        number, _url(host, day, title, number), outlet, title, day, author, tuple(paragraphs), source.number, exact
    )


def generate(count: int, *, seed: int = 0) -> Iterator[GeneratedArticle]:
    """``count`` articles, the same ones for the same seed."""
    rng = random.Random(seed)
    recent: list[GeneratedArticle] = []
    for number in range(1, count + 1):
        roll = rng.random()
        if recent and roll < NEAR_COPY_SHARE + EXACT_COPY_SHARE:
            yield near_copy(number, rng.choice(recent), rng, exact=roll < EXACT_COPY_SHARE)
            continue
        article = original(number, rng)
        recent = [*recent[-(RECENT - 1) :], article]
        yield article


def distinct_bodies(articles: list[GeneratedArticle]) -> int:
    """How many different articles a store should hold: exact copies share one id."""
    return len({article_id(article.text) for article in articles})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m eventwire.bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="How many articles.")
    parser.add_argument("out", type=Path, help="Directory to write them into (created).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=sorted(WRITERS), default="html")
    parser.add_argument(
        "--per-warc", type=int, default=ARTICLES_PER_WARC, metavar="N", help="Articles in one WARC file (--format warc)."
    )
    args = parser.parse_args(argv)
    if args.per_warc < 1:
        parser.error("--per-warc must be at least 1")
    articles = list(generate(args.count, seed=args.seed))
    writer = partial(write_warc, per_file=args.per_warc) if args.format == "warc" else WRITERS[args.format]
    files = writer(articles, args.out)
    copies = sum(article.copy_of is not None for article in articles)
    print(
        f"{len(articles)} articles in {files} files ({copies} copies, {distinct_bodies(articles)} distinct bodies) "
        f"-> {args.out}"
    )


if __name__ == "__main__":
    main()
