"""A catalogue of hostile inputs: what a crawler brings besides news articles.

    python -m eventwire.reliability.hostile OUT [--no-large]

Every input is generated here from our own words and byte patterns (nothing third-party),
the same bytes every time: empty and blank files, binary formats (PDF, PNG, zip, ELF, random
bytes), broken and mixed encodings, HTML that is truncated, nested 10,000 deep, 50 MB or all
script, text without a sentence end, a 100,000-word article, ten thousand quote marks,
unmatched brackets, right-to-left and zero-width characters, articles in other languages,
JSONL with broken lines, truncated gzip and a gzip bomb, WARC archives whose records are not
HTML pages.

eventwire must turn each into articles or coded errors: never an exception, a hang or
unbounded memory. ``make reliability`` (``benchmarks/reliability.py``) runs them all and the
tests in ``tests/reliability`` run the small ones.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eventwire.bench.corpus import generate
from eventwire.bench.warcfile import Capture, capture_records, record, tiny_png, warcinfo

LARGE_BYTES = 50 * 1024 * 1024
"""Size of the large HTML page: 2.5 times the default ``--max-bytes``."""
LONG_WORDS = 100_000
"""Words of the long article."""


@dataclass(frozen=True)
class Hostile:
    """One hostile input: its file name (the suffix matters to the readers), how to make its
    bytes, and whether it is large (tens of MB or seconds of work: run alone, memory measured)."""

    name: str
    make: Callable[[], bytes]
    large: bool = False


def _story(seed: int = 0) -> str:
    """One generated news article (our own corpus generator): the English text hostile
    variants wrap, so that a reader that survives them still has an article to find."""
    article = next(generate(1, seed=seed))
    return "\n\n".join((article.title, *article.paragraphs))


def _page(body: str, *, title: str = "Talks resume", head: str = "") -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>{body}</body></html>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# --- empty and binary -------------------------------------------------------------------------


def _zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("article.txt", _story(1)), ("page.html", _page(_paragraphs(_story(2))))):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 8, 19, 6, 30, 0)), text)  # a fixed date: the same bytes
    return buffer.getvalue()


def _pdf() -> bytes:
    stream = b"BT /F1 12 Tf 72 720 Td (Ministers met in Geneva on Tuesday.) Tj ET"
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
        + f"4 0 obj << /Length {len(stream)} >> stream\n".encode()
        + stream
        + b"\nendstream endobj\n"
        + _random_bytes(4096, 3)
        + b"\n%%EOF\n"
    )


def _elf() -> bytes:
    return b"\x7fELF\x02\x01\x01" + bytes(9) + _random_bytes(8192, 4)


# --- encodings --------------------------------------------------------------------------------

_ACCENTED = (
    "Le président a rencontré à Genève le ministre des Affaires étrangères; "
    "the Bogotá talks on coffee exports resumed, said José Núñez, a spokesman in Medellín."
)


def _mixed_encodings() -> bytes:
    """UTF-8 paragraphs with Latin-1 and Windows-1252 ones between them."""
    parts = [_story(3).encode("utf-8"), _ACCENTED.encode("latin-1"), "“Quoted,” he said — twice.".encode("cp1252")]
    return b"\n\n".join(parts * 3)


def _wrong_declared_charset() -> bytes:
    """A page that declares UTF-8 and is Windows-1251 (Cyrillic)."""
    russian = "Министр иностранных дел России встретился в Москве с послом Армении во вторник."
    return _page(f"<p>{russian}</p>" * 12).encode("cp1251", errors="replace")


# --- HTML -------------------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    paragraphs = _paragraphs(_story(4))
    return _page("<div>" * depth + paragraphs + "</div>" * depth).encode()


def _large_html() -> bytes:
    """About 50 MB of paragraphs in one page."""
    paragraph = "<p>" + _story(5).replace("\n\n", "</p><p>") + "</p>\n"
    body = paragraph * (LARGE_BYTES // len(paragraph) + 1)
    return _page(f"<article>{body}</article>").encode()


def _all_script() -> bytes:
    script = "<script>var s = 'Ministers met in Geneva'; for (var i = 0; i < 10; i++) { document.write(s); }</script>\n"
    return _page(script * 2000, head="<script src='/app.js'></script><style>p { color: red }</style>").encode()


def _truncated_html() -> bytes:
    page = _page(_paragraphs(_story(6))).encode()
    return page[: int(len(page) * 0.6)] + b"<p class=\"le"


def _tag_soup() -> bytes:
    soup = "<p><b><i>Talks</p></b> in <table><tr><td>Geneva<p></table></i><!-- unclosed comment <p>resumed"
    return (soup * 500).encode()


def _huge_attribute() -> bytes:
    return _page(f"<div data-x='{'a' * 5_000_000}'>" + _paragraphs(_story(7)) + "</div>").encode()


# --- text -------------------------------------------------------------------------------------


def _long_article() -> bytes:
    """An article of ``LONG_WORDS`` words: generated paragraphs, one after another."""
    paragraphs: list[str] = []
    words = 0
    for article in generate(400, seed=11):
        for paragraph in article.paragraphs:
            paragraphs.append(paragraph)
            words += len(paragraph.split())
            if words >= LONG_WORDS:
                return ("Ceasefire talks go on\n\n" + "\n\n".join(paragraphs)).encode()
    raise AssertionError("the generator gave fewer words than LONG_WORDS")


def _no_sentence_end() -> bytes:
    words = _story(8).replace(".", "").replace("\n", " ").split()
    return " ".join(words * 12).encode()


def _quote_marks() -> bytes:
    return ("Ministers said " + '"' * 5_000 + "\u201c\u201d" * 2_500 + " and left.").encode()


def _unmatched_brackets() -> bytes:
    story = _story(9)
    return ("(" * 3000 + story + "[" * 3000 + "\n\n" + "}" * 3000 + story + ")" * 10).encode()


def _right_to_left() -> bytes:
    arabic = "التقى وزير الخارجية بنظيره في القاهرة يوم الثلاثاء"
    marks = "\u202e\u202b\u200f"
    return "\n\n".join(f"{marks}{paragraph} {arabic}\u202c" for paragraph in _story(10).split("\n\n")).encode()


def _zero_width() -> bytes:
    marks = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"]
    rng = random.Random(12)
    return "".join(char + (rng.choice(marks) if rng.random() < 0.3 else "") for char in _story(11)).encode()


def _control_characters() -> bytes:
    rng = random.Random(13)
    return "".join(char + (chr(rng.randrange(1, 32)) if rng.random() < 0.05 else "") for char in _story(12)).encode()


_OTHER_LANGUAGES = {
    "french": "Les ministres des affaires étrangères se sont réunis mardi à Genève pour reprendre les "
    "négociations sur le cessez-le-feu. Le porte-parole a déclaré que les deux délégations avaient "
    "accepté de poursuivre les discussions la semaine prochaine.",
    "german": "Die Außenminister beider Länder trafen sich am Dienstag in Genf, um die Gespräche über "
    "eine Waffenruhe fortzusetzen. Ein Sprecher sagte, beide Delegationen wollten nächste Woche "
    "weiterverhandeln.",
    "russian": "Министры иностранных дел двух стран встретились во вторник в Женеве, чтобы продолжить "
    "переговоры о прекращении огня. Представитель министерства заявил, что делегации продолжат "
    "обсуждение на следующей неделе.",
    "chinese": "两国外交部长周二在日内瓦会面，继续就停火问题进行谈判。发言人表示，双方代表团同意下周继续讨论。",
    "arabic": "اجتمع وزيرا خارجية البلدين يوم الثلاثاء في جنيف لاستئناف المفاوضات بشأن وقف إطلاق النار. "
    "وقال المتحدث إن الوفدين اتفقا على مواصلة المحادثات الأسبوع المقبل.",
}


# --- JSONL, gzip, WARC ------------------------------------------------------------------------


def _broken_jsonl() -> bytes:
    good = json.dumps({"url": "https://example.org/talks", "title": "Talks resume", "text": _story(14)})
    lines = [
        good,
        '{"text": "cut off in the mid',
        "[1, 2, 3]",
        '"just a string"',
        '{"title": "no text or html field"}',
        '{"text": 42}',
        '{"html": ["not", "a", "string"], "text": null}',
        "",
        "not json at all",
        '{"text": "' + "\\ud800" + ' lone surrogate"}',
        json.dumps({"text": _story(15), "published": "not a date", "authors": {"a": 1}}),
        "\x00\x01\x02",
        good.replace("Talks", "Talks again"),
    ]
    return "\n".join(lines).encode()


def _truncated_gzip() -> bytes:
    packed = gzip.compress(_story(16).encode() * 4, mtime=0)
    return packed[: len(packed) // 2]


def _gzip_bomb() -> bytes:
    """A gzip member of a few hundred KB that inflates to a gigabyte of zeros."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as packed:
        block = bytes(1024 * 1024)
        for _ in range(1024):
            packed.write(block)
    return buffer.getvalue()


