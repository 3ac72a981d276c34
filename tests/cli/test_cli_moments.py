"""The process map from the command line: moments in an answers file, the report's Processkarta
and its count in the header, question files with moment questions, the map a new mapping starts
from (the latest one, a named report's, or none with ``--ny-karta``), and piped plain answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURE_REPORTS, CliResult, run_cli
from intervjufas.model.answers import Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import read_front_matter
from intervjufas.report.model import Report
from intervjufas.report.parse import parse

NO_PLANS = {
    **{
        f"{step}_{plan}": "nej"
        for step in ("fore", "under", "efter")
        for plan in ("lagga_till", "utveckla", "ta_bort")
    },
    "under_struktur": "Ja",
    "under_syfte": "Ja",
    "efter_rutin": "Ja",
}


def answers_file(tmp_path: Path, answers: dict, name: str = "svar.yaml") -> Path:
    path = tmp_path / name
    path.write_text(
        yaml.safe_dump({**NO_PLANS, **answers}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return path


def mapping(tmp_path: Path, answers: dict, *options: str, name: str = "svar.yaml") -> Path:
    """A finished mapping from an answers file; the path of the report it wrote."""
    folder = tmp_path / "rapporter"
    before = set(folder.glob("*.md")) if folder.exists() else set()
    result = run_cli("kartlagg", "--svar", str(answers_file(tmp_path, answers, name)), *options)
    assert result.exit_code == 0, result.output
    (path,) = set(folder.glob("*.md")) - before
    return path


def read(path: Path, set_id: str = "kartlaggning") -> Report:
    return parse(path.read_text(encoding="utf-8"), builtin_set(set_id))


def section(path: Path, title: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:] if end < 0 else text[start:end]


def one_error(result: CliResult) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("Fel: "), result.stderr
    return lines[0]


# -- moments in an answers file ---------------------------------------------------------------------


def test_moments_as_names_or_with_whom_they_involve_and_a_note(tmp_path: Path, reports_dir: Path) -> None:
    path = mapping(
        tmp_path,
        {
            "uppdrag": "Lager",
            "datum": "2024-05-01",
            "fore_karta": [
                {"namn": "Kravprofil med kunden", "beror": ["kunden"], "notering": "En vecka före"},
                {"namn": "Informationsutskick", "beror": "kandidaten, kunden"},
                {"namn": "Referenser", "utvecklat": "2024-04-01", "id": "ref00001"},
            ],
            "under_karta": ["Intervjun", "Avslutet"],
            "efter_karta": "Återkoppling",
        },
    )
    answers = read(path).answers
    assert answers["fore_karta"].value == (
        Moment("Kravprofil med kunden", ("kunden",), "En vecka före"),
        Moment("Informationsutskick", ("kunden", "kandidaten")),  # in the order of INVOLVED
        Moment("Referenser", developed="2024-04-01"),
    )
    assert answers["under_karta"].value == (Moment("Intervjun"), Moment("Avslutet"))
    assert answers["efter_karta"].value == (Moment("Återkoppling"),)
    ids = [m.id for q in ("fore_karta", "under_karta", "efter_karta") for m in answers[q].value]  # type: ignore[union-attr]
    assert ids[2] == "ref00001"  # an id given is kept
    assert len(set(ids)) == 6 and all(i and not i.isdigit() for i in ids)

    text = path.read_text(encoding="utf-8")
    assert "1. **Kravprofil med kunden**<!-- moment: " in text
    assert "   - Berör: kunden\n   - Notering: En vecka före\n" in text
    assert "3. **Referenser**<!-- moment: ref00001 -->\n   - Utvecklat: 2024-04-01\n" in text
    assert read_front_matter(path, check=True)["karta"] == 6


ID_RULE = "i ett moment ska vara bokstäver a–z, siffror, - eller _, med minst en bokstav"


@pytest.mark.parametrize(
    ("value", "line", "message"),
    [
        ("7", 2, "ange en lista med moment (namn, beror, notering)"),
        (
            "[[Kravprofil, Intervju]]",
            2,
            "varje moment ska vara en text eller ha nycklarna namn, beror, notering och uppdragsnotering",
        ),
        (
            "\n  - namn: Kravprofil\n    vem: kunden",
            2,
            "okänd nyckel 'vem' i ett moment (tillåtna: namn, beror, notering, uppdragsnotering, utvecklat, id)",
        ),
        ("\n  - {beror: kunden}", 2, "ett moment saknar namn"),
        ("[Kravprofil, '  ']", 2, "ett moment saknar namn"),
        (
            "\n  - {namn: Kravprofil, utvecklat: i våras}",
            2,
            "'i våras' är inte ett datum på formen ÅÅÅÅ-MM-DD",
        ),
        ("[{namn: A, id: ab12}, {namn: B, id: ab12}]", 2, "id 'ab12' används av två moment"),
        # An id must fit the report's comment (and, like the program's own, not be digits only).
        *[
            (f"\n  - namn: Kravprofil\n    id: {given}", 2, f"id '{shown}' {ID_RULE}")
            for given, shown in (
                ('"a -->b"', "a -->b"),
                ('"x, moment: y"', "x, moment: y"),
                ("12345678", "12345678"),
            )
        ],
    ],
)
def test_a_moment_of_the_wrong_shape_is_one_error_line(
    tmp_path: Path, reports_dir: Path, value: str, line: int, message: str
) -> None:
    path = tmp_path / "svar.yaml"
    path.write_text(f"uppdrag: Lager\nfore_karta: {value}\n", encoding="utf-8")
    error = one_error(run_cli("kartlagg", "--svar", str(path)))
    assert error == f"Fel: {path}:{line}: 'fore_karta': {message}."
    assert not reports_dir.exists() or not list(reports_dir.iterdir())  # nothing written


# -- the report's Processkarta ----------------------------------------------------------------------


def test_the_report_draws_the_map_with_its_marks(tmp_path: Path, reports_dir: Path) -> None:
    path = mapping(
        tmp_path,
        {
            "uppdrag": "Lager",
            "fore_karta": [{"namn": "Kravprofil", "beror": "kunden"}, "Pappersenkät"],
            "fore_lagga_till": "ja",
            "fore_lagga_till_vad": [
                {"moment": "Välkomstsamtal", "varfor": "Trygghet", "beror": "kandidaten"}
            ],
            "fore_ta_bort": "ja",
            # Named as on the map (case and spacing aside): the item is about that moment.
            "fore_ta_bort_vad": [{"moment": "pappersenkät ", "varfor": "Ingen läser den"}],
            "under_karta": ["Avslutet"],
            "under_utveckla": "ja",
            "under_utveckla_vad": [
                {"moment": "Avslutet", "varfor": "Tydligare"},
                "Något som inte är på kartan",
            ],
        },
    )
    drawn = section(path, "Processkarta")
    assert drawn.index("```mermaid\nflowchart LR") < drawn.index(
        "| Fas | Moment | Förändring | Berör | Notering |"
    )
    rows = [line for line in drawn.split("\n") if line.startswith("| ") and "---" not in line][1:]
    assert rows == [
        "| Före intervjun | Kravprofil |   | kunden |   |",
        "| Före intervjun | Pappersenkät | Ta bort |   |   |",
        "| Före intervjun | Välkomstsamtal | Nytt | kandidaten |   |",
        "| Under intervjun | Avslutet | Utveckla |   |   |",
    ]
    report = read(path)
    [avslut] = report.answers["under_karta"].value  # type: ignore[misc]
    assert [i.moment_id for i in report.answers["under_utveckla_vad"].value] == [avslut.id, ""]  # type: ignore[union-attr]
    header = read_front_matter(path, check=True)
    assert header["karta"] == 3  # mapped moments; the one to add is not on the map yet
    assert len(header["atgarder"]) == 4


def test_nothing_mapped_says_so_and_counts_none(tmp_path: Path, reports_dir: Path) -> None:
    path = mapping(tmp_path, {"uppdrag": "Lager"})
    assert section(path, "Processkarta").split("\n")[2] == "*Inga moment kartlagda ännu.*"
    assert read_front_matter(path, check=True)["karta"] == 0


def test_a_snabbformat_report_has_its_map_too(tmp_path: Path, reports_dir: Path) -> None:
    answers = tmp_path / "snabb.yaml"
    answers.write_text(
        "uppdrag: Butik\nforbered_moment: [Kravprofil]\ngenomfor_moment: [Intervjun]\n"
        "snabb_utveckla_vad: [{moment: intervjun, varfor: Kortare}]\n",
        encoding="utf-8",
    )
    assert run_cli("snabb", "--svar", str(answers)).exit_code == 0
    (path,) = reports_dir.glob("*.md")
    assert "| Under intervjun | Intervjun | Utveckla |   |   |" in section(path, "Processkarta")
    assert read_front_matter(path, check=True)["karta"] == 2


# -- question files with moment questions -----------------------------------------------------------

OWN_SET = """\
id: egen
version: 1
titel: Egen
metadata:
  - {{id: uppdrag, text: Uppdrag?, typ: text, obligatorisk: true}}
