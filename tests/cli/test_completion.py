"""Completion with Tab through Click's completion protocol (what the shell scripts run): commands,
options, choices and report names, in bash, zsh and fish; and the Swedish completion options."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


def complete_bash(line: str, **env: str) -> list[str]:
    """What bash gets for the last word of ``line`` (a trailing space: a new, empty word)."""
    words = line.split()
    index = len(words) if line.endswith(" ") else len(words) - 1
    result = run_cli(
        env={"_INTERVJUFAS_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(index), **env}
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_commands_and_options() -> None:
    commands = complete_bash("intervjufas ")
    assert {"kartlagg", "snabb", "lista", "visa", "jamfor", "plan", "trend", "validera", "fragor"} <= set(
        commands
    )
    assert complete_bash("intervjufas ja") == ["jamfor"]
    assert set(complete_bash("intervjufas lista --")) == {"--katalog", "--av", "--json", "--help"}
    assert "--install-completion" in complete_bash("intervjufas --")
    assert complete_bash("intervjufas trend --per ") == ["manad", "kvartal"]


@pytest.mark.parametrize(
    "line",
    [
        "intervjufas visa 2024-02",
        "intervjufas jamfor 2024-02",
        "intervjufas jamfor x 2024-02",
        "intervjufas kartlagg --fortsatt 2024-02",
        "intervjufas snabb --utga-fran 2024-02",
    ],
)
def test_report_names_wherever_a_report_is_taken(reports: Path, line: str) -> None:
    assert complete_bash(line) == [
        "2024-02-28-kundtjanst-till-servicebolaget",
        "2024-02-20-truckforare-till-nordlager",
    ]


def test_report_names_from_the_folder_given_with_katalog(reports: Path, tmp_path: Path) -> None:
    other = tmp_path / "annan"
    other.mkdir()
    (other / "2030-01-01-ett-annat-uppdrag.md").write_text("---\n")
    assert complete_bash(f"intervjufas visa --katalog {other} 20") == ["2030-01-01-ett-annat-uppdrag"]
    assert complete_bash("intervjufas visa 2030") == []


def test_a_missing_folder_completes_nothing(tmp_path: Path) -> None:
    assert complete_bash("intervjufas visa ", INTERVJUFAS_KATALOG=str(tmp_path / "finns-inte")) == []


def test_zsh_and_fish_show_what_each_report_is(reports: Path) -> None:
    zsh = run_cli(
        env={"_INTERVJUFAS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "intervjufas visa 2024-01"}
    )
    assert zsh.exit_code == 0
    assert (
        '"2024-01-15-lagerarbetare-till-nordlager":"2024-01-15 · Lagerarbetare till Nordlager · Nordlager AB"'
        in zsh.stdout
    )
    fish = run_cli(
        env={
            "_INTERVJUFAS_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "intervjufas ",
        }
    )
    assert fish.exit_code == 0
    lines = fish.stdout.splitlines()
    assert len(lines) >= 9 and all("\t" in line for line in lines), lines  # one line per command
    assert any(line.startswith("jamfor\tJämför två rapporter") for line in lines)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_for_the_shell(monkeypatch: pytest.MonkeyPatch, shell: str) -> None:
    monkeypatch.setattr("intervjufas.cli.completion.detected_shell", lambda: shell)
    result = run_cli("--show-completion")
    assert result.exit_code == 0, result.output
    assert f"_INTERVJUFAS_COMPLETE=complete_{shell}" in result.stdout
    assert "intervjufas" in result.stdout


def test_install_completion_in_swedish(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("intervjufas.cli.completion.detected_shell", lambda: "bash")
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run_cli("--install-completion")
    assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "intervjufas.sh"
    assert f"Komplettering med Tab för bash är installerad i {script}." in result.stdout
    assert "nya terminalfönster" in result.stdout
    assert "_INTERVJUFAS_COMPLETE=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()


@pytest.mark.parametrize(
    ("shell", "problem"), [(None, "Kan inte avgöra vilket skal"), ("tcsh", "Skalet tcsh stöds inte")]
)
def test_an_unknown_shell_is_one_swedish_line(
    monkeypatch: pytest.MonkeyPatch, shell: str | None, problem: str
) -> None:
    monkeypatch.setattr("intervjufas.cli.completion.detected_shell", lambda: shell)
    for option in ("--show-completion", "--install-completion"):
        result = run_cli(option)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Fel: {problem}")
        assert "bash, zsh och fish" in result.stderr
        assert result.stderr.count("\n") == 1


def test_the_completion_options_are_explained_in_swedish() -> None:
    help_text = run_cli("--help", columns=120).stdout
    assert "Installera komplettering med Tab för ditt skal (bash, zsh eller fish)." in help_text
    assert "Visa skriptet för komplettering med Tab" in help_text
    assert "Install completion" not in help_text


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_install_completion_for_zsh_and_fish(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shell: str) -> None:
    monkeypatch.setattr("intervjufas.cli.completion.detected_shell", lambda: shell)
    monkeypatch.setenv("HOME", str(tmp_path))
    for _ in range(2):  # a second install changes nothing
        result = run_cli("--install-completion")
        assert result.exit_code == 0, result.output
    script = {"zsh": tmp_path / ".zfunc" / "_intervjufas", "fish": tmp_path / ".config/fish/completions/intervjufas.fish"}
    assert f"Komplettering med Tab för {shell} är installerad i {script[shell]}." in result.stdout
    assert f"_INTERVJUFAS_COMPLETE=complete_{shell}" in script[shell].read_text()
    if shell == "zsh":
        start = (tmp_path / ".zshrc").read_text()
        assert start.count("fpath+=~/.zfunc; autoload -Uz compinit; compinit") == 1
        assert start.count("zstyle") == 1


def test_the_completion_options_are_the_programs_own() -> None:
    """Typer adds English completion options to the root; the program's own take their place."""
    from typer.main import get_command

    from intervjufas.cli.main import app

    group = get_command(app)
    names = [name for param in group.get_params(group.make_context("intervjufas", ["lista"])) for name in param.opts]
    assert names.count("--install-completion") == names.count("--show-completion") == 1
