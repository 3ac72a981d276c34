"""`intervjufas exportera`: a report to HTML or Word, whole or as the customer version, named and
written safely, with one clear line for every way it can go wrong."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import docx
import html5lib
import pytest

from export_samples import HOSTILE, full_report, write_and_load
from helpers import REPO, command, run_cli
from intervjufas.model.answers import Answer
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.content import clean
from intervjufas.report.model import Report
from intervjufas.report.render import render

exportera = command("exportera")
FULL = "2024-02-20-truckforare-till-nordlager"


def html_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(text)  # valid HTML5, or the test fails
    return text


def docx_text(path: Path) -> str:
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "har"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_html_with_the_report_s_name_in_the_current_folder(reports: Path, here: Path) -> None:
    result = exportera("2024-02-20", "--format", "html")
    assert result.exit_code == 0, result.output
    target = here / f"{FULL}.html"
    assert result.stdout == f"Exporten är sparad i {target}.\n"
    assert result.stderr == ""  # no progress on a quick export, nor off a terminal
    text = html_text(target)
    assert "<h2>Steg 1: Före intervjun</h2>" in text
    assert "Checklistan används nu i alla uppdrag." in text
    assert [p.name for p in here.iterdir()] == [target.name]  # no temporary file left


def test_word_and_the_customer_version_in_both_formats(reports: Path, here: Path) -> None:
    assert exportera("2024-02-20", "--format", "docx").exit_code == 0
    whole = docx_text(here / f"{FULL}.docx")
    for kind in ("docx", "html"):
        result = exportera("2024-02-20", "--format", kind, "--kundversion")
        assert result.exit_code == 0, result.output
        assert result.stdout == f"Kundversionen är sparad i {here / f'{FULL}-kundversion.{kind}'}.\n"
    customer_word = docx_text(here / f"{FULL}-kundversion.docx")
    customer_page = html_text(here / f"{FULL}-kundversion.html")
    # in the whole export, and not in the customer's
    for text in (
        "Checklistan används nu i alla uppdrag.",  # a follow-up comment
        "Kandidaten vet vad som väntar och känner sig välkommen.",  # reflection on the experience
        "4 av 5",  # a rating
        "Vi följer samma mall i alla intervjuer.",  # self-assessment of the structure
        "Finns det moment som du skulle vilja lägga till?",
        "Tydligare avslut",  # a planned change that concerns the candidate only
    ):
        assert text in whole, text
        assert text not in customer_word and text not in customer_page, text
    for text in ("Så förbereder vi er inför intervjuerna", "Utvärdering med kunden", "Nytt moment"):
        assert text in customer_word and text in customer_page, text


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("2024-01-15", "Steg 3: Efter intervjun"),
        ("2024-02-28-kundtjanst-till-servicebolaget.md", "Inga svar ännu i det här steget."),  # CRLF, partial
        ("2024-03-05", "Egen anteckning"),  # quick format, an answer the set does not know
    ],
)
def test_every_kind_of_report(reports: Path, here: Path, report: str, expected: str) -> None:
    result = exportera(report, "-o", "ut.html")
    assert result.exit_code == 0, result.output
    text = html_text(here / "ut.html")
    assert expected in text
    assert "\r" not in text


def test_the_format_follows_the_output_file_and_a_folder_gets_the_default_name(
    reports: Path, here: Path, tmp_path: Path
) -> None:
    assert exportera("2024-02-20", "-o", "kund.DOCX", "--kundversion").exit_code == 0
    assert docx_text(here / "kund.DOCX").startswith("Intervjuprocessen: Truckförare till Nordlager")
    folder = tmp_path / "till-kunden"
    folder.mkdir()
    result = exportera("2024-02-20", "--format", "word", "-o", str(folder), "--kundversion")
    assert result.exit_code == 0, result.output
    assert (folder / f"{FULL}-kundversion.docx").is_file()


def test_an_earlier_export_is_replaced_whole(reports: Path, here: Path) -> None:
    target = here / "ut.html"
    target.write_text("gammal export", encoding="utf-8")
    assert exportera("2024-02-20", "-o", "ut.html").exit_code == 0
    assert "gammal export" not in html_text(target)
    assert sorted(p.name for p in here.iterdir()) == ["ut.html"]


def test_ctrl_c_lost_inside_the_drawing_still_stops_the_export(
    reports: Path, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt swallowed by code called from C (as lxml can) still stops the export
    before anything is saved."""
    import intervjufas.views.export_html as export_html_module

    drawn = export_html_module.export_html

    def swallowing(document: object, progress: object) -> str:
        with contextlib.suppress(KeyboardInterrupt):  # (lost)
            signal.raise_signal(signal.SIGINT)
        return drawn(document, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(export_html_module, "export_html", swallowing)
    result = exportera(FULL, "--format", "html")
    assert (result.exit_code, result.stderr) == (130, "Avbrutet. Ingen export sparades.\n")
    assert list(here.iterdir()) == []


def test_with_an_unknown_format(reports: Path, here: Path) -> None:
    unknown = exportera("2024-02-20", "--format", "pdf")
    assert unknown.exit_code == 2
    assert "Okänt format 'pdf' för --format; välj html eller docx." in unknown.stderr
    assert exportera("2024-02-20", "-o", "ut.txt").exit_code == 2
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("saknas/ut.html", "Kan inte skriva i mappen saknas: finns inte."),
        ("fil.txt/ut.html", "Kan inte skriva i mappen fil.txt: en del av sökvägen är inte en mapp."),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line(
    reports: Path, here: Path, output: str, message: str
) -> None:
    (here / "fil.txt").write_text("x", encoding="utf-8")
    result = exportera("2024-02-20", "--format", "html", "-o", output)
    assert result.exit_code == 1
    assert result.stderr == f"Fel: {message}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in here.iterdir()) == ["fil.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="file permissions do not apply to root")
