"""The control characters ``json.dumps`` leaves raw (U+007F–U+009F), escaped: every JSON output's
last step, in a module of its own so that a kept output is written without importing the views'
JSON shapes."""

from __future__ import annotations

import re

_RAW_CONTROLS = re.compile("[\x7f-\x9f]")  # json.dumps escapes only those below U+0020


def escaped_controls(text: str) -> str:
    """JSON text with the control characters ``json.dumps`` leaves raw (U+007F–U+009F) escaped."""
    return _RAW_CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
