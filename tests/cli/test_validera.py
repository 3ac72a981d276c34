"""``validera`` and the checking loader: a table of broken question files, each with the exact
message and position it must produce, the summary line, exit codes, and the same errors when a
broken file is loaded for a session with ``--fragor``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, run_cli
from intervjufas.errors import Diagnostic
from intervjufas.questionsets.loader import read_question_set
from intervjufas.questionsets.validation import FileResult, check_files
from intervjufas.views.validation import validation_summary

# A valid set whose last line opens the first step's question list: the questions of most cases
# are appended to it and so start on line 12.
BASE = """\
id: test
version: 1
titel: Test
metadata:
  - id: uppdrag
    text: Vilket uppdrag?
    typ: text
steg:
  - id: forsta
    titel: Första steget
    fragor:
"""
FIRST = "      - id: a\n        text: Fråga A\n        typ: text\n"  # lines 12-14


@dataclass(frozen=True)
class Case:
    name: str
    text: str | bytes
    expected: tuple[str, ...]  # "line:column: message", warnings as "line:column: varning: message"

    @property
    def data(self) -> bytes:
        return self.text if isinstance(self.text, bytes) else self.text.encode("utf-8")

    @property
    def has_errors(self) -> bool:
        return any(": varning: " not in e for e in self.expected)


CASES = [
    Case(
        "yaml-syntax",
        BASE + "      - id: a\n        text: Vad gör du: nu?\n        typ: text\n",
        ("13:25: YAML-syntaxfel: ett kolon (:) är inte tillåtet här – sätt texten inom citattecken",),
    ),
    Case(
        "yaml-tab-indentation",
        BASE + "      - id: a\n\ttext: A\n",
        ("13:1: YAML-syntaxfel: tabbtecken får inte användas för indrag",),
    ),
    Case(
        "yaml-unclosed-list",
        BASE + "      - id: a\n        text: A\n        typ: val\n        val: [Ja, Nej\n",
        ("16:1: YAML-syntaxfel: en lista inom [ ] avslutas aldrig – saknas ']' eller ett komma?",),
    ),
    Case(
        "unknown-key-with-suggestion",
        BASE + FIRST + "        hjalpp: Skriv kort.\n",
        ("15:9: okänd nyckel 'hjalpp' i en fråga – menade du 'hjalp'?",),
    ),
    Case(
        "unknown-top-level-key",
        BASE.replace("titel: Test", "titel: Test\nbeskrivnig: Om testet") + FIRST,
        ("4:1: okänd nyckel 'beskrivnig' i frågeuppsättningen – menade du 'beskrivning'?",),
    ),
    Case(
        "unknown-type-with-suggestion",
        BASE + "      - id: a\n        text: A\n        typ: flervall\n        val: [X, Y]\n",
        (
            "14:14: okänd typ 'flervall' – menade du 'flerval'? "
            "(typer: text, langtext, janej, val, flerval, skala, datum, atgarder, moment)",
        ),
    ),
    Case(
        "missing-required-key",
        BASE + "      - id: a\n        typ: text\n",
        ("12:9: nyckeln 'text' saknas i en fråga",),
    ),
    Case(
        "missing-required-top-level-keys",
        "id: test\nversion: 1\n",
        (
            "1:1: nyckeln 'metadata' saknas i frågeuppsättningen",
            "1:1: nyckeln 'steg' saknas i frågeuppsättningen",
            "1:1: nyckeln 'titel' saknas i frågeuppsättningen",
        ),
    ),
    Case(
        "duplicate-id",
        BASE + FIRST + "      - id: a\n        text: Fråga B\n        typ: text\n",
        ("15:13: id 'a' används redan (rad 12)",),
    ),
    Case(
        "duplicate-id-of-metadata",
        BASE + "      - id: uppdrag\n        text: Igen\n        typ: text\n",
        ("12:13: id 'uppdrag' används redan (rad 5)",),
    ),
    Case(
        "duplicate-key",
        BASE + "      - id: a\n        text: A\n        text: B\n        typ: text\n",
        ("14:9: nyckeln 'text' förekommer två gånger i en fråga",),
    ),
    Case(
        "bad-id-format",
        BASE + "      - id: Fråga-1\n        text: A\n        typ: text\n",
        (
            "12:13: id 'Fråga-1' får bara innehålla små bokstäver a–z, siffror och _ "
            "och måste börja med en bokstav",
        ),
    ),
    Case(
        "condition-unknown-id",
        BASE
        + FIRST
        + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: aa, besvarad: true}\n",
        ("18:26: villkoret hänvisar till en okänd fråga 'aa' – menade du 'a'?",),
    ),
    Case(
        "condition-later-question",
        BASE
        + "      - id: a\n        text: A\n        typ: text\n        villkor: {fraga: b, besvarad: true}\n"
        + "      - id: b\n        text: B\n        typ: text\n",
        (
            "15:26: villkoret hänvisar till 'b', som ställs senare (rad 16); "
            "ett villkor kan bara bero på tidigare frågor",
        ),
    ),
    Case(
        "condition-cycle",
        BASE
        + "      - id: a\n        text: A\n        typ: text\n        villkor: {fraga: b, besvarad: true}\n"
        + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: a, besvarad: true}\n",
        (
            "15:26: villkoret ingår i en cykel: a → b → a",
            "19:26: villkoret ingår i en cykel: b → a → b",
        ),
    ),
    Case(
        "condition-on-itself",
        BASE + FIRST + "        villkor: {fraga: a, besvarad: true}\n",
        ("15:26: villkoret ingår i en cykel: a → a",),
    ),
    Case(
        "condition-value-not-a-choice",
        BASE
        + "      - id: a\n        text: A\n        typ: val\n        val: [Ja, Delvis, Nej]\n"
        + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: a, ar: Kanske}\n",
        (
            "19:33: villkoret jämför med ett värde som 'a' inte kan få: "
            "'Kanske' är inte ett av valen (Ja, Delvis, Nej)",
        ),
    ),
    Case(
        "condition-value-outside-scale",
        BASE
        + "      - id: a\n        text: A\n        typ: skala\n"
        + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: a, minst: 7}\n",
        ("18:36: villkoret jämför med ett värde som 'a' inte kan få: 7 ligger utanför skalan 1–5",),
    ),
    Case(
        "condition-operator-for-another-type",
        BASE
        + FIRST
        + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: a, minst: 2}\n",
        ("18:36: 'minst' kan bara jämföra med en skalfråga, och 'a' har typen text",),
    ),
    Case(
        "condition-without-comparison",
        BASE + FIRST + "      - id: b\n        text: B\n        typ: text\n        villkor: {fraga: a}\n",
        (
            "18:18: ett villkor behöver 'fraga' och exakt en jämförelse (ar, ar_inte, en_av, innehaller, "
            "besvarad, minst, hogst), eller något av alla, nagon, inte",
        ),
    ),
    Case(
        "empty-choices",
        BASE + "      - id: a\n        text: A\n        typ: val\n        val: []\n",
        ("15:14: listan 'val' är tom",),
    ),
    Case(
        "choice-type-without-choices",
        BASE + "      - id: a\n        text: A\n        typ: flerval\n",
        ("12:9: frågor av typen 'flerval' behöver en lista 'val'",),
    ),
    Case(
        "choices-on-a-non-choice-type",
        BASE + "      - id: a\n        text: A\n        typ: text\n        val: [X, Y]\n",
        ("15:14: 'val' används bara av typerna val och flerval",),
    ),
    Case(
        "scale-bounds-reversed",
        BASE + "      - id: a\n        text: A\n        typ: skala\n        min: 5\n        max: 1\n",
        ("15:14: skalans min (5) måste vara mindre än max (1)",),
    ),
    Case(
        "scale-too-long",
        BASE + "      - id: a\n        text: A\n        typ: skala\n        min: 0\n        max: 20\n",
        ("16:14: skalan 0–20 är för lång; högst 11 steg",),
    ),
    Case(
        "scale-labels-outside-the-scale",
        BASE + "      - id: a\n        text: A\n        typ: skala\n        etiketter: {0: Noll, 5: Fem}\n",
        ("15:21: etiketten 0 ligger utanför skalan 1–5",),
    ),
    Case(
        "required-question-hidden-without-default",
        BASE
        + "      - id: a\n        text: A\n        typ: janej\n"
        + "      - id: b\n        text: B\n        typ: text\n        obligatorisk: true\n"
        + "        villkor: {fraga: a, ar: Ja}\n",
        ("15:9: varning: den obligatoriska frågan 'b' döljs av ett villkor utan standardvärde",),
    ),
    Case(
        "default-that-does-not-fit",
        BASE
        + "      - id: a\n        text: A\n        typ: val\n        val: [Ja, Nej]\n        standard: Kanske\n",
        ("16:19: standardvärdet passar inte frågan: 'Kanske' är inte ett av valen (Ja, Nej)",),
    ),
    Case(
        "default-date-that-is-no-date",
        BASE + "      - id: a\n        text: A\n        typ: datum\n        standard: imorgon\n",
        ("15:19: standardvärdet passar inte frågan: 'imorgon' är inte ett datum på formen ÅÅÅÅ-MM-DD",),
    ),
    Case(
        "plan-on-a-wrong-type",
        BASE + "      - id: a\n        text: A\n        typ: janej\n        plan: utveckla\n",
        ("15:15: 'plan' används bara av typerna text, langtext och atgarder",),
    ),
    Case(
        "unknown-plan",
        BASE + "      - id: a\n        text: A\n        typ: atgarder\n        plan: utvekla\n",
        ("15:15: okänd plan 'utvekla' – menade du 'utveckla'? (tillåtna: lagga_till, utveckla, ta_bort)",),
    ),
    Case(
        "missing-uppdrag-metadata",
        BASE.replace("id: uppdrag", "id: namn") + FIRST,
        ("5:3: metadata måste innehålla frågan 'uppdrag' (den ger rapportens namn)",),
    ),
    Case(
        "empty-file",
        "",
        ("1:1: filen är tom",),
    ),
    Case(
        "only-comments",
        "# yaml-language-server: $schema=fragor.schema.json\n# inget mer\n",
        ("1:1: filen är tom",),
    ),
    Case(
        "not-utf8",
        # "Fråga " in UTF-8, then "Å" saved as Latin-1: the column counts characters, not bytes.
        (BASE + "      - id: a\n        text: Fråga ").encode()
        + "Å".encode("latin-1")
        + b"\n        typ: text\n",
        ("13:21: filen är inte kodad som UTF-8 (byte 0xc5); spara den som UTF-8",),
    ),
    Case(
        "object-constructing-tag",
        BASE + "      - id: a\n        text: !!python/object/apply:os.system [echo hej]\n        typ: text\n",
        (
            "13:15: YAML-taggen '!!python/object/apply:os.system' är inte tillåten; "
            "bara vanliga värden får användas",
        ),
    ),
    Case(
        "group-inside-a-group",
        BASE
        + "      - grupp: g\n        rubrik: G\n        fragor:\n"
        + "          - grupp: h\n            rubrik: H\n            fragor:\n"
        + "              - id: a\n                text: A\n                typ: text\n",
        ("15:13: grupper kan inte ligga i grupper",),
    ),
    Case(
        "several-errors-in-one-file",
        BASE
        + "      - id: a\n        text: A\n        typ: skala\n        min: 3\n        max: 3\n"
        + "      - id: a\n        text: B\n        typ: textt\n"
        + "      - id: c\n        text: C\n        typ: janej\n        villkor: {fraga: x, ar: Ja}\n",
        (
            "15:14: skalans min (3) måste vara mindre än max (3)",
            "17:13: id 'a' används redan (rad 12)",
            "19:14: okänd typ 'textt' – menade du 'text'? "
            "(typer: text, langtext, janej, val, flerval, skala, datum, atgarder, moment)",
            "23:26: villkoret hänvisar till en okänd fråga 'x'",
        ),
    ),
]


def shown(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.line}:{diagnostic.column}: {'' if diagnostic.is_error else 'varning: '}{diagnostic.message}"


def test_the_base_set_is_valid() -> None:
    questionnaire, diagnostics = read_question_set((BASE + FIRST).encode(), "fil.yaml")
    assert diagnostics == []
    assert questionnaire is not None
    assert [q.id for q in questionnaire.all_questions()] == ["uppdrag", "a"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_problem_has_its_exact_message_and_position(case: Case) -> None:
    questionnaire, diagnostics = read_question_set(case.data, "fil.yaml")
    assert [shown(d) for d in diagnostics] == list(case.expected)
    assert all(d.file == "fil.yaml" for d in diagnostics)
    assert (questionnaire is None) == case.has_errors


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validera_prints_every_problem_then_a_summary(case: Case, tmp_path: Path) -> None:
    path = tmp_path / f"{case.name}.yaml"
    path.write_bytes(case.data)
    code, out, _ = run_cli("validera", str(path))
    lines = out.splitlines()
    assert lines[:-1] == [f"{path}:{expected}" for expected in case.expected]
    errors = sum(": varning: " not in e for e in case.expected)
    warnings = len(case.expected) - errors
    assert not (errors and warnings), "each case has either errors or warnings"
    assert lines[-1] == (f"{errors} fel i 1 fil." if errors else f"Inga fel, men {warnings} varning i 1 fil.")
    assert code == (1 if case.has_errors else 0)


@pytest.mark.parametrize("case", [c for c in CASES if c.has_errors], ids=lambda c: c.name)
def test_loading_a_broken_file_for_a_session_stops_with_the_same_first_error(
    case: Case, tmp_path: Path
) -> None:
    path = tmp_path / f"{case.name}.yaml"
    path.write_bytes(case.data)
    code, out, err = run_cli("kartlagg", "--fragor", str(path))
    more = len(case.expected) - 1
    suffix = f" (och {more} fel till – 'intervjufas validera {path}' visar alla)" if more else ""
    assert err == f"Fel: {path}:{case.expected[0]}{suffix}\n"
    assert code == 1
    assert out == ""
    assert not list(tmp_path.glob("**/*.md"))


# -- the summary line ---------------------------------------------------------------------------


def result(errors: int = 0, warnings: int = 0, name: str = "a.yaml") -> FileResult:
    diagnostics = [Diagnostic(1, 1, "x", "fel", name)] * errors + [
        Diagnostic(2, 1, "y", "varning", name)
    ] * warnings
    return FileResult(name, tuple(diagnostics))


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        ([result()], "Inga fel i 1 fil."),
        ([result(), result()], "Inga fel i 2 filer."),
        ([result(errors=1)], "1 fel i 1 fil."),
        ([result(errors=2), result(), result()], "2 fel i 1 av 3 filer."),
        ([result(errors=2, warnings=1), result(), result()], "2 fel och 1 varning i 1 av 3 filer."),
        ([result(errors=1), result(warnings=2)], "1 fel och 2 varningar i 2 av 2 filer."),
        ([result(warnings=1), result()], "Inga fel, men 1 varning i 1 av 2 filer."),
        ([result(warnings=3)], "Inga fel, men 3 varningar i 1 fil."),
        ([], "Inga frågefiler att kontrollera."),
    ],
)
def test_the_summary_counts_in_swedish(results: list[FileResult], expected: str) -> None:
    assert validation_summary(results) == expected


# -- validera as a command ------------------------------------------------------------------------

WARNING_ONLY = next(c for c in CASES if c.name == "required-question-hidden-without-default")
BROKEN = next(c for c in CASES if c.name == "several-errors-in-one-file")


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    path = tmp_path / "varning.yaml"
    path.write_bytes(WARNING_ONLY.data)
    code, out, _ = run_cli("validera", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "Inga fel, men 1 varning i 1 fil."


def test_every_file_is_checked_and_reported_in_order(tmp_path: Path) -> None:
    good = tmp_path / "bra.yaml"
    good.write_text(BASE + FIRST, encoding="utf-8")
    broken = tmp_path / "trasig.yaml"
    broken.write_bytes(BROKEN.data)
    warning = tmp_path / "varning.yaml"
    warning.write_bytes(WARNING_ONLY.data)
    code, out, _ = run_cli("validera", str(broken), str(good), str(warning))
    assert code == 1
    assert out.splitlines() == [
        *(f"{broken}:{e}" for e in BROKEN.expected),
        f"{warning}:{WARNING_ONLY.expected[0]}",
        "4 fel och 1 varning i 2 av 3 filer.",
    ]


def test_a_folder_checks_its_question_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BASE + FIRST, encoding="utf-8")
    (tmp_path / "b.yml").write_bytes(BROKEN.data)
    (tmp_path / "anteckningar.txt").write_text("inte en frågefil", encoding="utf-8")
    results = check_files([tmp_path])
    assert [Path(r.file).name for r in results] == ["a.yaml", "b.yml"]
    code, out, _ = run_cli("validera", str(tmp_path))
    assert code == 1
    assert out.splitlines()[-1] == "4 fel i 1 av 2 filer."


def test_an_empty_folder_and_a_missing_file_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "tom"
    empty.mkdir()
    missing = tmp_path / "saknas.yaml"
    code, out, _ = run_cli("validera", str(empty), str(missing))
    assert code == 1
    assert out.splitlines() == [
        f"{empty}: mappen innehåller inga frågefiler (*.yaml, *.yml)",
        f"{missing}: filen kan inte läsas: finns inte",
        "2 fel i 2 av 2 filer.",
    ]


def test_the_built_in_sets_and_the_example_are_clean() -> None:
    root = REPO
    files = [root / "questions", root / "docs" / "exempel-telefonintervju.yaml"]
    code, out, _ = run_cli("validera", *map(str, files))
    assert (code, out) == (0, "Inga fel i 3 filer.\n")


def test_a_file_with_only_warnings_runs_with_fragor(tmp_path: Path, reports_dir: Path) -> None:
    path = tmp_path / "varning.yaml"
    path.write_bytes(WARNING_ONLY.data)
    answers = tmp_path / "svar.yaml"
    answers.write_text("uppdrag: Prov\na: Ja\nb: Svar\n", encoding="utf-8")
    code, out, err = run_cli("kartlagg", "--fragor", str(path), "--svar", str(answers))
    assert (code, err) == (0, "")
    assert "Rapporten är sparad i" in out
    assert len(list(reports_dir.glob("*.md"))) == 1
