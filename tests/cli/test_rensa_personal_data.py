"""``rensa --anonymisera`` end to end over a folder where people are named everywhere: in the map's
notes and moment names, in the plan's items, reasons and follow-up comments, in answers, in a file
name (and a conflict copy's), and in a recovery file – with every cache warm. Afterwards nothing
of it is left: not in the reports, not in any file name of the folder, not in a byte of the cache
and data folders, not in the memory of the last scan; and the reports still read, list, plan and
map as before."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import command, run_cli
from intervjufas.folder import scan
from intervjufas.folder.recovery import recovery_dir
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.model.personal_data import find_personal_data
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.anonymise import ANONYMISED_KEY
from intervjufas.report.model import CONFLICT_KEY, FollowUp
from intervjufas.report.parse import parse
from intervjufas.report.render import render
from map_samples import ANNA, FIRST, SECOND, sample_reports

rensa = command("rensa")
KARTLAGGNING = builtin_set("kartlaggning")
PERSONAL_NAME = "2024-01-15-lager-850412-1230.md"
CONFLICT_NAME = "2024-01-15-lager-850412-1230-konflikt.md"
RECOVERY_NAME = "lager-850412-1230-20240115-101010.md"
# What must be gone: people's names written in their own words, and the values the detector finds.
PEOPLE = ("Kalle Anka", "Farbror Joakim", "Kajsa Anka", "Alexander Lukas")
VALUES = ("850412", "987 65 43", "987.65.43", "9876543", "ankeborg", "kalle.anka", "joakim (at)")


def people_everywhere(folder: Path) -> dict[str, str]:
    """The sample maps, with people named in every free-text field of the first report's map and
    plan and in the follow-up of it; the first report's name holds a personnummer."""
    reports = dict(sample_reports())
    first = reports.pop(FIRST)
    first.answers["uppdrag"] = Answer("Lager 850412–1230")
    first.answers["fore_kunden"] = Answer("Kalle Anka ringer på 070.987.65.43, personnummer 19850412 1230.")
    krav, kallelse = first.answers["fore_karta"].value  # type: ignore[misc]
    first.answers["fore_karta"] = Answer(
        (
            Moment(krav.name, (*krav.involves, "Kajsa Anka"), "Ring Kalle Anka", id=krav.id),
            Moment("Mejla kalle.anka@ankeborg.se", kallelse.involves, "Farbror Joakim vet", id=kallelse.id),
        )
    )
    add, develop = first.answers["fore_lagga_till_vad"].value[0], first.answers["fore_utveckla_vad"].value[0]  # type: ignore[index]
    first.answers["fore_lagga_till_vad"] = Answer(
        (ActionItem(add.moment, "Alexander Lukas tycker det", id=add.id, moment_id=add.moment_id),)
    )
    first.answers["fore_utveckla_vad"] = Answer(
        (ActionItem("Mejla kalle.anka@ankeborg.se", "joakim (at) ankeborg [dot] se vill", id=develop.id),)
    )
    second = reports[SECOND]
    second.follow_ups = [
        FollowUp(f.key, f.label, Answer(f.answer.value, "Kajsa Anka ringde på 070/9876543"))
        for f in second.follow_ups
    ]
    texts = {PERSONAL_NAME: render(first, KARTLAGGNING)}
    texts.update({name: render(report, KARTLAGGNING) for name, report in reports.items()})
    first.extra_header[CONFLICT_KEY] = PERSONAL_NAME
    first.answers["fore_kunden"] = Answer("Kalle Anka ringer på 070-987 65 43, konfliktkopia.")
    texts[CONFLICT_NAME] = render(first, KARTLAGGNING)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return texts


def settle(*folders: Path) -> None:
    """Files last changed an hour ago: settled, so that every cache keeps them."""
    hour_ago = dt.datetime.now().timestamp() - 3600
    for folder in folders:
        for path in folder.iterdir():
            os.utime(path, (hour_ago, hour_ago))


