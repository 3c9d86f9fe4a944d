"""Writers of the generated corpus, one per input format eventwire reads.

Each writer takes the articles and a directory and returns how many files it wrote. The
shapes are what crawlers hand over: a page per article with its metadata in the head
(``html``, and gzipped, ``gz``), a scraped text dump per article (``txt``: headline,
byline and date lines above the body; a dump has no URL), or one JSON Lines file with a
record per article (``jsonl``). Output depends only on the articles: gzip's timestamp is
zero, so that a seed gives the same bytes.
"""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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


WRITERS: dict[str, Writer] = {"html": write_html, "gz": write_gz, "txt": write_txt, "jsonl": write_jsonl}
"""The writer of each ``--format``."""
