"""Planted and damaged caches, run through the installed program with its memory bounded: a pickle
where the built question set is kept never runs, a five-byte file that claims a list of 2**31
items in every cache costs nothing, and a cache folder others may write is not read – every
command answers as it does with no cache at all."""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_text
from intervjufas.questionsets.set_cache import cache_file

from .helpers import Sandbox, fill_with_fixtures, run

BOMB = b"[\x00\x00\x00\x80"  # marshal: a list of 2**31 items, and then nothing
NAMESPACES = ("rubriker", "kartor", "granska", "listajson", "granskajson")  # (and the kept outputs read first)
READERS = (("lista", "--json"), ("karta", "--historik", "--alla", "--json"), ("granska", "--json"))
ANSWERS = "uppdrag: Plockare\ndatum: 2024-05-01\nfore_kunden: Kravprofil\nfore_lagga_till: nej\n"
ANSWERS += "fore_utveckla: nej\nfore_ta_bort: nej\n"


class Planted:
    """A pickle that, if it were ever loaded, would create a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (os.system, (f"touch {self.marker}",))


def answers_of(program: str, sandbox: Sandbox) -> dict[str, tuple[int, str]]:
    found = {}
    for args in READERS:
        result = run(program, sandbox, *args)
        found[" ".join(args)] = (result.code, result.out)
    return found


def plant_everywhere(sandbox: Sandbox, marker: Path) -> list[Path]:
    cache = sandbox.root / "cache" / "intervjufas"
    name = hashlib.sha256(str(sandbox.reports.resolve()).encode()).hexdigest()[:24] + ".cache"
    planted = []
    for namespace in NAMESPACES:
        path = cache / namespace / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(BOMB)
        planted.append(path)
    for set_id in ("kartlaggning", "snabbformat"):
        path = cache_file(set_id, builtin_text(set_id))
        assert path is not None and path.parent == cache
        path.write_bytes(pickle.dumps(Planted(marker)))
        planted.append(path)
    for path in planted:
        os.chmod(path, 0o600)
    return planted


def test_planted_caches_change_nothing_and_run_nothing(program: str, sandbox: Sandbox) -> None:
    for name in fill_with_fixtures(sandbox.reports):
        os.utime(sandbox.reports / name, (time.time() - 3600,) * 2)  # (settled: the caches keep them)
    expected = answers_of(program, sandbox)
    assert all(code in (0, 1) for code, _ in expected.values()), expected
    marker = sandbox.root / "koden-kordes"
    planted = plant_everywhere(sandbox, marker)
    (sandbox.root / "svar.yaml").write_text(ANSWERS, encoding="utf-8")
    made = run(program, sandbox, "kartlagg", "--steg", "1", "--svar", str(sandbox.root / "svar.yaml"))
    assert made.code == 0, made.describe()
    (sandbox.reports / "2024-05-01-plockare.md").unlink()
    assert answers_of(program, sandbox) == expected
    assert not marker.exists()
    assert all(path.read_bytes() != BOMB for path in planted[: len(NAMESPACES)])  # (rebuilt)


@pytest.mark.skipif(os.name != "posix", reason="modes are POSIX permissions")
def test_a_cache_folder_others_may_write_is_passed_over_with_one_warning(program: str, sandbox: Sandbox) -> None:
    fill_with_fixtures(sandbox.reports)
    expected = answers_of(program, sandbox)
    cache = sandbox.root / "cache" / "intervjufas"
    os.chmod(cache, 0o777)
    for args in READERS:
        result = run(program, sandbox, *args)
        assert (result.code, result.out) == expected[" ".join(args)]
        warnings = [line for line in result.err_lines() if line.startswith("Varning:")]
        assert len(warnings) == 1 and str(cache) in warnings[0] and "chmod 700" in warnings[0], result.err
    assert os.stat(cache).st_mode & 0o777 == 0o777  # (the program does not change it behind your back)
