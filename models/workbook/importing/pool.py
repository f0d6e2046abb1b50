"""Reader processes: workbooks are read outside the importing process, so that a file that
makes the reader die cannot take the import down with it.

Each reader process reads one file at a time, under a cap on the memory it may take
(:attr:`models.workbook.guard.inspect.Limits.reader_memory` on top of what it holds when it starts;
the
Rust reader aborts when an allocation fails, Python raises ``MemoryError``). When a reader
dies while reading (it aborts, crashes, or the system kills it), that file is refused with a
problem saying so, a new reader takes its place, and the other files are read as usual: the
import never ends with a bare "exit code -6".

Readers are forked when this process runs a single thread (fast), and started from a fork
server otherwise (a forked child could inherit a lock another thread holds). A reader exits
with its parent.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import multiprocessing as mp
import os
import resource
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any

from models.core.errors import Problem
from models.core.framework import Framework
from models.workbook.guard.inspect import Limits, require_defused_xml
from models.workbook.guard.texts import language
from models.workbook.importing.problem_texts import say
from models.workbook.importing.reader import read_workbook
from models.workbook.importing.report import FileResult

Progress = Callable[[int, int], None]

#: The signals whose ending of a reader is explained (the importer's text named after each).
_DEATHS = (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL)


class ReaderStartError(RuntimeError):
    """A reader process could not start (not the fault of any file)."""


def context() -> Any:
    """Fork when this process runs one thread, else a fork server (or spawn)."""
    if threading.active_count() == 1 and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _cap_memory(extra: int) -> None:
    """Cap this process's address space at its present size plus ``extra`` bytes."""
    if extra <= 0:
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + extra
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft == resource.RLIM_INFINITY or cap < soft:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):  # pragma: no cover - no /proc, or no RLIMIT_AS here
        pass


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (best effort elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _reader_main(conn: Connection, framework_data: dict[str, Any], limits: Limits,
                 lang: str, forked: bool) -> None:
    """A reader process: reads the files it is sent until told to stop. Its standard error
    goes nowhere: a reader that dies is reported as one problem naming the file, never by
    the reader's own dying words (an allocation failure prints a backtrace). Its problems
    are in ``lang``."""
    _die_with_parent()
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    if forked:
        # keep the garbage collector off the parent's objects, or every collection would
        # touch (and so copy) the parent's memory pages
        gc.freeze()
    require_defused_xml()
    framework = Framework.model_validate(framework_data)
    _cap_memory(limits.reader_memory)
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        conn.send((index, read_workbook(path, framework, limits=limits, lang=lang)))


#: Files handed to a reader at a time: the next one waits in its pipe while it reads one, so
#: it never idles; a reader reads them in order, so the one it dies on is the first unanswered.
IN_FLIGHT = 2


class _Reader:
    """One reader process and the files handed to it, oldest (being read) first; it writes
    problems in the language the import speaks when it starts."""

    def __init__(self, framework_data: dict[str, Any], limits: Limits) -> None:
        ctx = context()
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_reader_main, daemon=True,
                                   args=(child, framework_data, limits, language(),
                                         ctx.get_start_method() == "fork"))
        self.process.start()
        child.close()
        self.tasks: collections.deque[tuple[int, str]] = collections.deque()
        self.ready = False

    def send(self, task: tuple[int, str]) -> None:
        self.tasks.append(task)
        self.conn.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        else:
            with contextlib.suppress(OSError, BrokenPipeError):
                self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():  # pragma: no cover - a reader stuck on stop
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def death(exitcode: int | None) -> str:
    """Why a reader stopped, from its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            sig = signal.Signals(-exitcode)
        except ValueError:
            return say("by_signal", n=-exitcode)
        how = say(sig.name if sig in _DEATHS else "stopped")
        return say("death", how=how, signal=sig.name)
    return say("exit_status", code=exitcode)


def read_in_processes(paths: list[str], framework: Framework, limits: Limits, workers: int,
                      progress: Progress | None = None) -> list[FileResult]:
    """Read ``paths`` in ``workers`` reader processes; results in the order of ``paths``.

    Raises:
        ReaderStartError: a reader process could not start.
    """
    data = framework.model_dump(mode="json")
    todo = collections.deque(enumerate(paths))
    results: list[FileResult | None] = [None] * len(paths)
    readers: list[_Reader] = []
    done = 0
    try:
        for _ in range(min(workers, len(paths))):
            readers.append(_Reader(data, limits))
        while done < len(paths):
            for index, result in _next_results(readers, todo, data, limits):
                results[index] = result
                done += 1
                if progress:
                    progress(done, len(paths))
    except BaseException:
        for r in readers:
            r.stop(kill=True)
        raise
    for r in readers:
        r.stop()
    return [r for r in results if r is not None]


def _next_results(readers: list[_Reader], todo: collections.deque[tuple[int, str]],
                  data: dict[str, Any], limits: Limits) -> list[tuple[int, FileResult]]:
    """Wait for readers to report; hand out the next files; replace a reader that died."""
    for r in readers:
        while r.ready and len(r.tasks) < IN_FLIGHT and todo:
            r.send(todo.popleft())
    ready = wait([r.conn for r in readers] + [r.process.sentinel for r in readers])
    out: list[tuple[int, FileResult]] = []
    for i, r in enumerate(readers):
        if r.conn in ready or r.conn.poll():
            try:
                msg = r.conn.recv()
            except (EOFError, OSError):
                msg = None
            if msg == ("ready",):
                r.ready = True
                continue
            if msg is not None:
                r.tasks.popleft()
                out.append(msg)
                continue
        if r.process.sentinel in ready and not r.process.is_alive():
            out.extend(_replace(readers, i, todo, data, limits))
    return out


def _replace(readers: list[_Reader], i: int, todo: collections.deque[tuple[int, str]],
             data: dict[str, Any], limits: Limits) -> list[tuple[int, FileResult]]:
    """Reader ``i`` died: the file it was reading is refused, the files waiting for it go
    back to the queue, and a new reader takes its place."""
    r = readers[i]
    r.process.join(1)
    why = death(r.process.exitcode)
    r.conn.close()
    if not r.ready:
        raise ReaderStartError(say("no_start", why=why))
    readers[i] = _Reader(data, limits)
    if not r.tasks:
        return []
    index, path = r.tasks.popleft()
    todo.extendleft(reversed(r.tasks))
    return [(index, FileResult(path, problems=[_died(path, why)]))]


def _died(path: str, why: str) -> Problem:
    return Problem(path, "", say("died", why=why))
