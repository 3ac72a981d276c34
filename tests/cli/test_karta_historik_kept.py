"""`karta --historik` answered from the kept snapshot of the map's changes prints exactly what it
printed when it derived them – text and Markdown, the own maps, everyone's and another author's –
and a changed report is shown at once."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.folder import scan
from map_samples import ANNA, THIRD, write_sample_reports

HOUR_AGO = time.time() - 3600
FORMS = [[], ["--alla"], ["--format", "markdown"], ["--alla", "--format", "markdown"]]


@pytest.fixture
def maps(reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    folder = write_sample_reports(reports_dir)
    for path in folder.iterdir():
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    return folder


def historik(*args: str) -> tuple[int, str, str]:
    scan._RECENT.clear()
    result = run_cli("karta", "--historik", *args, columns=100)
    return result.exit_code, result.stdout, result.stderr


def snapshots() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas").glob("kartlaget-*/*.cache"))


@pytest.mark.parametrize("form", FORMS, ids=lambda form: " ".join(form) or "standard")
def test_the_kept_answer_prints_as_the_derived_one(maps: Path, form: list[str]) -> None:
    derived = historik(*form)
    assert derived[0] == 0 and "Processkartans historik" in derived[1]
    assert len(snapshots()) == 1
    assert historik(*form) == derived
    shutil.rmtree(snapshots()[0].parent)
    assert historik(*form) == derived


def test_a_changed_report_is_shown_at_once(maps: Path) -> None:
    before = historik()
    changed = maps / THIRD
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Referenstagning", "Referenssamtal"), encoding="utf-8"
    )
    os.utime(changed, (HOUR_AGO, HOUR_AGO))
    after = historik()
    assert "Referenstagning" in before[1] and "Referenssamtal" in after[1]
    assert "Referenstagning" not in after[1]
