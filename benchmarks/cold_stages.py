"""Where a cold header pass over a reports folder spends its time, stage by stage, in CPU time per
file – run in a process of its own (``bench_scaling.py`` runs it for its largest folder), with a
cache folder of its own that is removed first, so that every header is read.

The stages are those of ``folder.scan`` on a first run: listing the folder, a ``stat`` of every
file (the index's key), reading each header straight into its row where it is in the program's
own layout (``folder.own_layout``: reading the first page, finding the header, the one expression,
the row), the general reading of the others (flat reader or safe YAML, normalized, checked,
encoded), and writing the index.  For comparison it also reads every header the general way.

Run by hand:  .venv/bin/python benchmarks/cold_stages.py MAPP
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(label: str, files: int, work: Callable[[], Any], lines: list[str]) -> Any:
    started = time.process_time()
    result = work()
    spent = time.process_time() - started
    lines.append(f"  {label:<44} {spent * 1e6 / max(files, 1):7.1f} µs per fil  ({spent:.2f} s)")
    return result


def stages(folder: Path) -> list[str]:
    """The lines to print (Swedish): each stage's CPU time per file of the folder."""
    from intervjufas.folder import own_layout, scan
    from intervjufas.folder.file_cache import FileCache, file_key

    gc.disable()  # (as in the scan: see file_cache.collection_paused)
    lines: list[str] = []
    names = _timed("lista mappen", 1, lambda: scan.report_names(folder), lines)
    count = len(names)
    lines[-1] = lines[-1].replace("per fil", "i allt ")
    paths = scan.report_paths(folder, names)
    keys = _timed("stat av varje fil (registrets nyckel)", count, lambda: [os.stat(p) for p in paths], lines)
    data = _timed(
        "läsa första sidan (open, read, close)", count, lambda: [_first_page(p) for p in paths], lines
    )
    texts = _timed(
        "hitta huvudet (egen form)", count, lambda: [own_layout.header_text(d) for d in data], lines
    )
    matched = _timed(
        "ett uttryck över hela huvudet",
        count,
        lambda: [None if t is None else own_layout._LAYOUT.fullmatch(t + "\n") for t in texts],
        lines,
    )
    _timed("raden ur värdena", count, lambda: [_row(own_layout, m) for m in matched], lines)
    _forget_scalars()
    rows = _timed(
        "allt detta i ett (read_own_row)", count, lambda: [own_layout.read_own_row(p) for p in paths], lines
    )
    others = [path for path, row in zip(paths, rows, strict=True) if row is None]
    lines.append(
        f"  ({count - len(others)} huvuden i programmets egen form, {len(others)} på det allmänna sättet)"
    )
    _timed(
        "de andra på det allmänna sättet (per sådan fil)",
        len(others),
        lambda: [_general(p) for p in others],
        lines,
    )
    _forget_scalars()
    _timed(
        "jämförelse: alla på det allmänna sättet",
        count,
        lambda: [_general(p) for p in paths],
        lines,
    )
    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CACHE_HOME"] = home
        index = FileCache(scan.NAMESPACE, folder, scan.index_version(), shared=True)

        def write() -> None:
            for name, key, row in zip(names, keys, rows, strict=True):
                if row is not None:
                    index.put(name, file_key(key), row.row)
            index.save(names)

        _timed("skriva registret", count, write, lines)
    return lines


def _forget_scalars() -> None:
    """Empty the scalar caches of the header readers, as in a new process."""
    from intervjufas.report.flat_scalars import _CACHES

    for caches in _CACHES.values():
        for kept in caches:
            kept.clear()


def _first_page(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        return os.read(fd, 4096)
    finally:
        os.close(fd)


def _row(own_layout: Any, found: Any) -> Any:
    if found is None:
        return None
    try:
        return own_layout._row(found)
    except own_layout._NotHere:
        return None


def _general(path: Path) -> Any:
    from intervjufas.folder.header_row import FolderHeader
    from intervjufas.folder.scan import read_folder_header

    try:
        return FolderHeader.of(read_folder_header(path))
    except ValueError as error:
        return str(error)


def main() -> int:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        print("Användning: cold_stages.py MAPP", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1])
    print(f"Var en kall läsning av huvudena går åt (CPU-tid per fil, {folder}):")
    print("\n".join(stages(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
