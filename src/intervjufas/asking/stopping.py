"""Stopping a session by signal: SIGTERM (shutdown, ``kill``) and SIGHUP (terminal closed) are
handled like Ctrl-C, so the answers are kept and the user is told how to go on.

Outside a prompt the handler raises ``Stopped``; at an open full-screen prompt it ends that prompt
with what was typed in it, so that half-typed text is kept as well.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

from intervjufas.errors import Stopped

_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_active: list[Any] = []  # the prompt_toolkit application of the open prompt, if any


@contextlib.contextmanager
def prompt_open(application: Any) -> Iterator[None]:
    """Mark a full-screen prompt as open while it runs."""
    _active.append(application)
    try:
        yield
    finally:
        _active.remove(application)


def _handler(signum: int, _frame: Any) -> None:
    application = _active[-1] if _active else None
    loop = getattr(application, "loop", None)
    if application is not None and loop is not None and getattr(application, "is_running", False):
        text = None
        with contextlib.suppress(Exception):
            text = application.current_buffer.text

        def stop() -> None:
            with contextlib.suppress(Exception):
                application.exit(exception=Stopped(signum, text))

        loop.call_soon_threadsafe(stop)
        return
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Handle SIGTERM and SIGHUP like Ctrl-C during the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _handler) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
