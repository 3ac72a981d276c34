"""Two process maps compared moment by moment (for ``jamfor``): paired by id, else by name in the
same phase, else by name anywhere; each difference named."""

from __future__ import annotations

from pathlib import Path

from intervjufas.folder.loading import LoadedReport, load_report
from intervjufas.model.answers import ActionItem, Answer, Moment
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.reading.process_map.map_comparison import compare_maps
from intervjufas.report.model import Report
from intervjufas.report.render import render
from map_samples import FIRST, SECOND, THIRD, write_sample_reports


def changes(a: LoadedReport, b: LoadedReport) -> list[tuple[str, str, str, str, str]]:
    found = compare_maps(a, b)
    assert found is not None
    return [(c.kind, c.phase, c.name, c.before, c.after) for c in found.changes]


def test_moment_by_moment(tmp_path: Path) -> None:
    folder = write_sample_reports(tmp_path)
    first, second, third = (load_report(folder / name) for name in (FIRST, SECOND, THIRD))
    assert changes(first, second) == [
        ("renamed", "fore", "Genomgång av kravprofilen", "Kravprofil", "Genomgång av kravprofilen"),
        ("developed", "fore", "Kallelse", "", "2024-02-20"),  # (not also "marked": to develop → developed)
        ("added", "fore", "Förberedande samtal", "new", "kept"),  # planned in A, on the map in B
        ("marked", "under", "Intervju", "kept", "develop"),
        ("marked", "under", "Dubbelbokning", "remove", "kept"),
    ]
    both = compare_maps(second, third)
    assert both is not None
    assert [(c.kind, c.name) for c in both.changes] == [
        ("removed", "Kallelse"),
        ("developed", "Intervju"),
        ("removed", "Dubbelbokning"),
        ("added", "Referenstagning"),
    ]
    assert both.unchanged == 3 and (both.a_moments, both.b_moments) == (6, 5)
    same = compare_maps(third, third)
    assert same is not None and same.changes == () and not same.differs


def _loaded(folder: Path, name: str, **maps: tuple[Moment, ...]) -> LoadedReport:
    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers.update({f"{phase}_karta": Answer(moments) for phase, moments in maps.items()})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(render(report, questionnaire), encoding="utf-8")
    return load_report(folder / name)


def test_moments_without_ids_pair_by_name(tmp_path: Path) -> None:
    a = _loaded(tmp_path, "a.md", fore=(Moment("Kravprofil", ("kunden",)), Moment("Kallelse")))
    b = _loaded(
        tmp_path,
        "b.md",
        fore=(Moment("kravprofil", ("kunden", "kandidaten"), "Ny notering"),),
        under=(Moment("Kallelse"),),
    )
    assert changes(a, b) == [
        ("renamed", "fore", "kravprofil", "Kravprofil", "kravprofil"),
        ("involves", "fore", "kravprofil", "kunden", "kunden, kandidaten"),
        ("note", "fore", "kravprofil", "", "Ny notering"),
        ("moved", "under", "Kallelse", "fore", "under"),
    ]


def test_only_one_map_or_none(tmp_path: Path, reports: Path) -> None:
    old = load_report(reports / "2024-01-15-lagerarbetare-till-nordlager.md")
    assert compare_maps(old, old) is None  # made before maps: no map part at all
    b = _loaded(tmp_path, "b.md", fore=(Moment("Kravprofil"),))
    one = compare_maps(old, b)
    assert one is not None and one.one_sided == "B" and one.differs and one.changes == ()
    empty = _loaded(tmp_path, "tom.md")
    assert compare_maps(empty, empty) is None


def test_a_planned_moment_to_add_is_on_the_map_as_new(tmp_path: Path) -> None:
    questionnaire = builtin_set("kartlaggning")
    report = Report.new(questionnaire)
    report.answers["fore_karta"] = Answer((Moment("Kravprofil", id="k1"),))
    report.answers["fore_lagga_till_vad"] = Answer((ActionItem("Samtal", "Lugn", id="i1", moment_id="s1"),))
    (tmp_path / "a.md").write_text(render(report, questionnaire), encoding="utf-8")
    a = load_report(tmp_path / "a.md")
    b = _loaded(tmp_path, "b.md", fore=(Moment("Kravprofil", id="k1"),))
    assert changes(b, a) == [("added", "fore", "Samtal", "", "new")]
    assert changes(a, b) == [("removed", "fore", "Samtal", "new", "")]


def test_a_name_under_berör_in_another_case_is_no_change(tmp_path: Path) -> None:
    # Older reports wrote every "Berör" word in lower case; a name typed with its capital now is
    # the same person, while another name is a change.
    a = _loaded(tmp_path, "a.md", fore=(Moment("Referenser", ("ahmed",), id="m1"),))
    b = _loaded(tmp_path, "b.md", fore=(Moment("Referenser", ("Ahmed",), id="m1"),))
    c = _loaded(tmp_path, "c.md", fore=(Moment("Referenser", ("Kalle",), id="m1"),))
    assert changes(a, b) == []
    assert changes(b, c) == [("involves", "fore", "Referenser", "Ahmed", "Kalle")]
