"""Worker processes that apply one function to a stream of items and give the results back in
the items' order, noticing always and at once when a worker dies.

Why not ``concurrent.futures.ProcessPoolExecutor``: its workers share one result pipe, whose
write end the parent holds too. A worker killed (by the kernel's out-of-memory killer, by a
user) while it writes a result leaves half a message in that pipe, and the executor's
manager thread then waits in ``recv`` for the rest forever: the ingest hangs instead of
stopping with E901 (CI caught it once, its stacks showing exactly that wait). Here each
worker has a pipe for tasks and a pipe for results that no other process holds, so a dead
worker is an end of file on its own result pipe, half a message or none.

A worker holds at most ``tasks_per_worker`` tasks: one it works on, the next already
received by a thread of its own, so that it never waits for the parent between two tasks and
the parent's sends never block on a busy worker. At most ``tasks_per_worker x workers``
items are sent and not yet given back (answers that came early included), so memory stays
bounded however long the stream and however slow one item.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, NoReturn, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_NO_MORE = None
"""What a worker's receiving thread hands on when the parent closed the task pipe."""

JOIN_SECONDS = 10.0
"""How long closing waits for an idle worker to exit by itself before killing it."""


class WorkerDied(Exception):
    """A worker process stopped while it held ``item``; ``exitcode`` is its exit status
    (negative: the signal that killed it, -9 for the out-of-memory killer's SIGKILL)."""

    def __init__(self, item: Any, exitcode: int | None) -> None:
        super().__init__(f"worker stopped with exit code {exitcode}")
        self.item = item
        self.exitcode = exitcode


def _portable(error: BaseException) -> BaseException:
    """``error`` with the worker's traceback as a note, or a RuntimeError telling it when the
    exception itself cannot cross to the parent (pickling or unpickling it fails)."""
    remote = "".join(traceback.format_exception(error))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # any failure to round-trip: the exception's class decides what it raises
        error = RuntimeError(f"{type(error).__name__}: {error}")
    error.add_note(f"in a worker process:\n{remote}")
    return error


@dataclass(frozen=True)
class _Unreadable:
    """What a worker's receiving thread hands on when a task cannot be rebuilt from its
    bytes (its class cannot be imported or constructed here, memory ran out)."""

    error: Exception


