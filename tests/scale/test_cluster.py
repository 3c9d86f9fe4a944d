"""The --dask value: a local cluster of N workers or a scheduler's address, refused otherwise."""

from __future__ import annotations

import os
import socket

import pytest

from eventwire.errors import BadClusterAddress, ClusterUnreachable
from eventwire.scale import parse_address


def test_local_clusters_and_scheduler_addresses() -> None:
    assert parse_address("local:3").workers == 3
    assert parse_address("local").workers == (os.cpu_count() or 1)
    remote = parse_address(" tcp://scheduler:8786 ")
    assert (remote.workers, remote.address, remote.is_local) == (None, "tcp://scheduler:8786", False)
    assert parse_address("tls://10.0.0.5:8786").address == "tls://10.0.0.5:8786"


@pytest.mark.parametrize("value", ["", "local:0", "local:x", "localhost:8786", "http://scheduler:8786", "tcp://"])
def test_anything_else_is_refused_before_a_cluster_starts(value: str) -> None:
    with pytest.raises(BadClusterAddress) as caught:
        parse_address(value)
    assert caught.value.code == "E801"


def test_a_scheduler_that_does_not_answer_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from eventwire.scale.cluster import connect

    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr("eventwire.scale.cluster.CONNECT_SECONDS", 1)
    with pytest.raises(ClusterUnreachable) as caught, connect(parse_address(f"tcp://127.0.0.1:{port}")):
        pass
    assert caught.value.code == "E802" and str(port) in str(caught.value)
