"""The commands agree about the plan (the scenario that made them disagree): a report dated in the
future, a later mapping dated before it, the same moment chosen twice, a map after an item still
'Inte än'."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from helpers import run_cli
from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import FollowUp
from intervjufas.report.parse import parse
from intervjufas.report.render import render

TODAY = dt.date.today()
KALLELSE = "Kallelse med praktisk information"


def mapping(tmp_path: Path, folder: Path, uppdrag: str, datum: str, develop: list[str]) -> Path:
    answers: dict[str, Any] = {
        "uppdrag": uppdrag,
        "datum": datum,
        "fore_kunden": "Kravprofil",
        "fore_karta": [{"namn": KALLELSE, "id": "kallelse"}, {"namn": "Intervju", "id": "intervju"}],
        "fore_lagga_till": "nej",
        "fore_utveckla": "ja" if develop else "nej",
        "fore_ta_bort": "nej",
    }
    if develop:
        answers["fore_utveckla_vad"] = [{"moment": name, "varfor": "Tydligare"} for name in develop]
    path = tmp_path / f"{uppdrag}.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    before = set(folder.glob("*.md"))
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(path))
    assert result.exit_code == 0, result.output
    (made,) = set(folder.glob("*.md")) - before
    return made


def follow_up(path: Path, key: str, status: str) -> None:
    """Record a follow-up in a report, as a session writes it."""
    kartlaggning = builtin_set("kartlaggning")
    report = parse(path.read_text(encoding="utf-8"), kartlaggning)
    report.follow_ups.append(FollowUp(key, f"{KALLELSE} (Steg 1 · utveckla)", Answer(status)))
    path.write_text(render(report, kartlaggning), encoding="utf-8")


def cli_json(*args: str) -> Any:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def open_rows(*args: str) -> list[dict[str, Any]]:
    """``plan --json``: the open rows."""
    rows: list[dict[str, Any]] = cli_json("plan", *args)["oppna_moment"]
    return rows


def open_counts() -> dict[str, int]:
    """``lista --json``: file name -> its open items."""
    return {row["fil"]: row["antal_oppna_moment"] for row in cli_json("lista")["rapporter"]}


def test_a_future_report_and_a_later_mapping_dated_before_it(tmp_path: Path, reports_dir: Path) -> None:
    first = mapping(tmp_path, reports_dir, "Lager", (TODAY - dt.timedelta(days=10)).isoformat(), [KALLELSE])
    (item,) = open_rows()
    ahead = mapping(tmp_path, reports_dir, "Planerad", (TODAY + dt.timedelta(days=21)).isoformat(), [])
    follow_up(ahead, item["id"], "Genomfört")  # the planned mapping says it is done
    today = mapping(tmp_path, reports_dir, "Idag", TODAY.isoformat(), [])
    follow_up(today, item["id"], "Inte än")  # made later, dated before it

    # The report dated ahead comes last: the item is done, for lista and plan alike.
    assert open_rows() == []
    counts = open_counts()
    assert counts == {first.name: 0, ahead.name: 0, today.name: 0}
    # As of today's report, the item is still open: its map keeps the mark.
    moments = cli_json("karta", today.name)["faser"][0]["moment"]
    assert {m["namn"]: m["markering"] for m in moments} == {KALLELSE: "utveckla", "Intervju": None}


def test_choosing_a_moment_with_an_open_item_joins_it(tmp_path: Path, reports_dir: Path) -> None:
    first = mapping(tmp_path, reports_dir, "Lager", (TODAY - dt.timedelta(days=10)).isoformat(), [KALLELSE])
    (item,) = open_rows()
    second = mapping(tmp_path, reports_dir, "Truck", (TODAY - dt.timedelta(days=3)).isoformat(), [])
    follow_up(second, item["id"], "Inte än")
    third = mapping(tmp_path, reports_dir, "Plock", TODAY.isoformat(), [KALLELSE, "Intervju"])

    rows = open_rows()
    assert sorted(row["namn"] for row in rows) == ["Intervju", KALLELSE]  # once each
    (joined,) = [row for row in rows if row["namn"] == KALLELSE]
    assert joined["id"].split("/")[1] == item["id"].split("/")[1]  # the same item
    assert joined["senaste_status"] == "inte_an"
    counts = open_counts()
    assert counts == {first.name: 1, second.name: 0, third.name: 2}
    # The map in between keeps the mark of the item still 'Inte än'.
    moments = cli_json("karta", second.name)["faser"][0]["moment"]
    assert {m["namn"]: m["markering"] for m in moments} == {KALLELSE: "utveckla", "Intervju": None}
