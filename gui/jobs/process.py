"""Long work (workbook export and import) in a worker **process**, so the window stays smooth,
with progress reported back and a Cancel that leaves nothing half-written.

The worker function runs in a spawned process and receives a ``progress(done, total)`` callable;
it writes files through :mod:`models.files.atomic`, so a terminated worker never leaves a
half-written destination (see :mod:`gui.jobs.targets`).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

_POLL_MS = 50


def _run(target: Callable[..., Any], args: tuple, q: mp.Queue) -> None:
    def progress(done: int, total: int) -> None:
        q.put(("progress", done, total))

    try:
        result = target(*args, progress=progress)
        q.put(("done", result))
    except Exception as exc:  # reported to the parent, which shows a message
        from models.core.errors import InputError

        if isinstance(exc, InputError):
            q.put(("failed", str(exc), ""))
        elif isinstance(exc, OSError):  # a file that cannot be written, worded by the window
            q.put(("failed_write", exc.errno, exc.strerror, exc.filename, str(exc)))
        else:
            q.put(("failed", f"{type(exc).__name__}: {exc}", traceback.format_exc()))


class ProcessJob(QObject):
    """Runs ``target(*args, progress=...)`` in a separate process.

    Signals:
        progress(int, int): work done and total, as reported by the worker.
        finished(object): the worker's return value (must be picklable).
        failed(str, str): a plain-language message and technical details.
        cancelled(): :meth:`cancel` stopped the worker.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, target: Callable[..., Any], args: tuple,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        ctx = mp.get_context("spawn")
        self._queue = ctx.Queue()
        # not a daemon: an import reads files with a pool of its own processes
        self._process = ctx.Process(target=_run, args=(target, args, self._queue))
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._done = False

    def start(self) -> None:
        """Start the worker process."""
        self._process.start()
        self._timer.start()

    def is_running(self) -> bool:
        """True until the job finished, failed or was cancelled."""
        return not self._done

    @property
    def pid(self) -> int | None:
        """The worker process's id (None before :meth:`start`)."""
        return self._process.pid

    def cancel(self) -> None:
        """Stop the worker at once; its temporary output is the caller's to remove."""
        if self._done:
            return
        self._finish()
        self._process.terminate()
        self._process.join(5)
        self.cancelled.emit()

    def _finish(self) -> None:
        self._done = True
        self._timer.stop()

    def _poll(self) -> None:
        while not self._done:
            try:
                msg = self._queue.get_nowait()
            except queue.Empty:
                if not self._process.is_alive() and self._process.exitcode not in (None, 0):
                    self._finish()
                    self.failed.emit(
                        self.tr("The background task stopped unexpectedly (exit code {code}).")
                        .format(code=self._process.exitcode), "")
                return
            kind = msg[0]
            if kind == "progress":
                self.progress.emit(int(msg[1]), int(msg[2]))
            elif kind == "done":
                self._finish()
                with contextlib.suppress(Exception):
                    self._process.join(5)
                self.finished.emit(msg[1])
            elif kind == "failed_write":
                from gui.i18n import language
                from models.core.errors import write_failure

                self._finish()
                err = OSError(*msg[1:4]) if msg[1] is not None else OSError(msg[4])
                self.failed.emit(write_failure(err, None, language()), "")
            else:
                self._finish()
                self.failed.emit(msg[1], msg[2])
