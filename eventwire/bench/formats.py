"""Writers of the generated corpus, one per input format eventwire reads.

Each writer takes the articles and a directory and returns how many files it wrote. The
shapes are what crawlers hand over: a page per article with its metadata in the head
(``html``, and gzipped, ``gz``), a scraped text dump per article (``txt``: headline,
byline and date lines above the body; a dump has no URL), one JSON Lines file with a
record per article (``jsonl``), or a crawler's WARC files holding the same pages (``warc``,
``ARTICLES_PER_WARC`` articles a file, as a crawl splits its output). Output depends only on
the articles: gzip's timestamp is zero, so that a seed gives the same bytes.
"""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.bench.warcfile import Capture, capture_records, side_captures, warcinfo

if TYPE_CHECKING:
    from eventwire.bench.corpus import GeneratedArticle

Writer = Callable[[Sequence["GeneratedArticle"], Path], int]


def _long_date(article: GeneratedArticle) -> str:
    day = article.published
    return f"{day:%B} {day.day}, {day.year}"


def page(article: GeneratedArticle) -> str:
    """The article as a news site's page: metadata in the head, furniture around the body."""
    e = html.escape
    body = "\n".join(f"<p>{e(paragraph)}</p>" for paragraph in article.paragraphs)
    stamp = f"{article.published.isoformat()}T{8 + article.number % 12:02d}:{article.number % 60:02d}:00Z"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(article.title)} | {e(article.outlet)}</title>
<link rel="canonical" href="{e(article.url)}">
<meta property="og:site_name" content="{e(article.outlet)}">
<meta property="og:title" content="{e(article.title)}">
<meta property="article:published_time" content="{stamp}">
<meta name="author" content="{e(article.author)}">
</head><body>
<header><a href="/">{e(article.outlet)}</a><nav><a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>{e(article.title)}</h1>
<p class="byline">By {e(article.author)}</p><time datetime="{stamp}">{_long_date(article)}</time>
{body}
</article></main>
<footer><p>&copy; {article.published.year} {e(article.outlet)}. All rights reserved.</p></footer>
</body></html>
"""


def write_html(articles: Sequence[GeneratedArticle], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (out / f"{article.number:05d}.html").write_text(page(article), encoding="utf-8")
    return len(articles)


def write_gz(articles: Sequence[GeneratedArticle], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (out / f"{article.number:05d}.html.gz").write_bytes(gzip.compress(page(article).encode("utf-8"), mtime=0))
    return len(articles)


def write_txt(articles: Sequence[GeneratedArticle], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for article in articles:
        dump = f"{article.title}\nBy {article.author}, {article.outlet}\n{_long_date(article)}\n\n{article.text}\n"
        (out / f"{article.number:05d}.txt").write_text(dump, encoding="utf-8")
    return len(articles)


def write_jsonl(articles: Sequence[GeneratedArticle], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "articles.jsonl", "w", encoding="utf-8") as handle:
        for article in articles:
            record = {
                "url": article.url,
                "title": article.title,
                "published": article.published.isoformat(),
                "source": article.outlet,
                "authors": [article.author],
                "text": article.text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1


ARTICLES_PER_WARC = 1000
"""Articles in one WARC file: a file is the scale-out runner's unit of work, so a corpus of
many thousands comes in several."""


def _captured(article: GeneratedArticle) -> datetime:
    """When the crawler fetched the page: the day after it was published, so that a reader
    that took the capture date for the publication date would be seen to."""
    day = article.published + timedelta(days=1)
    return datetime.combine(day, time(article.number % 24, article.number * 7 % 60))


def write_warc(articles: Sequence[GeneratedArticle], out: Path, *, per_file: int = ARTICLES_PER_WARC) -> int:
    """The pages ``write_html`` writes, as responses in ``.warc.gz`` files of ``per_file``
    articles; after the first article of each file, the side captures readers must skip."""
    out.mkdir(parents=True, exist_ok=True)
    files = 0
    for start in range(0, len(articles), per_file):
        chunk = articles[start : start + per_file]
        name = f"articles-{files:05d}.warc.gz"
        first = _captured(chunk[0])
        with open(out / name, "wb") as handle:
            handle.write(warcinfo(name, first))
            for position, article in enumerate(chunk):
                handle.write(capture_records(Capture(article.url, _captured(article), page(article).encode("utf-8"))))
                if position == 0:
                    for side in side_captures(article.url, first):
                        handle.write(capture_records(side))
        files += 1
    return files


WRITERS: dict[str, Writer] = {
    "html": write_html,
    "gz": write_gz,
    "txt": write_txt,
    "jsonl": write_jsonl,
    "warc": write_warc,
}
"""The writer of each ``--format``."""
