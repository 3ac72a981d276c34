"""When the program is ready to take keys: the one rule that the terminal driver of the end-to-end
tests and the fault-injection helpers share.

Keys sent before the program reads them are not merely late.  Between two prompts the terminal is
in its ordinary line mode: what is typed is echoed, Enter becomes a newline, Ctrl-U erases what was
typed ahead, and Ctrl-C turns into SIGINT, which also throws away input not yet read and output not
yet shown.  So every key waits until the program reads keys, and a test waits for that *state*,
never for a fixed time:

- A full-screen prompt (prompt_toolkit) switches the terminal to raw mode and starts reading before
  it draws anything.  Its first drawing begins by turning bracketed paste on, and it turns bracketed
  paste off as it closes; nothing else in the program writes either sequence.  The program reads
  keys while the last of the two it wrote is the first.
- A plain prompt (``--enkel``, ``TERM=dumb``, answers through a pipe) is a line ending in a space
  (``"Svar: "``, ``"> "``) that the program writes and flushes, without ending it, just before it
  reads.  The program reads the next line once the output written since the last line was typed
  ends in such a line, begun after that line was taken.
- ``less`` (the pager) waits for a command when its prompt, ``:``, ends the output.
"""

from __future__ import annotations

import re

PROMPT_OPENED = "\x1b[?2004h"  # bracketed paste on: the first thing a full-screen prompt draws
PROMPT_CLOSED = "\x1b[?2004l"  # bracketed paste off: the prompt has closed
PAGER_PROMPT = re.compile(r"\n:\Z")  # (in the output with escape codes removed)


def prompt_state(raw: str) -> bool | None:
    """Whether ``raw`` output (escape codes included) leaves a full-screen prompt open (True) or
    closed (False); None when it opens or closes none."""
    opened, closed = raw.rfind(PROMPT_OPENED), raw.rfind(PROMPT_CLOSED)
    if opened == closed:  # (both missing)
        return None
    return opened > closed


def plain_prompt_waiting(since_typed: str) -> bool:
    """Whether the output written since a line was last typed (or since the start) ends in a plain
    prompt: a line begun after the line typed was taken, not ended, ending in a space."""
    start = since_typed.rfind("\n") + 1
    return start > 0 and since_typed[start:].endswith(" ")
