"""Turn what the user typed (files, directories, globs, ``-``) into a list of inputs.

Directories are walked recursively in sorted order so that two runs over the same tree
see the same sequence (the store and the Dask runner rely on a stable order). Hidden files
and folders (``.git``, editor swap files) are skipped: nobody means them as articles.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import SourceNotFound

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or standard input when ``path`` is ``-``."""

    path: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def origin(self) -> str:
        return "<stdin>" if self.is_stdin else self.path


def _walk(directory: Path) -> Iterator[Source]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Source(os.path.join(root, name))


def expand_sources(specs: Iterable[str]) -> Iterator[Source | SourceNotFound]:
    """Each input named by ``specs``, or a ``SourceNotFound`` (E108) for a spec that names none.

    The error is yielded, not raised: one mistyped path must not stop a batch of thousands.
    """
    for spec in specs:
        if spec == STDIN:
            yield Source(STDIN)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield Source(spec)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield SourceNotFound(f"the pattern matches nothing: {spec}", origin=spec)
            for match in matches:
                if Path(match).is_dir():
                    yield from _walk(Path(match))
                else:
                    yield Source(match)
        else:
            yield SourceNotFound(f"no such file or directory: {spec}", origin=spec)
