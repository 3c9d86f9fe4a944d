"""The exception tree and the error codes users can grep for.

Every failure that reaches a user carries a stable code (``E101``) so that a log line, a
row in the ``ingest_errors`` table and the entry in ``docs/errors.md`` can be matched up.
Codes are grouped by stage: ``E1xx`` reading input, ``E2xx`` extracting the article,
``E5xx`` the store, ``E6xx`` querying it, ``E7xx`` exports, ``E8xx`` scale-out (Dask),
``E9xx`` bugs. A ``W`` code is a
warning: the article was still processed.

Why classes rather than a table of strings: the code, its one-line title and the stage live
on the class that is raised, so they cannot drift apart, and ``except InputError`` catches a
whole stage. ``all_codes()`` lists them for the docs test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One error or warning attached to an input, as printed and stored.

    ``origin`` names the input (a path, ``path:line`` inside a JSONL file, or ``<stdin>``).
    """

    code: str
    message: str
    origin: str
    severity: Severity = "error"
    stage: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity,
            "stage": self.stage,
            "origin": self.origin,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.code} {self.message} [{self.origin}]"


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code: ClassVar[str] = "E000"
    title: ClassVar[str] = "eventwire error"
    stage: ClassVar[str] = "eventwire"
    severity: ClassVar[Severity] = "error"
    hint: ClassVar[str] = ""

    def __init__(self, detail: str = "", *, origin: str = "") -> None:
        self.detail = detail
        self.origin = origin
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.title}: {self.detail}" if self.detail else self.title

    def __str__(self) -> str:
        return f"{self.code} {self.message}"

    def problem(self, origin: str | None = None) -> Problem:
        """The record of this error for an output line or the error table."""
        return Problem(
            code=self.code,
            message=self.message,
            origin=origin if origin is not None else self.origin,
            severity=self.severity,
            stage=self.stage,
        )


# --- E1xx: reading input -------------------------------------------------------------


class InputError(EventwireError):
    """The input could not be read as an article."""

    code = "E100"
    title = "input error"
    stage = "ingest"


class BinaryContent(InputError):
    code = "E101"
    title = "not an article: binary content"
    hint = "Pass HTML, a scraped text dump, JSONL or WARC; PDF, images and archives are not read."


class EmptyInput(InputError):
    code = "E102"
    title = "empty input"
    hint = "The file, line or stream holds no text (or only white space)."


class UndecodableText(InputError):
    code = "E103"
    title = "text encoding not recognised"
    hint = "Convert the file to UTF-8, or declare its charset in the HTML head."


class UnreadableSource(InputError):
    code = "E104"
    title = "cannot read input"
    hint = "Check that the file exists and is readable by this user."


class InputTooLarge(InputError):
    code = "E105"
    title = "input too large"
    hint = "News pages are far below the limit; raise --max-bytes if this one is real."


class BrokenJsonLine(InputError):
    code = "E106"
    title = "broken JSONL record"
    hint = "Each line must be one JSON object with a 'text' or an 'html' field."


class CorruptCompression(InputError):
    code = "E107"
    title = "compressed input is truncated or corrupt"
    hint = "Re-download or re-compress the file; of a JSONL file, the whole records before the break are kept."


class SourceNotFound(InputError):
    code = "E108"
    title = "no such input"
    hint = "Check the path or the glob pattern."


class UnsupportedFormat(InputError):
    code = "E109"
    title = "unsupported input format"
    hint = "Supported: HTML, scraped text dumps, JSONL, WARC, gzip of any of these."


class BrokenWarc(InputError):
    code = "E110"
    title = "WARC archive is truncated or corrupt"
    hint = (
        "The records before the break were read; the message gives its byte offset. Fetch the file again and "
        "ingest it again: what was stored is skipped."
    )


# --- E2xx: extracting the article ----------------------------------------------------


class ExtractionError(EventwireError):
    """The input was read but holds no usable article."""

    code = "E200"
    title = "extraction error"
    stage = "extract"


class NoArticleText(ExtractionError):
    code = "E201"
    title = "no article text found"
    hint = "The page holds no body text that looks like an article (an index page, a login wall, or script only)."


class NotEnglish(ExtractionError):
    code = "E202"
    title = "article is not in English"
    hint = "The article is kept with its language recorded, but the English coders do not run on it."


# --- E5xx: the store -------------------------------------------------------------------


class StoreError(EventwireError):
    """The store could not be opened or written."""

    code = "E500"
    title = "store error"
    stage = "store"
    hint = "Check the --db path, free disk space and file permissions."


