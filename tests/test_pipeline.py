"""The whole job on one machine: every input accounted for, bad input coded, never raised."""

from __future__ import annotations

import gzip
from pathlib import Path

from eventwire.pipeline import ArticleResult, exit_status, process

PARAGRAPHS = [
    "Foreign ministers from Kenya and Ethiopia met in Nairobi on Tuesday to discuss a dispute over grazing land along their shared border.",
    "Kenya's foreign minister said both governments wanted the talks to continue next month in Addis Ababa, and that herders on both sides would be consulted.",
    "Ethiopian officials did not comment on the meeting, but state media described it as constructive and said a joint commission would be formed.",
]
PAGE = (
    "<!doctype html><html><head><title>Kenya and Ethiopia hold border talks | Example News</title>"
    '<meta property="og:title" content="Kenya and Ethiopia hold border talks"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Kenya and Ethiopia hold border talks</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer>Copyright Example News</footer></body></html>"
)
GERMAN = (
    "Die Außenminister Kenias und Äthiopiens haben sich am Dienstag in Nairobi getroffen, um über einen Streit "
    "um Weideland an der gemeinsamen Grenze zu sprechen. Beide Regierungen wollen die Gespräche im nächsten Monat "
    "fortsetzen, sagte der kenianische Außenminister nach dem Treffen vor Journalisten in der Hauptstadt."
)


def _run(*paths: Path) -> list[ArticleResult]:
    return list(process([str(p) for p in paths]))


def test_html_page_gives_an_article_with_its_codings(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    (result,) = _run(tmp_path / "page.html")
    assert not result.failed and result.article is not None
    assert result.article.title == "Kenya and Ethiopia hold border talks"
    assert result.article.text.startswith("Foreign ministers from Kenya")
    assert result.article.language == "en"
    record = result.to_dict()
    for key in ("id", "url", "title", "deck", "published", "section", "source", "authors", "image_credit", "caption",
                "reading_minutes", "language", "text", "related_headlines", "actors", "events", "quotes", "places", "errors"):  # fmt: skip
        assert key in record
    assert record["errors"] == []
    meetings = {
        (e["source"]["country"], e["target"]["country"]) for e in record["events"] if e["code"].startswith("04") and e["target"]
    }
    assert {("KEN", "ETH"), ("ETH", "KEN")} <= meetings
    met = [e for e in record["events"] if e["code"].startswith("04") and e["evidence"]["predicate"]["text"] == "met"]
    assert met and all((e["location"]["name"], e["location"]["reason"]) == ("Nairobi", "predicate") for e in met)
    first = record["events"][0]
    for key in ("source", "target", "code", "root", "quad_class", "goldstein", "plover", "date", "published", "sentence",
                "evidence", "location"):  # fmt: skip
        assert key in first
    assert set(first["evidence"]) >= {"pattern", "predicate", "sentence_start", "sentence_end", "modifiers", "field"}


def test_truncated_html_is_extracted_with_a_warning(tmp_path: Path) -> None:
    cut = PAGE[: PAGE.index("</article>")]
    (tmp_path / "cut.html").write_text(cut)
    (result,) = _run(tmp_path / "cut.html")
    assert result.article is not None and "joint commission" in result.article.text
    assert [p.code for p in result.problems] == ["W201"]
    assert not result.failed


def test_non_english_article_is_kept_with_language_and_reported(tmp_path: Path) -> None:
    (tmp_path / "de.jsonl").write_text('{"text": "' + GERMAN + '", "title": "Grenzgespräche"}\n')
    (result,) = _run(tmp_path / "de.jsonl")
    assert result.article is not None and result.article.language == "de"
    assert [p.code for p in result.problems] == ["E202"]
    assert result.failed


def test_bad_inputs_each_get_a_code_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "01_empty.html").write_bytes(b"")
    (tmp_path / "02_image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "03_good.html").write_text(PAGE)
    (tmp_path / "04_cut.html.gz").write_bytes(gzip.compress(PAGE.encode() * 50, mtime=0)[:300])
    (tmp_path / "05_nav_only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "06_latin1.txt").write_bytes(
        ("Le ministre a déclaré à Genève que les négociations reprendront. " * 6).encode("latin-1")
    )
    results = _run(tmp_path)
    codes = [[p.code for p in r.problems] for r in results]
    assert codes == [["E102"], ["E101"], [], ["E107"], ["E201"], ["W103", "E202"]]
    assert exit_status(len(results), sum(r.failed for r in results)) == 1


def test_exit_status() -> None:
    assert exit_status(5, 0) == 0
    assert exit_status(5, 2) == 1
    assert exit_status(5, 5) == 3
    assert exit_status(0, 0) == 3


def test_html_fragment_in_jsonl_is_not_called_truncated(tmp_path: Path) -> None:
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (tmp_path / "f.jsonl").write_text('{"html": "' + fragment + '", "title": "Border talks"}\n')
    (result,) = _run(tmp_path / "f.jsonl")
    assert result.article is not None and result.problems == []
