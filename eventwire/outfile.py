"""Writing an ``--out`` file so that a failure never leaves one that looks finished.

Both the query commands and ``export`` write under a temporary name beside the file and
rename it when complete: an interrupted or failed write (a full disk, a DuckDB COPY error)
leaves the previous file, or none, instead of a truncated one. A file that cannot be written
at all (a missing directory, no permission) is the coded error E701 rather than a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.errors import OutputNotWritable


@contextmanager
def written(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` to write to, renamed to ``out`` when the block succeeds.

    OSError and DuckDB's IOException (a COPY to the path) become OutputNotWritable (E701);
    the temporary file is removed whatever happens.
    """
    partial = out.with_name(f".{out.name}.partial")
    try:
        yield partial
        partial.replace(out)
    except (OSError, duckdb.IOException) as error:
        raise OutputNotWritable(f"{out}: {error}", origin=str(out)) from error
    finally:
        partial.unlink(missing_ok=True)
