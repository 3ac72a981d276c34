"""Real Mermaid releases (the pinned packages in ``tests/mermaid_check``) as a service for tests:
one ``node check.mjs PACKAGE --lines`` process per release, kept running for the whole session, so
that a test can ask about one generated diagram at a time (a hypothesis property) or about many.

Under CI a missing ``node`` or ``npm ci`` fails the tests that need it; elsewhere they are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

import pytest

CHECK_DIR = Path(__file__).resolve().parent / "mermaid_check"
PACKAGES = sorted(
    name
    for name in json.loads((CHECK_DIR / "package.json").read_text())["dependencies"]
    if name.startswith("mermaid")
)
RENDER_TIMEOUT = 600  # seconds for one diagram on a loaded machine (a 60-box diagram takes a few)


class RealMermaid:
    """Every pinned Mermaid release, each in its own process, rendering the same diagrams side by
    side; each answer is what ``check.mjs`` reports (ok, error, nodes, clusters, edges, version)."""

    def __init__(self, node: str, folder: Path) -> None:
        self.processes: dict[str, subprocess.Popen[str]] = {}
        self.errors: dict[str, IO[bytes]] = {}
        for package in PACKAGES:
            self.errors[package] = (folder / f"{package}.err").open("wb")
            self.processes[package] = subprocess.Popen(
                [node, "check.mjs", package, "--lines"],
                cwd=CHECK_DIR,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.errors[package],
                text=True,
                encoding="utf-8",
            )
        self.folder = folder

    def render(self, source: str, packages: Iterable[str] = PACKAGES) -> dict[str, dict[str, Any]]:
        """The answer of each release (or of those named) for one diagram source."""
        chosen = list(packages)
        for package in chosen:
            stdin = self.processes[package].stdin
            assert stdin is not None
            stdin.write(json.dumps(source) + "\n")
            stdin.flush()
        return {package: self._answer(package) for package in chosen}

    def render_all(self, sources: Sequence[str]) -> list[dict[str, dict[str, Any]]]:
        return [self.render(source) for source in sources]

    def _answer(self, package: str) -> dict[str, Any]:
        process = self.processes[package]
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            process.wait(timeout=RENDER_TIMEOUT)
            self.errors[package].flush()
            message = (self.folder / f"{package}.err").read_text(errors="replace")
            pytest.fail(f"{package} stopped (exit {process.returncode}): {message}")
        return json.loads(line)

    def close(self) -> None:
        for package, process in self.processes.items():
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
            self.errors[package].close()


def start_real_mermaid(folder: Path) -> RealMermaid:
    """The releases, started; skipped (failed under CI) when node or the packages are missing."""
    node = shutil.which("node")
    if node is None or not (CHECK_DIR / "node_modules").is_dir():
        why = "node is missing" if node is None else "run `npm ci --prefix tests/mermaid_check` first"
        if os.environ.get("CI"):
            pytest.fail(f"the real Mermaid check cannot run in CI: {why}")
        pytest.skip(f"real Mermaid check: {why}")
    return RealMermaid(node, folder)


def mermaid_blocks(markdown: str) -> list[str]:
    """The sources of the ```mermaid blocks of a Markdown text."""
    blocks, current = [], None
    for line in markdown.split("\n"):
        if current is None and line.strip() == "```mermaid":
            current = []
        elif current is not None and line.strip() == "```":
            blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks
