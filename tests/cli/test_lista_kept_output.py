"""`intervjufas lista` and `lista --json` into a pipe, run again over an unchanged folder, write
what was kept of their output (``views/listing_kept.py``) without reading a header – the same
characters and warnings as the general path at any width and in any encoding – and a changed,
added, removed or forgotten report, or a damaged kept file, is seen at once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import (
    FIXTURE_REPORTS,
    HOUR_AGO,
    command,
    fresh_run,
    kept_output_files,
    read_cache,
    refusing,
    run_cli,
    settle,
    write_cache,
)
from intervjufas.folder.file_cache import file_key, forget_files
from intervjufas.reading import listing as listing_module

OPTIONS = [(), ("--json",), ("--av", "anna"), ("--json", "--av", "anna")]


AUTHORS = {"2024-01-15": "Anna Berg", "2024-02-20": "Jonas Ek", "2024-03-05": "Anna Lind"}


@pytest.fixture
def settled(reports: Path) -> Path:
    """The fixture folder, three of its reports by named authors, every file an hour old."""
    for path in reports.glob("*.md"):
        author = AUTHORS.get(path.name[:10])
        if author is not None:
            data = path.read_bytes()
            newline = b"\r\n" if b"\r\n" in data else b"\n"
            line = b"format: 1" + newline
            path.write_bytes(data.replace(line, line + f"forfattare: {author}".encode() + newline, 1))
    return settle(reports)


@pytest.fixture
def no_rows(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From now on, the folder's headers must not be read into rows."""
    return refusing(monkeypatch, listing_module, "list_reports", "the rows were made")


def kept_files() -> list[Path]:
    return kept_output_files("lista*")


def fresh(*args: str, **options: Any) -> Any:
    return fresh_run("lista", *args, **options)


@pytest.mark.parametrize("args", OPTIONS, ids=["text", "json", "av", "json-av"])
def test_a_second_run_writes_the_kept_output(settled: Path, no_rows: Any, args: tuple[str, ...]) -> None:
    first = run_cli("lista", *args)
    assert first.exit_code == 0, first.output
    assert kept_files()
    no_rows()
    again = run_cli("lista", *args)
    assert again[:] == first[:]
    assert "Varning: 2024-03-10-trasig.md" in again.stderr


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii"])
@pytest.mark.parametrize("columns", [30, 80, 250])
@pytest.mark.parametrize("json", [False, True], ids=["text", "json"])
def test_kept_output_is_what_the_general_path_writes(
    settled: Path, no_rows: Any, encoding: str, columns: int, json: bool
) -> None:
    args = ("--json",) if json else ()
    run_cli("lista", *args)  # (kept at the default width, in UTF-8)
    run_cli("lista", *args, columns=columns, encoding=encoding)  # (kept for this output too)
    expected = fresh(*args, columns=columns, encoding=encoding)
    no_rows()
    assert run_cli("lista", *args, columns=columns, encoding=encoding)[:] == expected[:]


def test_a_kept_listing_is_the_fixture_listing(settled: Path) -> None:
    """(The fixture folder holds reports of different customers, steps and open items.)"""
    lista = command("lista")
    first = lista()
    assert first.stdout.count("\n") == len(list(FIXTURE_REPORTS.glob("*.md"))) + 1  # (one broken)
    assert lista()[:] == first[:]


def edited(folder: Path) -> None:
    changed = folder / "2024-03-05-plockare-till-nordlager.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Nordlager", "Söderlager"), encoding="utf-8")
    os.utime(changed, (HOUR_AGO, HOUR_AGO))


def added(folder: Path) -> None:
    shutil.copy(folder / "2024-02-20-truckforare-till-nordlager.md", folder / "2024-04-01-kopia.md")
    os.utime(folder / "2024-04-01-kopia.md", (HOUR_AGO, HOUR_AGO))


def removed(folder: Path) -> None:
    (folder / "2024-01-15-lagerarbetare-till-nordlager.md").unlink()


@pytest.mark.parametrize("change", [edited, added, removed])
@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_a_change_to_the_folder_is_seen(settled: Path, change: Any, args: tuple[str, ...]) -> None:
    run_cli("lista", *args)
    assert kept_files()
    change(settled)
    assert run_cli("lista", *args)[:] == fresh(*args)[:]


