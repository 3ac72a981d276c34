"""`jamfor` never prints an arrow with an empty side: what only one report says is said in words
(the map's moments, whom they involve and their notes, the assignment's facts, the ratings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import command
from intervjufas.reading.comparison import Rating
from intervjufas.reading.process_map.map_comparison import MomentChange
from intervjufas.views.comparison_text import _metadata_line, rating_change
from intervjufas.views.process_map.map_comparison import change_text
from map_samples import ERIKS, FIRST, SECOND, THIRD, write_sample_reports

jamfor = command("jamfor", columns=120)
# An arrow with nothing (or only a dash) on one of its sides.
DANGLING = re.compile(r"(?:^|[(:]\s*)→|→\s*(?:$|[)–])|–\s*→", re.MULTILINE)


@pytest.fixture
def maps(reports_dir: Path) -> Path:
    return write_sample_reports(reports_dir)


@pytest.mark.parametrize(("a", "b"), [(FIRST, ERIKS), (ERIKS, FIRST), (FIRST, SECOND), (SECOND, THIRD)])
def test_no_arrow_has_an_empty_side(maps: Path, a: str, b: str) -> None:
    result = jamfor(a, b)
    assert result.exit_code == 0, result.output
    assert "→" in result.stdout  # (the comparisons do have arrows: the test can fail)
    assert not DANGLING.search(result.stdout), result.stdout


def test_a_planned_moment_that_b_does_not_have(maps: Path) -> None:
    out = jamfor(FIRST, ERIKS).stdout
    assert "− Bara i A: Förberedande samtal (planerat som nytt i A, inte med i B)\n" in out
    assert "(planerat → )" not in out


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (MomentChange("removed", "fore", "Samtal", before="new"), "Bara i A: Samtal (planerat som nytt i A, inte med i B)"),
        (MomentChange("removed", "fore", "Samtal", before="kept"), "Bara i A: Samtal"),
        (MomentChange("note", "fore", "Kallelse", before="", after="Ring först"), "Notering: Kallelse (ny i B: Ring först)"),
        (MomentChange("note", "fore", "Kallelse", before="Ring först"), "Notering: Kallelse (borttagen i B, var: Ring först)"),
        (MomentChange("involves", "fore", "Kallelse", after="kunden"), "Berör: Kallelse (ny i B: kunden)"),
        (MomentChange("involves", "fore", "Kallelse", before="kunden", after="kandidaten"), "Berör: Kallelse (kunden → kandidaten)"),
        (MomentChange("marked", "fore", "Kallelse", before="kept", after="develop"), "Markering: Kallelse (ingen → Utveckla)"),
    ],
)
def test_each_kind_of_map_change(change: MomentChange, text: str) -> None:
    assert change_text(change) == text


@pytest.mark.parametrize(
    ("a", "b", "text"),
    [
        (3, 4, "3 → 4 (+1)"),
        (3, None, "3 (inget betyg i B)"),
        (None, 4, "4 (inget betyg i A)"),
        (None, None, "inget betyg i A eller B"),
    ],
)
def test_ratings(a: int | None, b: int | None, text: str) -> None:
    assert rating_change(Rating("Steg 1", "Kunden", a, b, 5)) == text


@pytest.mark.parametrize(
    ("before", "after", "text"),
    [
        ("Nordlager", "Nordlager AB", "Kund: Nordlager → Nordlager AB"),
        ("", "Nordlager AB", "Kund: Nordlager AB (saknas i A)"),
        ("Nordlager AB", "", "Kund: Nordlager AB (saknas i B)"),
    ],
)
def test_facts_of_the_assignment(before: str, after: str, text: str) -> None:
    assert _metadata_line("Kund", before, after).plain == text
