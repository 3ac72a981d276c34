"""Fixtures shared by the tests of what folder commands compute."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS


@pytest.fixture
def settled_fixture_reports(tmp_path: Path) -> Path:
    """A folder of the fixture reports (format 1 and 2, open items, follow-ups with comments, one
    unreadable), all an hour old: settled, so the caches keep what they read of them."""
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for path in FIXTURE_REPORTS.glob("*.md"):
        (folder / path.name).write_bytes(path.read_bytes())
    hour_ago = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    return folder
