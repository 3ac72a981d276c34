"""Files from others are read with limits: only ordinary files, bounded size, bounded alias
expansion and nesting – each a clear Swedish error at once, never a hang or a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intervjufas.errors import UnreadableFile, YamlSourceError
from intervjufas.files.bounded import read_bounded
from intervjufas.files.safe_yaml import MAX_DEPTH, compose


def alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for number in range(1, levels):
        name, previous = chr(ord("a") + number), chr(ord("a") + number - 1)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_where_it_explodes() -> None:
    with pytest.raises(YamlSourceError) as caught:
        compose(alias_bomb(), "fil.yaml")
    problem = caught.value.diagnostics[0]
    assert "alias" in problem.message
    assert problem.file == "fil.yaml" and problem.line > 1


def test_a_few_aliases_are_fine() -> None:
    root = compose(alias_bomb(levels=3), "fil.yaml")
    assert root is not None


@pytest.mark.parametrize("text", ["[" * 500 + "]" * 500, "".join("  " * i + "- \n" for i in range(200))])
def test_deep_nesting_is_refused(text: str) -> None:
    with pytest.raises(YamlSourceError) as caught:
        compose(text, "fil.yaml")
    assert f"högst {MAX_DEPTH} nivåer" in caught.value.diagnostics[0].message


def test_only_ordinary_files_of_bounded_size_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="ingen vanlig fil"):
        read_bounded(fifo, 1000)  # returns at once: a FIFO is never opened for blocking reads
    with pytest.raises(UnreadableFile, match="ingen vanlig fil"):
        read_bounded(Path("/dev/zero"), 1000)
    with pytest.raises(UnreadableFile, match="är en mapp"):
        read_bounded(tmp_path, 1000)
    big = tmp_path / "stor.yaml"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(UnreadableFile, match="större än"):
        read_bounded(big, 1000)
    assert read_bounded(big, 2000) == b"x" * 2000
    with pytest.raises(UnreadableFile, match="finns inte"):
        read_bounded(tmp_path / "saknas.yaml", 1000)
