"""Event dates: each sentence (our own writing) is parsed, its anchor picked by text, and the
resolved value checked exactly against a fixed publication date.

Publication is Friday 16 August 2024 unless a case says otherwise, so "on Thursday" is the
15th and "last week" is the week of Monday 5 August.
"""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from spacy.tokens import Token

from eventwire.dates import EventDate, event_date
from eventwire.nlp import parse

FRIDAY = date(2024, 8, 16)


def _date(sentence: str, anchor: str, published: date | None = FRIDAY) -> EventDate | None:
    doc = parse(sentence)
    token = _token(doc, anchor)
    return event_date(token.sent, published, anchor=token)


def _token(doc: object, text: str) -> Token:
    return next(token for token in doc if token.text == text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "anchor", "value"),
    [
        # weekdays: past on or before publication, future on or after
        ("Azerbaijani forces attacked the town on Thursday.", "attacked", "2024-08-15"),
        ("Rebel fighters ambushed the convoy on Friday.", "ambushed", "2024-08-16"),
        ("Protesters clashed with riot police on Monday night.", "clashed", "2024-08-12"),
        ("Earlier on Friday, the army shelled the border villages.", "shelled", "2024-08-16"),
        ("Thursday's attack killed five soldiers.", "attack", "2024-08-15"),
        ("The coalition bombed the bridge last Friday.", "bombed", "2024-08-09"),
        ("The two leaders will meet on Thursday in Geneva.", "meet", "2024-08-22"),
        ("The talks are due to resume on Monday.", "resume", "2024-08-19"),
        ("The foreign ministers will sign the accord next Tuesday.", "sign", "2024-08-20"),
        # days relative to publication
        ("Police detained dozens of protesters today.", "detained", "2024-08-16"),
        ("The army shelled the border at 10 am yesterday, killing a 43-year-old man.", "shelled", "2024-08-15"),
        ("The two presidents will speak by phone tomorrow.", "speak", "2024-08-17"),
        ("Militants kidnapped two engineers two days ago.", "kidnapped", "2024-08-14"),
        ("Gunmen stormed the police station the day before.", "stormed", "2024-08-15"),
        ("Russian drones struck the port overnight.", "struck", "2024-08-16"),
        ("Security forces dispersed the rally this morning.", "dispersed", "2024-08-16"),
        # weeks (month of the week's Thursday), months and years relative to publication
        ("The navy seized the tanker last week.", "seized", "2024-08"),
        ("The navy seized the tanker three weeks ago.", "seized", "2024-07"),
        ("Rebels captured the airport last month.", "captured", "2024-07"),
        ("Ukraine and Poland signed a grain deal earlier this month.", "signed", "2024-08"),
        ("Turkey expelled the ambassador last year.", "expelled", "2023"),
        ("The regime freed the prisoners late last year.", "freed", "2023"),
        ("The government has arrested 300 opposition members this year.", "arrested", "2024"),
        ("The government will hold a referendum next year.", "hold", "2025"),
        ("The two countries restored diplomatic ties a year ago.", "restored", "2023-08"),
        # months: the most recent on or before publication, the next in the future
        ("Voters rejected the new constitution in September.", "rejected", "2023-09"),
        ("The parliament will vote on the treaty in September.", "vote", "2024-09"),
        ("Armenia recalled its envoy last September.", "recalled", "2023-09"),
        ("Protesters have camped outside parliament since September last year.", "camped", "2023-09"),
        ("Armenia recalled its envoy in September 2023.", "recalled", "2023-09"),
        ("The militia withdrew from the city in mid-2023.", "withdrew", "2023"),
        ("The junta banned political parties in 2022.", "banned", "2022"),
        # days of the year, with and without the year
        ("The court convicted the journalist on 15 August.", "convicted", "2024-08-15"),
        ("The court convicted the journalist July 30.", "convicted", "2024-07-30"),
        ("The court will sentence the journalist on 30 August.", "sentence", "2024-08-30"),
        ("The truce collapsed on Aug. 15, 2024, after weeks of talks.", "collapsed", "2024-08-15"),
        ("On Thursday, August 8, the two sides exchanged prisoners.", "exchanged", "2024-08-08"),
        ("The ministry said the drone strike hit the depot on 2024-08-03.", "hit", "2024-08-03"),
        # the expression that belongs to the anchor
        ("Baku launched a September 2023 offensive in the region.", "offensive", "2023-09"),
        ("Azerbaijan launched an offensive on Thursday.", "offensive", "2024-08-15"),
        ("The 2022 invasion displaced millions of people.", "invasion", "2022"),
        ("The offensive, which began in September 2023, ended within a day.", "offensive", "2023-09"),
        ("The minister said on Monday that Russian troops attacked the village last week.", "attacked", "2024-08"),
        ("The minister said on Monday that Russian troops attacked the village last week.", "said", "2024-08-12"),
        ("Russian troops attacked the village last week, the minister said on Monday.", "attacked", "2024-08"),
        ("Russian troops attacked the village last week, the minister said on Monday.", "said", "2024-08-12"),
        ("Russia attacked Kharkiv on Monday and shelled Sumy on Friday.", "attacked", "2024-08-12"),
        ("Russia attacked Kharkiv on Monday and shelled Sumy on Friday.", "shelled", "2024-08-16"),
        ("The army began shelling the town on Monday.", "shelling", "2024-08-12"),
        ("The president went to meet the rebel leaders on Thursday.", "meet", "2024-08-15"),
        ("The president is going to meet the rebel leaders on Thursday.", "meet", "2024-08-22"),
        ("Theresa May met the French president on Tuesday.", "met", "2024-08-13"),
        ("Voters rejected the constitution in the 2022 referendum.", "rejected", "2022"),
        ("Elections were held on the 5th of May.", "held", "2024-05-05"),
        ("The protests began at the end of July.", "began", "2024-07"),
        ("The court will rule on the appeal this week.", "rule", "2024-08"),
        # no date for the anchor
        ("Troops were sent to 2000 villages across the north.", "sent", None),
        ("Troops were deployed in 2000 villages across the north.", "deployed", None),
        ("The country was hit by the crisis of the 1990s.", "hit", None),
        ("Iran condemned the new sanctions.", "condemned", None),
        ("The two sides have fought for three years in a bitter war.", "fought", None),
        ("The army has shelled the region repeatedly in the past decade.", "shelled", None),
        ("Police have arrested 200 activists in the last year.", "arrested", None),
        ("Police arrested a 43-year-old activist at 10 am.", "arrested", None),
        ("Gunmen stormed the polling station the day before the vote.", "stormed", None),
        ("Thousands of pilgrims marched on Good Friday.", "marched", None),
        ("The minister said on Monday that Russian troops attacked the village.", "attacked", None),
        ("The envoy began a two-day visit, the first by a minister since the 2019 election.", "visit", None),
        ("The envoy was in Lima on a visit, and the army seized the port in March 2023.", "visit", None),
    ],
)
def test_event_date(sentence: str, anchor: str, value: str | None) -> None:
    found = _date(sentence, anchor)
    assert (found.value if found else None) == value


