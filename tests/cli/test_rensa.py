"""``intervjufas rensa --aldre-an N(d|m|å)``: a dry run by default, the open items that would be
lost named first, deleting with ``--ja`` or a confirmation on a terminal, anonymising so that
``lista``, ``trend`` and ``plan`` show the same as before, reports in use left alone, and bad
arguments that touch nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from helpers import command, read_cache, run_cli
from intervjufas.files.locking import ReportLock
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.anonymise import ANONYMISED_KEY
from intervjufas.report.parse import parse
from intervjufas.terminal import TerminalFacts

rensa = command("rensa")
OLD = [
    "2024-01-15-lagerarbetare-till-nordlager.md",
    "2024-02-20-truckforare-till-nordlager.md",
    "2024-02-28-kundtjanst-till-servicebolaget.md",
    "2024-03-05-plockare-till-nordlager.md",
]
TERMINAL = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True)


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def remaining(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("*.md"))


def test_without_ja_and_without_a_terminal_it_is_a_dry_run(reports: Path) -> None:
    before = contents(reports)
    result = rensa("--aldre-an", "1d")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        f"4 rapporter är äldre än 1 dag (daterade före {dt.date.today() - dt.timedelta(days=1)}) i {reports} och tas bort:\n"
    )
    for name in OLD:
        assert name in out
    assert "Utvecklingsplanen förlorar 6 öppna moment när rapporterna tas bort:\n" in out
    assert (
        "  • Steg 2 · Utveckla: Tydligare avslut (2024-01-15-lagerarbetare-till-nordlager.md, senast: Delvis)\n"
        in out
    )
    assert out.rstrip().endswith(
        "Provkörning – ingenting har tagits bort. Ta bort rapporterna med:\n  intervjufas rensa --aldre-an 1d --ja"
    )
    assert result.stderr.startswith("Varning: 2024-03-10-trasig.md: ")
    assert contents(reports) == before


def test_ja_deletes_after_naming_what_is_lost(reports: Path) -> None:
    result = rensa("--aldre-an", "1d", "--ja")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Utvecklingsplanen förlorar") < out.index("4 rapporter togs bort.")
    assert remaining(reports) == ["2024-03-10-trasig.md"]
    assert not list(reports.glob(".*.lock"))


@pytest.mark.parametrize("anonymise", [False, True])
def test_nothing_of_the_cleaned_reports_stays_in_the_caches(reports: Path, anonymise: bool) -> None:
    hour_ago = dt.datetime.now().timestamp() - 3600
    for path in reports.iterdir():
        os.utime(path, (hour_ago, hour_ago))  # (settled: the caches keep them)
    assert command("lista")().exit_code == 0
    assert command("granska")().exit_code in (0, 1)
    caches = sorted((Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas").glob("*/*.cache"))
    assert {path.parent.name for path in caches} >= {"rubriker", "granska"}
    kept = {path: read_cache(path)["entries"] for path in caches}
    assert {path.parent.name for path in caches} >= {"listatext", "granskatext"}  # (kept outputs)
    assert all(
        set(OLD) <= set(entries)
        for path, entries in kept.items()
        if path.parent.name != "granskatext"  # (its entries: the reports with findings, the summary's)
    )
    result = rensa("--aldre-an", "1d", "--ja", *(["--anonymisera"] if anonymise else []))
    assert result.exit_code == 0, result.output
    for path in caches:
        entries = read_cache(path)["entries"]
        assert not set(OLD) & set(entries), path.parent.name
        assert set(entries) == set(kept[path]) - set(OLD)  # (the other reports' entries stay)


def test_only_reports_older_than_the_limit(reports: Path) -> None:
    newer = reports / "2024-03-05-plockare-till-nordlager.md"
    today = dt.date.today().isoformat()
    newer.write_text(newer.read_text(encoding="utf-8").replace("datum: '2024-03-05'", f"datum: '{today}'"))
    result = rensa("--aldre-an", "6m", "--ja", "--katalog", str(reports))
    assert result.exit_code == 0, result.output
    assert "3 rapporter togs bort." in result.stdout
    assert remaining(reports) == ["2024-03-05-plockare-till-nordlager.md", "2024-03-10-trasig.md"]


def test_nothing_old_enough(reports: Path) -> None:
    result = rensa("--aldre-an", "99å", "--ja")
    assert result.exit_code == 0
    assert result.stdout.startswith("Inga rapporter är äldre än 99 år")
    assert len(remaining(reports)) == 5


OWN_WORDS = ("senaste_kommentar", "varfor")  # the plan's texts in one's own words, which anonymising removes


def plan_without_own_words() -> list[dict]:
    """The plan as data, without the follow-up comments and the items' reasons."""
    items = json.loads(run_cli("plan", "--json").stdout)["oppna_moment"]
    assert all(any(item[key] for item in items) for key in OWN_WORDS) or items == []
    return [{k: v for k, v in item.items() if k not in OWN_WORDS} for item in items]


