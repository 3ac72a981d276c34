"""The built-in feedback forms are question files that ``intervjufas validera`` passes as they are."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli

FORMS = Path(__file__).resolve().parents[2] / "questions" / "enkater"


def test_validera_passes_the_built_in_forms() -> None:
    code, out, err = run_cli("validera", str(FORMS))
    assert (code, out, err) == (0, "Inga fel i 2 filer.\n", "")