@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_forgetting_a_report_drops_what_it_said(settled: Path, no_rows: Any, args: tuple[str, ...]) -> None:
    run_cli("lista", *args)
    name = "2024-02-28-kundtjanst-till-servicebolaget.md"
    (path,) = [path for path in kept_files() if ("json" in path.parent.name) == bool(args)]
    assert name in read_cache(path)["entries"]
    forget_files(settled, [name])
    entries = read_cache(path)["entries"]
    assert name not in entries
    assert not any("servicebolaget" in str(entry).casefold() for entry in entries.values())
    no_rows()
    assert "the rows were made" in run_cli("lista", *args).stderr  # (what is left is not used)


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: (*entry[:4], "skräp"),
        lambda entry: (*entry[:4], [entry[4][0], entry[4][1], 99, *entry[4][3:]]),
        lambda entry: (*entry[:4], [entry[4][0], entry[4][1], entry[4][2], 7, *entry[4][4:]]),
    ],
    ids=["value", "place", "piece"],
)
def test_a_damaged_entry_is_made_again(settled: Path, damage: Any) -> None:
    first = run_cli("lista")
    (path,) = kept_files()
    document = read_cache(path)
    name = sorted(document["entries"])[1]
    document["entries"][name] = damage(document["entries"][name])
    write_cache(path, document)
    assert run_cli("lista")[:] == first[:]
    assert run_cli("lista")[:] == first[:]


def test_a_damaged_file_is_made_again(settled: Path) -> None:
    first = run_cli("lista", "--json")
    (path,) = kept_files()
    path.write_bytes(b"\x00" * 100)
    assert run_cli("lista", "--json")[:] == first[:]
    assert read_cache(path)["entries"]


def test_a_fresh_report_keeps_nothing_until_it_settles(settled: Path) -> None:
    now = settled / "2024-02-20-truckforare-till-nordlager.md"
    now.touch()
    first = run_cli("lista")
    assert run_cli("lista")[:] == first[:]
    (path,) = kept_files()
    assert now.name not in read_cache(path)["entries"]


def test_forced_colours_take_the_general_path(settled: Path, no_rows: Any) -> None:
    run_cli("lista")
    no_rows()
    assert "the rows were made" in run_cli("lista", env={"FORCE_COLOR": "1"}).stderr


# -- after some files changed (kept by name: ``kept_output.by_name``) ------------------------------
def body_edited(path: Path) -> None:
    """A line added to the body (a colleague's edit, a sync): the header row stays what it was."""
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("\nEn rad till från en kollega.\n")
    os.utime(path, (HOUR_AGO, HOUR_AGO))


@pytest.mark.parametrize("args", OPTIONS, ids=["text", "json", "av", "json-av"])
@pytest.mark.parametrize("share", [1, 20], ids=["beside", "whole"])
def test_a_body_change_is_written_from_what_was_kept(
    settled: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], share: int
) -> None:
    """The changed files' headers are read again; as they are the same, no row is made, and what
    is written is what the general path writes – once the changed files are kept beside the whole
    (``beside``), once the whole is kept again (``whole``)."""
    from intervjufas.folder import kept_output

    monkeypatch.setattr(kept_output, "RENAMED_SHARE", share)
    made = []
    original = listing_module.list_reports
    monkeypatch.setattr(listing_module, "list_reports", lambda *a, **k: made.append(1) or original(*a, **k))
    run_cli("lista", *args)
    for name in ["2024-02-20-truckforare-till-nordlager.md", "2024-03-05-plockare-till-nordlager.md"]:
        body_edited(settled / name)
    expected = fresh(*args)
    made.clear()
    assert run_cli("lista", *args)[:] == expected[:]
    assert run_cli("lista", *args)[:] == expected[:]  # (and again, from what the changed run kept)
    assert not made
    renamed = kept_output_files(f"{kept_output.RENAMED}lista*")
    assert bool(renamed) == (share == 1)
    body_edited(settled / "2024-01-15-lagerarbetare-till-nordlager.md")  # (one more, on top of those)
    expected = fresh(*args)
    made.clear()
    assert run_cli("lista", *args)[:] == expected[:]
    assert not made


def header_edited(path: Path, old: str, new: str) -> None:
    text = path.read_bytes()
    assert old.encode() in text
    path.write_bytes(text.replace(old.encode(), new.encode(), 1))
    os.utime(path, (HOUR_AGO, HOUR_AGO))


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("2024-03-05-plockare-till-nordlager.md", "kund: nordlager ab", "kund: södra lager"),
        # (closes an item of another report: that report's open items change, not its file)
        ("2024-02-20-truckforare-till-nordlager.md", "under_utveckla_vad/1: Delvis", "under_utveckla_vad/1: Genomfört"),
        ("2024-02-28-kundtjanst-till-servicebolaget.md", "datum: '2024-02-28'", "datum: '2024-04-28'"),
    ],
    ids=["customer", "follow-up", "date"],
)
@pytest.mark.parametrize("args", [(), ("--json",)], ids=["text", "json"])
def test_a_header_change_takes_the_general_path(
    settled: Path, no_rows: Any, args: tuple[str, ...], name: str, old: str, new: str
) -> None:
    run_cli("lista", *args)
    header_edited(settled / name, old, new)
    expected = fresh(*args)
    assert run_cli("lista", *args)[:] == expected[:]
    no_rows()
    assert run_cli("lista", *args)[:] == expected[:]


def test_a_changed_broken_file_takes_the_general_path(settled: Path, no_rows: Any) -> None:
    run_cli("lista")
    body_edited(settled / "2024-03-10-trasig.md")
    no_rows()
    assert "the rows were made" in run_cli("lista").stderr


def test_a_file_that_becomes_unreadable_is_seen(settled: Path) -> None:
    run_cli("lista", "--json")
    (settled / "2024-03-05-plockare-till-nordlager.md").write_text("---\nformat: [\n---\n", encoding="utf-8")
    os.utime(settled / "2024-03-05-plockare-till-nordlager.md", (HOUR_AGO, HOUR_AGO))
    assert run_cli("lista", "--json")[:] == fresh("--json")[:]


@pytest.mark.parametrize("share", [1, 20], ids=["beside", "whole"])
def test_a_changed_file_too_fresh_is_read_again_next_time(
    settled: Path, no_rows: Any, monkeypatch: pytest.MonkeyPatch, share: int
) -> None:
    from intervjufas.folder import kept_output

    monkeypatch.setattr(kept_output, "RENAMED_SHARE", share)
    run_cli("lista")
    path = settled / "2024-02-20-truckforare-till-nordlager.md"
    body_edited(path)
    os.utime(path)  # (just now)
    expected = fresh()
    no_rows()
    assert run_cli("lista")[:] == expected[:]
    assert run_cli("lista")[:] == expected[:]
    assert not kept_output_files(f"{kept_output.RENAMED}lista*")  # (no key too fresh to trust vouched for)
    (kept,) = kept_files()
    assert read_cache(kept)["entries"][path.name][4][-1] != file_key(os.stat(path))


# Changes a folder sees between two runs: a body edited, header values changed (one closes or
# reopens an item of another report), a file touched, copied or removed.
CHANGES = [
    ("body", None, None),
    ("touch", None, None),
    ("header", "kund: nordlager ab", "kund: södra lager"),
    ("header", "kund: södra lager", "kund: nordlager ab"),
    ("header", "under_utveckla_vad/1: Delvis", "under_utveckla_vad/1: Genomfört"),
    ("header", "under_utveckla_vad/1: Genomfört", "under_utveckla_vad/1: Delvis"),
    ("header", "  processen: klar", "  processen: påbörjad"),
    ("copy", None, None),
    ("remove", None, None),
]


def apply_change(folder: Path, change: tuple[str, str | None, str | None], pick: int, step: int) -> None:
    files = sorted(folder.glob("*.md"))
    path = files[pick % len(files)]
    kind, old, new = change
    if kind == "body":
        body_edited(path)
    elif kind == "touch":
        os.utime(path, (HOUR_AGO + step, HOUR_AGO + step))
    elif kind == "header" and old is not None and new is not None:
        text = path.read_bytes()
        path.write_bytes(text.replace(old.encode(), new.encode(), 1))
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    elif kind == "copy":
        shutil.copy(path, folder / f"2024-05-{step + 1:02d}-kopia.md")
        os.utime(folder / f"2024-05-{step + 1:02d}-kopia.md", (HOUR_AGO, HOUR_AGO))
    elif kind == "remove" and len(files) > 1:
        path.unlink()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(CHANGES), st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=5
    ),
    json=st.booleans(),
    share=st.sampled_from([1, 20]),
)
def test_after_any_sequence_of_changes_the_output_is_a_fresh_run(
    reports_dir: Path, monkeypatch: pytest.MonkeyPatch, steps: list[Any], json: bool, share: int
) -> None:
    """Kept, changed, kept again, in any order: each run writes what a fresh run writes."""
    from intervjufas.folder import kept_output

    monkeypatch.setattr(kept_output, "RENAMED_SHARE", share)
    shutil.rmtree(reports_dir, ignore_errors=True)
    shutil.rmtree(Path(os.environ["XDG_CACHE_HOME"]), ignore_errors=True)
    shutil.copytree(FIXTURE_REPORTS, reports_dir)
    settle(reports_dir)
    args = ("--json",) if json else ()
    run_cli("lista", *args)
    for step, (change, pick, repeat) in enumerate(steps):
        apply_change(reports_dir, change, pick, step)
        assert run_cli("lista", *args)[:] == fresh(*args)[:]
        if repeat % 2:
            assert run_cli("lista", *args)[:] == fresh(*args)[:]


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii"])
@pytest.mark.parametrize("columns", [30, 250])
@pytest.mark.parametrize("json", [False, True], ids=["text", "json"])
def test_after_a_body_change_the_output_is_the_general_paths_at_any_width(
    settled: Path, no_rows: Any, encoding: str, columns: int, json: bool
) -> None:
    args = ("--json",) if json else ()
    run_cli("lista", *args, columns=columns, encoding=encoding)
    body_edited(settled / "2024-02-28-kundtjanst-till-servicebolaget.md")
    expected = fresh(*args, columns=columns, encoding=encoding)
    no_rows()
    assert run_cli("lista", *args, columns=columns, encoding=encoding)[:] == expected[:]


