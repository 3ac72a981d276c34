"""The stacked layout for narrow terminals: styled text wrapped at spaces, long names broken after a
hyphen, every line within the width."""

from __future__ import annotations

from intervjufas.views.text_layout import Stack, wrap_segments


def plain(lines) -> list[str]:
    return ["".join(text for text, _ in line) for line in lines]


def test_styled_words_wrap_at_spaces_and_keep_their_styles() -> None:
    line = [
        ("Kund: ", "dim"),
        ("Nordlager AB", ""),
        (" · Intervjuform: ", "dim"),
        ("Telefon, Konventionell", ""),
    ]
    wrapped = wrap_segments(line, 24)
    assert plain(wrapped) == ["Kund: Nordlager AB ·", "Intervjuform: Telefon,", "Konventionell"]
    assert ("Kund:", "dim") in wrapped[0] and ("Nordlager", "") in wrapped[0]
    assert all(len(text) <= 24 for text in plain(wrapped))


def test_a_long_file_name_breaks_after_a_hyphen() -> None:
    wrapped = plain(wrap_segments([("2024-02-28-kundtjanst-till-servicebolaget.md", "dim")], 30))
    assert wrapped == ["2024-02-28-kundtjanst-till-", "servicebolaget.md"]


def test_a_stack_indents_the_details_under_each_heading() -> None:
    stack = Stack(30)
    stack.add(
        [("Steg 1 · Utveckla: Tydligare avslut", "bold")],
        [[("Varför: Kandidaten ska veta vad som händer", "")], []],
    )
    stack.add([("Steg 2", "bold")], [[("kort", "")]])
    text = stack.render()
    assert text.plain.split("\n") == [
        "Steg 1 · Utveckla: Tydligare",
        "avslut",
        "  Varför: Kandidaten ska veta",
        "  vad som händer",
        "Steg 2",
        "  kort",
    ]
    assert any(span.style == "bold" for span in text.spans)
