"""``python -m eventwire.eval TASK [args]``: run one evaluation task.

A task is a module of this package with a ``main(argv) -> int`` function; adding one is
adding the module, nothing is registered elsewhere. Without a task, the present tasks are
listed.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from types import ModuleType

import eventwire.eval


def _task_module(name: str) -> ModuleType | None:
    module = importlib.import_module(f"eventwire.eval.{name}")
    return module if callable(getattr(module, "main", None)) else None


def tasks() -> list[str]:
    """Names of the modules in this package that define ``main``."""
    names = (info.name for info in pkgutil.iter_modules(eventwire.eval.__path__) if not info.name.startswith("_"))
    return sorted(name for name in names if _task_module(name) is not None)


def main(argv: list[str]) -> int:
    available = tasks()
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in available:
        print(f"usage: python -m eventwire.eval TASK [args]   (tasks: {', '.join(available)})", file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = _task_module(argv[0])
    run: Callable[[list[str]], int] = module.main  # type: ignore[union-attr]
    return run(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
