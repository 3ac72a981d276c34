"""The program's own folders: every folder it makes is 0700 whatever the umask (cache, data,
recovery, config and the parents it has to make), and nothing is read from a folder or a file
another account could have written – one warning, and a cache is rebuilt in a private folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from intervjufas.files.private_folders import (
    checked_folder,
    make_private_dir,
    open_private,
    read_private,
    take_warnings,
)
from intervjufas.files.settings import cache_dir, cache_home, config_home, data_home, named_author, remember
from intervjufas.folder.file_cache import FileCache
from intervjufas.folder.recovery import recovery_dir, recovery_files, write_recovery
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_text
from intervjufas.questionsets.loader import load_question_set
from intervjufas.questionsets.set_cache import cached_set
from intervjufas.report.model import Report

pytestmark = pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX permissions")
SOMEONE_ELSE = 65534  # (nobody)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o000, 0o002, 0o077, 0o022], ids=["umask-000", "umask-002", "umask-077", "umask-022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def made_levels(folder: Path, existing: Path) -> list[Path]:
    """The folder and those above it up to (not including) ``existing``."""
    levels = [folder, *folder.parents]
    return levels[: levels.index(existing)]


def test_every_folder_the_program_makes_is_private_whatever_the_umask(umask: int, tmp_path: Path) -> None:
    kartlaggning = load_question_set(builtin_text("kartlaggning"), "kartlaggning.yaml")
    home = tmp_path / "hem"
    assert not home.exists()  # (the program makes ~/.cache, ~/.local/share and ~/.config too)
    data = builtin_text("snabbformat")
    cached_set("snabbformat", data, lambda: load_question_set(data, "snabbformat.yaml"))
    reports = tmp_path / "rapporter"
    reports.mkdir()
    (reports / "a.md").write_text("x", encoding="utf-8")
    os.utime(reports / "a.md", (1, 1))
    cache = FileCache("rubriker", reports, "v1")
    cache.put("a.md", (1, 1, 1, 1), "x")
    cache.save()
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    recovered = write_recovery(report, kartlaggning, None, reports)
    assert remember("Anna")
    made = [
        *made_levels(cache.path.parent, tmp_path),
        *made_levels(recovered.parent, tmp_path),
        *made_levels(config_home(), tmp_path),
    ]
    assert cache_home() in made and data_home() in made and recovery_dir() in made and home in made
    assert {path: mode(path) for path in made} == dict.fromkeys(made, 0o700)
    for path in (cache.path, recovered, config_home() / "forfattare.txt", *cache_home().glob("*.set")):
        assert mode(path) == 0o600, path


@pytest.mark.parametrize("loose", [0o770, 0o775, 0o777, 0o702])
def test_a_folder_others_may_write_is_not_read_and_warned_about_once(tmp_path: Path, loose: int) -> None:
    folder = tmp_path / "mapp"
    make_private_dir(folder)
    (folder / "fil").write_bytes(b"data")
    os.chmod(folder / "fil", 0o600)
    assert checked_folder(folder) == folder
    os.chmod(folder, loose)
    assert checked_folder(folder) is None
    assert checked_folder(folder) is None
    (warning,) = take_warnings()
    assert f"läge {loose:04o}" in warning and str(folder) in warning and "chmod 700" in warning


def test_a_file_others_may_write_or_a_link_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    make_private_dir(folder)
    loose = folder / "lös"
    loose.write_bytes(b"data")
    os.chmod(loose, 0o664)
    target = folder / "mål"
    target.write_bytes(b"data")
    os.chmod(target, 0o600)
    (folder / "länk").symlink_to(target)
    os.mkfifo(folder / "fifo", 0o600)
    assert read_private(target, 100) == b"data"
    assert [read_private(folder / name, 100) for name in ("lös", "länk", "fifo", "saknas")] == [None] * 4
    warnings = take_warnings()
    assert len(warnings) == 3  # (a missing file is no news)
    assert any("läge 0664" in w for w in warnings) and any("symbolisk länk" in w for w in warnings)


def test_a_private_file_larger_than_its_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "stor"
    path.write_bytes(b"x" * 101)
    os.chmod(path, 0o600)
    assert read_private(path, 100) is None
    assert read_private(path, 101) == b"x" * 101
    assert take_warnings() == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_file_or_folder_of_another_account_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    make_private_dir(folder)
    path = folder / "fil"
    path.write_bytes(b"data")
    os.chmod(path, 0o600)
    os.chown(path, SOMEONE_ELSE, -1)
    assert open_private(path) is None
    os.chown(path, 0, -1)
    os.chown(folder, SOMEONE_ELSE, -1)
    assert checked_folder(folder) is None
    assert all("tillhör en annan användare" in w for w in take_warnings())


def test_an_unsafe_cache_folder_gives_way_to_a_private_one_for_the_run(tmp_path: Path) -> None:
    home = cache_home()
    make_private_dir(home)
    os.chmod(home, 0o777)
    elsewhere = cache_dir()
    assert elsewhere != home and mode(elsewhere) == 0o700
    assert cache_dir() == elsewhere
    assert len(take_warnings()) == 1


def test_an_author_file_others_may_write_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVJUFAS_FORFATTARE")
    assert remember("Anna")
    assert named_author() == "Anna"
    os.chmod(config_home() / "forfattare.txt", 0o666)
    assert named_author() == ""
    os.chmod(config_home() / "forfattare.txt", 0o600)
    os.chmod(config_home(), 0o775)
    assert named_author() == ""
    assert not remember("Bo")  # (nothing is written into it either)
    assert len(take_warnings()) == 2


def test_recovery_files_are_only_those_in_a_private_recovery_folder(
    tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    first = write_recovery(report, kartlaggning, None, tmp_path)
    planted = recovery_dir() / "planterad.md"
    planted.write_bytes(first.read_bytes())
    os.chmod(planted, 0o666)
    assert recovery_files() == [first]
    os.chmod(recovery_dir(), 0o770)
    assert recovery_files() == []
    elsewhere = write_recovery(report, kartlaggning, None, tmp_path)  # (not into an unsafe folder)
    assert elsewhere.parent != recovery_dir() and mode(elsewhere.parent) == 0o700
    assert len(take_warnings()) == 3
