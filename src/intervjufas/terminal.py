"""Facts about the terminal the program runs in, gathered in one object.

The command-line layer makes one ``TerminalFacts`` when a command starts and passes it to the
parts that need it (views, and the choice between prompters); nothing else reads ``isatty``,
``TERM``, ``NO_COLOR`` or the pager's settings.  Tests pass a fake one (``TerminalFacts(...)``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@dataclass(frozen=True)
class TerminalFacts:
    stdin_is_terminal: bool = False
    stdout_is_terminal: bool = False
    stderr_is_terminal: bool = False
    term: str = ""
    no_color: bool = False
    less: str | None = None  # $LESS as the user set it (None when unset)
    encoding: str = "utf-8"  # of standard output

    @property
    def dumb(self) -> bool:
        """TERM=dumb: no cursor movement, so prompts are plain lines."""
        return self.term == "dumb"

    @classmethod
    def detect(cls, environ: Mapping[str, str] | None = None) -> TerminalFacts:
        """The facts of this process: its standard streams and environment."""
        env = os.environ if environ is None else environ
        return cls(
            stdin_is_terminal=_is_terminal(sys.stdin),
            stdout_is_terminal=_is_terminal(sys.stdout),
            stderr_is_terminal=_is_terminal(sys.stderr),
            term=env.get("TERM", ""),
            no_color="NO_COLOR" in env and env.get("NO_COLOR", "") != "",
            less=env.get("LESS"),
            encoding=getattr(sys.stdout, "encoding", None) or "utf-8",
        )
