"""The map ``karta`` shows: a report's own map, the moments a report made before maps names, and
the newest map in the folder – the same author's by preference – read from the headers first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import intervjufas.reading.process_map.shown_map as map_view_module
from helpers import FIXTURE_REPORTS, counting_loads
from intervjufas.errors import IntervjufasError
from intervjufas.reading.process_map.shown_map import latest_shown_map_by, shown_map_of
from map_samples import ANNA, ERIK, ERIKS, FIRST, THIRD, write_sample_reports


def shown(view: map_view_module.ShownMap) -> list[tuple[str, str, str]]:
    return [(m.phase, m.moment.name, m.state) for m in view.drawn.moments]


def test_a_report_s_map_with_its_plan_marked(tmp_path: Path) -> None:
    view = shown_map_of(write_sample_reports(tmp_path) / FIRST)
    assert view.origin == "map" and not view.latest and view.author == ANNA
    assert view.fact("uppdrag") == "Lager" and view.fact("datum") == "2024-01-15"
    assert shown(view) == [
        ("fore", "Kravprofil", "kept"),
        ("fore", "Kallelse", "develop"),
        ("fore", "Förberedande samtal", "new"),
        ("under", "Intervju", "kept"),
        ("under", "Dubbelbokning", "remove"),
        ("efter", "Återkoppling", "kept"),
    ]


def test_a_report_made_before_maps_shows_the_moments_its_plan_names(reports: Path) -> None:
    view = shown_map_of(reports / "2024-01-15-lagerarbetare-till-nordlager.md")
    assert view.origin == "plan"
    assert shown(view) == [
        ("fore", "Checklista till kunden", "new"),
        ("under", "Tydligare avslut", "develop"),
    ]
    assert all(moment.moment.id == "" for moment in view.drawn.moments)  # (no made-up ids)
    assert view.drawn.moments[1].why == "Kandidaten ska veta vad som händer sedan"


def test_a_report_of_an_unknown_question_set_is_an_error(reports: Path, tmp_path: Path) -> None:
    path = tmp_path / "egen.md"
    text = (reports / "2024-01-15-lagerarbetare-till-nordlager.md").read_text(encoding="utf-8")
    path.write_text(text.replace("id: kartlaggning", "id: egen_uppsattning", 1), encoding="utf-8")
    with pytest.raises(
        IntervjufasError, match=r"frågeuppsättningen egen_uppsattning \(version 1\), som inte finns här"
    ):
        shown_map_of(path)


def test_the_latest_map_is_the_author_s_own(tmp_path: Path) -> None:
    folder = write_sample_reports(tmp_path)
    anna, _ = latest_shown_map_by(folder, ANNA)
    assert anna.loaded is not None and anna.loaded.path.name == THIRD
    assert anna.latest and not anna.someone_else
    erik, _ = latest_shown_map_by(folder, ERIK)
    assert erik.loaded is not None and erik.loaded.path.name == ERIKS
    nobody, _ = latest_shown_map_by(folder, "")  # --alla: the newest of anyone's
    assert nobody.loaded is not None and nobody.loaded.path.name == ERIKS
    stranger, _ = latest_shown_map_by(folder, "Okänd")
    assert stranger.loaded is not None and stranger.loaded.path.name == ERIKS and stranger.someone_else


def test_the_latest_map_reads_only_the_headers_until_it_finds_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_sample_reports(tmp_path)
    for path in FIXTURE_REPORTS.iterdir():
        shutil.copy(path, folder)
    read = counting_loads(monkeypatch, map_view_module)
    view, warnings = latest_shown_map_by(folder, ANNA)
    assert read == [THIRD]
    assert view.loaded is not None and view.loaded.path == folder / THIRD
    assert [w.split(":")[0] for w in warnings] == ["2024-03-10-trasig.md"]


def test_without_maps_the_newest_plan_names_the_moments(reports: Path) -> None:
    view, _ = latest_shown_map_by(reports, "")
    assert view.origin == "plan" and view.loaded is not None
    assert view.loaded.path.name == "2024-03-05-plockare-till-nordlager.md"


def test_a_folder_without_maps_or_plans(tmp_path: Path) -> None:
    view, warnings = latest_shown_map_by(tmp_path / "tom", ANNA)
    assert view.origin == "none" and view.loaded is None and view.drawn.empty and warnings == []
