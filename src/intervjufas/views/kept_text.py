"""What every folder command shares in writing its output from what was kept for an unchanged
folder (``folder/kept_output.py``): where the output is to be kept (``Keeping``), when a console
may be written to from it (a file or a pipe, without colours: a terminal always takes the general
path), what the general path writes (``Recorder``), and writing ready text pieces in large
chunks, every piece checked before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intervjufas.folder.kept_output import (
    ByName,
    KeptOutput,
    Output,
    by_name,
    keep_output,
    kept_output,
    rekeep,
)
from intervjufas.views.console import make_console

if TYPE_CHECKING:
    from rich.console import Console

    from intervjufas.folder.folder_listing import FolderListing
    from intervjufas.terminal import TerminalFacts

CHUNK = 1000  # pieces per write


@dataclass(frozen=True)
class Keeping:
    """Where a command's output is kept: the folder's listing (whose digest covers the command's
    options and what its form depends on), the namespace and the form's version; with a
    ``scope`` (the digest of what the output depends on besides the files), kept by name
    (``kept_output.by_name``)."""

    place: FolderListing
    namespace: str
    version: str
    scope: str | None = None

    def kept(self) -> KeptOutput | None:
        return kept_output(self.place, self.namespace, self.version, scope=self.scope)

    def keep(self, output: Output, *, every_file: bool = False) -> bool:
        return keep_output(self.place, self.namespace, self.version, output, every_file=every_file, scope=self.scope)

    def by_name(self) -> ByName | None:
        """What was kept by name for the files of the listing, whatever their keys now."""
        return None if self.scope is None else by_name(self.place, self.namespace, self.version, self.scope)

    def rekeep(self, found: ByName) -> bool:
        return self.scope is not None and rekeep(self.place, self.namespace, self.version, self.scope, found)


def plain_console(facts: TerminalFacts) -> Console | None:
    """The console of standard output when it is a file or a pipe without colours (what kept text
    is written to); None for a terminal, or when colours are forced."""
    if facts.stdout_is_terminal:
        return None
    console = make_console(facts)
    return None if console.is_terminal or console.color_system is not None else console


def text_chunks(pieces: Sequence[Any]) -> list[str] | None:
    """The pieces – each a text, or a list of texts to be joined – joined ``CHUNK`` at a time; None
    when one of them is something else."""
    texts = []
    for piece in pieces:
        kind = type(piece)
        if kind is list and all(type(part) is str for part in piece):
            texts.append("".join(piece))
        elif kind is str:
            texts.append(piece)
        else:
            return None
    if not texts:
        return None
    return ["".join(texts[start : start + CHUNK]) for start in range(0, len(texts), CHUNK)]


def write_chunks(stream: Any, chunks: Sequence[str]) -> None:
    for chunk in chunks:
        stream.write(chunk)


class Recorder:
    """A stream that writes into ``stream`` and keeps what it wrote (``text``); it is ``stream`` in
    every other respect (its encoding, whether it is a terminal, …), so what is written to it is
    what would be written to ``stream``."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return int(self.stream.write(text))

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
