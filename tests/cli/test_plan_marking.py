"""Keeping the plan up without a mapping: ``plan --markera`` records a dated entry in the report
that holds the item, and every command – lista, plan, karta, the follow-up of the next mapping and
the exports – shows it; merging two open rows about the same moment; the errors of the options."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import run_cli
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.plan.folder_items import follow_up_pool
from intervjufas.report.parse import parse
from intervjufas.report.render import render


def today() -> dt.date:
    """Today as the program sees it when the test runs (a suite can cross midnight)."""
    return dt.date.today()
KALLELSE = "Kallelse med praktisk information"


def mapping(tmp_path: Path, folder: Path, uppdrag: str, datum: str, *, develop: bool = True) -> Path:
    """A Steg 1 mapping (through ``kartlagg --svar``) that plans to develop the Kallelse."""
    answers: dict[str, Any] = {
        "uppdrag": uppdrag,
        "kund": "Nordlager AB",
        "datum": datum,
        "fore_kunden": "Kravprofil",
        "fore_karta": [{"namn": KALLELSE, "id": "kallelse"}, {"namn": "Intervju", "id": "intervju"}],
        "fore_lagga_till": "nej",
        "fore_utveckla": "ja" if develop else "nej",
        "fore_ta_bort": "nej",
    }
    if develop:
        answers["fore_utveckla_vad"] = [{"moment": KALLELSE, "varfor": "Tydligare"}]
    path = tmp_path / f"{uppdrag}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    before = set(folder.glob("*.md"))
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(path))
    assert result.exit_code == 0, result.output
    (made,) = set(folder.glob("*.md")) - before
    return made


def cli_json(*args: str) -> Any:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def kallelse_mark(*args: str) -> str | None:
    """``karta [RAPPORT] --json``: the mark of the Kallelse on the map."""
    (found,) = [
        moment["markering"]
        for phase in cli_json("karta", *args)["faser"]
        for moment in phase["moment"]
        if moment["id"] == "kallelse"
    ]
    return found  # type: ignore[no-any-return]


def pool_statuses(folder: Path) -> dict[str, tuple[str | None, str]]:
    """What the follow-up of the next mapping offers: item -> (latest status, its comment)."""
    pool = follow_up_pool(folder, builtin_set("kartlaggning"), exclude_id="ny", customer="Nordlager AB")
    return {item.moment: (item.last_status, item.last_comment) for item in pool.take(100)}


def test_a_mark_from_plan_is_seen_by_every_command(tmp_path: Path, reports_dir: Path) -> None:
    report = mapping(tmp_path, reports_dir, "Lager", (today() - dt.timedelta(days=10)).isoformat())
    (row,) = cli_json("plan")["oppna_moment"]
    assert kallelse_mark() == "utveckla"

    marked = run_cli("plan", "--markera", row["id"], "--status", "delvis", "--kommentar", "Ny mall")
    assert marked.exit_code == 0, marked.output
    assert marked.stdout == (
        f"Utveckla: {KALLELSE} – Delvis (Ny mall). Sparat {today().isoformat()} i {report.name}.\n"
    )
    (row,) = cli_json("plan")["oppna_moment"]
    assert (row["senaste_status"], row["senaste_kommentar"]) == ("delvis", "Ny mall")
    assert cli_json("lista")["rapporter"][0]["antal_oppna_moment"] == 1
    assert pool_statuses(reports_dir) == {KALLELSE: ("Delvis", "Ny mall")}
    assert kallelse_mark() == "utveckla"  # (still open)

    done = cli_json("plan", "--markera", row["id"], "--status", "genomfort", "--kommentar", "Klart")
    assert done["oppna_moment"] == []
    change = done["planandring"]
    assert (change["senaste_status"], change["senaste_kommentar"], change["fil"]) == (
        "genomfort",
        "Klart",
        report.name,
    )
    assert cli_json("plan")["oppna_moment"] == []
    assert cli_json("lista")["rapporter"][0]["antal_oppna_moment"] == 0
    assert pool_statuses(reports_dir) == {}
    assert kallelse_mark() is None  # the latest map: as things are today
    assert kallelse_mark(report.name) == "utveckla"  # the report as of its own date

    text = report.read_text(encoding="utf-8")
    section = text.split(
        "## Utvecklingsplanen följd upp efter kartläggningen<!-- avsnitt: planuppfoljning -->"
    )[1]
    assert section.count("<!-- markering: ") == 2
    assert "Svar: **Delvis**\n\nNy mall\n" in section and "Svar: **Genomfört**\n\nKlart\n" in section
    kartlaggning = builtin_set("kartlaggning")
    assert render(parse(text, kartlaggning), kartlaggning) == text  # read back exactly

    exported = run_cli("exportera", report.name, "-o", str(tmp_path / "lager.html"))
    assert exported.exit_code == 0, exported.output
    html = (tmp_path / "lager.html").read_text(encoding="utf-8")
    assert "Genomfört" in html and "Klart" in html and "Ny mall" in html


def test_a_mark_counts_at_its_own_time_not_the_report_date(tmp_path: Path, reports_dir: Path) -> None:
    first = mapping(tmp_path, reports_dir, "Lager", (today() - dt.timedelta(days=10)).isoformat())
    (row,) = cli_json("plan")["oppna_moment"]
    later = mapping(tmp_path, reports_dir, "Truck", (today() - dt.timedelta(days=5)).isoformat(), develop=False)
    kartlaggning = builtin_set("kartlaggning")
    from intervjufas.model.answers import Answer
    from intervjufas.report.model import FollowUp

    report = parse(later.read_text(encoding="utf-8"), kartlaggning)  # the later mapping: Inte än
    report.follow_ups.append(FollowUp(row["id"], KALLELSE, Answer("Inte än")))
    later.write_text(render(report, kartlaggning), encoding="utf-8")
    assert cli_json("plan")["oppna_moment"][0]["senaste_status"] == "inte_an"

    # Marked today in the report that holds the item (the first): newer than the later mapping.
    result = run_cli("plan", "--markera", row["id"], "--status", "slapp")
    assert result.exit_code == 0, result.output
    assert first.name in result.stdout
    assert cli_json("plan")["oppna_moment"] == []


def test_two_rows_about_the_same_moment_are_merged(reports: Path) -> None:
    rows = {row["id"]: row for row in cli_json("plan")["oppna_moment"]}
    one, other = "b2c3d4e5f6a1/under_utveckla_vad/1", "a1b2c3d4e5f6/under_utveckla_vad/1"
    assert rows[one]["namn"] == rows[other]["namn"] == "Tydligare avslut"
    merged = cli_json("plan", "--markera", one, "--sla-ihop-med", other)
    assert merged["planandring"]["senaste_status"] == "sammanslagen"
    assert merged["planandring"]["sammanslagen_med"] == other
    left = {row["id"] for row in cli_json("plan")["oppna_moment"]}
    assert one not in left and other in left
    assert left == set(rows) - {one}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--markera", "zzz", "--status", "delvis"], 1, "Fel: Inget öppet moment har id 'zzz'."),
        (["--markera", "a1b2", "--status", "klar"], 1, "Fel: Okänd status 'klar'."),
        (["--status", "delvis"], 2, "Fel: --status, --kommentar och --sla-ihop-med hör till --markera ID."),
        (
            ["--markera", "a1b2"],
            2,
            "Fel: --markera ID behöver antingen --status STATUS eller --sla-ihop-med ID.",
        ),
    ],
)
def test_wrong_options_say_so_in_one_line(reports: Path, args: list[str], code: int, message: str) -> None:
    before = {path.name: path.read_bytes() for path in reports.glob("*.md")}
    result = run_cli("plan", *args)
    assert result.exit_code == code
    assert result.stderr.splitlines()[-1].startswith(message), result.stderr
    assert {path.name: path.read_bytes() for path in reports.glob("*.md")} == before
