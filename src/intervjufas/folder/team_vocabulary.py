"""The team's vocabulary of moment names: one small YAML file in the reports folder that says which
names are one moment (``sla_ihop``), which name is never grouped by likeness (``dela``), and who has
left the team views (``utanfor``).

The file is shared: any colleague (or a merge) may have written it, so it is read like every other
shared file – bounded, parsed by the one safe YAML reader, checked for its shape – and it only ever
names moments and people; nothing in it decides what code runs or where anything is written.  A file
that cannot be read is a warning and counts as empty.  It is written whole, atomically, under a lock,
one entry per line in sorted order, so that two clones of a git-shared folder merge it line by line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.bounded import read_bounded

FILE_NAME = "intervjufas-ordlista.yaml"
LIMIT = 256 * 1024
MAX_NAME = 200  # a moment's or a person's name, in characters
HEAD = (
    "# Teamets ordlista för intervjufas (karta --team): namn som är samma moment (sla_ihop), namn som\n"
    "# aldrig slås ihop för att de liknar andra (dela) och konsulter som inte är med i teamets vyer\n"
    "# (utanfor). En post per rad; ändra med intervjufas karta --team --sla-ihop/--dela/--utanfor.\n"
)


@dataclass(frozen=True)
class Vocabulary:
    merged: tuple[tuple[str, str], ...] = ()
    split: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()

    def merge(self, one: str, other: str) -> Vocabulary:
        pair = tuple(sorted((_clean(one), _clean(other)), key=str.casefold))
        split = tuple(n for n in self.split if n.casefold() not in {one.casefold(), other.casefold()})
        return replace(self, merged=_sorted_pairs({*self.merged, pair}), split=split)  # type: ignore[arg-type]

    def separate(self, name: str) -> Vocabulary:
        folded = name.casefold()
        merged = tuple(p for p in self.merged if folded not in (p[0].casefold(), p[1].casefold()))
        return replace(self, merged=merged, split=_sorted_names({*self.split, _clean(name)}))

    def leave(self, author: str) -> Vocabulary:
        return replace(self, outside=_sorted_names({*self.outside, _clean(author)}))

    def rejoin(self, author: str) -> Vocabulary:
        return replace(self, outside=tuple(n for n in self.outside if n.casefold() != author.casefold()))


def _clean(name: str) -> str:
    text = " ".join(str(name).split())
    if not text or len(text) > MAX_NAME:
        raise IntervjufasError(f"Ett namn i ordlistan måste ha 1–{MAX_NAME} tecken.")
    return text


def _sorted_names(names: set[str]) -> tuple[str, ...]:
    unique = {n.casefold(): n for n in sorted(names)}
    return tuple(sorted(unique.values(), key=lambda n: (n.casefold(), n)))


def _sorted_pairs(pairs: set[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({p for p in pairs if p[0].casefold() != p[1].casefold()}, key=lambda p: (p[0].casefold(), p[1].casefold())))


def vocabulary_path(folder: Path) -> Path:
    return folder / FILE_NAME


def read_vocabulary(folder: Path) -> tuple[Vocabulary, list[str]]:
    """The folder's vocabulary (empty when there is none), and a warning when it cannot be used."""
    path = vocabulary_path(folder)
    if not path.exists():
        return Vocabulary(), []
    try:
        return _parsed(path), []
    except IntervjufasError as error:
        return Vocabulary(), [f"{FILE_NAME}: {error.message} Ordlistan används inte."]


def _parsed(path: Path) -> Vocabulary:
    from intervjufas.errors import YamlSourceError
    from intervjufas.files.safe_yaml import compose, decode_utf8, plain_value

    try:
        root = compose(decode_utf8(read_bounded(path, LIMIT), FILE_NAME), FILE_NAME)
    except YamlSourceError as error:
        first = error.diagnostics[0]
        raise IntervjufasError(f"rad {first.line}: {first.message}.") from None
    data: object = plain_value(root) if root is not None else {}
    if not isinstance(data, dict) or set(data) - {"sla_ihop", "dela", "utanfor"}:
        raise IntervjufasError("filen ska ha nycklarna sla_ihop, dela och utanfor, inga andra.")
    pairs = data.get("sla_ihop") or []
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs
    ):
        raise IntervjufasError("sla_ihop ska vara en lista av par av namn, t.ex. [\"Referenser\", \"Referenstagning\"].")
    lists = {}
    for key in ("dela", "utanfor"):
        names = data.get(key) or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise IntervjufasError(f"{key} ska vara en lista av namn.")
        lists[key] = _sorted_names({_clean(n) for n in names})
    merged = _sorted_pairs({tuple(sorted((_clean(a), _clean(b)), key=str.casefold)) for a, b in pairs})  # type: ignore[misc]
    return Vocabulary(merged, lists["dela"], lists["utanfor"])


def vocabulary_text(vocabulary: Vocabulary) -> str:
    """The file's text: one entry per line, sorted (JSON strings are YAML flow scalars)."""
    import json

    def item(value: object) -> str:  # (JSON text is YAML; what YAML may not hold raw is escaped)
        dumped = json.dumps(value, ensure_ascii=False)
        return "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in dumped)

    lines = [HEAD.rstrip("\n")]
    for key, entries in (("sla_ihop", vocabulary.merged), ("dela", vocabulary.split), ("utanfor", vocabulary.outside)):
        lines.append(f"{key}:")
        lines += [f"  - {item(list(e) if isinstance(e, tuple) else e)}" for e in entries]
    return "\n".join(lines) + "\n"


def change_vocabulary(folder: Path, change: Callable[[Vocabulary], Vocabulary]) -> Vocabulary:
    """Read, change and write the vocabulary under its lock (a file that cannot be read is not
    overwritten: its error is raised)."""
    from intervjufas.files.atomic import atomic_write
    from intervjufas.files.locking import ReportLock

    path = vocabulary_path(folder)
    lock = ReportLock(path)
    lock.acquire()
    try:
        current = _parsed(path) if path.exists() else Vocabulary()
        changed = change(current)
        atomic_write(path, vocabulary_text(changed))
        return changed
    finally:
        lock.release()
