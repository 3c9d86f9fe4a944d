"""Where chunks are coded: a cluster started here (``local[:N]``) or one already running.

``local:N`` starts N worker processes of one thread each on this machine: the parse holds
the GIL, so threads would share one core, and processes are what a real cluster runs.
Any other address is a running scheduler's (``tcp://host:8786``), whatever started it:
``dask scheduler`` by hand, dask-kubernetes, dask-jobqueue (docs/scale.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.errors import BadClusterAddress, ClusterUnreachable, DaskMissing

if TYPE_CHECKING:
    from distributed import Client

SCHEMES = ("tcp", "tls", "ws", "wss")
"""The transports of distributed that reach a scheduler on another machine."""
CONNECT_SECONDS = 30
_LOCAL = re.compile(r"local(?::(\d+))?")
_REMOTE = re.compile(r"([a-z]+)://(\S+)")


@dataclass(frozen=True)
class ClusterAddress:
    """A parsed ``--dask`` value: ``workers`` for a local cluster, else a scheduler's ``address``."""

    workers: int | None = None
    address: str | None = None

    @property
    def is_local(self) -> bool:
        return self.workers is not None


def parse_address(value: str) -> ClusterAddress:
    """``local`` (a worker per core), ``local:N`` or a scheduler address such as ``tcp://host:8786``.

    Raises ``BadClusterAddress`` (E801) for anything else, before any cluster is started.
    """
    text = value.strip()
    if local := _LOCAL.fullmatch(text):
        workers = int(local.group(1)) if local.group(1) else os.cpu_count() or 1
        if workers < 1:
            raise BadClusterAddress(f"{value!r}: local needs at least one worker", origin=value)
        return ClusterAddress(workers=workers)
    remote = _REMOTE.fullmatch(text)
    if remote is None or remote.group(1) not in SCHEMES:
        raise BadClusterAddress(repr(value), origin=value)
    return ClusterAddress(address=text)


@contextmanager
def connect(target: ClusterAddress) -> Iterator[Client]:
    """A client of the cluster ``target`` names, closed (with a local cluster) on leaving.

    Raises ``DaskMissing`` (E806) without dask installed and ``ClusterUnreachable`` (E802)
    when no scheduler answers at the address within ``CONNECT_SECONDS``.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskMissing(str(error)) from error
    if target.workers is not None:
        # No dashboard: its fixed port would clash with another run on the same machine.
        with LocalCluster(
            n_workers=target.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster) as client:
            yield client
        return
    assert target.address is not None
    try:
        client = Client(target.address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise ClusterUnreachable(f"{target.address}: {error}", origin=target.address) from error
    with client:
        yield client
