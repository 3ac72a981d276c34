"""Shared fixtures: an isolated reports folder, the built-in question sets, the installed program,
real Mermaid releases; and the hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import FIXTURE_REPORTS
from intervjufas.files import settings as program_settings
from intervjufas.files.private_folders import take_warnings
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.questionsets.catalog import builtin_set
from real_mermaid import RealMermaid, start_real_mermaid

# HYPOTHESIS_PROFILE=deep runs every property with many more examples (by hand, or a nightly run);
# the default keeps the suite's time. Properties that pay for each example (a real Mermaid render)
# take a share of the profile's examples, so they grow with it too.
settings.register_profile("deep", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own reports folder and user sets folder, never the real ones."""
    reports = tmp_path / "rapporter"
    monkeypatch.setenv("INTERVJUFAS_KATALOG", str(reports))
    monkeypatch.setenv("INTERVJUFAS_FRAGOR", str(tmp_path / "egna-fragor"))
    for name, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
    ):
        monkeypatch.setenv(name, str(tmp_path / "hem" / folder))
    monkeypatch.delenv("INTERVJUFAS_DATA", raising=False)
    # Named, so that no session stops to ask who the author is (tests of that question remove it).
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Testare")
    # Colleagues' moments are offered only where a test asks for them (it removes this).
    monkeypatch.setenv("INTERVJUFAS_UTAN_FORSLAG", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    take_warnings()  # (what an earlier test left of the warnings about the program's own folders)
    monkeypatch.setattr(program_settings, "_FALLBACK", [])  # (and its private cache folder of one run)
    return reports


@pytest.fixture
def reports_dir(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def reports(reports_dir: Path) -> Path:
    """The reports folder filled with the fixture reports (hand edits, CRLF, one broken file)."""
    shutil.copytree(FIXTURE_REPORTS, reports_dir)
    return reports_dir


@pytest.fixture
def kartlaggning() -> Questionnaire:
    return builtin_set("kartlaggning")


@pytest.fixture
def snabbformat() -> Questionnaire:
    return builtin_set("snabbformat")


@pytest.fixture(scope="session")
def program() -> str:
    """Path of the installed ``intervjufas`` command (next to the Python running the tests)."""
    found = shutil.which("intervjufas", path=str(Path(sys.executable).parent)) or shutil.which("intervjufas")
    if found is None:
        pytest.fail("the intervjufas command is not installed; run pip install '.[test]' first")
    return found


@pytest.fixture(scope="session")
def real_mermaid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealMermaid]:
    """Every pinned Mermaid release, running for the whole session (see ``real_mermaid.py``)."""
    releases = start_real_mermaid(tmp_path_factory.mktemp("mermaid"))
    try:
        yield releases
    finally:
        releases.close()
