"""store: file names, never overwriting, atomic writes, finding reports, and saving a report that
someone edited on disk in the meantime."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervjufas.errors import IntervjufasError, ReportConflictError, ReportInUseError
from intervjufas.files.atomic import atomic_write, create_new
from intervjufas.files.bounded import read_text
from intervjufas.files.settings import reports_dir
from intervjufas.folder.finding import the_report
from intervjufas.folder.report_file import ReportFile
from intervjufas.folder.scan import report_files
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.model import SLUG_MAX, Report, report_stem, slugify
from intervjufas.report.parse import parse
from intervjufas.report.render import render

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# -- reports_dir ------------------------------------------------------------------------------------


def test_reports_dir_option_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVJUFAS_KATALOG", str(tmp_path / "miljo"))
    assert reports_dir(tmp_path / "flagga") == tmp_path / "flagga"
    assert reports_dir() == tmp_path / "miljo"
    monkeypatch.setenv("INTERVJUFAS_KATALOG", "  ")
    assert reports_dir().name == "intervjufas"


# -- slugify ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Lagerarbetare till Nordlager", "lagerarbetare-till-nordlager"),
        ("Åsa på Öland äter ärtor", "asa-pa-oland-ater-artor"),
        ("ÅÄÖ åäö", "aao-aao"),
        ("Crème brûlée & Café", "creme-brulee-cafe"),
        ("Ærøskøbing Straße Łódź", "aeroskobing-strasse-lodz"),
        ("Säljare (B2B), Göteborg!", "saljare-b2b-goteborg"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("  --Kör--  ", "kor"),
        ("", "uppdrag"),
        ("!!! ???", "uppdrag"),
        ("日本語", "uppdrag"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_bounds_the_length_at_a_word_boundary() -> None:
    slug = slugify("Rekrytering av erfarna truckförare till det nya centrallagret i Jönköping")
    assert len(slug) <= SLUG_MAX
    assert slug == "rekrytering-av-erfarna-truckforare-till-det-nya"
    assert slugify("a" * 200) == "a" * SLUG_MAX
    assert slugify("ord " * 40, max_length=10) == "ord-ord"


@given(st.text())
def test_slugify_is_always_a_safe_file_name(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= SLUG_MAX


# -- create_new / report_stem ---------------------------------------------------------------------


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "ny" / "mapp"
    first = create_new(folder, "2024-05-01-uppdrag", "första")
    assert first == folder / "2024-05-01-uppdrag.md"
    second = create_new(folder, "2024-05-01-uppdrag", "andra")
    third = create_new(folder, "2024-05-01-uppdrag", "tredje")
    assert (second.name, third.name) == ("2024-05-01-uppdrag-2.md", "2024-05-01-uppdrag-3.md")
    assert [p.read_text() for p in (first, second, third)] == ["första", "andra", "tredje"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (first, second, third))


def test_create_new_passes_over_a_name_it_may_not_claim(tmp_path: Path) -> None:
    refused = tmp_path / "x.md"
    path = create_new(tmp_path, "x", "text", claim=lambda candidate: candidate != refused)
    assert path.name == "x-2.md"
    assert not refused.exists()


def test_report_stem_uses_date_and_slug() -> None:
    assert (
        report_stem("2024-05-01", "Lagerarbetare till Nordlager!")
        == "2024-05-01-lagerarbetare-till-nordlager"
    )


def test_create_new_in_an_impossible_folder_is_a_swedish_error(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp")
    with pytest.raises(IntervjufasError) as caught:
        create_new(blocker / "rapporter", "x", "text")
    assert caught.value.message.startswith("Kan inte skapa mappen")
    assert caught.value.message.endswith(".")


# -- atomic_write ----------------------------------------------------------------------------------


def test_atomic_write_replaces_content_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "rapport.md"
    atomic_write(path, "första åäö\n")
    assert path.read_text(encoding="utf-8") == "första åäö\n"
    atomic_write(path, "andra\n")
    assert path.read_bytes() == b"andra\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.md"]


def test_atomic_write_failure_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "mapp.md"
    target.mkdir()  # os.replace cannot replace a folder with a file
    with pytest.raises(IntervjufasError) as caught:
        atomic_write(target, "text")
    assert caught.value.message.startswith(f"Kan inte spara {target}:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mapp.md"]


def test_atomic_write_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(IntervjufasError, match=r"^Kan inte skriva i mappen .*: finns inte\.$"):
        atomic_write(tmp_path / "saknas" / "rapport.md", "text")


# -- listing and finding ---------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for name in (
        "2024-05-01-lager.md",
        "2024-05-02-lager.md",
        "2024-06-01-butik.md",
        ".dold.md",
        "anteckning.txt",
    ):
        (folder / name).write_text("---\n---\n")
    (folder / "undermapp.md").mkdir()
    return folder


def test_report_files_are_visible_markdown_files_sorted(folder: Path) -> None:
    assert [p.name for p in report_files(folder)] == [
        "2024-05-01-lager.md",
        "2024-05-02-lager.md",
        "2024-06-01-butik.md",
        "undermapp.md",  # not a file: listed, so that reading it gives a warning instead of silence
    ]
    assert report_files(folder / "saknas") == []


def test_find_report_by_path_name_and_prefix(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert the_report(str(folder / "2024-06-01-butik.md"), folder) == folder / "2024-06-01-butik.md"
    assert the_report("2024-06-01-butik.md", folder) == folder / "2024-06-01-butik.md"
    assert the_report("2024-06-01-butik", folder) == folder / "2024-06-01-butik.md"
    assert the_report("2024-06", folder) == folder / "2024-06-01-butik.md"
    assert the_report("2024-05-02", folder) == folder / "2024-05-02-lager.md"
    elsewhere = tmp_path / "annan.md"
    elsewhere.write_text("x")
    monkeypatch.chdir(tmp_path)
    assert the_report("annan.md", folder) == Path("annan.md")


def test_find_report_ambiguous_lists_the_candidates(folder: Path) -> None:
    with pytest.raises(IntervjufasError) as caught:
        the_report("2024-05", folder)
    assert caught.value.message == (
        f"'2024-05' passar 2 rapporter i {folder}: 2024-05-01-lager.md, 2024-05-02-lager.md. Skriv fler tecken."
    )


def test_find_report_none_names_the_folder(folder: Path) -> None:
    with pytest.raises(IntervjufasError) as caught:
        the_report("2023", folder)
    assert (
        caught.value.message == f"Hittar ingen rapport som heter eller börjar med '2023' (letade i {folder})."
    )
    with pytest.raises(IntervjufasError, match=r"^Rapporten saknas/x\.md finns inte\.$"):
        the_report("saknas/x.md", folder)


def test_read_text_strips_a_byte_order_mark_and_rejects_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes("\ufeff---\nåäö\n".encode())
    assert read_text(path) == "---\nåäö\n"
    path.write_bytes("åäö".encode("latin-1"))
    with pytest.raises(IntervjufasError, match=r"är inte en UTF-8-textfil\.$"):
        read_text(path)
    with pytest.raises(IntervjufasError, match=r"^Kan inte läsa .*: finns inte\.$"):
        read_text(tmp_path / "saknas.md")


def test_read_front_matter(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    path = tmp_path / "r.md"
    path.write_text(render(report, kartlaggning), encoding="utf-8")
    header = read_front_matter(path, check=True)  # in the shape the program reads, of any format
    assert header["id"] == report.report_id
    assert header["metadata"] == {"uppdrag": "Lager"}
    assert header["steg"] == {"fore": "ej påbörjad", "under": "ej påbörjad", "efter": "ej påbörjad"}
    assert header["atgarder"] == []  # the identities of the planned items

    path.write_text("# ingen front matter\n")
    with pytest.raises(ValueError, match="saknas"):
        read_front_matter(path)
    path.write_text("---\nid: x\n")
    with pytest.raises(ValueError, match="avslutas aldrig"):
        read_front_matter(path)
    path.write_text("---\n- a\n---\n")
    with pytest.raises(ValueError, match="nycklar med värden"):
        read_front_matter(path)


# -- ReportFile ------------------------------------------------------------------------------------


def new_report(questionnaire: Questionnaire) -> Report:
    report = Report.new(questionnaire)
    report.created = "2024-05-01T09:00:00+02:00"
    return report


def test_the_file_is_created_on_the_first_save_once_uppdrag_is_known(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    handle = ReportFile(reports_dir, kartlaggning)
    report = new_report(kartlaggning)
    report.answers["kund"] = Answer("Nordlager AB")
    handle.save(report, ["kund"])
    assert handle.path is None
    assert not reports_dir.exists() or list(reports_dir.iterdir()) == []

    report.answers["uppdrag"] = Answer("Lagerarbetare till Nordlager")
    saved = handle.save(report, ["uppdrag"])
    assert handle.path == reports_dir / "2024-05-01-lagerarbetare-till-nordlager.md"
    on_disk = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    assert on_disk == saved
    assert on_disk.answers == {
        "kund": Answer("Nordlager AB"),
        "uppdrag": Answer("Lagerarbetare till Nordlager"),
    }
    assert saved.updated  # stamped on save

    report.answers["fore_kunden"] = Answer("Kravprofil")
    handle.save(report, ["fore_kunden"])
    lock = f".{handle.path.name}.lock"  # held while the session runs, gone when it ends
    assert sorted(p.name for p in reports_dir.iterdir()) == sorted([handle.path.name, lock])
    handle.close()
    assert [p.name for p in reports_dir.iterdir()] == [handle.path.name]
    assert parse(handle.path.read_text(encoding="utf-8"), kartlaggning).answers["fore_kunden"] == Answer(
        "Kravprofil"
    )


def test_a_second_report_with_the_same_name_gets_its_own_file(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    paths = []
    for _ in range(2):
        handle = ReportFile(reports_dir, kartlaggning)
        report = new_report(kartlaggning)
        report.answers["uppdrag"] = Answer("Lager")
        handle.save(report, ["uppdrag"])
        paths.append(handle.path)
    assert [p.name for p in paths if p] == ["2024-05-01-lager.md", "2024-05-01-lager-2.md"]


@pytest.fixture
def saved(reports_dir: Path, kartlaggning: Questionnaire) -> tuple[ReportFile, Report]:
    handle = ReportFile(reports_dir, kartlaggning)
    report = new_report(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    report.answers["fore_kunden"] = Answer("Kravprofil")
    report.answers["fore_kandidaten"] = Answer("Info")
    report = handle.save(report, list(report.answers))
    return handle, report


def edit_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_of_another_answer_is_merged(
    saved: tuple[ReportFile, Report], kartlaggning: Questionnaire
) -> None:
    handle, report = saved
    assert handle.path is not None
    edit_file(handle.path, "\nInfo\n", "\nInfo, ändrad i editorn\n")
    report.answers["fore_kunden"] = Answer("Kravprofil och frågor")
    result = handle.save(report, ["fore_kunden"])
    assert handle.merged_from_disk
    on_disk = parse(handle.path.read_text(encoding="utf-8"), kartlaggning)
    assert on_disk.answers["fore_kunden"] == Answer("Kravprofil och frågor")
    assert on_disk.answers["fore_kandidaten"] == Answer("Info, ändrad i editorn")
    assert result.answers == on_disk.answers
    assert not list(handle.path.parent.glob("*konflikt*"))

    # The next save starts from the merged state and does not merge again.
    result.answers["fore_kollegor"] = Answer("Veckomöte")
    handle.save(result, ["fore_kollegor"])
    assert not handle.merged_from_disk


def test_an_edit_of_the_same_answer_is_a_conflict(
    saved: tuple[ReportFile, Report], kartlaggning: Questionnaire
) -> None:
    handle, report = saved
    assert handle.path is not None
    edit_file(handle.path, "\nKravprofil\n", "\nKravprofil, ändrad i editorn\n")
    edited = handle.path.read_bytes()
    report.answers["fore_kunden"] = Answer("Kravprofil, ändrad i sessionen")
    with pytest.raises(ReportConflictError) as caught:
        handle.save(report, ["fore_kunden"])
    assert handle.path.read_bytes() == edited  # untouched
    sides = list(handle.path.parent.glob("*-konflikt*.md"))
    assert [p.name for p in sides] == [f"{handle.path.stem}-konflikt.md"]
    assert parse(sides[0].read_text(encoding="utf-8"), kartlaggning).answers["fore_kunden"] == Answer(
        "Kravprofil, ändrad i sessionen"
    )
    message = caught.value.message
    assert "'fore_kunden'" in message
    assert "ändrades på båda ställena" in message
    assert str(sides[0]) in message
    assert message.endswith(".")


def test_the_same_change_on_both_sides_is_not_a_conflict(saved: tuple[ReportFile, Report]) -> None:
    handle, report = saved
    assert handle.path is not None
    edit_file(handle.path, "\nKravprofil\n", "\nSamma text\n")
    report.answers["fore_kunden"] = Answer("Samma text")
    handle.save(report, ["fore_kunden"])
    assert not list(handle.path.parent.glob("*konflikt*"))


def test_a_file_made_unreadable_is_left_alone(
    saved: tuple[ReportFile, Report], kartlaggning: Questionnaire
) -> None:
    handle, report = saved
    assert handle.path is not None
    handle.path.write_text("inget huvud längre\n", encoding="utf-8")
    report.answers["fore_kollegor"] = Answer("Veckomöte")
    with pytest.raises(ReportConflictError, match="går inte längre att läsa"):
        handle.save(report, ["fore_kollegor"])
    assert handle.path.read_text(encoding="utf-8") == "inget huvud längre\n"
    side = handle.path.parent / f"{handle.path.stem}-konflikt.md"
    assert parse(side.read_text(encoding="utf-8"), kartlaggning).answers["fore_kollegor"] == Answer(
        "Veckomöte"
    )


def test_a_removed_file_is_written_again(
    saved: tuple[ReportFile, Report], kartlaggning: Questionnaire
) -> None:
    handle, report = saved
    assert handle.path is not None
    handle.path.unlink()
    report.answers["fore_kollegor"] = Answer("Veckomöte")
    handle.save(report, ["fore_kollegor"])
    assert parse(handle.path.read_text(encoding="utf-8"), kartlaggning).answers["fore_kollegor"] == Answer(
        "Veckomöte"
    )


def test_open_then_save_continues_the_same_file(
    saved: tuple[ReportFile, Report], kartlaggning: Questionnaire
) -> None:
    handle, _ = saved
    assert handle.path is not None
    with pytest.raises(ReportInUseError) as busy:  # one session per report
        ReportFile.open(handle.path, kartlaggning)
    assert busy.value.exit_code == 75
    assert "används redan av" in busy.value.message
    handle.close()
    again, report = ReportFile.open(handle.path, kartlaggning)
    assert report.answers["fore_kunden"] == Answer("Kravprofil")
    report.answers["fore_kollegor"] = Answer("Veckomöte")
    again.save(report, ["fore_kollegor"])
    again.close()
    assert again.path == handle.path
    assert len(list(handle.path.parent.iterdir())) == 1


def test_an_impossible_folder_is_a_swedish_error(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    handle = ReportFile(blocker / "rapporter", kartlaggning)
    report = new_report(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    with pytest.raises(IntervjufasError) as caught:
        handle.save(report, ["uppdrag"])
    assert (
        caught.value.message
        == f"Kan inte skapa mappen {blocker / 'rapporter'}: en del av sökvägen är inte en mapp."
    )


def test_a_refused_file_is_a_swedish_error(
    tmp_path: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal as an unwritable folder, also when the tests run with full rights."""
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    folder = tmp_path / "rapporter"
    folder.mkdir()
    monkeypatch.setattr(os, "open", refuse)
    handle = ReportFile(folder, kartlaggning)
    report = new_report(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    with pytest.raises(IntervjufasError) as caught:
        handle.save(report, ["uppdrag"])
    assert (
        caught.value.message
        == f"Kan inte skapa rapporten {folder / '2024-05-01-lager.md'}: behörighet saknas."
    )


@pytest.mark.skipif(IS_ROOT, reason="file permissions do not apply to root")
def test_an_unwritable_folder_is_a_swedish_error(tmp_path: Path, kartlaggning: Questionnaire) -> None:
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        handle = ReportFile(folder, kartlaggning)
        report = new_report(kartlaggning)
        report.answers["uppdrag"] = Answer("Lager")
        with pytest.raises(IntervjufasError, match=r"behörighet saknas\.$"):
            handle.save(report, ["uppdrag"])
    finally:
        folder.chmod(0o700)


def test_a_new_report_takes_the_assignments_date_as_its_name(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    handle = ReportFile(reports_dir, kartlaggning)
    report = Report.new(kartlaggning)
    report.answers["uppdrag"] = Answer("Lager")
    handle.save(report, ["uppdrag"])
    assert handle.path is not None
    first = handle.path
    assert first.name == f"{report.created[:10]}-lager.md"  # the date is asked after the assignment
    taken = reports_dir / "2023-02-03-lager.md"
    taken.write_text("en annan rapport", encoding="utf-8")
    report.answers["datum"] = Answer("2023-02-03")
    handle.save(report, ["datum"])
    assert handle.path == reports_dir / "2023-02-03-lager-2.md"  # never over another file
    assert not first.exists() and taken.read_text(encoding="utf-8") == "en annan rapport"
    assert parse(handle.path.read_text(encoding="utf-8"), kartlaggning).answers["datum"] == Answer(
        "2023-02-03"
    )
    report.answers["fore_kunden"] = Answer("Agenda")
    handle.save(report, ["fore_kunden"])
    assert handle.path == reports_dir / "2023-02-03-lager-2.md"  # named once
    handle.close()
    assert sorted(p.name for p in reports_dir.iterdir()) == ["2023-02-03-lager-2.md", "2023-02-03-lager.md"]


def test_a_renaming_cut_short_is_finished_by_the_next_session(
    reports_dir: Path, kartlaggning: Questionnaire
) -> None:
    report = Report.new(kartlaggning)
    report.answers.update({"uppdrag": Answer("Lager"), "datum": Answer("2023-02-03")})
    reports_dir.mkdir(parents=True)
    final = reports_dir / "2023-02-03-lager.md"
    final.write_text(render(report, kartlaggning), encoding="utf-8")
    old = reports_dir / f"{report.created[:10]}-lager.md"
    os.link(final, old)  # killed between the new name and removing the old one
    other = ReportFile(reports_dir, kartlaggning)
    second = Report.new(kartlaggning)
    second.answers["uppdrag"] = Answer("Butik")
    other.save(second, ["uppdrag"])
    other.close()
    assert final.exists() and not old.exists()


def test_the_first_save_tidies_the_folder_from_one_listing(
    reports_dir: Path, kartlaggning: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What killed sessions left – an abandoned temporary file, a dead lock, the old name of a
    renaming cut short – goes at a session's first save, and the folder is listed once for all of
    it (a folder of 20,000 reports is not listed three times)."""
    report = Report.new(kartlaggning)
    report.answers.update({"uppdrag": Answer("Lager"), "datum": Answer("2023-02-03")})
    reports_dir.mkdir(parents=True)
    final = reports_dir / "2023-02-03-lager.md"
    final.write_text(render(report, kartlaggning), encoding="utf-8")
    old = reports_dir / f"{report.created[:10]}-lager.md"
    os.link(final, old)
    temporary = reports_dir / ".2023-02-03-lager.md.999999.annan-dator.ab12.tmp"
    temporary.write_text("halvskriven", encoding="utf-8")
    os.utime(temporary, (1_000_000_000, 1_000_000_000))  # (older than an hour: abandoned)
    dead_lock = reports_dir / ".borttagen.md.lock"
    dead_lock.write_text("", encoding="utf-8")
    listed: list[object] = []
    real_scandir = os.scandir

    def counted(path: object = ".") -> object:
        if Path(str(path)) == reports_dir:
            listed.append(path)
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", counted)
    other = ReportFile(reports_dir, kartlaggning)
    second = Report.new(kartlaggning)
    second.answers["uppdrag"] = Answer("Butik")
    other.save(second, ["uppdrag"])
    other.close()
    assert final.exists() and not old.exists()
    assert not temporary.exists() and not dead_lock.exists()
    assert len(listed) == 1
