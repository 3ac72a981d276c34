"""``intervjufas installningar``: settings that stay, in a TOML file in the user's config folder –
shown with where each value comes from, set and put back, written privately and atomically, read
with the bounds and the owner check of the program's other private files, and used by the commands
with the one precedence: flag > environment > file > default."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS, run_cli
from intervjufas.files import user_settings
from intervjufas.files.private_folders import take_warnings

installningar = ("installningar",)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "hem" / "config" / "intervjufas" / "installningar.toml"  # (XDG_CONFIG_HOME of every test)


@pytest.fixture
def unnamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the reports folder nor the author named by the environment (as the tests set them)."""
    monkeypatch.delenv("INTERVJUFAS_KATALOG")
    monkeypatch.delenv("INTERVJUFAS_FORFATTARE")


def shown(out: str, key: str) -> tuple[str, str]:
    """The value and the 'Från:' of one setting in the command's output."""
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key} = "))
    source = lines[index + 1].split("Från: ", 1)[1].split(".", 1)[0]
    return lines[index].split(" = ", 1)[1], source


def test_every_setting_is_shown_with_where_it_comes_from(
    settings_file: Path, unnamed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVJUFAS_UTAN_FORSLAG")  # (the tests' own setting, see tests/conftest.py)
    code, out, err = run_cli(*installningar)
    assert (code, err) == (0, "")
    assert out.startswith(f"Inställningsfilen: {settings_file} (filen finns inte ännu)\n")
    for key in user_settings.SETTINGS:
        assert shown(out, key)[1].startswith("standard"), key
    assert shown(out, "uppfoljning") == ("kund", "standard")
    assert "Går före filen: flaggan --katalog och $INTERVJUFAS_KATALOG." in out
    assert out.endswith("Ändra en inställning med:\n  intervjufas installningar NAMN VÄRDE\n")
    assert not settings_file.exists()


def test_a_setting_is_saved_privately_and_shown_from_the_file(settings_file: Path, unnamed: None) -> None:
    code, out, err = run_cli(*installningar, "uppfoljning", "Alla")
    assert (code, err) == (0, "")
    assert out == f"uppfoljning = alla är sparad i {settings_file}.\n"
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(settings_file.parent.stat().st_mode) == 0o700
    assert tomllib.loads(settings_file.read_text(encoding="utf-8")) == {"uppfoljning": "alla"}
    assert run_cli(*installningar, "forfattare", 'Anna "A" Berg\\').exit_code == 0
    assert tomllib.loads(settings_file.read_text(encoding="utf-8")) == {
        "uppfoljning": "alla",
        "forfattare": 'Anna "A" Berg\\',
    }
    code, out, _ = run_cli(*installningar, "uppfoljning")
    assert shown(out, "uppfoljning") == ("alla", "inställningsfilen")
    assert "forfattare = " not in out  # (one setting asked for, one shown)
    code, out, _ = run_cli(*installningar, "uppfoljning", "--aterstall")
    assert out == f"uppfoljning är borttagen ur {settings_file}; nu gäller kund (från: standard).\n"
    assert tomllib.loads(settings_file.read_text(encoding="utf-8")) == {"forfattare": 'Anna "A" Berg\\'}
    assert [p.name for p in settings_file.parent.iterdir()] == ["installningar.toml"]  # (no temporary file left)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["farg", "blå"], "Fel: 'blå' går inte för farg; välj ja eller nej.\n"),
        (["fargen", "ja"], "Fel: Okänd inställning 'fargen'; välj katalog, forfattare, uppfoljning, farg, bladdring eller forslag.\n"),
        (["forfattare", " "], "Fel: Forfattare behöver en text på en rad.\n"),
        (["farg", "ja", "--aterstall"], "Fel: --aterstall behöver en inställning och inget värde, t.ex. installningar katalog --aterstall.\n"),
    ],
)
def test_a_wrong_setting_is_a_usage_error_and_writes_nothing(
    args: list[str], message: str, settings_file: Path
) -> None:
    assert run_cli(*installningar, *args)[::2] == (2, message.replace("\n", " Se 'intervjufas installningar --help'.\n"))
    assert not settings_file.exists()


