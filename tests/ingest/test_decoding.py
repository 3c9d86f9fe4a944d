"""Decoding: UTF-8 first, then the declared charset, then a guess; each path leaves a trace."""

from __future__ import annotations

import pytest

from eventwire.errors import UndecodableText
from eventwire.ingest.decoding import declared_charset, decode

RUSSIAN = "Министр иностранных дел заявил в понедельник, что переговоры в Женеве продолжатся на следующей неделе."
FRENCH = "Le ministre a déclaré lundi que les négociations à Genève reprendront la semaine prochaine, après l'été."


def test_clean_utf8_has_no_warning() -> None:
    decoded = decode("Curly “quotes” and é".encode())
    assert decoded.text == "Curly “quotes” and é"
    assert decoded.encoding == "utf-8"
    assert decoded.problems == []


def test_byte_order_marks() -> None:
    assert decode("\ufeffhello".encode("utf-8")).text == "hello"
    assert decode("hello, world".encode("utf-16")).text == "hello, world"


def test_cp1251_declared_by_the_page() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    decoded = decode(page.encode("cp1251"), origin="ru.html")
    assert RUSSIAN in decoded.text
    assert decoded.encoding == "cp1251"
    assert [p.code for p in decoded.problems] == ["W103"]
    assert "declared" in decoded.problems[0].message


def test_the_http_charset_goes_before_the_pages_and_yields_when_the_bytes_disagree() -> None:
    page = f'<html><head><meta charset="iso-8859-5"></head><body><p>{RUSSIAN}</p></body></html>'.encode("cp1251")
    decoded = decode(page, charset="windows-1251")
    assert RUSSIAN in decoded.text and decoded.encoding == "cp1251"
    assert "HTTP header" in decoded.problems[0].message
    french = f'<html><head><meta charset="latin-1"></head><body><p>{FRENCH}</p></body></html>'.encode("latin-1")
    assert decode(french, charset="no-such-charset").problems[0].message.endswith("(declared by the page)")
    assert FRENCH in decode(french, charset="ascii").text  # the header is wrong: é is no ASCII


def test_cp1251_guessed_without_declaration() -> None:
    decoded = decode((RUSSIAN + "\n\n" + RUSSIAN).encode("cp1251"))
    assert decoded.text.startswith("Министр")
    assert [p.code for p in decoded.problems] == ["W103"]


def test_latin1_guessed() -> None:
    decoded = decode((FRENCH + " " + FRENCH).encode("latin-1"))
    assert "déclaré" in decoded.text and "négociations" in decoded.text
    assert [p.code for p in decoded.problems] == ["W103"]


def test_a_few_invalid_utf8_bytes_are_replaced_not_reguessed() -> None:
    text = ("The minister said “talks will resume” on Monday. " * 40).encode()
    broken = text[:500] + b"\xff" + text[500:]
    decoded = decode(broken)
    assert "“talks will resume”" in decoded.text
    assert "\ufffd" in decoded.text
    assert [p.code for p in decoded.problems] == ["W104"]


def test_declared_charset_reads_meta_tags() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "iso8859-1"
    assert declared_charset(b"<meta charset='utf-8'>") == "utf-8"
    assert declared_charset(b"<meta charset='no-such-charset'>") is None


def test_bad_bom_is_a_coded_error() -> None:
    with pytest.raises(UndecodableText) as caught:
        decode(b"\xff\xfe" + b"\x00\xd8")  # UTF-16 BOM then a lone surrogate
    assert caught.value.code == "E103"
