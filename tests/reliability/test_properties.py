"""Property tests: whatever bytes or text come in, a reader, the extraction and the whole job
give articles or coded problems, and never an exception or an ``E900``.

Examples are derandomised (the same ones on every run, so CI does not flake) and cover
arbitrary bytes under every file suffix the readers sniff, arbitrary Unicode text, and
HTML-like strings built from tags, entities, scripts, comments and text.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import Document, Failure, Format, read_documents
from eventwire.pipeline import ArticleResult, extract_document, extract_input, process

CODE = re.compile(r"^[EW]\d{3}$")
SUFFIXES = [".html", ".htm", ".txt", ".jsonl", ".gz", ".txt.gz", ".warc", ".warc.gz", ".json", ""]
PROPERTY = settings(
    derandomize=True, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

_PIECES = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
    "<html>", "<head>", "<title>", "</title>", "<body>", "<article>", "<meta charset='latin-1'>",
    '<meta property="article:published_time" content="2024-13-45">', "<br>", "&amp;", "&#0;", "&#xD800;",
    "&nbsp;", "<a href='javascript:x'>", "<table><tr><td>", "\u202e", "\u200b", "\x00", "\x01", "\x1f", "\ufeff", "\r\n\r\n",
    "Ministers met in Geneva on Tuesday.", "“He said,” she said.", "(((", "]]]",
])  # fmt: skip
HTML_LIKE = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=60).map("".join)


def _assert_coded(result: ArticleResult) -> None:
    codes = [problem.code for problem in result.problems]
    assert all(CODE.match(code) for code in codes), codes
    assert "E900" not in codes, result.problems
    if result.article is None:  # an error, or a warning for what is skipped by design (W110: a WARC's non-page)
        assert result.problems, "an input lost without a word"


@PROPERTY
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_name_are_read_into_documents_or_coded_failures(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_documents([str(path)], max_bytes=1 << 20))
    assert items, "every input is accounted for"
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Failure):
            assert CODE.match(item.problem.code) and item.problem.code != "E900"
        _assert_coded(extract_input(item))


@PROPERTY
@given(text=st.text(max_size=3000), kind=st.sampled_from([Format.TEXT, Format.TEXTDUMP, Format.HTML]))
def test_any_text_extracts_to_an_article_or_a_coded_error(text: str, kind: Format) -> None:
    _assert_coded(extract_document(Document("property", kind, text)))


@PROPERTY
@given(markup=HTML_LIKE)
def test_any_tag_soup_extracts_to_an_article_or_a_coded_error(markup: str) -> None:
    _assert_coded(extract_document(Document("property.html", Format.HTML, markup)))


@settings(PROPERTY, max_examples=30)
@given(
    body=st.lists(st.one_of(st.text(max_size=200), st.sampled_from([
        "Russia's foreign minister said on Tuesday that talks with Ukraine would resume in Geneva.",
        '"We will not accept this," the Armenian prime minister told reporters in Yerevan.',
        "Troops fired on protesters in Khartoum, killing three, the army said.",
    ])), min_size=1, max_size=8).map("\n\n".join),
    suffix=st.sampled_from([".txt", ".html", ".jsonl"]),
)  # fmt: skip
def test_the_whole_job_codes_any_text_without_an_exception(tmp_path: Path, body: str, suffix: str) -> None:
    path = tmp_path / f"article{suffix}"
    path.write_text(body, encoding="utf-8", errors="surrogatepass")
    results = list(process([str(path)]))
    assert results
    for result in results:
        _assert_coded(result)


_ANY_CHARACTER = st.lists(  # any character, lone surrogates included (st.text never gives them) and made likely
    st.one_of(st.characters(), st.sampled_from([*"Troops met in Kyiv. ", "\ud800", "\udfff", "\x00"])), max_size=300
).map("".join)


_ANY_VALUE = st.one_of(_ANY_CHARACTER, st.lists(_ANY_CHARACTER, max_size=3), st.integers(), st.none())


@settings(PROPERTY, max_examples=200)
@given(record=st.fixed_dictionaries(
    {"text": st.one_of(_ANY_CHARACTER, _ANY_VALUE)},
    optional={key: _ANY_VALUE for key in ("html", "title", "url", "published", "authors", "section", "source")},
))  # fmt: skip
def test_any_jsonl_record_even_with_half_characters_reads_and_extracts_without_an_exception(tmp_path: Path, record: dict) -> None:
    """JSON can escape lone UTF-16 surrogates ("\\ud800"), which no encoding can write."""
    import json

    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(record, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass").decode("utf-8", "replace") + "\n", encoding="utf-8")
    for item in read_documents([str(path)]):
        _assert_coded(extract_input(item))
