"""Stopping a session by signal: SIGINT (``kill -INT``; Ctrl-C at a full-screen prompt is a key),
SIGTERM (shutdown, ``kill``) and SIGHUP (terminal closed) are handled like Ctrl-C, so the answers
are kept and the user is told how to go on.

Outside a prompt the handler raises ``Stopped``; at an open full-screen prompt it ends that prompt
with what was typed in it, so that half-typed text is kept as well.  A signal that comes just as
a prompt ends (the answer given, the prompt not yet closed) cannot end it any more: it is kept
and raised as soon as the prompt has returned, so that no signal is ever lost.

A session is stoppable so from its first prompt – the menu that picks the report to continue –
to its last answer (``stop_on_signals``).  Once it is over and its report saved, a stop while its
closing words are shown interrupts nothing (``session_over``): the words are shown whole and the
command ends as the session did.
"""

from __future__ import annotations

import contextlib
import errno
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from intervjufas.errors import Stopped

_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# What writing to or reading from a terminal that was closed gives.
TERMINAL_GONE = frozenset(code for code in (errno.EIO, errno.ENXIO, errno.EBADF) if code)
# The prompt_toolkit application of the open prompt, if any (Any: the session layer never imports
# the prompting libraries, not even for their types; the views hand their prompts in).
_active: list[Any] = []
_pending: list[Stopped] = []  # a stop sent to a prompt that may already have ended


@contextlib.contextmanager
def prompt_open(application: Any) -> Iterator[None]:
    """Mark a full-screen prompt as open while it runs; a stop that came as it ended is raised
    when it has returned."""
    _active.append(application)
    _pending.clear()
    try:
        yield
    finally:
        _active.remove(application)
    if _pending:
        stop = _pending[0]
        _pending.clear()
        raise stop


def run_prompt(prompt: Any) -> Any:
    """Run a Questionary prompt as an open prompt: SIGINT reaches the handler of
    ``stop_on_signals`` (as SIGTERM and SIGHUP do) instead of prompt_toolkit's own.  (The answer is
    whatever the prompt's choices hold: Any, as in Questionary.)"""
    with prompt_open(prompt.application):
        return prompt.application.run(handle_sigint=False)


def _handler(signum: int, _frame: FrameType | None) -> None:
    application = _active[-1] if _active else None
    loop = getattr(application, "loop", None)
    if application is not None and loop is not None and getattr(application, "is_running", False):
        text = None
        with contextlib.suppress(Exception):
            text = application.current_buffer.text

        stopped = Stopped(signum, text)
        _pending.append(stopped)

        def stop() -> None:
            with contextlib.suppress(Exception):  # (the prompt has its answer already: stays pending)
                application.exit(exception=stopped)
                _pending.remove(stopped)

        loop.call_soon_threadsafe(stop)
        return
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Handle SIGINT, SIGTERM and SIGHUP like Ctrl-C during the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _handler) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def session_over() -> Iterator[None]:
    """The session has ended and its report is saved: while its closing words are shown, SIGINT,
    SIGTERM and SIGHUP are noted and interrupt nothing (the words are shown whole, and the command
    ends as the session did) – only a second one stops the words; a terminal that is gone only ends
    the words (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        if noted:  # (a second stop: the words cannot be shown, e.g. a stalled terminal)
            raise Stopped(signum)
        noted.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in _STOP_SIGNALS}
    try:
        yield
    except OSError as error:
        if error.errno not in TERMINAL_GONE:
            raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
