"""The ordered pool gives results in the items' order with bounded memory, raises what a
worker raised, and notices a worker's death however it happens: before a task, while
working, while writing its answer."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from eventwire.pool import OrderedPool, WorkerDied

ROOT = Path(__file__).resolve().parents[1]


# Module-level, so that spawned workers can import them.
def nothing_to_set_up() -> None:
    """The initializer of pools that need none."""


def cannot_set_up() -> None:
    raise FileNotFoundError("no model here")


def square_slowly(number: int) -> int:
    """Later items often finish first, so the order is the pool's doing."""
    time.sleep(0.02 * ((7 - number) % 4))
    return number * number


def fail_on_five(number: int) -> int:
    if number == 5:
        raise ValueError(f"five is refused ({number})")
    return number


class Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:  # two arguments: pickle cannot rebuild it from its args
        super().__init__(f"{first} {second}")


def fail_unpicklably(number: int) -> int:
    raise Unpicklable("held", str(number))


def sleep_then_echo(number: int) -> int:
    time.sleep(30)
    return number


def touch_then_echo(item: tuple[int, str]) -> int:
    number, marker = item
    Path(marker).touch()
    return number


def large_answer(number: int) -> bytes:
    return bytes([number]) * (32 * 1024 * 1024)  # far more than a pipe holds: writing it takes the parent's reads


def test_results_come_back_in_the_items_order_with_bounded_items_in_flight() -> None:
    drawn: list[int] = []

    def items() -> Iterator[int]:
        for number in range(40):
            drawn.append(number)
            yield number

    with OrderedPool(square_slowly, 2, initializer=nothing_to_set_up) as pool:
        given = []
        for result in pool.map(items()):
            given.append(result)
            assert len(drawn) - len(given) <= 2 * 2 - 1  # two tasks per worker, the given one included
    assert given == [number * number for number in range(40)]
    assert multiprocessing.active_children() == []


def test_an_exception_in_the_function_is_raised_with_the_workers_traceback() -> None:
    with OrderedPool(fail_on_five, 2, initializer=nothing_to_set_up) as pool:
        results = pool.map(range(10))
        assert [next(results) for _ in range(5)] == [0, 1, 2, 3, 4]
        with pytest.raises(ValueError, match="five is refused") as raised:
            next(results)
    assert any("in a worker process" in note and "fail_on_five" in note for note in raised.value.__notes__)


def test_an_exception_that_cannot_be_pickled_becomes_a_runtime_error_naming_it() -> None:
    with OrderedPool(fail_unpicklably, 1, initializer=nothing_to_set_up) as pool, pytest.raises(RuntimeError) as raised:
        list(pool.map([3]))
    assert str(raised.value) == "Unpicklable: held 3"


@pytest.mark.parametrize("size", [1, 4 * 1024 * 1024], ids=["small items", "items larger than a pipe holds"])
def test_a_failing_initializer_raises_its_own_error(size: int) -> None:
    """Large items: the parent is still sending when the worker has already stopped."""
    with OrderedPool(len, 2, initializer=cannot_set_up) as pool, pytest.raises(FileNotFoundError, match="no model"):
        list(pool.map([b"x" * size] * 20))
    assert multiprocessing.active_children() == []


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """TimeoutError in this thread once ``seconds`` have passed: a wait that would hang fails."""

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_closing_early_kills_busy_workers_without_waiting_for_them() -> None:
    start = time.monotonic()
    with OrderedPool(sleep_then_echo, 2, initializer=nothing_to_set_up) as pool:
        results = pool.map(range(8))
        with pytest.raises(TimeoutError), time_limit(1.0):  # nothing answers in time: the consumer gives up
            next(results)
    assert time.monotonic() - start < 10
    assert multiprocessing.active_children() == []


