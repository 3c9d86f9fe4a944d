"""Files eventwire builds once from its dependencies' data and keeps between runs.

Some of what the pipeline reads ships in a form that is slow to open in every process: the
city gazetteer as JSON (``eventwire.places.cityindex``), the language identifier's model
compressed (``eventwire.extract.language``). The first process to need one writes a
ready-to-read copy here, named by the dependency's version and our format, and every
process after reads that. A copy is written under a temporary name and renamed into place,
so that no process reads half a file; processes that start together may each build one,
and the last rename wins.

The cache directory is ``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``.
"""

from __future__ import annotations

import getpass
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CACHE_ENV_VAR = "EVENTWIRE_CACHE_DIR"
READABLE = 0o644
"""A cached file's mode before the umask: readable by every user of a shared cache."""
UNREADABLE = (OSError, ValueError, TypeError, EOFError, zipfile.BadZipFile)
"""What reading a missing, half-written or foreign copy raises (JSON of another shape, a
truncated NumPy archive)."""
T = TypeVar("T")
log = logging.getLogger("eventwire")


def cache_dir() -> Path:
    """Where eventwire keeps files it builds from its dependencies' data."""
    configured = os.environ.get(CACHE_ENV_VAR)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Have ``write`` fill a temporary file beside ``path``, then rename it to ``path``
    (``OSError`` when the directory cannot be written; no temporary file is left)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, READABLE & ~_umask())  # mkstemp's 0600 would lock out other users of a shared cache
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return path


def read_or_build(path: Path, read: Callable[[Path], T], build: Callable[[], T], write: Callable[[Path, T], None]) -> T:
    """``read(path)``, else ``build()`` kept at ``path`` by ``write`` for the processes after
    (a copy that cannot be read is replaced; when the cache cannot be written, this process
    still has what it built)."""
    try:
        return read(path)
    except UNREADABLE:
        log.debug("no readable copy at %s", path, exc_info=True)
    built = build()
    try:
        write_atomically(path, lambda temporary: write(temporary, built))
    except OSError:
        log.debug("could not keep a copy at %s", path, exc_info=True)
    return built


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def private_temporary_directory() -> Path:
    """A directory of this user's own under the temporary directory (reused across runs), or a
    fresh one when that name is taken by someone else: a file planted there is not read."""
    directory = Path(tempfile.gettempdir()) / f"eventwire-{getpass.getuser()}"
    directory.mkdir(mode=0o700, exist_ok=True)
    owned = not hasattr(os, "getuid") or directory.stat().st_uid == os.getuid()
    if owned and directory.stat().st_mode & 0o077 == 0:
        return directory
    return Path(tempfile.mkdtemp(prefix="eventwire-"))