def _warc_without_pages() -> bytes:
    """A WARC holding only a PDF, a PNG, a 404 page, JSON and a metadata record: no article."""
    when = datetime(2024, 8, 19, 6, 30)
    site = "https://news.example.org"
    captures = [
        Capture(f"{site}/report.pdf", when, _pdf(), "application/pdf"),
        Capture(f"{site}/photo.png", when, tiny_png(), "image/png"),
        Capture(f"{site}/gone", when, _page("<p>Not found</p>").encode(), status=404),
        Capture(f"{site}/api/feed", when, b'{"items": []}', "application/json"),
    ]
    info = record([("WARC-Type", "metadata"), ("WARC-Date", "2024-08-19T06:30:00Z")], b"note: nothing else\r\n")
    return warcinfo("hostile.warc.gz", when) + b"".join(capture_records(capture) for capture in captures) + info


def _truncated_warc() -> bytes:
    when = datetime(2024, 8, 19, 6, 30)
    page = _page(_paragraphs(_story(17))).encode()
    whole = warcinfo("cut.warc.gz", when) + capture_records(Capture("https://news.example.org/a", when, page))
    return whole + capture_records(Capture("https://news.example.org/b", when, page))[:700]


def _warc_garbage() -> bytes:
    return b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999999\r\n\r\n" + _random_bytes(2048, 18)


