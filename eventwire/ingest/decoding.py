"""Bytes to text, for pages and dumps whose encoding nobody declared correctly.

Order of trust: a byte-order mark, then strict UTF-8 (most of the web), then the charset the
transport declared (a WARC response's HTTP header, which browsers also put before the page's
own), then the charset an HTML page declares, then a statistical guess. Text that is UTF-8
with a handful of broken bytes (a truncated multibyte character, a stray Latin-1 byte pasted
in) keeps its UTF-8 reading with the bad bytes replaced, because re-guessing the whole file
from a few bytes turns every quote mark into mojibake. Every path other than clean UTF-8
leaves a warning so an analyst can find the articles whose characters were inferred.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from eventwire.errors import InvalidBytesReplaced, LegacyEncoding, Problem, UndecodableText

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Share of replaced characters below which a text is taken as UTF-8 with a few bad bytes.
_MAX_REPLACED_SHARE = 0.002


@dataclass
class DecodedText:
    text: str
    encoding: str
    problems: list[Problem] = field(default_factory=list)


def _known(name: str | None) -> str | None:
    """Python's name for a charset label, or None for a label it does not know."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:8192])
    return _known(match.group(1).decode("ascii", "ignore")) if match else None


def decode(data: bytes, *, origin: str = "", charset: str | None = None) -> DecodedText:
    """Decode ``data`` to text; raise ``UndecodableText`` (E103) when no reading is credible.

    ``charset`` is the one the transport declared (an HTTP ``Content-Type``), tried before the
    page's own declaration; like it, it is passed over when the bytes do not decode with it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise UndecodableText(f"byte-order mark says {encoding}, but {error.reason}", origin=origin) from error
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    for declared, by in ((_known(charset), "the HTTP header"), (declared_charset(data), "the page")):
        if not declared or declared == "utf-8":
            continue
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            continue
        if text:
            return DecodedText(text, declared, [LegacyEncoding(f"{declared} (declared by {by})", origin=origin).problem()])

    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if replaced <= max(1, int(len(lenient) * _MAX_REPLACED_SHARE)):
        warning = InvalidBytesReplaced(f"{replaced} invalid byte sequence(s)", origin=origin)
        return DecodedText(lenient, "utf-8", [warning.problem()])

    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None:
        raise UndecodableText("not UTF-8 and no legacy encoding fits", origin=origin)
    encoding = codecs.lookup(guess.encoding).name
    text = data.decode(encoding, errors="replace")
    return DecodedText(text, encoding, [LegacyEncoding(f"{encoding} (guessed)", origin=origin).problem()])
