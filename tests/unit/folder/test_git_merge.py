"""The report merge driver's core: three versions merged answer by answer, conflicts kept as a
note both ``visa`` and a continued session read, files that are no report merged by lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervjufas.folder.git_merge import CONFLICT_HEADING, merge_files
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import FollowUp, Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render


def base_report(questionnaire: Questionnaire) -> Report:
    report = Report.new(questionnaire)
    report.created = "2024-05-01T09:00:00+02:00"
    report.updated = "2024-05-01T09:00:00+02:00"
    report.answers["uppdrag"] = Answer("Lager")
    report.answers["kund"] = Answer("Nordlager AB")
    report.answers["fore_kunden"] = Answer("Kravprofil")
    report.answers["fore_kandidaten"] = Answer("Info")
    report.follow_ups.append(FollowUp("abc123/plan/1", "Referenstagning", Answer("Inte än")))
    return report


def write(folder: Path, name: str, report: Report, questionnaire: Questionnaire) -> Path:
    path = folder / name
    path.write_text(render(report, questionnaire), encoding="utf-8")
    return path


def versions(
    tmp_path: Path, questionnaire: Questionnaire, ours: dict[str, Answer], theirs: dict[str, Answer]
) -> tuple[Path, Path, Path]:
    base = base_report(questionnaire)
    paths = [write(tmp_path, "bas.md", base, questionnaire)]
    for name, changes, stamp in (("din.md", ours, "10"), ("andras.md", theirs, "11")):
        version = parse(paths[0].read_text(encoding="utf-8"), questionnaire)
        version.answers.update(changes)
        version.updated = f"2024-05-01T{stamp}:00:00+02:00"
        paths.append(write(tmp_path, name, version, questionnaire))
    return paths[0], paths[1], paths[2]


def test_answers_changed_on_one_side_each_are_both_kept(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    base, ours, theirs = versions(
        tmp_path,
        kartlaggning,
        {"fore_kunden": Answer("Kravprofil och möte")},
        {"fore_kandidaten": Answer("Sms")},
    )
    outcome = merge_files(base, ours, theirs, "rapport.md")
    assert outcome.conflicts == ()
    assert outcome.data is not None
    merged = parse(outcome.data.decode("utf-8"), kartlaggning)
    assert merged.answers["fore_kunden"] == Answer("Kravprofil och möte")
    assert merged.answers["fore_kandidaten"] == Answer("Sms")
    assert merged.updated == "2024-05-01T11:00:00+02:00"  # the later of the two
    assert merged.notes == {}


def test_the_same_answer_changed_on_both_sides_keeps_both_in_a_readable_report(
    tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    base, ours, theirs = versions(
        tmp_path,
        kartlaggning,
        {"fore_kunden": Answer("Min version"), "uppdrag": Answer("Lager, mitt namn")},
        {"fore_kunden": Answer("Den andras version"), "uppdrag": Answer("Lager, andras namn")},
    )
    outcome = merge_files(base, ours, theirs, "rapport.md")
    assert sorted(outcome.conflicts) == ["fore_kunden", "uppdrag"]
    assert outcome.data is not None
    text = outcome.data.decode("utf-8")
    merged = parse(text, kartlaggning)  # strict, as --fortsatt reads it
    assert merged.answers["fore_kunden"] == Answer("Den andras version")
    assert "Min version" in "\n".join(merged.notes["fraga:fore_kunden"])
    assert "Lager, mitt namn" in "\n".join(merged.notes["start"])
    assert text.count(CONFLICT_HEADING) == 1
    assert text.count("Sammanfogningskonflikt") == 2
    assert "<<<<<<<" not in text
    # Read and written again, the notes stay (until someone removes them).
    assert render(merged, kartlaggning).count("Sammanfogningskonflikt") == 2


def test_the_same_change_on_both_sides_is_no_conflict(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    same = {"fore_kunden": Answer("Samma")}
    outcome = merge_files(*versions(tmp_path, kartlaggning, same, same), "rapport.md")
    assert outcome.conflicts == ()


def test_an_answer_removed_on_one_side_and_changed_on_the_other_is_kept(
    tmp_path: Path, kartlaggning: Questionnaire
) -> None:
    base, ours, theirs = versions(tmp_path, kartlaggning, {}, {"fore_kunden": Answer("Ändrad")})
    mine = parse(ours.read_text(encoding="utf-8"), kartlaggning)
    del mine.answers["fore_kunden"]
    write(tmp_path, "din.md", mine, kartlaggning)
    outcome = merge_files(base, ours, theirs, "rapport.md")
    assert outcome.conflicts == ("fore_kunden",)
    assert outcome.data is not None
    merged = parse(outcome.data.decode("utf-8"), kartlaggning)
    assert merged.answers["fore_kunden"] == Answer("Ändrad")
    assert "tog bort svaret" in "\n".join(merged.notes["fraga:fore_kunden"])


def test_hand_written_notes_of_both_sides_are_kept(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    base, ours, theirs = versions(tmp_path, kartlaggning, {}, {})
    for path, words in ((ours, "Min anteckning"), (theirs, "Den andras anteckning")):
        path.write_text(path.read_text(encoding="utf-8") + f"\n## Egna tankar\n\n{words}\n", encoding="utf-8")
    outcome = merge_files(base, ours, theirs, "rapport.md")
    assert outcome.data is not None
    text = outcome.data.decode("utf-8")
    assert "Min anteckning" in text
    assert "Den andras anteckning" in text


@pytest.mark.parametrize("content", ["inte en rapport\n", "---\nid: [\n---\n"])
def test_files_that_are_no_report_are_merged_by_lines(tmp_path: Path, content: str) -> None:
    base, ours, theirs = (tmp_path / name for name in ("bas.md", "din.md", "andras.md"))
    base.write_text(content)
    ours.write_text(content + "rad från mig\n")
    theirs.write_text(content)
    outcome = merge_files(base, ours, theirs, "README.md")
    assert outcome.by_lines
    assert outcome.conflicts == ()
    assert outcome.data is not None
    assert outcome.data.decode().endswith("rad från mig\n")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    from intervjufas.errors import IntervjufasError

    base, ours, theirs = versions(tmp_path, kartlaggning, {}, {})
    with theirs.open("ab") as handle:
        handle.truncate(64 * 1024 * 1024)
    with pytest.raises(IntervjufasError, match="större än"):
        merge_files(base, ours, theirs, "rapport.md")
