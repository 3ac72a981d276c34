"""Reading only a report's plan, follow-ups, marks and map (``report/partial_parse.py``,
``folder/partial_loading.py``) gives exactly what reading it in full gives: the same ``ReportPlan``
(``reading/plan/plan_facts.report_plan``) and the same ``MapFacts``
(``reading/process_map/facts.facts_of``), and read for its follow-ups alone the same follow-ups and
marks – or it reads the report in full.

The reports are the program's own (the benchmark corpus, the map and team samples, the fixture
reports, a mapping made through the CLI and marked from ``plan``) and random ones with every kind
of answer and text that looks like the report's structure, each also as a person edits it by hand:
sections reordered, removed or written twice, lines added, id comments respaced, renamed or lost,
blank lines, CRLF or CR line ends, a byte-order mark."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_report_roundtrip import NASTY_LINES, any_text, kartlaggning_reports, line_text, snabbformat_reports

from helpers import FIXTURE_REPORTS, run_cli
from intervjufas.errors import IntervjufasError
from intervjufas.folder.loading import load_report, read_checked
from intervjufas.folder.partial_loading import load_parts
from intervjufas.model.answers import Answer
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.plan.plan_facts import report_plan
from intervjufas.reading.process_map.facts import facts_of
from intervjufas.report.model import FOLLOW_UP_STATUSES, MERGED, FollowUp, PlanMark, Report
from intervjufas.report.parse import STRUCTURE
from intervjufas.report.partial_parse import parse_parts
from intervjufas.report.render import render

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"
SETTINGS = settings(
    max_examples=60,  # (each example reads a report four times)
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)


def same_facts(path: Path) -> bool:
    """Assert that the parts give what the whole report gives; whether only the parts were read."""
    try:
        full = load_report(path, in_folder=True)
    except IntervjufasError as error:
        with pytest.raises(IntervjufasError) as raised:
            load_parts(path, in_folder=True)
        assert raised.value.message == error.message
        return False
    assert report_plan(load_parts(path, in_folder=True)) == report_plan(full)
    alone, whole = report_plan(load_parts(path, in_folder=True, plans=False)), report_plan(full)
    assert replace(alone, planned=()) == replace(whole, planned=())  # (its follow-ups and marks alone)
    assert facts_of(load_parts(path, in_folder=True, maps=True)) == facts_of(full)
    text, header_read, questionnaire = read_checked(path, in_folder=True)
    return parse_parts(text, questionnaire, header_read, maps=True) is not None


# -- the program's own reports -----------------------------------------------------------------------
def marked_mapping(tmp_path: Path, folder: Path) -> None:
    """A Steg 1 mapping made through ``kartlagg --svar`` whose item is then marked from ``plan``."""
    answers: dict[str, Any] = {
        "uppdrag": "Lager",
        "kund": "Nordlager AB",
        "datum": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
        "fore_kunden": "Kravprofil",
        "fore_karta": [{"namn": "Kallelse", "id": "kallelse"}, {"namn": "Intervju", "id": "intervju"}],
        "fore_lagga_till": "nej",
        "fore_utveckla": "ja",
        "fore_utveckla_vad": [{"moment": "Kallelse", "varfor": "Tydligare"}],
        "fore_ta_bort": "nej",
    }
    path = tmp_path / "svar.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    assert run_cli("kartlagg", "--steg", "1", "--svar", str(path)).exit_code == 0
    listed = run_cli("plan", "--json")
    import json

    (row,) = json.loads(listed.stdout)["oppna_moment"]
    marked = run_cli("plan", "--markera", row["id"], "--status", "delvis", "--kommentar", "Ny mall")
    assert marked.exit_code == 0, marked.output


def test_the_program_s_own_reports_are_read_in_part_with_the_same_facts(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from map_samples import write_sample_reports
    from team_samples import write_team_reports

    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from report_corpus import generate

    corpus = tmp_path / "korpus"
    corpus.mkdir()
    generate(corpus, 60, authors=("A", "B", "C"), open_share=0.5)
    reports_dir.mkdir(parents=True, exist_ok=True)
    marked_mapping(tmp_path, reports_dir)
    folders = [
        corpus,
        write_sample_reports(tmp_path / "karta"),
        write_team_reports(tmp_path / "team"),
        reports_dir,
    ]
    paths = [path for folder in folders for path in sorted(folder.glob("*.md"))]
    assert all(same_facts(path) for path in paths)  # (and none of them needed the whole report)
    marked = [p for p in reports_dir.glob("*.md") if "<!-- markering:" in p.read_text(encoding="utf-8")]
    assert len(marked) == 1 and report_plan(load_parts(marked[0], in_folder=True)).marks


def test_the_fixture_reports_hand_edited_and_of_format_1_give_the_same_facts() -> None:
    read_in_part = [same_facts(path) for path in sorted(FIXTURE_REPORTS.glob("*.md"))]
    assert len(read_in_part) == 5 and not all(read_in_part)  # (format 1, a broken one: in full)


# -- random reports, edited by hand --------------------------------------------------------------
@st.composite
def with_marks(draw: st.DrawFn, reports: st.SearchStrategy[Report]) -> Report:
    """A random report with changes of its plan marked from ``plan`` (some of keys it does not have)."""
    report = draw(reports)
    if draw(st.booleans()):  # (an unfinished answer is read in full: half the reports have none)
        report.drafts.clear()
    keys = [
        f"{report.report_id}/{draw(st.text('0123456789abcdef', min_size=8, max_size=8))}" for _ in range(3)
    ]
    times = st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)).map(
        lambda d: d.replace(microsecond=0).isoformat()
    )
    statuses = st.sampled_from((*FOLLOW_UP_STATUSES, MERGED))
    for _ in range(draw(st.integers(0, 3))):
        key, into = draw(st.sampled_from(keys)), draw(st.sampled_from(["", *keys]))
        answer = Answer(draw(statuses), draw(st.one_of(st.just(""), any_text)))
        report.marks.append(PlanMark(key, draw(times), draw(line_text).strip() or "x", answer, into))
    return report


def _blocks(lines: list[str], start: int) -> list[tuple[int, int]]:
    """(first line, end) of every block of the body from its first heading with an id."""
    heads = [index for index in range(start, len(lines)) if STRUCTURE.match(lines[index])]
    return [
        (head, heads[number + 1] if number + 1 < len(heads) else len(lines))
        for number, head in enumerate(heads)
    ]


def _respaced(line: str, how: int) -> str:
    match = STRUCTURE.match(line)
    assert match is not None
    kind, key = match.group(3), match.group(4)
    head = line[: line.rindex("<!--")]
    return (
        head
        + [
            f"<!--{kind}:{key}-->",
            f"  <!--  {kind}  :  {key}  -->  ",
            f"<!-- {kind}: {key}x -->",
            f"<!-- {kind}: unknown_{key} -->",
            "",
            f"<!-- {kind}: {key} --> text",
        ][how % 6]
    )


@st.composite
def hand_edited(draw: st.DrawFn, text: str) -> str:
    """``text`` edited as a person might: 0–4 edits of the body, then its line ends and a BOM."""
    lines = text.split("\n")
    start = lines.index("---", 1) + 1
    for _ in range(draw(st.integers(0, 4))):
        blocks = _blocks(lines, start)
        edit = draw(st.sampled_from(["move", "remove", "twice", "line", "comment", "blank"]))
        if not blocks:
            break
        first, end = draw(st.sampled_from(blocks))
        block, place = lines[first:end], draw(st.integers(start, len(lines)))
        if edit in ("move", "remove"):
            del lines[first:end]
            if edit == "move":
                place = draw(st.sampled_from([b[0] for b in _blocks(lines, start)] or [len(lines)]))
                lines[place:place] = block
        elif edit == "twice":
            lines[place:place] = block
        elif edit == "line":
            lines.insert(place, draw(st.one_of(st.sampled_from(NASTY_LINES + HEADINGS), line_text)))
        elif edit == "comment":
            lines[first] = _respaced(lines[first], draw(st.integers(0, 5)))
        else:
            lines[first:first] = [""] * draw(st.integers(1, 3))
    edited = "\n".join(lines)
    ends = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return draw(st.sampled_from(["", "\ufeff"])) + edited.replace("\n", ends)


# Lines that ``parse`` takes for a heading without an id (and one it does not).
HEADINGS = ["   ## Indragen", "#", "###", "#\tTabb", "####### Sju", " # x <!-- fraga: fore_kunden -->"]


def _write(text: str, tmp_path: Path) -> Path:
    path = tmp_path / "rapport.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


@SETTINGS
@given(data=st.data(), report=with_marks(kartlaggning_reports))
def test_random_kartlaggning_reports_edited_by_hand(
    data: st.DataObject, report: Report, tmp_path: Path
) -> None:
    text = render(report, builtin_set("kartlaggning"))
    event("read in part" if same_facts(_write(data.draw(hand_edited(text)), tmp_path)) else "read in full")


@SETTINGS
@given(data=st.data(), report=with_marks(snabbformat_reports))
def test_random_snabbformat_reports_edited_by_hand(
    data: st.DataObject, report: Report, tmp_path: Path
) -> None:
    text = render(report, builtin_set("snabbformat"))
    event("read in part" if same_facts(_write(data.draw(hand_edited(text)), tmp_path)) else "read in full")


# -- what is read in part, what in full ----------------------------------------------------------
@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """One report of the benchmark corpus: with a map, a plan and follow-ups."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    from report_corpus import generate

    generate(tmp_path, 12, open_share=0.5)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.md"))]
    return next(t for t in texts if "<!-- uppfoljning:" in t and "<!-- atgard:" in t and "fore_karta" in t)