def test_flag_before_environment_before_file_before_default(
    settings_file: Path, unnamed: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_file, in_env, by_flag = (tmp_path / name for name in ("fil", "miljo", "flagga"))
    for folder in (in_file, in_env, by_flag):
        folder.mkdir()
    (in_file / "2024-01-15-lagerarbetare-till-nordlager.md").write_bytes(
        (FIXTURE_REPORTS / "2024-01-15-lagerarbetare-till-nordlager.md").read_bytes()
    )
    assert run_cli(*installningar, "katalog", str(in_file)).exit_code == 0
    code, out, _ = run_cli("lista")
    assert code == 0 and "Lagerarbetare till Nordlager" in out
    monkeypatch.setenv("INTERVJUFAS_KATALOG", str(in_env))
    assert run_cli("lista").stdout.startswith(f"Det finns inga rapporter i {in_env} ännu.")
    assert shown(run_cli(*installningar, "katalog").stdout, "katalog") == (
        str(in_env),
        "miljövariabel $INTERVJUFAS_KATALOG",
    )
    assert run_cli("lista", "--katalog", str(by_flag)).stdout.startswith(f"Det finns inga rapporter i {by_flag}")
    code, out, err = run_cli(*installningar, "katalog", str(in_file))
    assert out == f"katalog = {in_file} är sparad i {settings_file}.\n"
    assert err == (
        f"Varning: Just nu går miljövariabel $INTERVJUFAS_KATALOG före inställningsfilen, så värdet är {in_env}.\n"
    )


def test_the_author_and_the_follow_up_from_the_file(unnamed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from intervjufas.cli.session_cmds import _follow_up
    from intervjufas.files.settings import author_name, must_ask
    from intervjufas.session.options import FollowUpScope

    assert must_ask()
    run_cli(*installningar, "forfattare", "Anna Berg")
    run_cli(*installningar, "uppfoljning", "ingen")
    assert (author_name(), must_ask()) == ("Anna Berg", False)
    assert _follow_up(None) is FollowUpScope.ingen
    assert _follow_up(FollowUpScope.alla) is FollowUpScope.alla  # (the flag goes first)
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Bo")
    assert author_name() == "Bo"


def test_colour_and_pager_from_the_file_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from intervjufas.cli.app import terminal
    from intervjufas.cli.options import use_pager
    from intervjufas.terminal import TerminalFacts

    run_cli(*installningar, "farg", "nej")
    run_cli(*installningar, "bladdring", "nej")
    at_terminal = TerminalFacts(stdout_is_terminal=True, stderr_is_terminal=True)
    monkeypatch.setattr(TerminalFacts, "detect", classmethod(lambda cls: at_terminal))
    assert terminal().no_color is True
    assert use_pager(at_terminal, off=False) is False
    assert use_pager(at_terminal, off=True) is False
    run_cli(*installningar, "farg", "ja")
    assert terminal().no_color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert shown(run_cli(*installningar, "farg").stdout, "farg") == ("nej", "miljövariabel $NO_COLOR")

    def not_read() -> dict[str, str]:
        raise AssertionError("the settings file was read for a pipe")

    monkeypatch.setattr(user_settings, "file_values", not_read)
    piped = TerminalFacts()
    monkeypatch.setattr(TerminalFacts, "detect", classmethod(lambda cls: piped))
    monkeypatch.delenv("NO_COLOR")
    assert terminal() is piped and use_pager(piped, off=False) is True


@pytest.mark.parametrize(
    ("text", "mode", "warning"),
    [
        ('uppfoljning = "alla"\n', 0o666, "kan ändras av andra än du (läge 0666); den används inte. Gör den privat med: chmod 600"),
        ('uppfoljning = "alla\n', 0o600, "är ingen giltig TOML-fil (rad 1, kolumn 20); inställningarna i den används inte."),
        ("#" * (user_settings.FILE_LIMIT + 1), 0o600, "är större än 64 kB; inställningarna i den används inte."),
        (b"uppfoljning = '\xff'\n", 0o600, "är inte UTF-8; inställningarna i den används inte."),
    ],
)
def test_an_unsafe_or_broken_file_gives_one_warning_and_the_defaults(
    text: str | bytes, mode: int, warning: str, settings_file: Path, unnamed: None
) -> None:
    settings_file.parent.mkdir(parents=True, mode=0o700)
    settings_file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    os.chmod(settings_file, mode)
    code, out, err = run_cli(*installningar, "uppfoljning")
    assert code == 0 and shown(out, "uppfoljning") == ("kund", "standard")
    assert err.startswith(f"Varning: Filen {settings_file} ") and warning in err
    assert err.count("\n") == 1


def test_unknown_keys_and_wrong_values_are_said_and_the_rest_is_used(settings_file: Path, unnamed: None) -> None:
    settings_file.parent.mkdir(parents=True, mode=0o700)
    settings_file.write_text('farg = "nej"\nbladdring = "kanske"\nuppfoljning = 3\nfarj = "ja"\n', encoding="utf-8")
    os.chmod(settings_file, 0o600)
    code, out, err = run_cli(*installningar)
    assert code == 0
    assert shown(out, "farg") == ("nej", "inställningsfilen")
    assert shown(out, "bladdring") == ("ja", "standard")
    assert err.splitlines() == [
        f"Varning: Filen {settings_file}: 'kanske' går inte för bladdring; välj ja eller nej; standardvärdet används.",
        f"Varning: Filen {settings_file}: uppfoljning ska vara en text inom citattecken; standardvärdet används.",
        f"Varning: Filen {settings_file} har en okänd inställning 'farj'; välj bland katalog, forfattare, "
        "uppfoljning, farg, bladdring eller forslag.",
    ]


def test_help_does_not_read_the_settings_file(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True, mode=0o700)
    settings_file.write_text('farg = "nej"\n', encoding="utf-8")
    os.chmod(settings_file, 0o666)  # (reading it would say so)
    for args in (["--help"], ["lista", "--help"], ["installningar", "--help"]):
        code, _, err = run_cli(*args)
        assert (code, err) == (0, ""), args
    assert "installningar" in run_cli("--help").stdout
    take_warnings()


def test_the_readme_lists_every_setting() -> None:
    from helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Inställningar som består") :]
    section = section[: section.index("\n### ")]
    for key in user_settings.SETTINGS:
        assert f"| `{key}` |" in section, key
    assert "flagga, miljövariabel, inställningsfilen, standardvärdet" in section


def test_the_suggestions_setting_turns_them_off_from_the_environment_or_the_file(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervjufas.cli.session_cmds import suggestions_turned_off

    monkeypatch.delenv("INTERVJUFAS_UTAN_FORSLAG")
    assert not suggestions_turned_off()
    assert run_cli(*installningar, "forslag", "nej").exit_code == 0
    assert suggestions_turned_off()
    assert run_cli(*installningar, "forslag", "--aterstall").exit_code == 0
    assert not suggestions_turned_off()
    for value, off in (("1", True), ("ja", True), ("0", False), ("nej", False), ("", False)):
        monkeypatch.setenv("INTERVJUFAS_UTAN_FORSLAG", value)
        assert suggestions_turned_off() is off, value
