"""Two accounts in one group sharing a reports folder, each running the installed program.

When the tests run as root, they create a group and two users (removed afterwards) and run the
program as each of them.  A team folder – with setgid (``chmod 2770``) or without it (``0770``) –
lets each member continue the other's report, keeps reports and locks in the team's group with
mode 0660, and never leaves a report the other member cannot write.  A lock held by one member
stops the other (exit 75) until it is released; a lock the other member cannot open – made 0660 in
its owner's own group, as a program without these rules would – fails closed: one ``Fel:`` line,
the report untouched, and the session's answers kept in a recovery file whose command goes on.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .helpers import bounded

TOOLS = ("useradd", "userdel", "groupadd", "groupdel")
pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="accounts and groups are POSIX"),
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0, reason="creating two accounts and a group needs root"
    ),
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS),
        reason=f"needs {', '.join(TOOLS)} to create accounts",
    ),
]
# Starts the installed program with its packages, in an interpreter the other accounts may run.
BOOT = (
    "import site, sys; site.addsitedir(sys.argv.pop(1)); sys.argv[0] = 'intervjufas'; "
    "from intervjufas.cli.main import main; main()"
)
STEP_1 = "uppdrag: Butikssäljare\ndatum: 2024-05-01\nfore_kunden: Kravprofil\nfore_lagga_till: nej\n"
STEP_1 += "fore_utveckla: nej\nfore_ta_bort: nej\n"
STEP_2 = (
    "under_struktur: Ja\nunder_syfte: Ja\nunder_lagga_till: nej\nunder_utveckla: nej\nunder_ta_bort: nej\n"
)
STEP_3 = "efter_rutin: Ja\nefter_lagga_till: nej\nefter_utveckla: nej\nefter_ta_bort: nej\n"
REPORT = "2024-05-01-butikssaljare.md"


@dataclass(frozen=True)
class Account:
    name: str
    uid: int
    gid: int  # the account's own group
    home: Path


@dataclass(frozen=True)
class Team:
    gid: int
    members: tuple[Account, Account]
    base: Path
    launcher: tuple[str, ...]


def _launcher(account: Account) -> tuple[str, ...]:
    """An interpreter of this Python version the account may run, with the program's packages."""
    site_dir = sysconfig.get_path("purelib")
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for python in dict.fromkeys(
        [sys.executable, shutil.which(f"python{version}"), f"/usr/bin/python{version}"]
    ):
        if python is None:
            continue
        try:
            probe = subprocess.run(
                [python, "-I", "-S", "-c", "import site, sys; print('%d.%d' % sys.version_info[:2])"],
                user=account.uid,
                group=account.gid,
                capture_output=True,
                text=True,
                check=False,
                cwd="/",
            )
        except OSError:  # (an interpreter in a folder the account may not enter)
            continue
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return (python, "-I", "-S", "-c", BOOT, site_dir)
    pytest.skip(f"no Python {version} that another account may run (this one lives in a private folder)")