class StoreLocked(StoreError):
    code = "E501"
    title = "store is locked by another process"
    hint = "Another eventwire (or DuckDB client) is writing this file; wait for it or use another --db."


class StoreBusy(StoreError):
    """A web server's read or write waited too long for the store: its other side held it."""

    code = "E505"
    title = "store is busy in this server"
    hint = "The web server was saving a posted article (or answering reads while one waited); try again in a moment."


class StoreWriteFailed(StoreError):
    """DuckDB could not write a batch: the disk is full, the file system refused, or the
    database file went bad under it. The batch was rolled back; earlier batches are stored."""

    code = "E506"
    title = "cannot write to the store"
    hint = (
        "Free disk space (or move --db to a disk with room) and run the same command again: what was stored "
        "before is kept and skipped, the batch that failed is coded again."
    )


class StoreNotFound(StoreError):
    code = "E502"
    title = "no store at this path"
    hint = "Reading commands do not create a store: check --db, or fill one first with eventwire ingest."


class StoreOutdated(StoreError):
    code = "E503"
    title = "store schema version differs from this eventwire's"
    hint = "A read-only open cannot migrate: run eventwire ingest on the store once (it upgrades it), or use the eventwire that wrote it."


class NotAStore(StoreError):
    code = "E504"
    title = "not an eventwire store"
    hint = "The file is a DuckDB database without eventwire's tables (schema 2 or later); point --db at a store eventwire ingest wrote."


# --- E6xx: querying the store ----------------------------------------------------------


class QueryError(EventwireError):
    """A query on the store could not be answered."""

    code = "E600"
    title = "query error"
    stage = "query"


class InvalidFilter(QueryError):
    code = "E601"
    title = "invalid query option"
    hint = "Dates are ISO (2024, 2024-05 or 2024-05-10); --order and --columns take the column names the message lists."


class UnknownArticle(QueryError):
    code = "E602"
    title = "no such article"
    hint = "Give an article id, or a prefix of one; eventwire events prints article ids."


class AmbiguousArticle(QueryError):
    code = "E603"
    title = "article id prefix is ambiguous"
    hint = "Give more characters of the id; the message lists the first matching ids."


class NotReadOnly(QueryError):
    code = "E604"
    title = "not a single read-only query"
    hint = "eventwire sql runs one SELECT (WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN) statement and never changes the store."


class SqlError(QueryError):
    code = "E605"
    title = "SQL error"
    hint = "DuckDB could not run the query; the message gives its parser, binder or runtime error."


class QueryTimeout(QueryError):
    code = "E606"
    title = "query timed out"
    hint = "Raise --timeout, or narrow the query (filters, LIMIT)."


class UnknownActor(QueryError):
    code = "E607"
    title = "no such actor"
    hint = "Give a CAMEO actor code (or a prefix of one) that the store holds; /api/network and eventwire actors list them."


class RequestTooLarge(QueryError):
    code = "E608"
    title = "request body too large"
    hint = "The web API reads no large bodies: send the query as URL parameters."


class UnknownEndpoint(QueryError):
    code = "E609"
    title = "no such endpoint"
    hint = "The web API's endpoints are listed at /openapi.json (docs/web.md); all are GET but POST /api/articles."


class WritesDisabled(QueryError):
    code = "E610"
    title = "writes are off"
    hint = "Start eventwire serve with --allow-writes and a token in EVENTWIRE_WEB_TOKEN (docs/web.md)."


class BadToken(QueryError):
    code = "E611"
    title = "missing or wrong write token"
    hint = "Send the token the server was started with, as the header 'Authorization: Bearer <token>'."


class WeakToken(QueryError):
    code = "E612"
    title = "no usable write token"
    hint = (
        "--allow-writes needs EVENTWIRE_WEB_TOKEN set to 16 or more visible ASCII characters, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'."
    )


# --- E7xx: exports -----------------------------------------------------------------------


class ExportError(EventwireError):
    """An export could not be written."""

    code = "E700"
    title = "export error"
    stage = "export"


class OutputNotWritable(ExportError):
    code = "E701"
    title = "cannot write the output file"
    hint = "Check that the --out directory exists and is writable; nothing was left half written."


class UnknownExportTable(ExportError):
    code = "E702"
    title = "not an exportable table"
    hint = "csv and parquet copy one of the tables and views the message lists (docs/export.md)."


# --- E8xx: scale-out (eventwire ingest --dask; docs/scale.md) -------------------------------


class ScaleError(EventwireError):
    """A distributed ingest could not run, or a part of it failed."""

    code = "E800"
    title = "scale-out error"
    stage = "scale"
    hint = "See docs/scale.md; chunks already coded are kept, and the same command resumes."


