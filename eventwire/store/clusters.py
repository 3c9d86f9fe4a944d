"""Story clusters: syndicated copies and light rewrites of one story share a cluster.

Each stored article gets a MinHash signature of the word shingles of its normalised body
(the headline is left out: rewrites change it first). A newly stored article joins the
cluster of the most similar stored article whose estimated Jaccard similarity reaches
``SAME_STORY`` and whose cluster stays within ``STORY_DAYS`` of it; otherwise it starts a
cluster of its own, named by its id. The parameters and why they are what they are:

- 3-word shingles over word tokens, case-folded: a changed word breaks only three shingles,
  so a light rewrite (words swapped, sentences moved, one dropped) keeps most of them. Our
  three-rewrites test has Jaccard 0.66 and 0.69 between the original and each rewrite at 3
  words, 0.58 and 0.62 at 4 (too near 0.5 for a 128-permutation estimate), and 0.00 to a
  different story on the same two countries: stock phrases ("said in a statement") are too
  few to lift unrelated stories anywhere near the threshold.
- 128 permutations (a standard error of about 0.045 at a similarity of 0.5), seed 1 and
  datasketch's ``affine32`` scheme, pinned: signatures are stored, and a later run must
  compute comparable ones.
- The LSH index proposes candidates at a lower threshold (``CANDIDATE_THRESHOLD``, 37 bands
  of 3 rows: 99% of pairs at 0.5 are proposed) and each candidate's estimated similarity
  is checked against ``SAME_STORY``, so the index's blind spot near its own threshold does
  not split a story.
- A cluster spans at most ``STORY_DAYS`` of publication dates: a recurring template story
  (a monthly statistics release, an anniversary piece) a week or a year later is another
  event. An article without a date is matched on text alone and does not widen a span.

The index lives in memory, built from ``article_signatures`` the first time an article is
assigned after the store opens, and kept in step as articles are stored and replaced. It
is only a cache of the tables: after a failed batch it is dropped and rebuilt. Building it
takes about 0.15 s per thousand stored articles; a writer that opens the store once per
article (the web API) keeps it between opens instead, and checks it against the tables'
``index_fingerprint`` before each use (``StoryClusters.adopt``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from datetime import date

import duckdb

from eventwire.article import Article, normalise_text
from eventwire.store.rows import Row

if TYPE_CHECKING:  # datasketch loads scipy (about 0.3 s): imported where a signature is made
    from datasketch import LeanMinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SAME_STORY = 0.5
"""Least estimated Jaccard similarity of two bodies told as one story."""
CANDIDATE_THRESHOLD = 0.3
"""The LSH index's threshold: below ``SAME_STORY`` so that pairs just above it are proposed."""
STORY_DAYS = 3
"""Widest span of publication dates within one cluster, in days."""

_WORD = re.compile(r"\w+")
_INDEXED = (
    "FROM article_signatures s JOIN article_clusters c USING (article_id) JOIN articles a ON a.id = s.article_id"
)
"""The rows an index is built from: each stored signature with its cluster and its article."""


def signature(text: str) -> LeanMinHash | None:
    """The MinHash of the body's word shingles, or None for a body without words."""
    words = _WORD.findall(normalise_text(text))
    if not words:
        return None
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(count)}
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return LeanMinHash(minhash)


