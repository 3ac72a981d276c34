"""One bad file in the reports folder never stops ``karta`` or ``karta --historik``: each hostile
entry of the fault suite (alias bomb, deep nesting, impossible date, control characters, a FIFO, a
directory, …) is one ``Varning:`` line, and the maps are shown exactly as without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from faults.helpers import fill_with_fixtures
from faults.hostile import REPORT_FOLDER_CASES
from helpers import run_cli
from map_samples import ANNA, write_sample_reports

COMMANDS = [["karta"], ["karta", "--historik", "--alla"], ["karta", "--historik", "--json"]]


def outputs(folder: Path) -> list[tuple[int, str, list[str]]]:
    found = []
    for args in COMMANDS:
        result = run_cli(*args, columns=250)
        found.append(
            (result.exit_code, result.stdout.replace(str(folder), "<MAPP>"), result.stderr.splitlines())
        )
    return found


@pytest.mark.parametrize("case", list(REPORT_FOLDER_CASES))
def test_a_hostile_entry_is_one_warning(
    reports_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", ANNA)
    fill_with_fixtures(write_sample_reports(reports_dir))
    baseline = outputs(reports_dir)
    assert all(code == 0 and errors == [] for code, _, errors in baseline)
    REPORT_FOLDER_CASES[case](reports_dir)
    for args, (code, out, errors), (_, expected, _) in zip(
        COMMANDS, outputs(reports_dir), baseline, strict=True
    ):
        assert code == 0, (args, errors)
        assert len(errors) == 1 and errors[0].startswith("Varning: "), (args, errors)
        assert "\x1b" not in out and "\x07" not in out and "\x1b" not in errors[0]
        assert out == expected, args
