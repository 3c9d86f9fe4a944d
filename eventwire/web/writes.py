"""``POST /api/articles``: store one article through the web API; off unless the server was
given a token (``eventwire serve --allow-writes`` reads it from ``EVENTWIRE_WEB_TOKEN``).

The body is one record of the JSONL input ``eventwire ingest`` reads, read by the same
function (``read_record``); the article goes through the same stages (``extract_document``,
``code_batch``) and is saved by the same ``Store.save``, so it gets the rows, the story
cluster and the idempotence an ingest would give it, and a refused article is recorded in
``ingest_errors`` as an ingest records it.

The steps, in an order that keeps the store shared as long as possible:

1. the token, before the body is looked at (403 when writes are off, 401 without it);
2. the record is read and the article extracted (400 for a body that is not a record);
3. one write at a time from here on: spaCy's pipeline and its memory zones are not meant
   for two threads at once, and the story-cluster index below is the writes' own state;
4. under the shared lock, a read-only look at the store: an article it holds is answered
   200 without being parsed again (and a store that is not there is 503, never created);
   for one it lacks, the story-cluster index is brought up to date (``StoryIndexCache``);
5. the spaCy parse and the coders, outside the store lock, so that reads go on meanwhile;
6. the exclusive lock, only to open the store read-write, save and close it (``locks``).
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from eventwire.errors import BadToken, EventwireError, InternalError, WeakToken, WritesDisabled, error_from
from eventwire.ingest.readers import read_record
from eventwire.store import SaveCounts, Store, open_store
from eventwire.store.clusters import StoryIndex, index_fingerprint

if TYPE_CHECKING:  # the pipeline loads spaCy: a server that only reads never needs it
    from eventwire.pipeline import ArticleResult

router = APIRouter(prefix="/api")

TOKEN_VARIABLE = "EVENTWIRE_WEB_TOKEN"
"""The environment variable ``eventwire serve --allow-writes`` reads the token from."""
MIN_TOKEN_CHARS = 16

RECORD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One line of eventwire ingest's JSONL input: 'text' or 'html', and optional metadata.",
    "properties": {
        **{name: {"type": "string"} for name in ("text", "html", "url", "title", "published", "date", "section", "source")},
        "authors": {"type": "array", "items": {"type": "string"}},
    },
}
"""The body as OpenAPI shows it; ``read_record`` is what checks it."""


def check_token(token: str | None) -> str:
    """``token`` if it is fit to guard writes, else ``WeakToken`` (E612).

    Visible ASCII only, because the token travels in an HTTP header, and long enough not to
    be guessed: a short or empty one would open the store to anyone on the network.
    """
    if token is None:
        raise WeakToken(f"{TOKEN_VARIABLE} is not set")
    if not all("!" <= character <= "~" for character in token):
        raise WeakToken("it holds white space or characters outside visible ASCII")
    if len(token) < MIN_TOKEN_CHARS:
        raise WeakToken(f"{len(token)} characters, fewer than {MIN_TOKEN_CHARS}")
    return token


def authorised(request: Request) -> None:
    """Let the request write only if writes are on and it bears the token (E610, E611)."""
    token: str | None = request.app.state.write_token
    if token is None:
        raise WritesDisabled("this server was started without --allow-writes")
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise BadToken("no 'Authorization: Bearer' header")
    # Header values arrive decoded as Latin-1; as bytes, any value compares (in constant time).
    if not hmac.compare_digest(presented.strip().encode("latin-1"), token.encode("ascii")):
        raise BadToken("the token does not match")


async def raw_body(request: Request) -> bytes:
    """The whole body (at most 1 MB: ``limits.BodyLimit``), read before the endpoint runs in
    the thread pool."""
    return await request.body()


def _origin(body: bytes) -> str:
    """How ``ingest_errors`` names a posted article: ``web:`` and a hash of the body, so that
    posting the same body twice records its problem once, as re-running an ingest does."""
    return f"web:{hashlib.sha256(body).hexdigest()[:16]}"


class StoryIndexCache:
    """The store's story-cluster index, kept between writes.

    ``Store`` builds the index from every stored signature when it first clusters an article
    after opening (about 0.15 s per thousand articles), and a write opens the store anew each
    time; rebuilt inside the exclusive lock, it would hold every read back for seconds on a
    large store. So it is built under the shared lock, kept, and lent to the store of each
    write if the tables' ``index_fingerprint`` says that no one (an ``eventwire ingest``,
    say) changed the store since; if they did, the store builds its own, as ingest would.
    The price is the index's memory, held for the server's life once a write has been made.
    """

    def __init__(self) -> None:
        self._index: StoryIndex | None = None
        self._fingerprint: tuple[int, int] | None = None

    def refresh(self, store: Store) -> None:
        """Build the index again if the store changed since it was kept."""
        fingerprint = index_fingerprint(store.connection)
        if self._index is None or fingerprint != self._fingerprint:
            self._index, self._fingerprint = StoryIndex.load(store.connection), fingerprint

    def lend(self, store: Store) -> None:
        """Give the index to ``store`` if it is current. It is forgotten meanwhile: the save
        changes it, and a save that fails may leave it holding articles never stored."""
        if self._index is not None and index_fingerprint(store.connection) == self._fingerprint:
            store.clusters.adopt(self._index)
        self._index = self._fingerprint = None

    def keep(self, store: Store) -> None:
        """Take back the index of ``store`` after a save it committed."""
        if store.clusters.loaded is not None:
            self._index, self._fingerprint = store.clusters.loaded, index_fingerprint(store.connection)


def _stored(db_path: Path, article_id: str | None, clusters: StoryIndexCache) -> bool:
    """Whether the store holds the article (or a newer version replaced it); if not, the
    story-cluster index is brought up to date for its save. Asked of every write, an article
    or none: the store must exist and be readable (E5xx, 503), so that a write never creates
    one. Hold the store lock shared."""
    with open_store(db_path, read_only=True) as store:
        if article_id is None:
            return False
        if store.known_ids([article_id]):
            return True
        clusters.refresh(store)
        return False


def _save(db_path: Path, result: ArticleResult, clusters: StoryIndexCache) -> SaveCounts:
    with open_store(db_path) as store:
        clusters.lend(store)
        counts = store.save([result])
        clusters.keep(store)
        return counts


def _refusal(result: ArticleResult) -> EventwireError:
    """The error the pipeline refused the article with (E2xx, 422); an unexpected one is
    E900 without its text, which stays in the server's log and in ``ingest_errors``."""
    problem = next(problem for problem in result.problems if problem.severity == "error")
    if problem.code == InternalError.code:
        return InternalError(f"recorded in ingest_errors as {problem.origin}")
    return error_from(problem)


