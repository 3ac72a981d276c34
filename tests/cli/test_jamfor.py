"""`intervjufas jamfor`: two reports compared question by question, as text or Markdown."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from markdown_it import MarkdownIt
from rich.console import Console

from helpers import FIXTURE_REPORTS, command
from intervjufas.folder.loading import load_report
from intervjufas.model.answer_codec import coerce
from intervjufas.questionsets.catalog import builtin_text, load_set_file
from intervjufas.reading.comparison import compare, earlier_report
from intervjufas.report.model import Report
from intervjufas.report.render import render
from intervjufas.views.comparison_markdown import comparison_markdown
from intervjufas.views.comparison_text import comparison_renderable

FIXTURES = FIXTURE_REPORTS
FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
SECOND = "2024-02-20-truckforare-till-nordlager.md"
CRLF = "2024-02-28-kundtjanst-till-servicebolaget.md"
QUICK = "2024-03-05-plockare-till-nordlager.md"


jamfor = command("jamfor", columns=200)


# -- word diff ----------------------------------------------------------------------------------


# -- comparing two reports ----------------------------------------------------------------------


def test_two_reports_of_the_same_customer(reports: Path):
    result = jamfor("2024-01", "2024-02-20")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"A: {FIRST}\n     2024-01-15 · Lagerarbetare till Nordlager · Nordlager AB" in out
    assert f"B: {SECOND}\n     2024-02-20 · Truckförare till Nordlager · Nordlager AB" in out
    assert (
        "Uppgifter om uppdraget\n  Uppdrag: Lagerarbetare till Nordlager → Truckförare till Nordlager" in out
    )
    assert "  Datum: 2024-01-15 → 2024-02-20\n" in out
    assert "Kund:" not in out  # the same customer
    # paired by id, although the heading was reworded by hand in B
    assert (
        "Ändrat: Hur förbereder du kunden?\n    Vi går igenom kravprofilen{+, intervjufrågorna+} och " in out
    )
    assert "[-intervjufrågorna-]{+rollerna+} tillsammans [-en vecka-]{+två veckor+} innan." in out
    assert "Ändrat: Finns det en tydlig struktur?\n    [-Delvis-]{+Ja+}\n" in out
    assert "Bara i A: Reflektion · Vad skulle det vara och med vilket syfte?" in out
    assert "Bara i B: Vad skulle det vara och med vilket syfte?\n    Utvärdering med kunden" in out
    assert re.search(r"Betyg \(A → B\)\n\s+Steg 1\s+Kunden\s+3 → 4 \(\+1\)\n", out)
    assert re.search(r"Steg 2\s+Kandidaten\s+2 → 3 \(\+1\)", out)
    assert (
        "Nya moment i B:\n    + Steg 2 · Utveckla: Kandidatens frågor – Ge tid för kandidatens egna frågor"
        in out
    )
    assert "    + Steg 3 · Lägga till: Utvärdering med kunden – Lära till nästa uppdrag" in out
    assert "Moment som bara finns i A:\n    − Steg 1 · Lägga till: Checklista till kunden" in out
    assert "Tydligare avslut" not in out.split("Utvecklingsplan")[-1]  # in both plans
    assert re.search(r"Oförändrade svar: \d+ av \d+ jämförda\.", out)
    assert "\x1b[" not in out and not any(line.endswith(" ") for line in out.splitlines())


def test_the_comparison_as_data(reports: Path):
    comparison = compare(load_report(reports / FIRST), load_report(reports / SECOND))
    assert comparison.differs and comparison.same_set
    assert [s.title for s in comparison.sections] == [
        "Steg 1: Före intervjun",
        "Steg 2: Under intervjun",
        "Steg 3: Efter intervjun",
    ]
    step1 = comparison.sections[0]
    assert [c.question_id for c in step1.changed] == [
        "fore_kunden",
        "fore_lagga_till",
        "fore_upplevelse_kandidat",
    ]
    assert [o.question_id for o in step1.only_a] == ["fore_lagga_till_vad"]
    assert [m.key for m in comparison.metadata] == ["uppdrag", "roll", "intervjuform", "datum"]
    assert [(r.a, r.b, r.change) for r in comparison.ratings][:2] == [(3, 4, 1), (3, 4, 1)]
    assert [i.moment for i in comparison.items_added] == ["Kandidatens frågor", "Utvärdering med kunden"]
    assert [i.moment for i in comparison.items_dropped] == ["Checklista till kunden"]
    unchanged_texts = {"fore_kandidaten", "fore_kollegor", "fore_upplevelse_kund", "under_genomfor"}
    assert comparison.unchanged >= len(unchanged_texts)


def test_identical_reports_and_exit_code(reports: Path, tmp_path: Path):
    copy = tmp_path / "kopia.md"
    shutil.copy(reports / CRLF, copy)
    copy.write_bytes(copy.read_bytes().replace(b"\r\n", b"\n"))  # line endings are no difference
    same = jamfor(CRLF, str(copy), "--exit-code")
    assert same.exit_code == 0, same.output
    assert "Inga skillnader (" in same.stdout
    different = jamfor(FIRST, SECOND, "--exit-code")
    assert different.exit_code == 1
    assert different.stderr == ""
    assert jamfor(FIRST, SECOND).exit_code == 0


def test_one_report_is_compared_with_an_earlier_one_of_the_same_set_and_customer(reports: Path):
    def earlier(name: str) -> str:
        return earlier_report(load_report(reports / name)).path.name

    assert earlier(SECOND) == FIRST
    assert earlier(CRLF) == SECOND  # no earlier report for Servicebolaget: the newest earlier one
    # the quick mapping of the same customer is never paired with the full mappings before it
    result = jamfor("2024-03-05")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Fel: Det finns ingen tidigare rapport med frågeuppsättningen snabbformat i {reports} att jämföra {QUICK} med."
    )


def test_a_quick_mapping_is_compared_with_an_earlier_quick_one(reports: Path):
    text = (reports / QUICK).read_text(encoding="utf-8")
    for old, new in (
        ("d4e5f6a1b2c3", "0a0b0c0d0e0f"),
        ("'2024-03-05'", "'2023-12-01'"),
        ("2024-03-05T", "2023-12-01T"),
    ):
        text = text.replace(old, new)
    (reports / "2023-12-01-plockare-till-nordlager.md").write_text(text, encoding="utf-8")
    result = jamfor("2024-03-05")
    assert result.exit_code == 0, result.output
    assert "A: 2023-12-01-plockare-till-nordlager.md" in result.stdout and f"B: {QUICK}" in result.stdout
    assert "olika frågeuppsättningar" not in result.stdout
    assert "finns inte i frågeuppsättningen" not in result.stdout


def test_the_first_report_has_nothing_earlier(reports: Path):
    result = jamfor(FIRST)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Fel: Det finns ingen tidigare rapport med frågeuppsättningen kartlaggning i {reports} att jämföra {FIRST} med."
    )
    assert result.stderr.count("\n") == 1


def test_unknown_ids_and_different_versions_of_a_set(reports: Path, tmp_path: Path):
    sets = tmp_path / "egna-fragor"
    sets.mkdir()
    text = builtin_text("kartlaggning").decode("utf-8").replace("version: 1", "version: 2", 1)
    old = "      - id: fore_kollegor\n        text: Hur involverar du dina kollegor?\n"
    assert old in text
    text = text.replace(old, "      - id: fore_tidsplan\n        text: Hur ser tidsplanen ut?\n")
    (sets / "kartlaggning.yaml").write_text(text, encoding="utf-8")
    version2 = load_set_file(sets / "kartlaggning.yaml")
    report = Report.new(version2)
    for key, raw in {
        "uppdrag": "Lagerarbetare till Nordlager",
        "kund": "Nordlager AB",
        "datum": "2024-04-02",
        "fore_kunden": "Vi går igenom kravprofilen och intervjufrågorna tillsammans en vecka innan.",
        "fore_tidsplan": "Två veckor från annons till beslut.",
    }.items():
        report.answers[key] = coerce(version2.question(key), raw)
    (reports / "2024-04-02-v2.md").write_text(render(report, version2), encoding="utf-8")

    result = jamfor(FIRST, "2024-04-02-v2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "olika versioner av frågeuppsättningen kartlaggning (A: version 1, B: version 2)" in out
    assert "Bara i A: Hur involverar du dina kollegor? (finns inte i frågeuppsättningen för B)" in out
    assert "Bara i B: Hur ser tidsplanen ut? (finns inte i frågeuppsättningen för A)" in out
    assert "Ändrat: Hur förbereder du kunden?" not in out  # the same answer in both versions


def test_a_hand_added_id_known_to_neither_set(reports: Path, tmp_path: Path):
    edited = tmp_path / "andrad.md"
    text = (reports / QUICK).read_text(encoding="utf-8")
    edited.write_text(
        text.replace("videointervjuer nästa gång", "videointervjuer redan i maj"), encoding="utf-8"
    )
    result = jamfor(QUICK, str(edited))
    assert result.exit_code == 0, result.output
    assert "Egen anteckning (finns inte i frågeuppsättningen för A och B)" in result.stdout
    assert "Kunden vill prova videointervjuer [-nästa gång-]{+redan i maj+}." in result.stdout


def test_colour_in_a_terminal_and_markers_without_it(reports: Path):
    comparison = compare(load_report(reports / FIRST), load_report(reports / SECOND))
    coloured = Console(file=StringIO(), force_terminal=True, color_system="truecolor", width=200)
    coloured.print(comparison_renderable(comparison))
    assert re.search(r"\x1b\[31m\[-en vecka-\]\x1b\[0m\x1b\[32m\{\+två veckor\+\}", coloured.file.getvalue())
    plain = Console(file=StringIO(), force_terminal=True, no_color=True, width=200)
    plain.print(comparison_renderable(comparison))
    output = plain.file.getvalue()
    assert "[-en vecka-]{+två veckor+}" in re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert not re.search(r"\x1b\[[0-9;]*3[12]m", output)  # no red or green with NO_COLOR


def _inline_text(tokens) -> str:
    return "".join(
        child.content
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "text"
    )


def test_markdown_output_renders_its_marks(reports: Path):
    result = jamfor(FIRST, SECOND, "--format", "markdown")
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    assert markdown.startswith("# Jämförelse av två rapporter\n")
    assert "## Steg 1: Före intervjun" in markdown
    assert "| Steg 1 | Kunden | 3 | 4 | +1 |" in markdown
    assert "| Steg 3 | Lägga till | Utvärdering med kunden | Lära till nästa uppdrag |" in markdown
    tokens = MarkdownIt("commonmark").enable(["strikethrough", "table"]).parse(markdown)
    inline = [child.type for token in tokens if token.children for child in token.children]
    assert inline.count("s_open") >= 5 and inline.count("strong_open") >= 5
    assert "**" not in _inline_text(tokens) and "~~" not in _inline_text(tokens)
    # a change that starts with punctuation is widened to the whole word, so the marks still work
    assert "~~kravprofilen~~**kravprofilen, intervjufrågorna**" in markdown
    assert "> ~~Delvis~~**Ja**\\\n> ~~Strukturen varierar mellan intervjuerna~~" in markdown


def test_markdown_escapes_answer_text(reports: Path):
    comparison = compare(load_report(reports / FIRST), load_report(reports / SECOND))
    comparison.sections[0].changed[0].diff[0][0] = ("equal", "*inte* ~~så~~ [länk](x) | rör ")
    markdown = comparison_markdown(comparison)
    tokens = MarkdownIt("commonmark").enable(["strikethrough", "table"]).parse(markdown)
    assert "*inte* ~~så~~ [länk](x) | rör" in _inline_text(tokens)


def test_output_file(reports: Path, tmp_path: Path):
    target = tmp_path / "jamforelse.md"
    result = jamfor(FIRST, SECOND, "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Jämförelsen är sparad i {target}.\n"
    assert target.read_text(encoding="utf-8") == jamfor(FIRST, SECOND, "--format", "markdown").stdout
    text_file = tmp_path / "jamforelse.txt"
    assert jamfor(FIRST, SECOND, "--utfil", str(text_file)).exit_code == 0
    content = text_file.read_text(encoding="utf-8")
    assert "[-en vecka-]{+två veckor+}" in content and "\x1b[" not in content
    unwritable = jamfor(FIRST, SECOND, "-o", str(tmp_path / "saknas" / "x.md"))
    assert unwritable.exit_code == 1
    assert unwritable.stderr.startswith("Fel: Kan inte skriva i mappen")


def test_usage_errors(reports: Path):
    wrong = jamfor(FIRST, SECOND, "--format", "html")
    assert wrong.exit_code == 2
    assert wrong.stderr == "Fel: Okänt format 'html' för --format; välj text eller markdown.\n"
    missing = jamfor()
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Fel: Argumentet A saknas.")
    broken = jamfor(FIRST, "2024-03-10")
    assert broken.exit_code == 1
    assert "huvudet är inte giltig YAML" in broken.stderr


def test_reports_of_a_question_set_that_is_not_installed(reports: Path, tmp_path: Path):
    for name, answer in (("a.md", "en vecka"), ("b.md", "två veckor")):
        text = (
            (reports / FIRST)
            .read_text(encoding="utf-8")
            .replace("  id: kartlaggning", "  id: egen_uppsattning")
        )
        (tmp_path / name).write_text(text.replace("en vecka innan", f"{answer} innan"), encoding="utf-8")
    result = jamfor(str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2024-01-15 · Lagerarbetare till Nordlager · Nordlager AB" in out
    assert "Frågeuppsättningen egen_uppsattning finns inte här" in out
    assert "Övriga svar\n  Ändrat: Hur förbereder du kunden?" in out
    assert "[-en vecka-]{+två veckor+}" in out