def test_a_read_only_folder_is_one_line(reports: Path, here: Path) -> None:
    locked = here / "last"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = exportera("2024-02-20", "--format", "docx", "-o", str(locked))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert result.stderr == f"Fel: Kan inte skriva i mappen {locked}: behörighet saknas.\n"


def test_the_report_itself_is_never_overwritten(reports: Path, here: Path) -> None:
    source = reports / f"{FULL}.md"
    before = source.read_bytes()
    result = exportera("2024-02-20", "--format", "html", "-o", str(source))
    assert result.exit_code == 1
    assert result.stderr.startswith("Fel: Exporten skulle skriva över rapporten")
    assert source.read_bytes() == before
    other = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    kept = other.read_bytes()
    refused = exportera("2024-02-20", "--format", "html", "-o", str(other))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"Fel: {other} slutar på .md som en rapport; välj ett namn som slutar på .html med -o.\n"
    )
    assert other.read_bytes() == kept


def test_broken_missing_and_ambiguous_reports(reports: Path, here: Path) -> None:
    broken = exportera("2024-03-10", "--format", "html")
    assert "2024-03-10-trasig.md:9: huvudet är inte giltig YAML" in broken.stderr
    missing = exportera("2023", "--format", "docx")
    assert f"(letade i {reports})" in missing.stderr
    ambiguous = exportera("2024-02", "--format", "docx")
    assert "passar 2 rapporter" in ambiguous.stderr
    for result in (broken, missing, ambiguous):
        assert result.exit_code == 1
        assert result.stderr.startswith("Fel: ") and result.stdout == ""
    assert broken.stderr.count("\n") == missing.stderr.count("\n") == 1
    # Several matches: one line that says so, the matches with dates, and what to do.
    assert ambiguous.stderr.count("\n") == 1 + 2 + 1
    assert list(here.iterdir()) == []


def test_hostile_text_reaches_both_formats_as_text(
    reports_dir: Path, here: Path, kartlaggning: Questionnaire
) -> None:
    report = full_report(kartlaggning)
    report.answers["uppdrag"] = Answer(HOSTILE)
    write_and_load(reports_dir, report, kartlaggning, "fientlig.md")
    assert exportera("fientlig", "-o", "ut.html").exit_code == 0
    assert exportera("fientlig", "-o", "ut.docx").exit_code == 0
    page = html_text(here / "ut.html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    word = docx.Document(str(here / "ut.docx"))
    assert word.paragraphs[0].text == f"Kartlägg intervjufasen: {clean(HOSTILE)}"
    assert word.core_properties.title == word.paragraphs[0].text


def test_a_set_without_customer_headings_warns_but_exports(
    reports_dir: Path, here: Path, isolated_home: Path, tmp_path: Path
) -> None:
    from intervjufas.questionsets.loader import load_question_set

    own = tmp_path / "egna-fragor"
    own.mkdir(exist_ok=True)
    text = (
        "id: egen\nversion: 1\ntitel: Egen\nmetadata:\n  - {id: uppdrag, text: Uppdrag?, typ: text}\n"
        "steg:\n  - id: ett\n    titel: Ett\n    fragor:\n      - {id: a, text: Hur gick det?, typ: langtext}\n"
    )
    (own / "egen.yaml").write_text(text, encoding="utf-8")
    questionnaire = load_question_set(text.encode("utf-8"), "egen.yaml")
    report = Report.new(questionnaire)
    report.answers.update({"uppdrag": Answer("Eget uppdrag"), "a": Answer("Bra.")})
    reports_dir.mkdir(parents=True, exist_ok=True)
    (reports_dir / "egen.md").write_text(render(report, questionnaire), encoding="utf-8")

    whole = exportera("egen", "-o", "hel.html")
    assert whole.exit_code == 0 and whole.stderr == ""
    assert "Bra." in html_text(here / "hel.html")
    customer = exportera("egen", "-o", "kund.html", "--kundversion")
    assert customer.exit_code == 0
    assert customer.stderr.startswith("Varning: egen.md: ingen fråga som rapporten besvarar är markerad")
    assert "Bra." not in html_text(here / "kund.html")


def test_a_report_of_an_unknown_set_warns_and_keeps_its_answers(reports: Path, here: Path) -> None:
    source = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("id: kartlaggning", "id: borta"), encoding="utf-8"
    )
    result = exportera("2024-01-15", "-o", "ut.docx")
    assert result.exit_code == 0
    assert result.stderr == (
        "Varning: 2024-01-15-lagerarbetare-till-nordlager.md: frågeuppsättningen 'borta' finns inte här; "
        "svaren exporteras under rubrikerna i rapporten\n"
    )
    assert "Vi går igenom kravprofilen och intervjufrågorna tillsammans en vecka innan." in docx_text(
        here / "ut.docx"
    )


