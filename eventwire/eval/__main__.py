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


def _module_names() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(eventwire.eval.__path__) if not info.name.startswith("_"))


def tasks() -> list[str]:
    """Names of the modules in this package that define ``main`` (imports each one)."""
    return [name for name in _module_names() if _task_module(name) is not None]


def main(argv: list[str]) -> int:
    """Run the task named first in ``argv``; only that task's module is imported."""
    module = _task_module(argv[0]) if argv and argv[0] in _module_names() else None
    if module is None:
        print(f"usage: python -m eventwire.eval TASK [args]   (tasks: {', '.join(tasks())})", file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    run: Callable[[list[str]], int] = module.main
    return run(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
