"""One style for every message after ``Fel:`` and ``Varning:``: a sentence starts with a capital
letter ("Fel: Okänt format …", never "Fel: ogiltigt …"); a message about a file starts with the file
(``Varning: svar.yaml:7: 'kund' …``).  Checked two ways: the messages the error classes of
``errors.py`` build themselves, made with sample values; and, in the source, every error raised
with a written message, every warning kept (``warn``) and every warning added to a list of warnings.
Usage errors are capitalised where they are made (``cli.usage_errors.line``, tested with the
commands in ``tests/cli/test_sensible_defaults.py``)."""

from __future__ import annotations

import ast
import errno
import functools
import inspect
from pathlib import Path

import pytest

from intervjufas import errors

SOURCE = Path(errors.__file__).parent
SAMPLE = Path("/hem/anna/rapporter/2024-01-15-lager.md")

# Reasons that only ever follow a file name ("2024-01-15-lager.md: är redan anonymiserad"): the
# cleanup catches them and says them after the file, never alone after "Fel:".
REASONS = {
    ("folder/cleanup.py", "är redan anonymiserad"),
    ("folder/cleanup.py", "frågeuppsättningen '"),
    ("folder/cleanup.py", "anonymiserades, men namnet, som innehåller personuppgifter, kunde inte bytas ("),
    # (the team vocabulary's reasons follow its file name: "intervjufas-ordlista.yaml: rad 3: …")
    ("folder/team_vocabulary.py", "rad "),
    ("folder/team_vocabulary.py", "filen ska ha nycklarna sla_ihop, dela och utanfor, inga andra."),
    ("folder/team_vocabulary.py", 'sla_ihop ska vara en lista av par av namn, t.ex. ["Referenser", "Referenstagning"].'),
}


@functools.cache
def error_classes() -> set[str]:
    """The names of every class that is an IntervjufasError, in the whole package."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCE.rglob("*.py")]
    names = {"IntervjufasError"}
    grown = True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


def written_start(node: ast.expr) -> str | None:
    """The text a message starts with, when it starts with written text (not with a value)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    return None


@functools.cache
def messages_in_source() -> list[tuple[str, int, str]]:
    """(module, line, start) of every error, kept warning and listed warning with written text."""
    makers = error_classes() | {"warn"}
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        module = path.relative_to(SOURCE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = getattr(func, "id", getattr(func, "attr", ""))
            target = getattr(func, "value", None)
            listed = name in ("append", "extend") and "warning" in getattr(target, "id", getattr(target, "attr", ""))
            if name in makers or listed:
                start = written_start(node.args[0])
                if start:
                    found.append((module, node.lineno, start))
    return found


def test_the_source_is_read() -> None:
    starts = {start for _module, _line, start in messages_in_source()}
    assert len(starts) > 30  # (the scan finds the program's messages)
    assert any(start.startswith("Hittar ingen rapport") for start in starts)
    assert "IntervjufasError" in error_classes() and "CommandLineError" in error_classes()


def test_every_written_message_starts_as_a_sentence() -> None:
    wrong = [
        f"{module}:{line}: {start!r}"
        for module, line, start in messages_in_source()
        if start[:1].isalpha() and not start[:1].isupper() and (module, start) not in REASONS
    ]
    assert wrong == []


def test_the_reasons_that_follow_a_file_are_still_there() -> None:
    found = {(module, start) for module, _line, start in messages_in_source()}
    assert found >= REASONS  # (remove one here when its message changes)


OWN_MESSAGES = {
    "SaveError": lambda: errors.SaveError(SAMPLE, OSError(errno.ENOSPC, "full")),
    "UnreadableFile": lambda: errors.UnreadableFile("Kan inte läsa", SAMPLE, "filen är för stor"),
    "ReportsFolderMissing": lambda: errors.ReportsFolderMissing(SAMPLE.parent),
    "ReportsFolderMissing (no folder)": lambda: errors.ReportsFolderMissing(SAMPLE, not_a_folder=True),
    "LockUnavailable": lambda: errors.LockUnavailable(SAMPLE, SAMPLE.with_suffix(".lock"), OSError(errno.EACCES, "")),
    "file_error": lambda: errors.file_error("Kan inte skapa mappen", SAMPLE.parent, OSError(errno.EROFS, "")),
}


def test_every_class_that_words_its_own_message_is_listed() -> None:
    """A class of ``errors.py`` whose ``__init__`` builds the message has an example above."""
    own = {
        name
        for name, cls in vars(errors).items()
        if inspect.isclass(cls)
        and issubclass(cls, errors.IntervjufasError)
        and cls.__init__ is not errors.IntervjufasError.__init__
        and "message" not in inspect.signature(cls.__init__).parameters
    }
    assert own <= {name.split(" ")[0] for name in OWN_MESSAGES}


@pytest.mark.parametrize("name", sorted(OWN_MESSAGES))
def test_the_messages_errors_word_themselves(name: str) -> None:
    message = OWN_MESSAGES[name]().message
    assert message[:1].isupper(), message
    assert message.endswith((".", "?")), message
    assert "\n" not in message
