"""Caches that cannot lie or break: every folder command – ``lista``, ``plan`` (as a table and as JSON),
``trend``, ``jamfor``,
``karta --historik`` and ``granska`` – gives the same answer with a cold cache, a warm one, and
one tampered with in any way (its bytes or its modes), and sees an edit that keeps a report's
length and puts its modification time back (also in a cache warmed before the edit)."""

from __future__ import annotations

import marshal
import os
import pickle
import random
import time
from pathlib import Path

import pytest

from helpers import read_cache, run_cli
from intervjufas.files.sealed import seal
from intervjufas.folder import scan
from intervjufas.model.answers import ActionItem, Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.render import render
from map_samples import ANNA, FIRST, THIRD, write_sample_reports

HOUR_AGO = time.time() - 3600
COMMANDS = (
    ("lista", "--json"),
    ("plan", "--json"),
    ("plan",),
    ("plan", "--kund", "Nordlager"),
    ("trend", "--json"),
    ("jamfor", FIRST, "--json"),
    ("karta", "--historik", "--alla", "--json"),
    ("granska", "--json"),
)
# An edit of the same length in bytes: a new assignment, a renamed moment, and a personnummer.
EDITS = (("Plock", "Flock"), ("Referenstagning", "Referenskontakt"), ("Nordlager AB", "811218-9876 "))


@pytest.fixture
def folder(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    write_sample_reports(reports_dir)
    write_open_items(reports_dir)
    for path in reports_dir.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))  # (settled: the caches may keep them)
    return reports_dir


OPEN = "2024-03-12-oppet.md"
LATER = "2024-03-20-senare.md"


def _report(report_id: str, date: str, uppdrag: str) -> Report:
    report = Report.new(builtin_set("kartlaggning"))
    report.report_id, report.author = report_id, ANNA
    report.created = report.updated = f"{date}T10:00:00+01:00"
    report.answers.update({"uppdrag": Answer(uppdrag), "kund": Answer("Nordlager AB"), "datum": Answer(date)})
    return report


def write_open_items(folder: Path) -> None:
    """Two reports whose plans stay open: one planned item followed up Delvis (with a comment) by a
    later report, which plans an item of its own."""
    questionnaire = builtin_set("kartlaggning")
    opened = _report("r5open", "2024-03-12", "Öppet")
    opened.answers["fore_lagga_till"] = Answer("Ja")
    opened.answers["fore_lagga_till_vad"] = Answer(
        (ActionItem("Referenssamtal", "Snabbare besked", id="a5add", moment_id="m5refs"),)
    )
    opened.answers["efter_utveckla"] = Answer("Ja")
    opened.answers["efter_utveckla_vad"] = Answer((ActionItem("Återkoppling", "Samma dag", id="a5dev"),))
    later = _report("r6sen", "2024-03-20", "Senare")
    later.follow_ups.append(
        FollowUp(
            "r5open/a5add", "Referenssamtal (Steg 1 · lägga till · 2024-03-12)", Answer("Delvis", "Halvvägs")
        )
    )
    later.answers["under_ta_bort"] = Answer("Ja")
    later.answers["under_ta_bort_vad"] = Answer((ActionItem("Dubbelbokning", "Tar tid", id="a6rem"),))
    for name, report in ((OPEN, opened), (LATER, later)):
        (folder / name).write_text(render(report, questionnaire), encoding="utf-8")


def outputs() -> dict[str, tuple[int, str, str]]:
    """What every folder command answers now (without the memory of this process's last scan)."""
    found = {}
    for args in COMMANDS:
        scan._RECENT.clear()
        result = run_cli(*args, columns=200)
        found[" ".join(args)] = (result.exit_code, result.stdout, result.stderr)
    return found


def cache_home() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas"


def cold(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> dict[str, tuple[int, str, str]]:
    """The answers with a cache folder never used before (then the test's own one again)."""
    own = os.environ["XDG_CACHE_HOME"]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / name))
    try:
        return outputs()
    finally:
        monkeypatch.setenv("XDG_CACHE_HOME", own)


def cache_files() -> list[Path]:
    files = sorted(cache_home().glob("*/*.cache"))
    assert {p.parent.name for p in files} == {
        *("rubriker", "kartor", "granska", "planer", "planlaget", "oppna"),
        *("planjson", "listajson", "granskajson", "trendjson"),  # (kept outputs)
    }
    return files