steg:
  - id: ett
    etikett: Del 1
    titel: Processen
    fragor:
      - {{id: karta, text: Vilka moment?, typ: moment{fas}}}
"""


def test_validera_a_moment_question_without_a_phase(tmp_path: Path) -> None:
    path = tmp_path / "egen.yaml"
    path.write_text(OWN_SET.format(fas=""), encoding="utf-8")
    code, out, _ = run_cli("validera", str(path))
    assert code == 1
    assert f"{path}:11:9: frågor av typen 'moment' behöver nyckeln 'fas' (fore, under eller efter)" in out


def test_validera_a_moment_question_with_an_unknown_phase(tmp_path: Path) -> None:
    path = tmp_path / "egen.yaml"
    path.write_text(OWN_SET.format(fas=", fas: sedan"), encoding="utf-8")
    code, out, _ = run_cli("validera", str(path))
    assert code == 1
    assert f"{path}:11:60: okänd fas 'sedan' (tillåtna: fore, under, efter)" in out
    path.write_text(OWN_SET.format(fas=", fas: efter"), encoding="utf-8")
    assert run_cli("validera", str(path)).exit_code == 0


def test_a_phase_on_a_question_that_is_not_about_the_map(tmp_path: Path) -> None:
    path = tmp_path / "egen.yaml"
    path.write_text(OWN_SET.format(fas=", fas: fore").replace("typ: moment", "typ: text"), encoding="utf-8")
    code, out, _ = run_cli("validera", str(path))
    assert code == 1
    assert "'fas' används bara av typerna" in out and "moment" in out


# -- the map a new mapping starts from ----------------------------------------------------------------

FIRST = {
    "uppdrag": "Lager A",
    "datum": "2024-05-01",
    "fore_karta": [{"namn": "Kravprofil", "beror": "kunden"}, "Pappersenkät"],
    "under_karta": ["Intervjun"],
}


def test_a_new_mapping_starts_from_the_latest_map(tmp_path: Path, reports_dir: Path) -> None:
    first = read(mapping(tmp_path, FIRST))
    second = read(mapping(tmp_path, {"uppdrag": "Lager B"}, name="b.yaml"))  # no moments given: Enter
    assert second.answers["fore_karta"].value == first.answers["fore_karta"].value
    assert [m.id for m in second.answers["fore_karta"].value] == [
        m.id for m in first.answers["fore_karta"].value
    ]  # type: ignore[union-attr]
    assert second.answers["efter_karta"].value is None


def test_ny_karta_starts_blank(tmp_path: Path, reports_dir: Path) -> None:
    mapping(tmp_path, FIRST)
    blank = read(mapping(tmp_path, {"uppdrag": "Lager B"}, "--ny-karta", name="b.yaml"))
    assert all(blank.answers[q].value is None for q in ("fore_karta", "under_karta", "efter_karta"))


def test_the_authors_own_map_first(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Anna")
    mapping(tmp_path, FIRST)
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Bo")
    mapping(
        tmp_path,
        {**FIRST, "uppdrag": "Bos", "datum": "2024-06-01", "fore_karta": ["Bos moment"]},
        name="b.yaml",
    )
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", "Anna")
    annas = read(mapping(tmp_path, {"uppdrag": "Lager C", "datum": "2024-07-01"}, name="c.yaml"))
    assert [m.name for m in annas.answers["fore_karta"].value] == ["Kravprofil", "Pappersenkät"]  # type: ignore[union-attr]
    assert annas.author == "Anna"


PLAIN_METADATA = "{uppdrag}\n{kund}\n\n\n1\n\n"  # uppdrag, kund, roll, intervjuformer, individuellt, datum
STEP_1_TEXTS = "\n\n\n"  # the three long texts of Steg 1, left empty


def plain(*options: str, typed: str) -> CliResult:
    return run_cli("kartlagg", "--enkel", *options, input=typed)


def test_utga_fran_a_report_without_a_map_offers_its_plans_moments(reports_dir: Path) -> None:
    reports_dir.mkdir(parents=True)
    earlier = reports_dir / "2024-01-15-lagerarbetare-till-nordlager.md"
    shutil.copy(FIXTURE_REPORTS / earlier.name, earlier)
    typed = "\n" * 6 + STEP_1_TEXTS  # the earlier report's answers, each kept with Enter
    typed += "+ Referenser ; 1,2 ; ; Per telefon\n\n"  # keep the one offered, add one, keep the map
    result = plain("--utga-fran", str(earlier), "--steg", "1", "--utan-uppfoljning", typed=typed)
    assert result.exit_code == 130, result.output  # (the input ends in the reflection)
    out = result.stdout
    assert f"Momenten föreslås från processkartan i {earlier.name}.\n" in out  # where they come from
    assert "  1. Checklista till kunden\n" in out  # the map printed, numbered
    assert "Lade till 2. Referenser (kunden, kandidaten)." in out
    (path,) = set(reports_dir.glob("*.md")) - {earlier}
    moments = read(path).answers["fore_karta"].value
    assert moments == (
        Moment("Checklista till kunden"),
        Moment("Referenser", ("kunden", "kandidaten"), "Per telefon"),
    )
    assert all(m.id for m in moments)  # type: ignore[union-attr]


def test_plain_answers_keep_rename_and_remove_the_offered_moments(tmp_path: Path, reports_dir: Path) -> None:
    first = read(mapping(tmp_path, FIRST))
    typed = PLAIN_METADATA.format(uppdrag="Lager B", kund="") + STEP_1_TEXTS
    typed += "r 1 Kravprofil med kunden\nt 2\n\n"  # rename the first, remove the second, keep the map
    typed += "\n5\n1\nKortare\n\n\n"  # add nothing; develop a moment picked on the map (5 is not there)
    result = plain("--steg", "1", "--utan-uppfoljning", typed=typed)
    assert result.exit_code == 130, result.output  # (the input ends in the last reflection of Steg 1)
    out = result.stdout
    assert out.count("Momenten föreslås från processkartan i ") == 1  # said once, at the first map question
    assert "  1. Kravprofil (kunden)\n  2. Pappersenkät\n" in out
    assert "Momenten på din processkarta:\n  1) Kravprofil med kunden\nSkriv numren" in out
    assert "Skriv nummer mellan 1 och 1, t.ex. 1,3. Försök igen." in out
    (path,) = [p for p in reports_dir.glob("*.md") if "lager-b" in p.name]
    answers = read(path).answers
    [renamed] = answers["fore_karta"].value  # type: ignore[misc]
    [kravprofil, _] = first.answers["fore_karta"].value  # type: ignore[misc]
    assert (renamed.name, renamed.involves, renamed.id) == (
        "Kravprofil med kunden",
        ("kunden",),
        kravprofil.id,
    )
    [item] = answers["fore_utveckla_vad"].value  # type: ignore[misc]
    assert (item.moment, item.why, item.moment_id) == ("Kravprofil med kunden", "Kortare", kravprofil.id)


def test_follow_ups_done_before_a_stop_still_change_the_map(tmp_path: Path, reports_dir: Path) -> None:
    """A mapping stopped after its follow-up and continued later offers the map the follow-up
    changed: the moment added, the one removed gone, the one developed with its date."""
    first = mapping(
        tmp_path,
        {
            **FIRST,
            "kund": "Nordlager AB",
            "fore_lagga_till": "ja",
            "fore_lagga_till_vad": [{"moment": "Välkomstsamtal", "beror": "kandidaten"}],
            "fore_ta_bort": "ja",
            "fore_ta_bort_vad": ["Pappersenkät"],
            "under_utveckla": "ja",
            "under_utveckla_vad": ["Intervjun"],
        },
    )
    follow_ups = "1\n\n" * 3  # Genomfört, no comment
    typed = PLAIN_METADATA.format(uppdrag="Lager B", kund="Nordlager AB") + follow_ups + "\n"
    stopped = plain("--steg", "1", typed=typed)
    assert stopped.exit_code == 130, stopped.output  # (the input ends at the second question of Steg 1)
    assert "Du har 3 öppna moment för Nordlager AB." in stopped.stdout
    (path,) = set(reports_dir.glob("*.md")) - {first}
    assert sorted(read_front_matter(path, check=True)["uppfoljning"].values()) == ["Genomfört"] * 3

    typed = STEP_1_TEXTS[1:] + "\n" + "\n" + "\n\n" * 2 + "\n\n\n\n"  # Steg 1: keep the map, plan nothing
    typed += "\n1\n\n1\n\n" + "\n"  # Steg 2: a text, two menus, keep the map offered
    continued = plain("--fortsatt", str(path), typed=typed)
    assert continued.exit_code == 130, continued.output  # (the input ends in Steg 2's reflection)
    out = continued.stdout
    assert "  1. Kravprofil (kunden)\n  2. Välkomstsamtal (kandidaten)\n" in out
    report = read(path)
    assert f"  1. Intervjun – utvecklat {report.date}\n" in out
    fore, under = report.answers["fore_karta"].value, report.answers["under_karta"].value
    [added] = read(first).answers["fore_lagga_till_vad"].value  # type: ignore[misc]
    assert [(m.name, m.id) for m in fore] == [  # type: ignore[union-attr]
        ("Kravprofil", read(first).answers["fore_karta"].value[0].id),  # type: ignore[index, union-attr]
        ("Välkomstsamtal", added.moment_id),
    ]
    assert fore[1].involves == ("kandidaten",)  # type: ignore[index, union-attr]
    [intervju] = under  # type: ignore[misc]
    assert (intervju.name, intervju.developed) == ("Intervjun", report.date)
    assert f"| Under intervjun | Intervjun | Utvecklat {report.date} |   |   |" in section(
        path, "Processkarta"
    )