def test_anonymised_reports_still_parse_list_trend_and_plan_the_same(reports: Path) -> None:
    before = {name: run_cli(name, columns=200).stdout for name in ("lista", "trend")}
    plan_before = plan_without_own_words()
    dry = rensa("--aldre-an", "1d", "--anonymisera")
    assert "Provkörning – ingenting har ändrats." in dry.stdout
    assert "Utvecklingsplanen förlorar" not in dry.stdout
    result = rensa("--aldre-an", "1d", "--anonymisera", "--ja")
    assert result.exit_code == 0, result.output
    assert "4 rapporter anonymiserades." in result.stdout
    for name in OLD:
        path = reports / name
        text = path.read_text(encoding="utf-8")
        report = parse(
            text, builtin_set("snabbformat" if "snabbformat" in text else "kartlaggning"), strict=True
        )
        assert report.extra_header[ANONYMISED_KEY] == dt.date.today().isoformat()
        assert "Vi går igenom kravprofilen" not in text
    after = {name: run_cli(name, columns=200).stdout for name in ("lista", "trend")}
    assert after == before
    items = json.loads(run_cli("plan", "--json").stdout)["oppna_moment"]
    assert [(item["senaste_kommentar"], item["varfor"]) for item in items] == [("", "")] * len(items)
    assert [{k: v for k, v in item.items() if k not in OWN_WORDS} for item in items] == plan_before
    again = rensa("--aldre-an", "1d", "--anonymisera")
    assert "4 rapporter är redan anonymiserade." in again.stdout
    assert "Provkörning" not in again.stdout


@pytest.mark.parametrize(
    "arguments",
    [
        ["--aldre-an", "x", "--ja"],
        ["--aldre-an", "0d", "--ja"],
        ["--aldre-an", "1 vecka", "--ja"],
        ["--aldre-an", "-3d", "--ja"],
        ["--ja"],
        ["--aldre-an", "1d", "--ja", "--okand"],
        ["--aldre-an", "1d", "--ja", "extra"],
    ],
)
def test_a_bad_argument_touches_nothing(reports: Path, arguments: list[str]) -> None:
    before = contents(reports)
    result = rensa(*arguments)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Fel: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert contents(reports) == before


def test_the_usage_message_says_what_to_write(reports: Path) -> None:
    assert rensa("--aldre-an", "3x").stderr == (
        "Fel: Ogiltig ålder '3x' för --aldre-an; skriv ett antal följt av d (dagar), m (månader) eller å (år), "
        "till exempel 30d, 6m eller 1å (a går också bra för år).\n"
    )


@pytest.mark.parametrize(
    ("typed", "deleted"),
    [("j\n", True), ("ja\n", True), ("n\n", False), ("\n", False), ("", False), ("kanske\nj\n", True)],
)
def test_on_a_terminal_it_asks_first(reports: Path, typed: str, deleted: bool) -> None:
    result = rensa("--aldre-an", "1d", "--enkel", input=typed, facts=TERMINAL)
    assert result.exit_code == 0, result.output
    assert "Ta bort 4 rapporter för gott? Skriv j eller n [standard: n]: " in result.stdout
    assert "Provkörning" not in result.stdout
    if deleted:
        assert "4 rapporter togs bort." in result.stdout
        assert remaining(reports) == ["2024-03-10-trasig.md"]
    else:
        assert result.stdout.rstrip().endswith("Ingenting har tagits bort.")
        assert len(remaining(reports)) == 5
    if typed.startswith("kanske"):
        assert "Skriv j för ja eller n för nej." in result.stdout