def _receive(tasks: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """In a worker: hand each task on as it arrives; ``_NO_MORE`` once the parent closed
    its end (or died: half a message is no task either); ``_Unreadable`` for a task that
    cannot be rebuilt, after which the worker stops (the parent raises its error)."""
    try:
        while True:
            inbox.put(tasks.recv())
    except (EOFError, OSError):
        inbox.put(_NO_MORE)
    except Exception as error:  # the unpickling's failure, whatever it is: the thread must not die silently
        inbox.put(_Unreadable(error))


def _serve(
    function: Callable[[Any], Any],
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    tasks: Connection,
    results: Connection,
) -> None:
    """A worker's life: set up, then answer each task ``(number, item)`` with ``(number,
    True, result)`` or ``(number, False, exception)`` until the parent closes the tasks.
    ``(None, False, exception)`` is its last word when it cannot go on: its initializer
    failed, or a task could not be read."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it closes the pool
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(tasks, inbox), daemon=True).start()  # the parent's sends never wait for set-up
    try:
        initializer(*initargs)
    except Exception as error:
        results.send((None, False, _portable(error)))
        return
    while (task := inbox.get()) is not _NO_MORE:
        if isinstance(task, _Unreadable):
            results.send((None, False, _portable(task.error)))
            return
        number, item = task
        try:
            answer = pickle.dumps((number, True, function(item)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # the item's failure, given to the parent to raise
            answer = pickle.dumps((number, False, _portable(error)), protocol=pickle.HIGHEST_PROTOCOL)
        results.send_bytes(answer)


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    held: deque[tuple[int, Any]] = field(default_factory=deque)
    """The tasks sent and not yet answered, oldest first (a worker answers in order)."""

    def died(self) -> WorkerDied:
        self.process.join(JOIN_SECONDS)  # the exit code is known once the process is reaped
        return WorkerDied(self.held[0][1] if self.held else None, self.process.exitcode)

    def receive(self) -> tuple[int, bool, Any]:
        """Its next answer ``(number, succeeded, result or exception)``, no longer held.
        Raises its last word if it could not go on, and ``WorkerDied`` if it died before or
        while writing."""
        try:
            number, succeeded, value = self.results.recv()
        except (EOFError, OSError) as error:
            raise self.died() from error
        if number is None:
            raise value
        self.held.popleft()
        return number, succeeded, value

    def stopped(self) -> NoReturn:
        """Raise why it stopped, found so when sent a task: after the answers it wrote
        before, its last word or its end (``WorkerDied`` naming the first task it left
        unanswered)."""
        while self.results.poll():
            self.receive()
        raise self.died()


class OrderedPool(Generic[Item, Result]):
    """``workers`` spawned processes that each run ``initializer(*initargs)`` once, then
    ``function`` on the items ``map`` sends them. Close it (or use it as a context manager):
    busy workers are then killed, idle ones exit."""

    def __init__(
        self,
        function: Callable[[Item], Result],
        workers: int,
        *,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...] = (),
        tasks_per_worker: int = 2,
    ) -> None:
        if workers < 1 or tasks_per_worker < 1:
            raise ValueError(f"OrderedPool needs a worker and a task for each: {workers=}, {tasks_per_worker=}")
        context = multiprocessing.get_context("spawn")  # no fork of a parent holding DuckDB or threads
        self._tasks_per_worker = tasks_per_worker
        self._in_flight = tasks_per_worker * workers
        self._workers: list[_Worker] = []
        try:
            for number in range(workers):
                task_reader, task_writer = context.Pipe(duplex=False)
                result_reader, result_writer = context.Pipe(duplex=False)
                process = context.Process(target=_serve, args=(function, initializer, initargs, task_reader, result_writer),
                                          name=f"eventwire-worker-{number}", daemon=True)  # fmt: skip
                process.start()
                task_reader.close()  # the worker alone holds these ends now: its death is their end of file
                result_writer.close()
                self._workers.append(_Worker(process, task_writer, result_reader))
        except BaseException:  # the workers started so far must not outlive a pool that never was
            self.close()
            raise

    def __enter__(self) -> OrderedPool[Item, Result]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def map(self, items: Iterable[Item]) -> Iterator[Result]:
        """``function(item)`` for each item, in the items' order. An exception ``function``
        raised is raised here in its item's turn (with the worker's traceback as a note); an
        initializer's exception, or ``WorkerDied`` naming the item a dead worker held, as
        soon as it is known. One map at a time: the answers to a map left unfinished are
        still on their way, so its pool cannot take another."""
        if any(worker.held for worker in self._workers):
            raise RuntimeError("OrderedPool.map: an earlier map was left unfinished; close this pool and start another")
        source = iter(items)
        answered: dict[int, tuple[bool, Any]] = {}  # number: (succeeded, result or exception)
        sent = given = 0
        exhausted = False
        while True:
            while not exhausted and sent - given < self._in_flight and (worker := self._least_busy()) is not None:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                worker.held.append((sent, item))
                try:
                    worker.tasks.send((sent, item))
                except OSError:  # it stopped: it could not go on, or it died
                    worker.stopped()
                sent += 1
            if given in answered:
                succeeded, value = answered.pop(given)
                if not succeeded:
                    raise value
                yield value
                given += 1
            elif given == sent and exhausted:
                return
            else:
                self._collect(answered)

    def _least_busy(self) -> _Worker | None:
        worker = min(self._workers, key=lambda worker: len(worker.held))
        return worker if len(worker.held) < self._tasks_per_worker else None

    def _collect(self, answered: dict[int, tuple[bool, Any]]) -> None:
        """Wait for at least one answer, and keep every answer that has arrived."""
        busy = [worker for worker in self._workers if worker.held]
        by_connection = {worker.results: worker for worker in busy}
        by_sentinel = {worker.process.sentinel: worker for worker in busy}
        for ready in wait([*by_connection, *by_sentinel]):
            if ready in by_sentinel:
                worker = by_sentinel[ready]
                if not worker.results.poll():  # dead with nothing left to read (else the read below ends it)
                    raise worker.died()
                continue
            worker = by_connection[ready]  # type: ignore[index]  # wait gives back what it was given
            number, succeeded, value = worker.receive()
            answered[number] = succeeded, value

    def close(self) -> None:
        """Stop every worker: those holding tasks are killed (what they hold is dropped),
        idle ones exit when their task pipe closes (or are killed once ``JOIN_SECONDS`` have
        passed for them all). Closing again does nothing."""
        for worker in self._workers:
            worker.tasks.close()
            if worker.held:
                worker.process.kill()
        deadline = time.monotonic() + JOIN_SECONDS
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join()
            worker.process.close()
            worker.results.close()
        self._workers = []
