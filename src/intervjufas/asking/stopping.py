"""Stopping a session by signal: SIGINT (``kill -INT``; Ctrl-C at a full-screen prompt is a key),
SIGTERM (shutdown, ``kill``) and SIGHUP (terminal closed) are handled like Ctrl-C, so the answers
are kept and the user is told how to go on.

Outside a prompt the handler raises ``Stopped``; at an open full-screen prompt it ends that prompt
with what was typed in it, so that half-typed text is kept as well.  A signal that comes just as
a prompt ends (the answer given, the prompt not yet closed) cannot end it any more: it is kept
and raised as soon as the prompt has returned, so that no signal is ever lost.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

from intervjufas.errors import Stopped

_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_active: list[Any] = []  # the prompt_toolkit application of the open prompt, if any
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
    ``stop_on_signals`` (as SIGTERM and SIGHUP do) instead of prompt_toolkit's own."""
    with prompt_open(prompt.application):
        return prompt.application.run(handle_sigint=False)


def _handler(signum: int, _frame: Any) -> None:
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
