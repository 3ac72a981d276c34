"""The pieces the list view is made of: step marks, short forms, column widths and word wrap."""

from __future__ import annotations

from intervjufas.views.listing import short_forms, step_marks
from intervjufas.views.text_layout import fit_widths, wrap


def test_step_marks_read_without_colour():
    marks = step_marks({"fore": "klar", "under": "påbörjad", "efter": "ej påbörjad"})
    assert "".join(text for text, _ in marks) == "1 (2) ·"
    assert [style for _, style in marks if style] == ["green", "yellow", "dim"]


def test_short_forms():
    assert short_forms(["Telefonintervju", "Konventionell intervju", "Intervju", "Videomöte"]) == (
        "Telefon, Konventionell, Intervju, Videomöte"
    )


def test_fit_widths_narrows_the_widest_first_and_respects_minimums():
    assert fit_widths([30, 10, 20], [8, 8, 8], 45) == [17, 10, 18]
    assert fit_widths([30, 10, 20], [8, 8, 8], 60) == [30, 10, 20]
    assert sum(fit_widths([30, 10, 20], [8, 8, 8], 30)) == 30
    assert fit_widths([30, 10, 20], [25, 8, 8], 10) == [25, 8, 8]
    assert fit_widths([42, 14, 22], [20, 12, 13], 65, order=[[1, 2], [0]]) == [40, 12, 13]


def test_wrap_folds_long_words_and_keeps_short_lines():
    assert wrap("Kundtjänst till Servicebolaget", 12) == ["Kundtjänst", "till", "Servicebolag", "et"]
    assert wrap("fil: 2024-02-28-kundtjanst.md", 14) == ["fil:", "2024-02-28-", "kundtjanst.md"]
    assert wrap("a/b/ccccccccc.md", 6) == ["a/b/", "cccccc", "ccc.md"]
    assert wrap("a b c", 3) == ["a b", "c"]
    assert wrap("", 5) == [""]
