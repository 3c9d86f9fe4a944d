"""Where the shared evaluation sets are: ``$EVENTWIRE_SHARED``, else ``../shared`` beside the repo.

The sets are read in place and never copied into the repository (their licences are for
evaluation use). An evaluation without them cannot run, so callers ask ``shared_dir()``
and skip or stop with a clear message when it is None.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = "EVENTWIRE_SHARED"


def shared_dir() -> Path | None:
    """The shared directory if it exists."""
    configured = os.environ.get(ENV_VAR)
    path = Path(configured) if configured else REPO_ROOT.parent / "shared"
    return path if path.is_dir() else None
