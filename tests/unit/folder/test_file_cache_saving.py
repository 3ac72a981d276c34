"""Saving a file cache: what another process saved since this one read the cache is merged in,
and a cache no one else wrote to is written from this process's entries alone (without reading
the whole file a second time)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from intervjufas.folder import file_cache
from intervjufas.folder.file_cache import FileCache, file_key


def old_file(folder: Path, name: str) -> tuple[int, int, int, int]:
    path = folder / name
    path.write_text(name, encoding="utf-8")
    past = time.time() - 3600
    os.utime(path, (past, past))
    return file_key(os.stat(path))


def test_what_another_process_saved_meanwhile_is_kept(tmp_path: Path) -> None:
    folder, root = tmp_path / "rapporter", tmp_path / "cache"
    folder.mkdir()
    keys = {name: old_file(folder, name) for name in ("a.md", "b.md")}
    first = FileCache("rubriker", folder, "v1", root=root)
    second = FileCache("rubriker", folder, "v1", root=root)
    second.put("b.md", keys["b.md"], "från den andra")
    second.save()
    first.put("a.md", keys["a.md"], "från den första")
    first.save()
    again = FileCache("rubriker", folder, "v1", root=root)
    assert again.get("a.md", keys["a.md"]) == "från den första"
    assert again.get("b.md", keys["b.md"]) == "från den andra"


def test_a_cache_no_one_else_wrote_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, root = tmp_path / "rapporter", tmp_path / "cache"
    folder.mkdir()
    keys = {name: old_file(folder, name) for name in ("a.md", "b.md")}
    cache = FileCache("rubriker", folder, "v1", root=root)
    cache.put("a.md", keys["a.md"], 1)
    cache.save()
    cache = FileCache("rubriker", folder, "v1", root=root)
    loads: list[Path] = []
    real_load = file_cache._load
    monkeypatch.setattr(file_cache, "_load", lambda path: loads.append(path) or real_load(path))
    cache.put("b.md", keys["b.md"], 2)
    cache.save()
    assert loads == []
    again = FileCache("rubriker", folder, "v1", root=root)
    assert (again.get("a.md", keys["a.md"]), again.get("b.md", keys["b.md"])) == (1, 2)