def test_a_pool_left_in_the_middle_of_a_map_refuses_another() -> None:
    """Else the earlier map's answers, still arriving, would be given as the new map's."""
    with OrderedPool(square_slowly, 2, initializer=nothing_to_set_up) as pool:
        first = pool.map(range(10))
        assert next(first) == 0
        with pytest.raises(RuntimeError, match="left unfinished"):
            next(pool.map(range(3)))
        assert list(first) == [number * number for number in range(1, 10)]  # the first map goes on
        assert list(pool.map(range(3))) == [0, 1, 4]  # and once finished, the pool takes another


def test_an_item_the_worker_cannot_rebuild_is_raised_not_waited_for() -> None:
    """It pickles, but unpickling calls its class with one argument where two are needed."""
    with time_limit(60), OrderedPool(square_slowly, 2, initializer=nothing_to_set_up) as pool:
        with pytest.raises(TypeError, match="missing 1 required positional argument"):
            list(pool.map([1, Unpicklable("not", "rebuilt"), 3]))  # type: ignore[list-item]
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(("workers", "tasks_per_worker"), [(0, 2), (2, 0)])
def test_a_pool_without_workers_or_tasks_is_refused(workers: int, tasks_per_worker: int) -> None:
    with pytest.raises(ValueError, match="needs a worker and a task"):
        OrderedPool(square_slowly, workers, initializer=nothing_to_set_up, tasks_per_worker=tasks_per_worker)


def _kill_workers() -> None:
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]  # a started process has a pid
        child.join()


def test_a_worker_dead_between_tasks_is_noticed_when_it_is_sent_one() -> None:
    def items() -> Iterator[int]:
        yield 0
        _kill_workers()  # the worker answered 0 and waits for more
        yield 1

    with OrderedPool(square_slowly, 1, initializer=nothing_to_set_up, tasks_per_worker=1) as pool:
        results = pool.map(items())
        assert next(results) == 0
        with pytest.raises(WorkerDied) as died:
            next(results)
    assert (died.value.item, died.value.exitcode) == (1, -signal.SIGKILL)


def test_a_worker_dead_with_an_answer_unread_names_the_task_it_did_not_answer(tmp_path: Path) -> None:
    answered = tmp_path / "answered"

    def items() -> Iterator[tuple[int, str]]:
        yield 0, str(answered)
        with time_limit(60):
            while not answered.exists():  # the worker answers 0 while the parent reads no answer
                time.sleep(0.01)
        time.sleep(0.2)  # its answer written
        _kill_workers()
        yield 1, str(answered)

    with OrderedPool(touch_then_echo, 1, initializer=nothing_to_set_up) as pool, pytest.raises(WorkerDied) as died:
        list(pool.map(items()))
    assert (died.value.item, died.value.exitcode) == ((1, str(answered)), -signal.SIGKILL)


KILLED_WHILE_ANSWERING = """
import faulthandler, multiprocessing, os, signal, time
faulthandler.dump_traceback_later(100, exit=True)  # a hang reports every thread's stack before the test's time limit
from eventwire.pool import OrderedPool, WorkerDied
from tests.test_pool import large_answer, nothing_to_set_up
with OrderedPool(large_answer, 2, initializer=nothing_to_set_up) as pool:
    results = pool.map(range(4))
    assert len(next(results)) == 32 * 1024 * 1024
    time.sleep(2)  # the other worker's answer (and the next) fill their pipes: both writers wait for the parent
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    try:
        for answer in results:
            print("answer", answer[0])
    except WorkerDied as died:
        print("died", died.item, died.exitcode)
"""


@pytest.mark.slow
def test_a_worker_killed_while_writing_its_answer_is_noticed() -> None:
    """Half an answer in a pipe is where ``ProcessPoolExecutor`` waits forever; in a process
    of its own, so that a hang fails this test instead of stopping the run."""
    done = subprocess.run([sys.executable, "-c", KILLED_WHILE_ANSWERING], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] in {"died 1 -9", "died 2 -9"}, done.stdout
