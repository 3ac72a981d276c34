"""Command-line values converted without pydantic, so a command starts ~80 ms sooner.

Typer 0.29 converts every parameter value with a pydantic TypeAdapter, built on the first value a
parameter processes (``typer/core.py``: ``_TyperParameter.get_runtime_param``).  Only a ``bool``
value of a ``bool`` parameter skips it, so even ``None`` – an option that was not given, and the
group's own ``--help`` on every subcommand – imports pydantic just to return ``None``.

``install()`` wraps the builder those parameters call: a missing value, and the plain types this
program uses (str, int, Path, Enum, a custom parser, and lists of them), are converted here exactly
as Typer would; everything else, and every value that is not clearly valid, goes to Typer's own
builder, so the error messages stay Typer's.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

_INT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*")
_FALLBACK = object()


def install() -> None:
    """Put the fast path in front of Typer's converter builder (once; only on a Typer that has it)."""
    from typer import core

    builder = getattr(core, "build_runtime_param", None)
    if builder is None or getattr(builder, "fast_path", False):
        return

    def build_runtime_param(descriptor: Any) -> Any:
        return _FastRuntimeParam(descriptor, builder)

    build_runtime_param.fast_path = True  # type: ignore[attr-defined]
    core.build_runtime_param = build_runtime_param


class _FastRuntimeParam:
    """Typer's runtime parameter contract (``coerce``), with Typer's own one built only when needed."""

    def __init__(self, descriptor: Any, full_builder: Any) -> None:
        self.descriptor = descriptor
        self.full_builder = full_builder
        self.full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multiple = param.multiple or param.nargs == -1
        if value is None:
            return () if multiple else None  # what Typer's RuntimeParam.coerce returns
        converted = self._fast(value, param, ctx, multiple)
        if converted is not _FALLBACK:
            return converted
        if self.full is None:
            self.full = self.full_builder(self.descriptor)
        return self.full.coerce(value, param=param, ctx=ctx)

    def _fast(self, value: Any, param: Any, ctx: Any, multiple: bool) -> Any:
        if self.descriptor.file_annotation is not None:
            return _FALLBACK
        annotation = self.descriptor.annotation
        if not multiple:
            return self._one(value, annotation, param, ctx)
        if getattr(annotation, "__origin__", None) is not list or not isinstance(value, (list, tuple)):
            return _FALLBACK
        (item_type,) = annotation.__args__
        items = [self._one(item, item_type, param, ctx) for item in value]
        return _FALLBACK if any(item is _FALLBACK for item in items) else items

    def _one(self, value: Any, annotation: Any, param: Any, ctx: Any) -> Any:
        info = self.descriptor.parameter_info
        if info.parser is not None:
            try:
                return info.parser(value)  # what Typer's adapter does; its own errors pass through
            except (ValueError, AssertionError):
                return _FALLBACK  # Typer turns these into its message
        if annotation is str:
            return value if isinstance(value, str) else _FALLBACK
        if annotation is int:
            return _integer(value, info)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return _choice(value, annotation, info, ctx)
        if annotation is Path and info.path_type is None and isinstance(value, (str, Path)):
            from typer._param_types import coerce_cli_path

            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _FALLBACK


def _integer(value: Any, info: Any) -> Any:
    if info.min is not None or info.max is not None:
        return _FALLBACK
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INT.fullmatch(value.strip()):
        return int(value)
    return _FALLBACK  # not clearly an integer: Typer's rules and messages


def _choice(value: Any, annotation: type[Enum], info: Any, ctx: Any) -> Any:
    if not isinstance(value, (str, annotation)):
        return _FALLBACK
    from typer._param_types import coerce_cli_choice

    try:
        return coerce_cli_choice(
            value, choices=tuple(annotation), case_sensitive=info.case_sensitive, ctx=ctx
        )
    except ValueError:
        return _FALLBACK  # Typer's own message for a wrong choice