@router.post(
    "/articles",
    dependencies=[Depends(authorised)],
    status_code=201,
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": RECORD_SCHEMA}}}},
    responses={
        201: {"description": "Stored: the article's id and how many events, quotes and places were coded."},
        200: {"description": "The store already holds this article; nothing was written."},
    },
)
def post_article(request: Request, body: Annotated[bytes, Depends(raw_body)]) -> JSONResponse:
    """Code one article and store it: 201 with its id and counts, 200 when it is stored already."""
    from eventwire.pipeline import code_batch, extract_document  # spaCy, on the first write only

    state = request.app.state
    result = extract_document(read_record(body, _origin(body)))
    article = result.article
    with state.write_lock:
        with state.store_lock.shared():
            known = _stored(state.db_path, article.id if article is not None else None, state.story_index)
        if article is not None and not result.failed:
            if known:
                return JSONResponse({"id": article.id, "stored": False}, status_code=200)
            code_batch([result])
        with state.store_lock.exclusive():
            counts = _save(state.db_path, result, state.story_index)
    if result.failed:
        raise _refusal(result)
    assert article is not None  # an extraction that gives no article is a failure
    if not counts.articles_new:
        return JSONResponse({"id": article.id, "stored": False}, status_code=200)
    found = {"events": len(result.events), "quotes": len(result.quotes), "places": len(result.places)}
    return JSONResponse({"id": article.id, "stored": True, **found}, status_code=201)
