"""Commands take their terminal facts from one object, which tests can fake: the choice between
prompters, the no-terminal error and colour follow the facts given, not the test's own streams."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli
from intervjufas.terminal import TerminalFacts


def test_a_terminal_on_stdin_is_what_allows_the_menus(reports_dir: Path) -> None:
    no_terminal = run_cli("snabb", facts=TerminalFacts(stdin_is_terminal=False))
    assert no_terminal.exit_code == 1
    assert "ingen terminal" in no_terminal.stderr


def test_a_dumb_terminal_gets_the_plain_prompts(reports_dir: Path) -> None:
    facts = TerminalFacts(stdin_is_terminal=True, term="dumb")
    result = run_cli("snabb", "--utan-uppfoljning", facts=facts, input="Lager\n")
    # Plain prompts read lines: the first answer is taken, then the input runs out (exit 130).
    assert result.exit_code == 130
    assert "== Om uppdraget ==" in result.stdout
    assert "Indata tog slut" in result.stderr
    assert list(reports_dir.glob("*.md"))


def test_detected_facts_follow_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("LESS", "-X")
    facts = TerminalFacts.detect()
    assert facts.dumb and facts.no_color and facts.less == "-X"
    monkeypatch.setenv("NO_COLOR", "")
    assert not TerminalFacts.detect().no_color