def _packed(path: Path) -> dict[str, bytes]:
    return {name: entry[4] for name, entry in read_cache(path)["entries"].items() if type(entry[4]) is bytes}


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_each_reports_line_is_kept_as_the_bytes_written(settled: Path, no_rows: Any, encoding: str) -> None:
    """A report's line is kept packed: the bytes the output's encoding makes of it, written as they
    are (the first report's entry holds the heading too, a warned file its warning)."""
    args = ()
    first = run_cli("lista", *args, encoding=encoding)
    (path,) = kept_files()
    packed = _packed(path)
    reports = len(list(settled.glob("*.md"))) - 1  # (one broken)
    assert len(packed) >= reports - 2
    from intervjufas.folder.kept_output import _PACKED_HEAD as HEAD

    written = first.stdout.encode(encoding)
    assert all(entry[HEAD + 1 + entry[HEAD] :] in written for entry in packed.values())
    assert any("å".encode(encoding) in entry or "ö".encode(encoding) in entry for entry in packed.values())
    no_rows()
    assert run_cli("lista", *args, encoding=encoding)[:] == first[:]


def _repacked(entry: bytes, count: int | None = None, place: int | None = None) -> bytes:
    from intervjufas.folder import kept_output

    was = kept_output._PACKED_PLACE.unpack_from(entry, 32)
    counts = kept_output._PACKED_PLACE.pack(
        was[0] if count is None else count, was[1], was[2] if place is None else place, was[3]
    )
    return entry[:32] + counts + entry[kept_output._PACKED_HEAD :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry, other: entry[:40],
        lambda entry, other: entry[:49],
        lambda entry, other: _repacked(entry, place=999),
        lambda entry, other: _repacked(entry, place=int.from_bytes(other[40:44], "little")),
        lambda entry, other: _repacked(entry, count=3),
        lambda entry, other: entry[:48] + bytes([entry[48] + 1]) + entry[49:],
    ],
    ids=["short", "no-piece", "place", "same-place", "count", "own-value"],
)
def test_a_damaged_packed_entry_is_made_again(settled: Path, damage: Any) -> None:
    args = ()
    first = run_cli("lista", *args)
    (path,) = kept_files()
    document = read_cache(path)
    name, other = sorted(_packed(path))[:2]
    entry = document["entries"][name]
    document["entries"][name] = (*entry[:4], damage(entry[4], document["entries"][other][4]))
    write_cache(path, document)
    assert run_cli("lista", *args)[:] == first[:]
    assert run_cli("lista", *args)[:] == first[:]


def test_the_json_is_kept_unpacked(settled: Path) -> None:
    run_cli("lista", "--json")
    (path,) = kept_files()
    assert not _packed(path)


@pytest.mark.parametrize("json", [False, True], ids=["text", "json"])
def test_a_stream_that_translates_newlines_gets_the_same_text(
    settled: Path, no_rows: Any, monkeypatch: pytest.MonkeyPatch, json: bool
) -> None:
    from types import SimpleNamespace

    from intervjufas.views import listing_kept

    args = ("--json",) if json else ()
    first = run_cli("lista", *args)
    no_rows()
    monkeypatch.setattr(listing_kept, "os", SimpleNamespace(linesep="\r\n"))  # (as on Windows: decoded)
    assert run_cli("lista", *args)[:] == first[:]