@pytest.mark.parametrize(
    ("sentence", "anchor", "published", "value"),
    [
        # a week that straddles two months belongs to the month of its Thursday (1 August)
        ("The navy seized the tanker last week.", "seized", date(2024, 8, 7), "2024-08"),
        ("The navy seized the tanker last week.", "seized", date(2024, 8, 5), "2024-08"),
        ("The navy seized the tanker last week.", "seized", date(2024, 8, 4), "2024-07"),
        # across the new year
        ("Voters rejected the new constitution in December.", "rejected", date(2024, 1, 10), "2023-12"),
        ("The court convicted the journalist on 30 December.", "convicted", date(2024, 1, 10), "2023-12-30"),
        ("Rebels captured the airport last month.", "captured", date(2024, 1, 10), "2023-12"),
        ("The parliament will vote on the treaty in January.", "vote", date(2024, 12, 3), "2025-01"),
        # without a publication date only absolute dates resolve
        ("Azerbaijani forces attacked the town on Thursday.", "attacked", None, None),
        ("The court convicted the journalist on 15 August.", "convicted", None, None),
        ("Armenia recalled its envoy in September 2023.", "recalled", None, "2023-09"),
        ("The truce collapsed on Aug. 15, 2024, after weeks of talks.", "collapsed", None, "2024-08-15"),
    ],
)
def test_event_date_against_other_publications(
    sentence: str, anchor: str, published: date | None, value: str | None
) -> None:
    found = _date(sentence, anchor, published)
    assert (found.value if found else None) == value


def test_the_words_and_offsets_that_gave_the_date() -> None:
    doc = parse("Officials said the strike came after talks. Protesters have camped outside since September last year.")
    token = _token(doc, "camped")
    found = event_date(token.sent, FRIDAY, anchor=token)
    assert found == EventDate("2023-09", "since September last year", 75, 100, "month")
    assert doc.text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "anchor", "text", "precision"),
    [
        ("Azerbaijani forces attacked the town on Thursday.", "attacked", "on Thursday", "day"),
        ("Baku launched a September 2023 offensive in the region.", "offensive", "September 2023", "month"),
        ("The regime freed the prisoners late last year.", "freed", "late last year", "year"),
        ("Earlier on Friday, the army shelled the border villages.", "shelled", "Earlier on Friday", "day"),
        ("Elections were held on the 5th of May.", "held", "on the 5th of May", "day"),
        ("Lawmakers approved the budget on Tuesday, Aug. 13.", "approved", "on Tuesday, Aug. 13", "day"),
        ("The protests began at the end of July.", "began", "at the end of July", "month"),
    ],
)
def test_text_and_precision(sentence: str, anchor: str, text: str, precision: str) -> None:
    found = _date(sentence, anchor)
    assert found is not None and (found.text, found.precision) == (text, precision)


def test_without_an_anchor_the_main_clause_is_dated() -> None:
    doc = parse("The minister said on Monday that Russian troops attacked the village last week.")
    found = event_date(next(doc.sents), FRIDAY)
    assert found is not None and found.value == "2024-08-12"


def test_fast_enough_to_run_for_every_event() -> None:
    doc = parse("The foreign minister said on Monday that Russian troops attacked the border village last week.")
    anchor = _token(doc, "attacked")
    sentence = anchor.sent
    runs = 2000
    began = time.perf_counter()
    for _ in range(runs):
        event_date(sentence, FRIDAY, anchor=anchor)
    per_call = (time.perf_counter() - began) / runs
    assert per_call < 0.001  # a generous bound for slow machines; it is well under 0.1 ms


def test_a_publication_datetime_counts_as_its_day() -> None:
    found = _date("Azerbaijani forces attacked the town on Thursday.", "attacked", datetime(2024, 8, 16, 9, 30))
    assert found is not None and found.value == "2024-08-15"