class BadClusterAddress(ScaleError):
    code = "E801"
    title = "not a Dask cluster address"
    hint = "Give --dask local (one worker per core), local:N (N worker processes here) or the scheduler's address, tcp://host:8786."


class ClusterUnreachable(ScaleError):
    code = "E802"
    title = "cannot reach the Dask scheduler"
    hint = "Check that the scheduler runs and that its port is open to this machine (dask scheduler prints its address)."


class ChunkFailed(ScaleError):
    code = "E803"
    title = "a chunk of inputs could not be coded"
    hint = "The message gives the chunk's first file and the worker's error; other chunks were stored. Fix it and run the same command again."


class PartitionUnreadable(ScaleError):
    code = "E804"
    title = "a chunk's Parquet partition cannot be read"
    hint = "The chunk's folder under the parts directory was changed or cut short: delete that folder and run again to code it anew."


class NotDistributable(ScaleError):
    code = "E805"
    title = "this input cannot be sent to workers"
    hint = "Workers cannot read this process's standard input: save it to a file on storage the workers share."


class DaskMissing(ScaleError):
    code = "E806"
    title = "Dask is not installed"
    hint = "pip install 'eventwire[dask]' installs dask and distributed at the versions eventwire is tested with."


class WorkerVersionMismatch(ScaleError):
    code = "E807"
    title = "a worker runs another eventwire version"
    hint = "Install the client's eventwire version on every worker: codings differ between versions, and one store must not mix them."


# --- Warnings: the article was processed ---------------------------------------------


class LegacyEncoding(InputError):
    code = "W103"
    title = "decoded from a legacy encoding"
    severity = "warning"
    hint = "The bytes were not UTF-8; the charset was declared or guessed. Check odd characters."


class InvalidBytesReplaced(InputError):
    code = "W104"
    title = "invalid UTF-8 bytes replaced"
    severity = "warning"
    hint = "A few bytes were not valid UTF-8 and were replaced by U+FFFD."


class SkippedWarcResponse(InputError):
    """A crawl holds images, redirects and dead links beside its pages: each is named, not failed."""

    code = "W110"
    title = "WARC response skipped: not a 200 HTML page"
    severity = "warning"
    hint = (
        "Only HTTP 200 responses holding HTML become articles; the message gives the status or media type and "
        "the URL. Requests, metadata and other records are passed over without a word."
    )


class TruncatedHtml(ExtractionError):
    code = "W201"
    title = "HTML is truncated"
    severity = "warning"
    hint = "The page ends before its closing tags; what was there was extracted."


class PageCut(ExtractionError):
    code = "W203"
    title = "page cut before extraction"
    severity = "warning"
    hint = (
        "The page's markup is longer than eventwire extracts (8 million characters; news pages are far shorter): "
        "the article was extracted from its beginning. Check that the input is one article."
    )



# --- E9xx: bugs ------------------------------------------------------------------------


class InternalError(EventwireError):
    """An unexpected exception inside a stage, caught at the article boundary.

    It is recorded with the input that caused it, and the batch goes on: one bad article
    must not cost a user the other thousands. It is always a bug in eventwire.
    """

    code = "E900"
    title = "internal error"
    stage = "pipeline"
    hint = "A bug in eventwire: please report it with the input named in the message."


class WorkerLost(EventwireError):
    """A worker process of ``--workers`` stopped (killed, out of memory, a crash in native
    code): the articles it held were not coded. A worker that cannot load the pipeline
    raises its own error instead, which says why."""

    code = "E901"
    title = "a worker process stopped"
    stage = "pipeline"
    hint = "What was stored before is kept: rerun to resume. If it recurs, try fewer --workers (memory) or --workers 1 to see the error."


def error_from(problem: Problem) -> EventwireError:
    """The error a recorded problem stands for, to raise again.

    The pipeline turns errors into problems at the article boundary, so that a batch goes
    on; a caller handling one article (the web API's ``POST /api/articles``) raises the
    problem that refused it, and answers with its code, title and hint.
    """
    cls = next((cls for cls in all_codes() if cls.code == problem.code), EventwireError)
    detail = problem.message.removeprefix(f"{cls.title}: ") if problem.message != cls.title else ""
    return cls(detail, origin=problem.origin)


def all_codes() -> list[type[EventwireError]]:
    """Every concrete error class, in code order (for docs/errors.md and its test)."""
    seen: list[type[EventwireError]] = []
    stack: list[type[EventwireError]] = [EventwireError]
    while stack:
        cls = stack.pop()
        seen.append(cls)
        stack.extend(cls.__subclasses__())
    return sorted(seen, key=lambda c: (c.code[1:], c.code))