@pytest.fixture(scope="module")
def team() -> Iterator[Team]:
    tag = f"{os.getpid() % 100000}"
    group, names = f"ivfteam{tag}", (f"ivfa{tag}", f"ivfb{tag}")
    base = Path(tempfile.mkdtemp(prefix="intervjufas-team-"))
    os.chmod(base, 0o755)
    created: list[str] = []
    try:
        subprocess.run(["groupadd", group], check=True, capture_output=True)
        for name in names:
            subprocess.run(
                [
                    "useradd",
                    "--no-create-home",
                    "--user-group",
                    "--groups",
                    group,
                    "--shell",
                    "/bin/false",
                    name,
                ],
                check=True,
                capture_output=True,
            )
            created.append(name)
        accounts = []
        for name in names:
            entry = pwd.getpwnam(name)
            home = base / name
            home.mkdir()
            os.chown(home, entry.pw_uid, entry.pw_gid)
            accounts.append(Account(name, entry.pw_uid, entry.pw_gid, home))
        members = (accounts[0], accounts[1])
        yield Team(grp.getgrnam(group).gr_gid, members, base, _launcher(members[0]))
    finally:
        for name in created:
            subprocess.run(["userdel", name], check=False, capture_output=True)
        subprocess.run(["groupdel", group], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def folder(team: Team, request: pytest.FixtureRequest) -> Path:
    """The team's reports folder (fresh for each test), with the mode the test asks for."""
    path = team.base / f"rapporter-{request.node.name}".replace("[", "-").replace("]", "")
    path.mkdir()
    os.chown(path, 0, team.gid)
    os.chmod(path, getattr(request, "param", 0o2770))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def env(account: Account, folder: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(account.home),
        "XDG_CACHE_HOME": str(account.home / ".cache"),
        "XDG_DATA_HOME": str(account.home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(account.home / ".config"),
        "INTERVJUFAS_KATALOG": str(folder),
        "INTERVJUFAS_FRAGOR": str(account.home / "egna-fragor"),
        "INTERVJUFAS_FORFATTARE": account.name,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def answers(account: Account, name: str, text: str) -> str:
    path = account.home / name
    path.write_text(text, encoding="utf-8")
    os.chown(path, account.uid, account.gid)
    return str(path)


def spawn(
    team: Team, account: Account, folder: Path, *args: str, stdin: int | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [*team.launcher, *args],
        user=account.uid,
        group=account.gid,
        extra_groups=[team.gid],
        env=env(account, folder),
        cwd=account.home,
        stdin=subprocess.DEVNULL if stdin is None else stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=bounded(),
    )


def run_as(team: Team, account: Account, folder: Path, *args: str) -> tuple[int, str, str]:
    process = spawn(team, account, folder, *args)
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def owner_group_mode(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)


@pytest.mark.parametrize("folder", [0o2770, 0o0770], indirect=True, ids=["setgid", "no-setgid"])
def test_each_member_continues_the_other_s_report(team: Team, folder: Path) -> None:
    anna, bo = team.members
    code, out, err = run_as(
        team, anna, folder, "kartlagg", "--steg", "1", "--svar", answers(anna, "1.yaml", STEP_1)
    )
    assert code == 0, out + err
    report = folder / REPORT
    assert owner_group_mode(report) == (anna.uid, team.gid, 0o660)
    code, out, err = run_as(
        team,
        bo,
        folder,
        "kartlagg",
        "--fortsatt",
        REPORT,
        "--steg",
        "2",
        "--svar",
        answers(bo, "2.yaml", STEP_2),
    )
    assert code == 0, out + err
    assert owner_group_mode(report) == (bo.uid, team.gid, 0o660)  # (a new file: still the team's)
    code, out, err = run_as(
        team,
        anna,
        folder,
        "kartlagg",
        "--fortsatt",
        REPORT,
        "--steg",
        "3",
        "--svar",
        answers(anna, "3.yaml", STEP_3),
    )
    assert code == 0, out + err
    text = report.read_text(encoding="utf-8")
    assert all(word in text for word in ("Kravprofil", "under_struktur", "efter_rutin"))
    assert sorted(p.name for p in folder.iterdir()) == [REPORT]  # (no lock, no temporary file left)
    for account in team.members:  # (and each one's own folders are private)
        for made in (account.home / ".cache" / "intervjufas", account.home / ".local" / "share"):
            if made.exists():
                assert owner_group_mode(made)[::2] == (account.uid, 0o700), made


def wait_for(condition: object, what: str, process: subprocess.Popen, limit: float = 60.0) -> None:
    """Wait until ``condition()`` holds (the state, not a time, is what the test waits for)."""
    deadline = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        if process.poll() is not None:
            raise AssertionError(f"the session ended before {what}: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"no {what} within {limit:.0f} s")
        time.sleep(0.05)


@pytest.mark.parametrize("folder", [0o0770, 0o2770], indirect=True, ids=["no-setgid", "setgid"])
def test_a_lock_held_by_one_member_stops_the_other_until_it_is_released(team: Team, folder: Path) -> None:
    anna, bo = team.members
    code, out, err = run_as(
        team, anna, folder, "kartlagg", "--steg", "1", "--svar", answers(anna, "1.yaml", STEP_1)
    )
    assert code == 0, out + err
    lock = folder / f".{REPORT}.lock"
    session = spawn(
        team, anna, folder, "kartlagg", "--fortsatt", REPORT, "--steg", "2", "--enkel", stdin=subprocess.PIPE
    )
    try:
        wait_for(lambda: lock.exists() and lock.stat().st_size > 0, "lock file", session)
        assert owner_group_mode(lock) == (anna.uid, team.gid, 0o660)
        before = (folder / REPORT).read_bytes()
        code, out, err = run_as(
            team,
            bo,
            folder,
            "kartlagg",
            "--fortsatt",
            REPORT,
            "--steg",
            "2",
            "--svar",
            answers(bo, "2.yaml", STEP_2),
        )
        assert code == 75, out + err
        assert f"används redan av {anna.name}" in err
        assert (folder / REPORT).read_bytes() == before
    finally:
        session.communicate(input="", timeout=120)  # (the end of input ends the session)
    assert not lock.exists()
    code, out, err = run_as(
        team,
        bo,
        folder,
        "kartlagg",
        "--fortsatt",
        REPORT,
        "--steg",
        "2",
        "--svar",
        answers(bo, "2.yaml", STEP_2),
    )
    assert code == 0, out + err


def plant_private_lock(path: Path, owner: Account) -> None:
    """A lock file as a program without the team's rules leaves it: 0660 in its owner's own group."""
    path.write_text(json.dumps({"anvandare": owner.name}), encoding="utf-8")
    os.chown(path, owner.uid, owner.gid)
    os.chmod(path, 0o660)


@pytest.mark.parametrize("folder", [0o0770], indirect=True, ids=["no-setgid"])
def test_a_lock_the_member_cannot_open_fails_closed_and_keeps_the_answers(team: Team, folder: Path) -> None:
    anna, bo = team.members
    code, out, err = run_as(
        team, anna, folder, "kartlagg", "--steg", "1", "--svar", answers(anna, "1.yaml", STEP_1)
    )
    assert code == 0, out + err
    report = folder / REPORT
    before = report.read_bytes()
    lock = folder / f".{REPORT}.lock"
    plant_private_lock(lock, anna)
    code, out, err = run_as(
        team,
        bo,
        folder,
        "kartlagg",
        "--fortsatt",
        REPORT,
        "--steg",
        "2",
        "--svar",
        answers(bo, "2.yaml", STEP_2),
    )
    assert code == 1, out + err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"Fel: Kan inte låsa rapporten {report}") and "behörighet saknas" in line
    assert report.read_bytes() == before

    new_lock = folder / ".2024-06-01-kassa.md.lock"
    plant_private_lock(new_lock, anna)
    new = STEP_1.replace("Butikssäljare", "Kassa").replace("2024-05-01", "2024-06-01")
    code, out, err = run_as(
        team, bo, folder, "kartlagg", "--steg", "1", "--svar", answers(bo, "ny.yaml", new)
    )
    assert code == 1, out + err
    line, command_line = err.strip().splitlines()
    assert line.startswith("Fel: Kan inte låsa rapporten") and line.endswith("Fortsätt med:"), line
    assert not (folder / "2024-06-01-kassa.md").exists()
    recovery = bo.home / ".local" / "share" / "intervjufas" / "aterstallning"
    (kept,) = recovery.glob("*.md")
    assert "Kassa" in kept.read_text(encoding="utf-8") and owner_group_mode(kept)[::2] == (bo.uid, 0o600)

    new_lock.unlink()  # (its owner is done)
    resume = shlex.split(command_line)
    assert resume[1:3] == ["kartlagg", "--fortsatt"]
    code, out, err = run_as(team, bo, folder, *resume[1:], "--svar", answers(bo, "2.yaml", STEP_2))
    assert code == 0, out + err
    assert (folder / "2024-06-01-kassa.md").exists() and not kept.exists()