def test_cold_and_warm_caches_give_the_same_answers(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = outputs()
    assert all(code in (0, 1) for code, _, _ in first.values()), first
    assert outputs() == first  # (warm)
    assert cold(monkeypatch, tmp_path, "kall") == first


def equal_length_edit(path: Path) -> None:
    """Edit the file in place (same inode, same length) and put its times back."""
    before = os.stat(path)
    text = path.read_bytes()
    for old, new in EDITS:
        assert len(old.encode()) == len(new.encode()) and old.encode() in text
        text = text.replace(old.encode(), new.encode())
    with path.open("r+b") as handle:
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def test_an_edit_that_keeps_length_and_time_is_seen_by_every_command(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = outputs()
    colleague = cold(monkeypatch, tmp_path, "kollega")  # (a colleague's cache, warm before the edit)
    assert colleague == before
    equal_length_edit(folder / THIRD)
    after = outputs()
    assert after == cold(monkeypatch, tmp_path, "kall")
    assert cold(monkeypatch, tmp_path, "kollega") == after
    changed = [name for name in after if after[name] != before[name]]
    assert {"lista --json", "karta --historik --alla --json", "granska --json"} <= set(changed)
    assert "811218" not in str(before["granska --json"]) and "******-9876" in after["granska --json"][1]


def test_an_edit_of_an_open_item_that_keeps_length_and_time_is_seen_by_plan(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = outputs()
    assert "Snabbare besked" in before["plan --json"][1] and "Halvvägs" in before["plan"][1]
    path = folder / OPEN
    stat = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"Snabbare besked", b"Snabbast besked"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert os.stat(path).st_size == stat.st_size
    after = outputs()
    assert "Snabbast besked" in after["plan --json"][1] and "Snabbast besked" in after["plan"][1]
    assert after == cold(monkeypatch, tmp_path, "kall")


def tampered(path: Path, shape: str) -> bytes:
    """The bytes a cache file gets: damaged, foreign, or sealed with contents of the wrong shape."""
    data = path.read_bytes()
    if shape == "sealed-wrong-values":
        document = read_cache(path)
        document["entries"] = {name: (*entry[:4], {"x": [None, 1.5]}) for name, entry in document["entries"].items()}
        return seal(document, len(document["entries"]))
    if shape == "sealed-wrong-keys":
        document = read_cache(path)
        document["entries"] = {name: ("1", 2, 3, 4, entry[4]) for name, entry in document["entries"].items()}
        return seal(document, len(document["entries"]))
    return {
        "empty": b"",
        "truncated": data[: len(data) // 2],
        "random": random.Random(path.name).randbytes(len(data)),
        "marshal-bomb": b"[\x00\x00\x00\x80",
        "unsealed": marshal.dumps(read_cache(path)),
        "pickle": pickle.dumps({"entries": {}}),
        "claims-too-many": seal(read_cache(path), 2**31),
    }[shape]


@pytest.mark.parametrize(
    "shape",
    [
        "empty",
        "truncated",
        "random",
        "marshal-bomb",
        "unsealed",
        "pickle",
        "claims-too-many",
        "sealed-wrong-values",
        "sealed-wrong-keys",
    ],
)
def test_a_tampered_cache_gives_the_same_answers(folder: Path, shape: str) -> None:
    first = outputs()
    for path in cache_files():
        path.write_bytes(tampered(path, shape))
    assert outputs() == first
    assert outputs() == first  # (and it was rebuilt)
    assert all(read_cache(path)["entries"] for path in cache_files())


@pytest.mark.skipif(os.name != "posix", reason="owners and modes are POSIX permissions")
@pytest.mark.parametrize("what", ["file", "namespace-folder", "cache-folder"])
def test_a_cache_others_may_write_is_not_read_and_said_once(folder: Path, what: str) -> None:
    first = outputs()
    files = cache_files()
    if what == "file":
        for path in files:
            os.chmod(path, 0o666)
    elif what == "namespace-folder":
        for path in files:
            os.chmod(path.parent, 0o777)
    else:
        os.chmod(cache_home(), 0o775)
    result = run_cli("lista", "--json", columns=200)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Varning:")]
    # (each unsafe place once: lista reads three caches, its kept output, the header index and the
    # kept open counts)
    expected = {"file": 3, "namespace-folder": 3, "cache-folder": 1}[what]
    assert len(warnings) == len(set(warnings)) == expected, result.stderr
    assert "används inte" in warnings[0]
    again = outputs()
    assert {name: out[:2] for name, out in again.items()} == {name: out[:2] for name, out in first.items()}
