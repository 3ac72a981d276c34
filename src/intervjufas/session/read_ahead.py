"""Reading the reports folder ahead, on a thread of its own, while the consultant answers questions:
what a session will need of a big folder later (the open items to follow up after the date, the
team's moments to offer after a phase's map) is computed in the time a person takes to answer,
so that no pause follows the answer that needs it.

A read-ahead starts when the session says so (``start``, once; never before the first question,
which comes as fast as the program can draw it), and its value is waited for where it is needed
(``result``).  Whatever goes wrong on the thread gives None, and the caller computes the value
itself, where a failure is reported as usual.

The session says so as an answer is recorded, just before the next question is drawn; Python runs
one thread at a time, so a reading that began at once would share the interpreter with that
drawing and delay the question.  The thread therefore lets ``HEAD_START`` pass first – or less,
when the value is asked for sooner (``result`` never waits for it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
HEAD_START = 0.25  # seconds: the next question is drawn well within it, even on a busy machine


class ReadAhead(Generic[T]):
    """``compute()`` on a daemon thread (a session that stops does not wait for it)."""

    def __init__(self, compute: Callable[[], T], name: str) -> None:
        self._compute = compute
        self._value: T | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._lock = threading.Lock()
        self._wanted = threading.Event()  # (the value is asked for: no head start)

    def start(self) -> None:
        """Begin reading (only the first call does anything)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self._thread.start()

    @property
    def started(self) -> bool:
        return self._started

    def _run(self) -> None:
        self._wanted.wait(HEAD_START)
        try:
            self._value = self._compute()
        except Exception:  # (computed again by the caller, where a failure is reported as usual)
            self._value = None

    def result(self) -> T | None:
        """The value, once computed (started now if it was not); None when reading it failed."""
        self._wanted.set()
        self.start()
        self._thread.join()
        return self._value
