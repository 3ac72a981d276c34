"""The merge driver with real git: two clones of a shared reports folder edit one report at the same
time; with the driver, pulling merges answer by answer (no textual conflict), and where both changed
the same answer both versions stay in a report that ``visa`` shows; without it, git's line merge
stops with conflict markers (the contrast the driver exists for)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.model import Report
from intervjufas.report.parse import parse
from intervjufas.report.render import render

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
NAME = "2024-05-01-lager.md"


def git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=False
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def run(program: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([program, *args], capture_output=True, text=True, check=False)


def edit(path: Path, questionnaire: Questionnaire, key: str, value: str, stamp: str) -> None:
    """A saved change, as a session makes it: one answer and the time of the save."""
    report = parse(path.read_text(encoding="utf-8"), questionnaire)
    report.answers[key] = Answer(value)
    report.updated = f"2024-05-02T{stamp}:00:00+02:00"
    path.write_text(render(report, questionnaire), encoding="utf-8")


@pytest.fixture
def clones(tmp_path: Path, kartlaggning: Questionnaire, program: str) -> tuple[Path, Path]:
    """A shared repository with one report in its reports folder, cloned twice (the driver set up in
    the first clone, whose .gitattributes is committed)."""
    shared = tmp_path / "delad.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(shared))
    first, second = tmp_path / "anna", tmp_path / "bo"
    git(tmp_path, "clone", "-q", str(shared), str(first))
    folder = first / "rapporter"
    folder.mkdir()
    report = Report.new(kartlaggning)
    report.created = report.updated = "2024-05-01T09:00:00+02:00"
    for key, value in (("uppdrag", "Lager"), ("fore_kunden", "Kravprofil"), ("fore_kandidaten", "Info")):
        report.answers[key] = Answer(value)
    (folder / NAME).write_text(render(report, kartlaggning), encoding="utf-8")
    done = run(program, "git-installera", "--katalog", str(folder))
    assert done.returncode == 0, done.stderr
    assert (folder / ".gitattributes").read_text() == "*.md merge=intervjufas\nintervjufas-ordlista.yaml merge=union\n"
    git(first, "add", ".")
    git(first, "commit", "-q", "-m", "rapport")
    git(first, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", str(shared), str(second))
    return first, second


def concurrent_edits(clones: tuple[Path, Path], questionnaire: Questionnaire, ours: str, theirs: str) -> Path:
    first, second = clones
    edit(first / "rapporter" / NAME, questionnaire, ours, "Annas ändring", "10")
    git(first, "commit", "-q", "-am", "anna")
    git(first, "push", "-q", "origin", "main")
    mine = second / "rapporter" / NAME
    edit(mine, questionnaire, theirs, "Bos ändring", "11")
    git(second, "commit", "-q", "-am", "bo")
    return mine


def test_with_the_driver_edits_of_different_answers_merge_cleanly(
    clones: tuple[Path, Path], kartlaggning: Questionnaire, program: str
) -> None:
    second = clones[1]
    assert run(program, "git-installera", "--katalog", str(second / "rapporter")).returncode == 0
    mine = concurrent_edits(clones, kartlaggning, "fore_kunden", "fore_kandidaten")
    pulled = git(second, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    merged = parse(mine.read_text(encoding="utf-8"), kartlaggning)
    assert merged.answers["fore_kunden"] == Answer("Annas ändring")
    assert merged.answers["fore_kandidaten"] == Answer("Bos ändring")
    assert merged.updated == "2024-05-02T11:00:00+02:00"
    assert git(second, "status", "--porcelain").stdout == ""


def test_with_the_driver_the_same_answer_changed_twice_keeps_both_for_visa(
    clones: tuple[Path, Path], kartlaggning: Questionnaire, program: str
) -> None:
    second = clones[1]
    assert run(program, "git-installera", "--katalog", str(second / "rapporter")).returncode == 0
    mine = concurrent_edits(clones, kartlaggning, "fore_kunden", "fore_kunden")
    pulled = git(second, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode != 0  # git stops: the conflict is the user's to settle
    assert "Sammanfogningskonflikt" in pulled.stderr + pulled.stdout
    text = mine.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    merged = parse(text, kartlaggning)  # strict, as --fortsatt reads it
    assert merged.answers["fore_kunden"] == Answer("Annas ändring")
    assert "Bos ändring" in "\n".join(merged.notes["fraga:fore_kunden"])
    shown = run(program, "visa", str(mine))
    assert shown.returncode == 0, shown.stderr
    assert "Annas ändring" in shown.stdout
    assert "Bos ändring" in shown.stdout


def test_without_the_driver_git_leaves_conflict_markers(
    clones: tuple[Path, Path], kartlaggning: Questionnaire
) -> None:
    second = clones[1]  # its .gitattributes names the driver, but this clone never set it up
    mine = concurrent_edits(clones, kartlaggning, "fore_kunden", "fore_kandidaten")
    pulled = git(second, "pull", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode != 0
    assert "<<<<<<<" in mine.read_text(encoding="utf-8")  # (the time of the save, on both sides)


def test_the_set_up_can_only_be_shown(tmp_path: Path, program: str) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    done = run(program, "git-installera", "--bara-visa", "--katalog", str(folder))
    assert done.returncode == 0, done.stderr
    assert "*.md merge=intervjufas" in done.stdout
    assert "merge.intervjufas.driver" in done.stdout
    assert "sammanfoga-git %O %A %B %P" in done.stdout
    assert not (folder / ".gitattributes").exists()
    refused = run(program, "git-installera", "--katalog", str(folder))
    assert refused.returncode == 1
    assert refused.stderr.startswith("Fel: ")
    assert "git-förråd" in refused.stderr


def test_both_clones_vocabulary_entries_are_kept(clones: tuple[Path, Path], program: str) -> None:
    first, second = clones
    assert run(program, "git-installera", "--katalog", str(second / "rapporter")).returncode == 0
    for clone, name, message in ((first, "Referenstagning", "anna"), (second, "Avslag per telefon", "bo")):
        done = run(program, "karta", "--team", "--katalog", str(clone / "rapporter"), "--dela", name)
        assert done.returncode == 0, done.stderr
        git(clone, "add", ".")
        git(clone, "commit", "-q", "-m", message)
        if clone == first:
            git(first, "push", "-q", "origin", "main")
    pulled = git(second, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    text = (second / "rapporter" / "intervjufas-ordlista.yaml").read_text(encoding="utf-8")
    assert '  - "Referenstagning"\n' in text and '  - "Avslag per telefon"\n' in text
    shown = run(program, "karta", "--team", "--json", "--katalog", str(second / "rapporter"))
    assert shown.returncode == 0 and shown.stderr == ""
