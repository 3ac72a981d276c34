"""Hostile files: report headers, question files and answers files built to hurt a parser (alias
bombs, deep nesting, huge headers, binary garbage, control characters meant for the terminal) and
entries that are not files at all (a FIFO, a directory, a symlink loop, ``/dev/zero``).

Each builder puts one hostile entry into a folder and returns its path.
"""

from __future__ import annotations

import itertools
import os
import random
from collections.abc import Callable
from pathlib import Path

from .helpers import FIXTURE_REPORTS

TERMINAL_ATTACK = "\x07\x1b[2J\x1b]0;pwned\x07\x1b[31m"  # bell, clear screen, window title, red
ESCAPED_ATTACK = r"\a\e[2J\e]0;pwned\a\e[31m"  # the same, as YAML double-quoted escapes

Builder = Callable[[Path], Path]


def alias_bomb() -> str:
    """Billion laughs as one flow sequence: nine levels, each alias used nine times (9**9 leaves)."""
    levels = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghi"
    for previous, name in itertools.pairwise(names):
        levels.append(f"&{name} [{','.join(['*' + previous] * 9)}]")
    return "[" + ", ".join(levels) + "]"


def nested(depth: int = 500) -> str:
    return "[" * depth + "]" * depth


BASE = FIXTURE_REPORTS / "2024-03-05-plockare-till-nordlager.md"
BASE_UPPDRAG = "  uppdrag: Plockare till Nordlager\n"


def variant(*replacements: tuple[str, str]) -> str:
    """A fixture report with a new id and the given lines replaced: valid in every way but one,
    in whatever report format the fixtures are written."""
    text = BASE.read_text(encoding="utf-8")
    for old, new in (("id: d4e5f6a1b2c3\n", "id: c0ffee0000aa\n"), *replacements):
        assert text.count(old) == 1, f"{BASE.name} no longer holds {old!r} once; adapt hostile.py"
        text = text.replace(old, new)
    return text


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _fifo(folder: Path, name: str = "x.md") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def _directory(folder: Path) -> Path:
    path = folder / "y.md"
    path.mkdir()
    (path / "inne.md").write_text("---\n", encoding="utf-8")
    return path


def _symlink_loop(folder: Path) -> Path:
    path = folder / "z.md"
    os.symlink("z.md", path)
    return path


def _huge_header(folder: Path) -> Path:
    filler = "".join(f"  k{n:06d}: '{'x' * 60}'\n" for n in range(5 * 1024 * 1024 // 75))
    return _write(folder, "2024-04-03-enorm.md", variant(("metadata:\n", f"extra:\n{filler}metadata:\n")))


def _garbage(folder: Path) -> Path:
    noise = random.Random(4711).randbytes(64 * 1024)
    return _write(folder, "2024-04-04-skrap.md", b"---\n" + noise)


def _name_with_escapes(folder: Path) -> Path:
    return _write(folder, f"2024-04-05-ond{TERMINAL_ATTACK}.md", "---\nformat: [\n---\n")


# Entries in a reports folder that a reading command must skip with exactly one warning.
REPORT_FOLDER_CASES: dict[str, Builder] = {
    "alias-bomb": lambda f: _write(
        f, "2024-04-02-bomb.md", variant((BASE_UPPDRAG, f"  uppdrag: {alias_bomb()}\n"))
    ),
    "nested-500": lambda f: _write(
        f, "2024-04-06-djup.md", variant((BASE_UPPDRAG, f"  uppdrag: {nested()}\n"))
    ),
    "impossible-date": lambda f: _write(
        f, "2024-04-07-datum.md", variant(("  datum: '2024-03-05'\n", "  datum: 2026-02-30\n"))
    ),
    "version-not-a-number": lambda f: _write(
        f, "2024-04-08-version.md", variant(("  version: 1\n", "  version: tre\n"))
    ),
    "raw-control-characters": lambda f: _write(
        f, "2024-04-09-styrtecken.md", variant((BASE_UPPDRAG, f"  uppdrag: Plockare{TERMINAL_ATTACK}\n"))
    ),
    "5-MB-header": _huge_header,
    "binary-garbage": _garbage,
    "fifo": _fifo,
    "directory": _directory,
    "symlink-loop": _symlink_loop,
    "escapes-in-the-file-name": _name_with_escapes,
}


ESCAPE_REPORT = "2024-04-10-escape.md"


def escaped_attack_report(folder: Path) -> Path:
    """A valid report whose header and body carry terminal escape sequences (legal YAML escapes in
    the header, raw control characters in an answer)."""
    text = variant(
        (BASE_UPPDRAG, f'  uppdrag: "Plockare {ESCAPED_ATTACK}"\n'),
        ("  kund: nordlager ab\n", f'  kund: "nordlager {ESCAPED_ATTACK}"\n'),
        ("Checklistan skickades till kunden i förväg.\n", f"Checklistan{TERMINAL_ATTACK} skickades.\n"),
    )
    return _write(folder, ESCAPE_REPORT, text)


# -- question files -------------------------------------------------------------------------------

QUESTION_SET_HEAD = (
    "id: fientlig\nversion: 1\ntitel: Fientlig\nmetadata:\n"
    "  - id: uppdrag\n    text: Vilket uppdrag gäller det?\n    typ: text\n    obligatorisk: true\n"
    "steg:\n  - id: s1\n    titel: Steg ett\n    fragor:\n"
)


def chain_question_file(count: int = 40) -> str:
    """A VALID set: each question asked when either of the two before it was answered."""
    lines = [QUESTION_SET_HEAD]
    for number in range(1, count + 1):
        line = f"      - id: q{number:02d}\n        text: Fråga {number}\n        typ: text\n"
        if number > 2:
            line += (
                f"        villkor: {{nagon: [{{fraga: q{number - 2:02d}, besvarad: true}}, "
                f"{{fraga: q{number - 1:02d}, besvarad: true}}]}}\n"
            )
        lines.append(line)
    return "".join(lines)


QUESTION_FILE_CASES: dict[str, Builder] = {
    "alias-bomb-in-standard": lambda f: _write(
        f,
        "bomb.yaml",
        QUESTION_SET_HEAD
        + f"      - id: q01\n        text: Fråga\n        typ: text\n        standard: {alias_bomb()}\n",
    ),
    "nested-500": lambda f: _write(
        f,
        "djup.yaml",
        QUESTION_SET_HEAD
        + f"      - id: q01\n        text: Fråga\n        typ: flerval\n        val: {nested()}\n",
    ),
    "dev-zero": lambda f: Path("/dev/zero"),
    "fifo": lambda f: _fifo(f, "fragor.yaml"),
}


# -- answers files --------------------------------------------------------------------------------

ANSWERS_FILE_CASES: dict[str, Builder] = {
    "alias-bomb": lambda f: _write(f, "svar-bomb.yaml", f"uppdrag: {alias_bomb()}\n"),
    "nested-500": lambda f: _write(f, "svar-djup.yaml", f"uppdrag: {nested()}\n"),
    "complex-key": lambda f: _write(f, "svar-nyckel.yaml", "uppdrag: Lager\n? [a, b]\n: x\n"),
    "dev-zero": lambda f: Path("/dev/zero"),
    "fifo": lambda f: _fifo(f, "svar.yaml"),
}

GOOD_ANSWERS = (
    "uppdrag: Lagerarbetare till Nordlager\nkund: Nordlager AB\n"
    "fore_lagga_till: Nej\nfore_utveckla: Nej\nfore_ta_bort: Nej\n"
)
