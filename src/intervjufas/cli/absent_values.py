"""Command-line parameters that were not given are not sent through Typer's conversion.

Typer 0.29 converts every non-boolean parameter's value with a pydantic ``TypeAdapter``, and builds
that adapter (importing pydantic, about 100 ms) even for a parameter that was not given, whose
value is ``None`` and comes back ``None``.  A plain ``lista`` or ``plan`` run from a script or a
pipe gives none, so for them the import is most of what the program does besides its work.

``skipping_absent(param)`` is a copy of a parameter whose ``process_value`` – Click's public
method, which Typer overrides – does for exactly that case what Typer's does without converting:
the value is ``None`` and the parameter takes one value and is not required, so Typer's
conversion hands back ``None``, nothing is missing, and the callback (if any: the ``--help``
option's) is called with ``None``.  Every other value, a given one included, goes through Typer's
conversion as before.  A subclass of the parameter's own class, made by the program; the
framework's objects are not changed.
"""

from __future__ import annotations

import copy
from typing import Any

_SKIPPING: dict[type, type] = {}


def absent(param: Any, value: Any) -> bool:
    """Whether ``value`` of ``param`` is one that Typer's conversion hands back as None and whose
    absence is no error (the parameter takes one value and is not required)."""
    return value is None and not param.required and not param.multiple and param.nargs == 1


def skipping_absent(param: Any) -> Any:
    """A copy of ``param`` that leaves an absent value (``absent``) as it is."""
    kind = type(param)
    if kind not in _SKIPPING:

        def process_value(self: Any, ctx: Any, value: Any) -> Any:
            if not absent(self, value):
                return kind.process_value(self, ctx, value)
            return None if self.callback is None else self.callback(ctx, self, None)

        _SKIPPING[kind] = type(f"SkippingAbsent{kind.__name__}", (kind,), {"process_value": process_value})
    skipping = copy.copy(param)
    skipping.__class__ = _SKIPPING[kind]
    return skipping