def test_help_loads_neither_word_nor_yaml() -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "intervjufas", "exportera", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "--kundversion" in run.stdout
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines() if "|" in line}
    assert not loaded & {"docx", "lxml", "yaml", "html5lib"}


def test_the_readme_example_runs(reports: Path, here: Path, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Exportera till kunden")
    commands, shown = re.findall(r"```(?:sh)?\n(.*?)```", readme[start:], re.DOTALL)[:2]
    (reports / f"{FULL}.md").rename(reports / "2026-11-26-lagerarbetare-till-nordlager.md")
    script = tmp_path / "redigera.py"
    script.write_text(
        "import pathlib, sys\np = pathlib.Path(sys.argv[-1])\np.write_text(p.read_text() + '\\nVälkomna!\\n')\n",
        encoding="utf-8",
    )
    env = {"EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}", "VISUAL": ""}
    saved = r"Kundversionen(?: \(med din redigerade text från (\S+)\))? är sparad i (/\S+)/(\S+)\.\n"
    for line in commands.strip().splitlines():
        words = shlex.split(line, comments=True)
        assert words[:2] == ["intervjufas", "exportera"]
        result = run_cli(*words[1:], env=env)
        assert result.exit_code == 0, result.output
        if "--forhandsgranska" in words:
            assert result.stdout.startswith("# Intervjuprocessen: Truckförare till Nordlager\n")
        elif "--redigera" in words:
            assert result.stdout.startswith("Din kundversion är sparad i ")
        else:
            found = re.fullmatch(saved, result.stdout)
            assert found is not None and found.group(1) is not None, result.stdout  # the edited text
    found = re.fullmatch(saved, shown)
    assert found is not None
    assert (reports / found.group(1)).is_file()
    assert (here / found.group(3)).is_file()
    assert (here / found.group(3).replace(".docx", ".html")).is_file()
    assert "Välkomna!" in (here / found.group(3).replace(".docx", ".html")).read_text(encoding="utf-8")


def test_fragor_visa_shows_what_goes_into_the_customer_version() -> None:
    result = run_cli("fragor", "--visa", "kartlaggning", columns=200)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().endswith("Hur förbereder du kunden?"))
    following = [line.strip() for line in lines[at + 1 : at + 5]]
    assert "I kundversionen: Så förbereder vi er inför intervjuerna" in following
    assert result.stdout.count("I kundversionen: ") == 9


def test_ctrl_c_during_an_export_saves_nothing_and_says_so(
    reports: Path, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intervjufas.views.export_docx as view

    def interrupted(*_args: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(view, "export_docx", interrupted)
    result = exportera("2024-02-20", "--format", "docx")
    assert result.exit_code == 130
    assert result.stderr == "Avbrutet. Ingen export sparades.\n"
    assert list(here.iterdir()) == []


def test_a_report_is_found_by_words_and_several_matches_are_listed(reports: Path, here: Path) -> None:
    result = exportera("truckförare", "--format", "html")
    assert result.exit_code == 0, result.output
    assert (here / f"{FULL}.html").is_file()
    several = exportera("nordlager", "--format", "html")
    assert several.exit_code == 1
    assert several.stderr.startswith(f"Fel: 'nordlager' passar 3 rapporter i {reports}:")