def _stored_signature(values: list[int]) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def publication_day(published: str | None) -> int | None:
    """The day an article was published, as an ordinal, from its ISO date (None if unknown)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Assignment:
    """The story cluster an article was put in.

    ``similarity`` is the estimated Jaccard similarity to the closest article of the cluster,
    None for an article that started its cluster.
    """

    cluster_id: str
    similarity: float | None


class StoryIndex:
    """Every stored signature in an LSH index, with each article's cluster and day."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}
        self._cluster_of: dict[str, str] = {}
        self._day_of: dict[str, int | None] = {}
        self._members: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def load(cls, connection: duckdb.DuckDBPyConnection) -> StoryIndex:
        """The index of every article stored with a signature."""
        index = cls()
        rows = connection.execute(f"SELECT s.article_id, s.signature, c.cluster_id, a.published {_INDEXED}").fetchall()
        for article_id, values, cluster_id, published in rows:
            index.add(article_id, _stored_signature(values), cluster_id, publication_day(published))
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, minhash: LeanMinHash, cluster_id: str, day: int | None) -> None:
        self._lsh.insert(article_id, minhash, check_duplication=False)
        self._signatures[article_id] = minhash
        self._cluster_of[article_id] = cluster_id
        self._day_of[article_id] = day
        self._members[cluster_id].add(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article (a corrected version replaced it); unknown ids are ignored."""
        if article_id not in self._signatures:
            return
        self._lsh.remove(article_id)
        del self._signatures[article_id]
        cluster_id = self._cluster_of.pop(article_id)
        self._day_of.pop(article_id)
        members = self._members[cluster_id]
        members.discard(article_id)
        if not members:
            del self._members[cluster_id]

    def match(self, minhash: LeanMinHash, day: int | None) -> Assignment | None:
        """The cluster of the most similar stored article that tells the same story, if any."""
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[candidate]))
            if similarity < SAME_STORY or not self._fits(self._cluster_of[candidate], day):
                continue
            if best is None or (similarity, candidate) > best:
                best = (similarity, candidate)
        if best is None:
            return None
        return Assignment(self._cluster_of[best[1]], best[0])

    def _fits(self, cluster_id: str, day: int | None) -> bool:
        """Whether the cluster still spans at most ``STORY_DAYS`` with an article of ``day``."""
        if day is None:
            return True
        days = [self._day_of[member] for member in self._members[cluster_id]]
        return all(abs(day - other) <= STORY_DAYS for other in days if other is not None)


def index_fingerprint(connection: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """A value that changes when an article enters or leaves the rows an index is built from
    (or changes cluster): an index built earlier is current while it stays the same. Articles
    never change otherwise (a new text is a new id), so their dates need no part in it."""
    row = connection.execute(f"SELECT count(*), coalesce(bit_xor(hash(s.article_id, c.cluster_id)), 0) {_INDEXED}").fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


class StoryClusters:
    """Puts each newly stored article in a story cluster, inside the caller's transaction.

    Writes ``article_signatures`` and ``article_clusters`` on the store's connection and
    keeps the in-memory index in step; ``discard`` drops the index after a rollback, since
    it may then hold articles that were never stored.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self._index: StoryIndex | None = None

    @property
    def index(self) -> StoryIndex:
        if self._index is None:
            self._index = StoryIndex.load(self.connection)
        return self._index

    @property
    def loaded(self) -> StoryIndex | None:
        """The index, if it was built (or adopted) and not dropped since: a caller may keep it."""
        return self._index

    def adopt(self, index: StoryIndex) -> None:
        """Use an index built earlier from this store instead of building it again; the caller
        has checked that it is current (the store's ``index_fingerprint`` is unchanged)."""
        self._index = index

    def assign(self, article: Article) -> tuple[Assignment, dict[str, list[Row]]]:
        """Cluster a newly inserted article: its cluster, and the ``article_signatures`` and
        ``article_clusters`` rows to store with the batch's other rows (one statement per table
        at the batch's end instead of two per article, which cost the writer 4 ms an article)."""
        minhash = signature(article.text)
        rows: dict[str, list[Row]] = {"article_signatures": [], "article_clusters": []}
        if minhash is None:
            assignment = Assignment(article.id, None)
        else:
            day = publication_day(article.published)
            assignment = self.index.match(minhash, day) or Assignment(article.id, None)
            rows["article_signatures"].append((article.id, [int(value) for value in minhash.hashvalues]))
            self.index.add(article.id, minhash, assignment.cluster_id, day)
        rows["article_clusters"].append((article.id, assignment.cluster_id, assignment.similarity))
        return assignment, rows

    def forget(self, article_id: str) -> None:
        """Take a deleted article out of the index (its rows are deleted by the caller)."""
        if self._index is not None:
            self._index.remove(article_id)

    def discard(self) -> None:
        self._index = None
