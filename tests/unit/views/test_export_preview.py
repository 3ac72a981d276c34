"""The customer text previewed: drawn by Rich in a terminal (paged when taller than the screen),
the Markdown as it is to a pipe."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from intervjufas.views.export_preview import show_customer_text

TEXT = "# Intervjuprocessen\n\nHär beskriver vi.\n\n## Så går intervjuprocessen till\n\n- **Kallelse** – utvecklas.\n"


def test_a_terminal_gets_it_drawn() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=60, height=100, color_system=None)
    show_customer_text(console, TEXT)
    drawn = out.getvalue()
    assert "Intervjuprocessen" in drawn and "Så går intervjuprocessen till" in drawn
    assert "##" not in drawn and "**" not in drawn


def test_a_long_text_goes_through_the_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("rich.pager.SystemPager.show", lambda self, content: shown.append(content))
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=60, height=5, color_system=None)
    show_customer_text(console, TEXT * 3)
    assert len(shown) == 1 and shown[0].count("Kallelse") == 3
    assert out.getvalue() == ""
    show_customer_text(console, TEXT * 3, pager=False)
    assert len(shown) == 1 and "Kallelse" in out.getvalue()


def test_a_pipe_gets_the_markdown_as_it_is() -> None:
    out = io.StringIO()
    show_customer_text(Console(file=out, force_terminal=False, width=60), TEXT)
    assert out.getvalue() == TEXT
