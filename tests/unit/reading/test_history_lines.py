"""The map's changes computed one line of maps at a time (``history_lines.changes_by_line``) are
those derived with every line read at once (``change_history(map_history(read_map_reports(...)))``):
for one consultant, for everyone, for a consultant with no maps, with reports made before maps, and
when a follow-up marks done an item a colleague planned (the first planner among all lines)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from helpers import FIXTURE_REPORTS
from intervjufas.folder import scan
from intervjufas.model.answers import ActionItem
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.history import map_history, read_map_reports
from intervjufas.reading.process_map.history_changes import ChangeHistory, change_history
from intervjufas.reading.process_map.history_lines import changes_by_line
from intervjufas.report.render import render
from intervjufas.views.process_map.history_summary import summary_markdown, summary_rows
from map_samples import ANNA, ERIK, ERIKS, REMOVE, _follow_up, _plan, sample_reports, write_sample_reports

WHO = [(ANNA, False), (ANNA, True), (ERIK, False), ("Okänd", False), ("", False), ("", True)]


def drawn(changes: ChangeHistory, folder: Path) -> Any:
    return list(summary_rows(changes, folder)), summary_markdown(changes, folder)


def both(folder: Path, author: str, everyone: bool) -> tuple[Any, Any]:
    scan._RECENT.clear()
    found = read_map_reports(folder, author, everyone)
    at_once = (drawn(change_history(map_history(found)), folder), found.warnings)
    scan._RECENT.clear()
    changes, warnings = changes_by_line(folder, author, everyone)
    return at_once, (drawn(changes, folder), warnings)


@pytest.mark.parametrize(("author", "everyone"), WHO)
def test_the_sample_maps(tmp_path: Path, author: str, everyone: bool) -> None:
    at_once, by_line = both(write_sample_reports(tmp_path / "r"), author, everyone)
    assert by_line == at_once


@pytest.mark.parametrize(("author", "everyone"), WHO)
def test_reports_made_before_maps_and_an_unreadable_one(tmp_path: Path, author: str, everyone: bool) -> None:
    folder = write_sample_reports(tmp_path / "r")
    for path in FIXTURE_REPORTS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    at_once, by_line = both(folder, author, everyone)
    assert at_once[1]  # (the fixtures hold a report that cannot be read)
    assert by_line == at_once


@pytest.mark.parametrize(("author", "everyone"), WHO)
def test_an_item_a_colleague_planned_first(tmp_path: Path, author: str, everyone: bool) -> None:
    """Erik plans an item with the id of one Anna planned first (about another moment, in another
    phase) and his follow-up marks it done: with everyone's lines the item is Anna's, found in
    another line than his."""
    folder = tmp_path / "r"
    folder.mkdir()
    reports = dict(sample_reports())
    eriks = reports[ERIKS]
    _plan(eriks, "fore_ta_bort_vad", ActionItem("Dubbelbokningar", "Eriks skäl", id=REMOVE.id))
    _follow_up(eriks, "r1lager", REMOVE, "ta bort", "Genomfört")
    for name, report in reports.items():
        (folder / name).write_text(render(report, builtin_set("kartlaggning")), encoding="utf-8")
    hour_ago = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    at_once, by_line = both(folder, author, everyone)
    assert by_line == at_once
    if everyone:
        assert "Dubbelbokningar" not in at_once[0][1]  # (Anna's item: her moment, not a new one)


@pytest.mark.parametrize(("author", "everyone"), [(ANNA, False), (ANNA, True), ("", True)])
def test_the_keys_listed_by_the_caller_are_used_and_no_file_is_looked_at_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, author: str, everyone: bool
) -> None:
    """With each file's key as the caller listed it (``listed``), the changes are the same and the
    facts and plans find no key of their own: 20,000 reports are not looked at once more."""
    from intervjufas.folder.folder_listing import folder_listing
    from intervjufas.reading.process_map import facts, planners

    folder = write_sample_reports(tmp_path / "r")
    at_once, _ = both(folder, author, everyone)
    place = folder_listing(folder, "")
    assert place is not None
    looked_at: list[Any] = []
    for module in (facts, planners):
        original = module.file_key
        monkeypatch.setattr(module, "file_key", lambda status, original=original: looked_at.append(status) or original(status))
    listed = dict(zip(place.names, place.keys, strict=True))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "new-cache"))
    for _ in range(2):  # (read anew, then as kept)
        scan._RECENT.clear()
        changes, warnings = changes_by_line(folder, author, everyone, listed=listed)
        assert (drawn(changes, folder), warnings) == at_once
    assert looked_at == []
    assert any((tmp_path / "new-cache").rglob("*"))  # (what was read anew was kept there)
    changes_by_line(folder, author, everyone)
    assert looked_at  # (without them, every file is looked at)
