"""The README's examples work: the answers file runs, the small question set validates, and the
report excerpt is what the program writes."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import REPO, run_cli
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.questionsets.loader import read_question_set
from intervjufas.report.parse import parse
from intervjufas.report.render import render

README = (REPO / "README.md").read_text(encoding="utf-8")


def fenced_after(marker: str, language: str) -> str:
    """The first fenced block of the language after the marker text."""
    start = README.index(marker)
    match = re.compile(rf"^(`{{3,}}){language}\n(.*?)^\1$", re.DOTALL | re.MULTILINE).search(README, start)
    assert match is not None, marker
    return match.group(2)


def test_the_answers_file_example_runs(tmp_path: Path, reports_dir: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(fenced_after("Till exempel Steg 1 med", "yaml"), encoding="utf-8")
    result = run_cli("kartlagg", "--svar", str(answers), "--steg", "1")
    assert result.exit_code == 0, result.output
    [path] = list(reports_dir.glob("*.md"))
    report = parse(path.read_text(encoding="utf-8"), builtin_set("kartlaggning"))
    assert report.answers["fore_betyg_kund"].value == 4
    assert "Steg 1 · Lägga till: Ett kort förberedande samtal med varje kandidat" in result.stdout


def test_the_small_question_set_example_is_valid() -> None:
    text = fenced_after("### Ett litet, komplett exempel", "yaml")
    questionnaire, problems = read_question_set(text.encode("utf-8"), "exempel.yaml")
    assert questionnaire is not None, [p.format() for p in problems]
    assert [p for p in problems if p.is_error] == []


def test_the_report_excerpt_has_the_program_s_headings() -> None:
    excerpt = fenced_after("Ett utdrag:", "markdown")
    questionnaire = builtin_set("kartlaggning")
    for question_id in re.findall(r"<!-- fraga: (\w+) -->", excerpt):
        question = questionnaire.question(question_id)
        assert question is not None, question_id
        heading = rf" {re.escape(question.text)}(?: \(Steg \d\))?<!-- fraga: {question_id} -->"
        assert re.search(heading, excerpt), question_id
    report = parse(excerpt, questionnaire)
    assert report.answers["fore_lagga_till"].value == "Ja"
    # The generated parts are exactly what the program writes for these answers.
    rendered = render(report, questionnaire)
    for section in ("## Processkarta", "## Utvecklingsplan"):
        start = excerpt.index(section)
        end = excerpt.find("\n## ", start + 1)
        assert excerpt[start : end if end != -1 else None].strip() in rendered, section


def test_every_question_key_and_type_is_in_the_readme_tables() -> None:
    from intervjufas.model.question_types.table import QUESTION_TYPES
    from intervjufas.questionsets.format_keys import QUESTION_KEYS

    keys = README[README.index("### Nycklarna") : README.index("### Villkor")]
    for key in QUESTION_KEYS:
        assert re.search(rf"^\| (?:`\w+`, )?`{key.name}`(?:, `\w+`)? \|", keys, re.MULTILINE), key.name
    for kind in QUESTION_TYPES:
        assert f"| `{kind}` |" in keys, kind