CATALOGUE: tuple[Hostile, ...] = (
    Hostile("empty.txt", lambda: b""),
    Hostile("empty.html", lambda: b""),
    Hostile("whitespace.txt", lambda: " \n\t\r\n \u3000\u00a0\n".encode()),
    Hostile("nul-bytes.txt", lambda: bytes(4096)),
    Hostile("random-bytes.bin", lambda: _random_bytes(65536, 1)),
    Hostile("random-bytes.html", lambda: _random_bytes(65536, 2)),
    Hostile("report.pdf", _pdf),
    Hostile("photo.png", tiny_png),
    Hostile("png-named.html", tiny_png),
    Hostile("archive.zip", _zip_archive),
    Hostile("program.txt", _elf),
    Hostile("latin1-undeclared.txt", lambda: (_ACCENTED + "\n\n" + _story(19)).encode("latin-1", errors="replace")),
    Hostile("cp1252-quotes.html", lambda: _page("<p>“Talks,” he said — in Genève.</p>" * 20).encode("cp1252")),
    Hostile("utf16-bom.txt", lambda: _story(20).encode("utf-16")),
    Hostile("utf16-no-bom.txt", lambda: _story(21).encode("utf-16-le")),
    Hostile("utf32.txt", lambda: _story(22).encode("utf-32")),
    Hostile("mixed-encodings.txt", _mixed_encodings),
    Hostile("invalid-utf8.txt", lambda: _story(23).encode().replace(b"e", b"\xc3\x28", 40)),
    Hostile("wrong-charset.html", _wrong_declared_charset),
    Hostile("unknown-charset.html", lambda: _page(_paragraphs(_story(24)), head="<meta charset='x-no-such'>").encode()),
    Hostile("shift-jis.txt", lambda: ("外務大臣は火曜日にジュネーブで会談した。" * 40).encode("shift_jis")),
    Hostile("truncated.html", _truncated_html),
    Hostile("nested-10000.html", lambda: _nested(10_000)),
    Hostile("nested-100000.html", lambda: _nested(100_000)),
    Hostile("all-script.html", _all_script),
    Hostile("tag-soup.html", _tag_soup),
    Hostile("huge-attribute.html", _huge_attribute),
    Hostile("only-tags.html", lambda: b"<html><head></head><body>" + b"<div></div>" * 20000 + b"</body></html>"),
    Hostile("no-sentence-end.txt", _no_sentence_end),
    Hostile("quote-marks.txt", _quote_marks),
    Hostile("unmatched-brackets.txt", _unmatched_brackets),
    Hostile("right-to-left.txt", _right_to_left),
    Hostile("zero-width.txt", _zero_width),
    Hostile("control-characters.txt", _control_characters),
    Hostile("one-long-word.txt", lambda: b"a" * 3_000_000),
    Hostile("emoji.txt", lambda: ("\U0001f600\U0001f30d\u2764\ufe0f " * 20_000).encode()),
    Hostile("newlines.txt", lambda: b"\n" * 1_000_000 + _story(25).encode()),
    *(Hostile(f"{language}.txt", lambda text=text: (text + "\n\n").encode() * 4) for language, text in _OTHER_LANGUAGES.items()),
    Hostile("french.html", lambda: _page(f"<p>{_OTHER_LANGUAGES['french']}</p>" * 5, title="Reprise des négociations").encode()),
    Hostile("broken-lines.jsonl", _broken_jsonl),
    Hostile("truncated.txt.gz", _truncated_gzip),
    Hostile("not-gzip.html.gz", lambda: _page(_paragraphs(_story(26))).encode()),
    Hostile("gzip-of-binary.txt.gz", lambda: gzip.compress(_random_bytes(65536, 27), mtime=0)),
    Hostile("bomb.txt.gz", _gzip_bomb),
    Hostile("no-pages.warc.gz", _warc_without_pages),
    Hostile("truncated.warc.gz", _truncated_warc),
    Hostile("garbage.warc", _warc_garbage),
    Hostile("large-50mb.html", _large_html, large=True),
    Hostile("long-100000-words.txt", _long_article, large=True),
)
"""Every hostile input, in the order ``make reliability`` tries them."""


def catalogue(*, large: bool = True) -> Iterator[Hostile]:
    """The catalogue's inputs, without the large ones when ``large`` is False."""
    return (hostile for hostile in CATALOGUE if large or not hostile.large)


def write_catalogue(out: Path, *, large: bool = True) -> list[Path]:
    """Write the catalogue's inputs into ``out`` (created), one file each; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for hostile in catalogue(large=large):
        path = out / hostile.name
        path.write_bytes(hostile.make())
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the inputs into")
    parser.add_argument("--no-large", action="store_true", help="leave out the 50 MB page and the 100,000-word article")
    args = parser.parse_args(argv)
    paths = write_catalogue(args.out, large=not args.no_large)
    print(f"{len(paths)} hostile inputs written to {args.out}")


if __name__ == "__main__":
    main()