def _swap_steps(text: str) -> str:
    """Steg 2 before Steg 1, and the follow-up section last."""
    lines = text.split("\n")
    blocks = _blocks(lines, lines.index("---", 1) + 1)
    heads = [lines[first] for first, _ in blocks]
    step1 = next(n for n, h in enumerate(heads) if "<!-- steg: fore -->" in h)
    step2 = next(n for n, h in enumerate(heads) if "<!-- steg: under -->" in h)
    step3 = next(n for n, h in enumerate(heads) if "<!-- steg: efter -->" in h)
    part = lambda a, b: lines[blocks[a][0] : blocks[b][0]]  # noqa: E731
    head = lines[: blocks[0][0]]
    return "\n".join(
        head + part(step2, step3) + part(step1, step2) + lines[blocks[step3][0] :] + part(0, step1)
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t,
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n### ", "\nEgen rad, ☃ och ü.\n\n### ", 3),
        lambda t: t.replace("<!-- fraga: fore_karta -->", "<!--fraga:fore_karta-->"),
        lambda t: t.replace("<!-- steg: under -->", "<!-- steg: under -->\n\nEn anteckning.\n"),
        lambda t: t.replace("\n  format: 3\n", "\n  format: 2\n"),
        _swap_steps,
    ],
    ids=["as-written", "crlf", "bom", "extra-text", "tight-comment", "note", "format-2", "reordered"],
)
def test_ordinary_edits_are_read_in_part(written: str, edit: Any, tmp_path: Path) -> None:
    assert same_facts(_write(edit(written), tmp_path))


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("\n### ", "\n### Egen rubrik\n\n### ", 1),
        lambda t: t.replace("<!-- fraga: fore_kunden -->", "<!-- fraga: okand_fraga -->"),
        lambda t: t.replace("<!-- fraga: fore_kunden -->", "", 1),
        lambda t: t + "\n### Igen <!-- fraga: fore_karta -->\n\n1. **Ett moment**\n",
        lambda t: t + "\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> annan\n",
        lambda t: t.replace(
            "<!-- fraga: fore_kollegor -->",
            "<!-- fraga: fore_kollegor -->\n\n*Ofärdigt svar – sessionen avbröts medan det skrevs. "
            "Det föreslås när du fortsätter.*",
        ),
    ],
    ids=["heading-without-id", "unknown-question", "lost-comment", "twice", "git-conflict", "draft"],
)
def test_unusual_reports_are_read_in_full_with_the_same_facts(
    written: str, edit: Any, tmp_path: Path
) -> None:
    edited = edit(written)
    assert edited != written
    assert not same_facts(_write(edited, tmp_path))


@pytest.mark.parametrize("line", HEADINGS)
def test_a_heading_without_an_id_in_a_follow_up_is_read_as_the_whole_report_reads_it(
    written: str, line: str, tmp_path: Path
) -> None:
    lines = written.split("\n")
    answer = next(n for n, text in enumerate(lines) if "<!-- uppfoljning:" in text) + 2
    lines[answer + 1 : answer + 1] = ["", line, "", "Text under rubriken."]
    same_facts(_write("\n".join(lines), tmp_path))


def test_blank_lines_after_the_last_part_are_trimmed_as_in_the_whole_report(tmp_path: Path) -> None:
    """The last part read (a follow-up) ends where the next section begins, not at the end."""
    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers["uppdrag"] = Answer("Lager")
    report.follow_ups.append(FollowUp("abcdef012345/0badcafe", "Kallelse", Answer("Delvis", "Kommentar")))
    text = render(report, questionnaire)
    assert "\n\n## Steg 1" in text
    assert same_facts(_write(text.replace("\n\n## Steg 1", "\n\n\n\n## Steg 1"), tmp_path))