@pytest.mark.parametrize(
    "facts",
    [TerminalFacts(stdin_is_terminal=False, stdout_is_terminal=True), TerminalFacts(stdin_is_terminal=True)],
    ids=["input-from-a-pipe", "output-to-a-pipe"],
)
def test_without_a_terminal_to_ask_on_it_is_a_dry_run(reports: Path, facts: TerminalFacts) -> None:
    before = contents(reports)
    result = rensa("--aldre-an", "1d", input="j\n", facts=facts)
    assert "Provkörning – ingenting har tagits bort." in result.stdout
    assert "Ta bort 4 rapporter för gott?" not in result.stdout
    assert contents(reports) == before


def test_a_dumb_terminal_gets_the_plain_question(reports: Path) -> None:
    facts = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True, term="dumb")
    result = rensa("--aldre-an", "1d", "--anonymisera", input="j\n", facts=facts)
    assert "Anonymisera 4 rapporter? Skriv j eller n [standard: n]: " in result.stdout
    assert "4 rapporter anonymiserades." in result.stdout


def test_a_report_in_use_is_left_alone_with_a_warning(reports: Path) -> None:
    busy = reports / OLD[0]
    lock = ReportLock(busy)
    assert lock.try_acquire()
    try:
        result = rensa("--aldre-an", "1d", "--ja")
    finally:
        lock.release()
    assert result.exit_code == 1
    assert (
        f"Varning: {OLD[0]}: används av en pågående session och lämnades orörd; försök igen när den är klar\n"
        in result.stderr
    )
    assert "3 rapporter togs bort. 1 rapport lämnades orörda (se varningarna)." in result.stdout
    assert remaining(reports) == [OLD[0], "2024-03-10-trasig.md"]


def test_help_is_swedish() -> None:
    result = rensa("--help", columns=100)
    assert result.exit_code == 0
    for text in ("--aldre-an", "--anonymisera", "--ja", "provkörning", "ÅLDER"):
        assert text in result.stdout


def test_old_recovery_files_are_removed_too_and_new_ones_kept(reports: Path, tmp_path: Path) -> None:
    """A recovery file holds a whole session's answers: one older than the limit goes with the
    reports (in either mode); a recent one, which may still be continued, stays."""
    from intervjufas.folder.recovery import recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True)
    old, new = folder / "lager-20240101-101010.md", folder / "butik-20261101-101010.md"
    for path in (old, new):
        path.write_text("---\n---\n", encoding="utf-8")
    long_ago = (dt.datetime.now() - dt.timedelta(days=400)).timestamp()
    os.utime(old, (long_ago, long_ago))

    dry = rensa("--aldre-an", "1å")
    assert (
        "1 återställningsfil (kopior av svar från sessioner som inte kunde sparas) är äldre än" in dry.stdout
    )
    assert f"  {old}\n" in dry.stdout and str(new) not in dry.stdout
    assert old.exists()

    done = rensa("--aldre-an", "1å", "--anonymisera", "--ja")
    assert done.exit_code == 0, done.output
    assert "1 återställningsfil togs bort." in done.stdout
    assert not old.exists() and new.exists()


def test_the_question_names_the_recovery_files(reports: Path) -> None:
    from intervjufas.folder.recovery import recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True)
    old = folder / "lager-20240101-101010.md"
    old.write_text("---\n---\n", encoding="utf-8")
    os.utime(old, (0, 0))
    result = rensa("--aldre-an", "1d", "--enkel", input="n\n", facts=TERMINAL)
    assert "Ta bort 4 rapporter och 1 återställningsfil för gott?" in result.stdout
    assert old.exists()