def every_file(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        if folder.exists():
            yield from (path for path in sorted(folder.rglob("*")) if path.is_file())


def needles(texts: dict[str, str]) -> set[bytes]:
    """Every removed value as bytes: the people, the values, what the detector finds in the
    reports as written and masked (the privacy scan's cache keeps masked values), the old names."""
    found = [finding for text in texts.values() for finding in find_personal_data(text)]
    words = {*PEOPLE, *VALUES, *(f.text for f in found), *(f.masked for f in found)}
    words |= {PERSONAL_NAME, CONFLICT_NAME, RECOVERY_NAME, "850412-1230"}
    return {word.casefold().encode("utf-8") for word in words}


def leftovers(needles: set[bytes], *folders: Path) -> list[tuple[str, bytes]]:
    """(file, needle) for each removed value still found in a file's bytes or its name, in any case
    ('whom a moment involves' is kept in lower case)."""
    found = []
    for path in every_file(*folders):
        data = (path.read_bytes() + b"\0" + str(path).encode("utf-8", "surrogateescape")).lower()
        found += [(str(path), needle) for needle in sorted(needles) if needle in data]
    return found


def warm_every_cache() -> None:
    for args in (["lista"], ["granska"], ["karta", "--historik", "--alla"], ["plan"], ["trend"]):
        result = run_cli(*args, columns=200)
        assert result.exit_code in (0, 1), (args, result.output)


@pytest.fixture
def folders(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas"
    data = Path(os.environ["XDG_DATA_HOME"]) / "intervjufas"
    return reports_dir, cache, data


def test_nothing_of_the_people_is_left_anywhere(folders: tuple[Path, Path, Path]) -> None:
    reports, cache, data = folders
    texts = people_everywhere(reports)
    recovery = recovery_dir()
    recovery.mkdir(parents=True)
    (recovery / RECOVERY_NAME).write_text(texts[PERSONAL_NAME], encoding="utf-8")
    settle(reports, recovery)
    os.utime(recovery / RECOVERY_NAME, (0, 0))  # (a recovery file from long ago)
    warm_every_cache()
    search = needles(texts)
    before = {needle for _, needle in leftovers(search, cache)}
    assert {b"850412", b"kalle anka", b"kajsa anka", PERSONAL_NAME.encode()} <= before  # (warm)

    result = rensa("--aldre-an", "1d", "--anonymisera", "--ja")
    assert result.exit_code == 0, result.output
    assert "5 rapporter anonymiserades. 1 återställningsfil togs bort." in result.stdout
    assert (
        "2 rapporter fick nya namn, eftersom namnen innehöll personuppgifter:\n"
        "  2024-01-15-lager-borttaget-konflikt.md\n  2024-01-15-lager-borttaget.md\n"
    ) in result.stdout

    assert leftovers(search, reports, cache, data) == []
    assert not any(needle in repr(scan._RECENT).lower().encode() for needle in search)
    # Read again (and settled, so that every cache keeps what it reads now): still nothing.
    settle(reports)
    warm_every_cache()
    assert leftovers(search, reports, cache, data) == []
    assert run_cli("granska").exit_code == 0


def test_the_anonymised_folder_still_reads_lists_plans_and_maps(folders: tuple[Path, Path, Path]) -> None:
    reports, _, _ = folders
    people_everywhere(reports)
    settle(reports)
    warm_every_cache()
    before_map = run_cli("karta", "--historik", "--alla", "--format", "json").stdout
    plan_before = json.loads(run_cli("plan", "--json").stdout)["oppna_moment"]
    assert rensa("--aldre-an", "1d", "--anonymisera", "--ja").exit_code == 0
    for path in sorted(reports.glob("*.md")):
        report = parse(path.read_text(encoding="utf-8"), KARTLAGGNING, file=path.name, strict=True)
        assert report.extra_header[ANONYMISED_KEY] == dt.date.today().isoformat()
    renamed = reports / "2024-01-15-lager-borttaget.md"
    conflict = parse((reports / "2024-01-15-lager-borttaget-konflikt.md").read_text("utf-8"), KARTLAGGNING)
    assert conflict.extra_header[CONFLICT_KEY] == renamed.name
    plan_after = json.loads(run_cli("plan", "--json").stdout)["oppna_moment"]
    kept = ("steg", "typ", "datum", "id", "senaste_status")
    assert [{k: item[k] for k in kept} for item in plan_after] == [
        {k: item[k] for k in kept} for item in plan_before
    ]
    assert all(item["varfor"] == "" and item["senaste_kommentar"] == "" for item in plan_after)
    after_map = json.loads(run_cli("karta", "--historik", "--alla", "--format", "json").stdout)
    shape = json.loads(before_map)
    assert _moment_ids(after_map) == _moment_ids(shape)  # (the same moments, by identity)
    again = rensa("--aldre-an", "1d", "--anonymisera")
    assert "5 rapporter är redan anonymiserade." in again.stdout


def _moment_ids(history: object) -> list[str]:
    text = json.dumps(history)
    return sorted(set(part.split('"')[0] for part in text.split('"id": "')[1:]))
