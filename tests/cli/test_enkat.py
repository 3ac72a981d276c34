"""``intervjufas enkat``: a form drawn from a report's map, survey exports of Microsoft Forms and
Google Forms imported and kept beside the report without names, bad files as one line each, the
minimum-count rule, and the answers beside the consultant's ratings in ``visa``, ``trend`` and the
export; ``rensa``, ``--anonymisera`` and ``granska`` cover the kept answers."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import html5lib
import pytest
import yaml
from jsonschema import Draft202012Validator

from feedback_samples import FIXTURES
from helpers import read_cache, run_cli
from intervjufas.files.locking import ReportLock
from intervjufas.reading.feedback.minimum import ENVIRONMENT
from intervjufas.views.json_schema import schema

NAME = "2024-05-01-lagerarbetare-till-nordlager"
MAP = {
    "fore_karta": [
        {"namn": "Information om intervjun", "beror": ["kandidaten"], "id": "inf0rm01"},
        {"namn": "Genomgång av kravprofilen med kunden", "beror": ["kunden"], "id": "krav0001"},
        {"namn": "Påminnelse dagen före", "beror": ["kandidaten"], "id": "pam00001"},
    ],
    "under_karta": [
        {"namn": "Rundvisning på lagret", "beror": ["kandidaten", "kunden"], "id": "rund0001"},
        {"namn": "Presentation av kandidaten för kunden", "beror": ["kunden"], "id": "pres0001"},
    ],
    "efter_karta": [
        {"namn": "Återkoppling till kandidaten", "beror": ["kandidaten"], "id": "ater0001"},
        {"namn": "Avstämning med kunden", "beror": ["kunden"], "id": "avst0001"},
    ],
}
ANSWERS = {
    "uppdrag": "Lagerarbetare till Nordlager",
    "kund": "Nordlager AB",
    "roll": "Lagerarbetare",
    "datum": "2024-05-01",
    **MAP,
    **{f"{step}_{plan}": "nej" for step in ("fore", "under", "efter") for plan in ("lagga_till", "utveckla", "ta_bort")},
    "under_struktur": "Ja",
    "under_syfte": "Ja",
    "efter_rutin": "Ja",
    "fore_betyg_kandidat": 2,
    "under_betyg_kandidat": 3,
    "efter_betyg_kandidat": 2,
    "fore_betyg_kund": 4,
}


@pytest.fixture(autouse=True)
def default_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)


@pytest.fixture
def report(tmp_path: Path, reports_dir: Path) -> Path:
    answers = tmp_path / "svar.yaml"
    answers.write_text(yaml.safe_dump(ANSWERS, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli("kartlagg", "--svar", str(answers))
    assert result.exit_code == 0, result.output
    (path,) = reports_dir.glob("*.md")
    return path


def kept(report: Path) -> Path:
    return report.with_name(f"{report.stem}.enkatsvar.json")


def imported(report: Path, fixture: str, *options: str) -> tuple[int, str, str]:
    code, out, err = run_cli("enkat", report.name, "--importera", str(FIXTURES / fixture), *options)
    return code, out, err


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Fel:")]


# -- the form ---------------------------------------------------------------------------------------


def test_the_candidates_form_asks_about_the_moments_that_involve_them(report: Path) -> None:
    code, out, _ = run_cli("enkat", report.name)
    assert code == 0
    assert "Hur upplevde du rekryteringen?" in out
    for moment in ("Information om intervjun", "Påminnelse dagen före", "Återkoppling till kandidaten"):
        assert moment in out
    assert "Genomgång av kravprofilen med kunden" not in out
    code, out, _ = run_cli("enkat", report.name, "--for", "kund", "--format", "epost")
    assert code == 0
    assert "Genomgång av kravprofilen med kunden" in out and "Påminnelse dagen före" not in out


def test_the_html_page_is_written_parses_and_has_no_script(report: Path, tmp_path: Path) -> None:
    page = tmp_path / "enkat.html"
    code, out, _ = run_cli("enkat", report.name, "--format", "html", "-o", str(page))
    assert code == 0 and out == f"Enkäten är sparad i {page}.\n"
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page.read_text(encoding="utf-8"))
    assert tree.find(".//script") is None
    assert tree.find(".//form") is None  # (nothing to send: a page to fill in and print)
    assert tree.find(".//input[@type='radio']") is not None
    labels = "".join(tree.itertext())
    assert "Rundvisning på lagret" in labels


def test_an_unknown_audience_or_format_is_one_line(report: Path) -> None:
    code, _, err = run_cli("enkat", report.name, "--for", "chefen")
    assert code == 2 and "Okänd mottagare 'chefen' för --for; välj kandidat eller kund." in err
    code, _, err = run_cli("enkat", report.name, "--format", "pdf")
    assert code == 2 and "välj text, epost, markdown eller html" in err


# -- answers back in ---------------------------------------------------------------------------------


def test_a_microsoft_forms_export_is_kept_beside_the_report_without_names(report: Path) -> None:
    code, out, err = imported(report, "microsoft_forms.csv")
    assert code == 0, err
    assert f"sparade 5 nya i {NAME}.enkatsvar.json. Nu finns 5 svar från kandidaterna." in out
    text = kept(report).read_text(encoding="utf-8")
    data = json.loads(text)
    [form] = data["enkater"]
    assert form["for"] == "kandidat" and len(form["svar"]) == 5
    assert {"fore_betyg", "fore_moment.inf0rm01", "fritext"} <= {q["id"] for q in form["fragor"]}
    for column in ("anonymous", "Email", "Name", "Start time"):
        assert column not in text
    code, out, _ = imported(report, "microsoft_forms.csv")  # the same export again
    assert code == 0 and "sparade 0 nya" in out and "5 fanns redan" in out
    assert len(json.loads(kept(report).read_text(encoding="utf-8"))["enkater"][0]["svar"]) == 5


def test_a_google_forms_export_with_personal_data_in_free_text(report: Path) -> None:
    code, out, err = imported(report, "google_forms.csv")
    assert "Google Formulär" in out
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "telefonnummer" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Varning: ") and ", rad 3, kolumn L " in warnings[0]
    text = kept(report).read_text(encoding="utf-8")
    assert "070-123 45 67" not in text and "[personuppgift borttagen]" in text


def test_both_forms_are_kept_side_by_side(report: Path, tmp_path: Path) -> None:
    customer = tmp_path / "kund.csv"
    customer.write_text(
        "fore_betyg,under_betyg,efter_betyg\n4,5,3\n5,4,4\n4,4,2\n", encoding="utf-8"
    )
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, _, err = run_cli("enkat", report.name, "--for", "kund", "--importera", str(customer))
    assert code == 0, err
    data = json.loads(kept(report).read_text(encoding="utf-8"))
    assert sorted(form["for"] for form in data["enkater"]) == ["kandidat", "kund"]


def test_text_converted_twice_is_one_line(report: Path) -> None:
    code, out, err = imported(report, "dubbelkodad.csv")
    assert (code, out) == (1, "")
    assert err == (
        f"Fel: {FIXTURES / 'dubbelkodad.csv'}, rad 1: texten har kodats om två gånger ('Ã¶' där det ska stå "
        "'ö'); hämta svaren på nytt ur enkätverktyget.\n"
    )
    assert not kept(report).exists()


def test_values_off_the_scale_are_one_line_each_and_nothing_is_stored(report: Path) -> None:
    code, out, err = imported(report, "utanfor_skalan.csv")
    assert (code, out) == (1, "")
    lines = errors(err)
    assert lines == err.splitlines() and len(lines) == 5
    assert ", rad 2, kolumn B ('Hur upplevde du tiden före intervjun –…'): 7 ligger utanför skalan 1–5." in lines[0]
    assert lines[-1].startswith("Fel: Inga svar sparades: rätta felen i ")
    assert not kept(report).exists()


def test_semicolons_and_windows_1252_as_a_swedish_excel_saves_them(report: Path) -> None:
    code, out, err = imported(report, "microsoft_forms_semikolon.csv")
    assert code == 0, err
    assert "Microsoft Forms" in out
    assert "Trevligt bemötande på plats." in kept(report).read_text(encoding="utf-8")


def test_extra_columns_warn_once_each_and_names_are_never_kept(report: Path) -> None:
    code, _, err = imported(report, "extra_kolumner.csv")
    assert code == 0, err
    warnings = err.splitlines()
    assert all(line.startswith("Varning: ") for line in warnings)
    assert sum("Vilken avdelning söker du till?" in line for line in warnings) == 1
    assert sum("namn eller kontaktuppgifter" in line for line in warnings) >= 1
    text = kept(report).read_text(encoding="utf-8")
    assert "anna" not in text.casefold() and "Kontor" not in text


def test_a_hundred_thousand_rows_is_one_line(report: Path, tmp_path: Path) -> None:
    big = tmp_path / "stor.csv"
    big.write_text("fore_betyg\n" + "4\n" * 100_000, encoding="utf-8")
    code, out, err = run_cli("enkat", report.name, "--importera", str(big))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("Fel: ") and "10 000" in err.replace("\u00a0", " ")
    assert not kept(report).exists()


def test_a_spreadsheet_workbook_is_one_line(report: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "svar.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    code, _, err = run_cli("enkat", report.name, "--importera", str(workbook))
    assert code == 1 and len(err.splitlines()) == 1 and err.startswith("Fel: ")


def test_a_report_in_a_session_is_not_written_to(report: Path) -> None:
    lock = ReportLock(report)
    lock.acquire()
    try:
        code, _, err = imported(report, "microsoft_forms.csv")
    finally:
        lock.release()
    assert code == 75 and "används redan" in err
    assert not kept(report).exists()


# -- what they said, beside the consultant's rating ------------------------------------------------


def two_answers(tmp_path: Path) -> Path:
    path = tmp_path / "tva.csv"
    path.write_text("fore_betyg,fritext\n5,Bra\n4,Mycket bra\n", encoding="utf-8")
    return path


def test_fewer_than_three_respondents_is_too_few(report: Path, tmp_path: Path) -> None:
    assert run_cli("enkat", report.name, "--importera", str(two_answers(tmp_path)))[0] == 0
    code, out, _ = run_cli("visa", report.name, "--ingen-pager")
    assert code == 0
    assert "Kandidaterna svarade (enkät): för få svar" in out.replace("**", "")
    assert "Mycket bra" not in out
    code, out, _ = run_cli("enkat", report.name, "--resultat")
    assert "För få svar (färre än 3); inget visas." in out
    code, out, _ = run_cli("enkat", report.name, "--resultat", "--minsta-antal-svar", "2")
    assert "median 4,5 av 5 (2 svar" in out and "Mycket bra" in out


def test_a_setting_lowers_the_minimum(report: Path, tmp_path: Path) -> None:
    assert run_cli("enkat", report.name, "--importera", str(two_answers(tmp_path)))[0] == 0
    code, out, _ = run_cli("visa", report.name, "--ingen-pager", env={"INTERVJUFAS_MINSTA_ANTAL_SVAR": "1"})
    assert code == 0 and "median 4,5 av 5 (2 svar" in out
    code, _, err = run_cli("visa", report.name, env={"INTERVJUFAS_MINSTA_ANTAL_SVAR": "noll"})
    assert code == 1
    assert err == "Fel: INTERVJUFAS_MINSTA_ANTAL_SVAR ska vara ett heltal från 1 och uppåt, inte 'noll'.\n"


def test_visa_shows_their_answers_beside_the_consultants_rating(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, out, _ = run_cli("visa", report.name, "--ingen-pager")
    assert code == 0
    plain = out.replace("**", "")
    own = plain.index("Betyg för kandidatens upplevelse")
    theirs = plain.index("Kandidaterna svarade (enkät): median 4 av 5 (5 svar, kvartilavstånd 1)")
    assert own < theirs < plain.index("Steg 2")
    section = plain[plain.index("Kund- och kandidatupplevelse enligt enkäterna") :]
    assert "Kandidaterna (5 svar)" in section
    assert "Information om intervjun (före intervjun): median" in section
    assert "ditt eget betyg: 2" in section
    assert "Tydlig information om vart jag skulle gå." in section


def test_the_whole_export_shows_them_and_the_customer_version_does_not(report: Path, tmp_path: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    whole, customer = tmp_path / "hel.html", tmp_path / "kund.html"
    assert run_cli("exportera", report.name, "-o", str(whole))[0] == 0
    assert run_cli("exportera", report.name, "--kundversion", "-o", str(customer))[0] == 0
    assert "Kandidaterna svarade (enkät)" in whole.read_text(encoding="utf-8")
    assert "Kund- och kandidatupplevelse enligt enkäterna" in whole.read_text(encoding="utf-8")
    assert "enkät" not in customer.read_text(encoding="utf-8")


def test_trend_draws_both_sides_and_its_json_follows_the_schema(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, out, _ = run_cli("trend", columns=200)
    assert code == 0
    assert "Steg 1 · Kandidaten – enligt kandidaterna" in out and "5 svar" in out
    code, out, _ = run_cli("trend", "--json")
    data = json.loads(out)
    Draft202012Validator(schema("trend")).validate(data)
    series = {(s["fraga"], s.get("enkat", "")): s for s in data["trender"][0]["betyg"]}
    own, theirs = series[("fore_betyg_kandidat", "")], series[("fore_betyg_kandidat", "kandidat")]
    assert own["punkter"] == [{"period": "2024-05", "medel": 2.0, "antal_rapporter": 1}]
    assert theirs["punkter"] == [{"period": "2024-05", "medel": 3.6, "antal_rapporter": 1, "antal_svar": 5}]
    keys = list(series)
    assert keys.index(("fore_betyg_kandidat", "kandidat")) == keys.index(("fore_betyg_kandidat", "")) + 1


def test_trend_leaves_out_a_period_with_too_few_answers(report: Path, tmp_path: Path) -> None:
    assert run_cli("enkat", report.name, "--importera", str(two_answers(tmp_path)))[0] == 0
    data = json.loads(run_cli("trend", "--json").stdout)
    [theirs] = [s for s in data["trender"][0]["betyg"] if s.get("enkat")]
    assert theirs["punkter"] == []


# -- rensa, --anonymisera and granska ------------------------------------------------------------------


def test_rensa_removes_the_answers_with_their_report(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, _, err = run_cli("rensa", "--aldre-an", "1d", "--ja")
    assert code == 0, err
    assert not report.exists() and not kept(report).exists()


def test_anonymising_keeps_only_the_ratings(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, _, err = run_cli("rensa", "--aldre-an", "1d", "--ja", "--anonymisera")
    assert code == 0, err
    [answers] = report.parent.glob("*.enkatsvar.json")
    [anonymised] = report.parent.glob("*.md")
    assert answers.name == f"{anonymised.stem}.enkatsvar.json"
    data = json.loads(answers.read_text(encoding="utf-8"))
    [form] = data["enkater"]
    assert {q["typ"] for q in form["fragor"]} == {"skala"}
    assert all(response["nyckel"] == "" for response in form["svar"])
    assert "Tydlig information" not in answers.read_text(encoding="utf-8")
    code, out, _ = run_cli("rensa", "--aldre-an", "1d", "--ja", "--anonymisera")
    assert code == 0 and "1 rapport är redan anonymiserad." in out


def test_answers_imported_after_anonymising_are_anonymised_again(report: Path, tmp_path: Path) -> None:
    assert run_cli("rensa", "--aldre-an", "1d", "--ja", "--anonymisera")[0] == 0
    [anonymised] = report.parent.glob("*.md")
    code, _, err = run_cli("enkat", anonymised.name, "--importera", str(FIXTURES / "microsoft_forms.csv"))
    assert code == 0, err
    code, out, _ = run_cli("rensa", "--aldre-an", "1d", "--ja", "--anonymisera")
    assert code == 0 and "1 rapport anonymiserades." in out
    assert "Tydlig information" not in kept(anonymised).read_text(encoding="utf-8")


def test_granska_scans_the_kept_answers(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    path = kept(report)
    path.write_text(path.read_text(encoding="utf-8").replace("Tydlig information", "Mejla ola@example.com"), encoding="utf-8")
    code, out, _ = run_cli("granska")
    assert code == 1
    assert f"{path.name}:" in out and "e-postadress" in out
    code, out, _ = run_cli("granska", report.name)
    assert code == 1 and f"{path.name}:" in out


def test_an_answers_file_is_no_report_to_folder_commands(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    code, out, err = run_cli("lista")
    assert code == 0 and err == "" and out.count("Lagerarbetare") == 1


def test_validera_accepts_the_shipped_forms() -> None:
    folder = Path(__file__).resolve().parents[2] / "questions" / "enkater"
    code, out, _ = run_cli("validera", *(str(path) for path in sorted(folder.glob("*.yaml"))))
    assert code == 0, out


def test_answers_typed_in_are_checked_and_kept(report: Path) -> None:
    # ten questions: 'before' (9 is off the scale, then 4), the moments and the rest, the free text
    first = "9\n4\n5\n" + "\n" * 7 + "Bra, ring mig på 070-123 45 67\n\n"
    typed = first + "j\n" + "2\n" + "\n" * 9 + "n\n"
    code, out, err = run_cli("enkat", report.name, "--skriv-in", input=typed)
    assert code == 0, err
    assert "Ogiltigt svar: 9 ligger utanför skalan 1–5. Försök igen." in out
    assert "Varning: svaret innehåller det som ser ut som ett telefonnummer" in out
    assert out.rstrip().endswith(f"Sparade 2 svar i {NAME}.enkatsvar.json. Nu finns 2 svar från kandidaterna.")
    [form] = json.loads(kept(report).read_text(encoding="utf-8"))["enkater"]
    one, second = (response["svar"] for response in form["svar"])
    assert one == {"fore_betyg": 4, "fore_moment.inf0rm01": 5, "fritext": "Bra, ring mig på [personuppgift borttagen]"}
    assert second == {"fore_betyg": 2}


def test_typing_in_stopped_at_once_keeps_nothing(report: Path) -> None:
    code, out, _ = run_cli("enkat", report.name, "--skriv-in", input="")
    assert code == 0 and out.rstrip().endswith("Inga svar skrevs in; inget sparades.")
    assert not kept(report).exists()


def test_nothing_of_removed_answers_stays_in_the_scan_cache(report: Path) -> None:
    assert imported(report, "microsoft_forms.csv")[0] == 0
    hour_ago = time.time() - 3600
    for path in report.parent.iterdir():
        os.utime(path, (hour_ago, hour_ago))  # (settled: the cache keeps them)
    assert run_cli("granska")[0] == 0
    [cache] = (Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas").glob("granska/*.cache")
    assert kept(report).name in read_cache(cache)["entries"]
    assert run_cli("rensa", "--aldre-an", "1d", "--ja")[0] == 0
    assert kept(report).name not in read_cache(cache)["entries"]
