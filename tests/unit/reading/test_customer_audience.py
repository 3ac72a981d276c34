"""The customer version of a report with a process map: the changes and moments its "Berör" says
involve the customer or the candidate, nothing of the consultant's own side, and the same as
Markdown – written, read back, and kept beside the report while the report is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_samples import (
    COLLEAGUE,
    HIDDEN_CHANGES,
    HIDDEN_MOMENTS,
    NOTE,
    OWN_TEXT,
    PROCESS_NOTE,
    SHOWN_CHANGES,
    SHOWN_MOMENTS,
    consultant_report,
    write_and_load,
)
from intervjufas.folder.customer_text import (
    SUFFIX,
    content_hash,
    is_customer_text,
    kept_path,
    read_kept,
    write_kept,
)
from intervjufas.folder.scan import report_files
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.audience import hide_names, meets_customer
from intervjufas.reading.export.content import ListContent, TextContent
from intervjufas.reading.export.customer_markdown import customer_markdown, kept_document
from intervjufas.reading.export.document import Document, build_document
from intervjufas.reading.export.kept_version import customer_version_of
from intervjufas.reading.export.versions import customer_version


@pytest.fixture
def report_path(kartlaggning: Questionnaire, tmp_path: Path) -> Path:
    write_and_load(tmp_path / "rapporter", consultant_report(kartlaggning), kartlaggning, "nordlager.md")
    return tmp_path / "rapporter" / "nordlager.md"


@pytest.fixture
def full(report_path: Path, kartlaggning: Questionnaire) -> Document:
    from intervjufas.folder.loading import load_report

    return build_document(load_report(report_path, kartlaggning), author="x")


def test_every_planned_change_knows_whom_its_moment_involves(full: Document) -> None:
    assert {row.moment: row.involves for row in full.plan} == {
        "Påminnelse dagen före": ("kandidaten",),  # a new moment: whom its item says
        "Checklista till kunden": ("kollegor",),
        "Referenstagning": ("Ahmed",),  # removed: whom the moment on the map involves (by its id)
        "Nytt intervjurum": (),  # new, and whom it involves was not said
        "Strukturerad intervju med lagerchefen": ("kunden", "kandidaten"),
    }


def test_the_customer_gets_exactly_the_changes_whose_moments_involve_them(full: Document) -> None:
    customer = customer_version(full)
    assert [row.moment for row in customer.plan] == list(SHOWN_CHANGES)
    assert [row.kind_label for row in customer.plan] == ["Nytt moment", "Utvecklas"]
    assert all(row.involves == () for row in customer.plan)
    text = repr(customer)
    for hidden in HIDDEN_CHANGES:  # "till kunden" and "Kunden klagar" do not count: the map says
        assert hidden not in text, hidden


def test_the_process_is_the_customer_s_moments_in_the_map_s_order_without_marks(full: Document) -> None:
    customer = customer_version(full)
    assert customer.process_map is not None
    moments = [m for phase in customer.process_map for m in phase.nodes]
    assert [m.label for m in moments] == list(SHOWN_MOMENTS)
    assert all(m.state == "kept" and m.involves == () and m.note == "" for m in moments)
    assert not any(hidden in repr(customer.process_map) for hidden in HIDDEN_MOMENTS)


def test_nothing_of_the_consultant_s_side_by_default(full: Document) -> None:
    customer = customer_version(full)
    text = repr(customer)
    for hidden in (COLLEAGUE, "Anna", "Berg", OWN_TEXT, NOTE, PROCESS_NOTE, "Notering", "Berör", "kollegor"):
        assert hidden.casefold() not in text.casefold(), hidden
    assert customer.sections == ()  # the answers are the consultant's own text


def test_notes_when_the_consultant_asks_for_them_and_still_no_colleague(full: Document) -> None:
    customer = customer_version(full, notes=True)
    assert customer.process_map is not None
    assert customer.process_map[0].nodes[0].note == NOTE
    # A note about the process may come from another customer's map: never in a customer version.
    assert PROCESS_NOTE not in repr(customer)
    texts = [e.content for s in customer.sections for e in s.entries]
    assert TextContent("En kollega tar referenser på de två starkaste.") in texts
    assert COLLEAGUE not in repr(customer) and "Anna" not in repr(customer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahmed tar referenser.", "En kollega tar referenser."),
        ("Ring AHMED i dag", "Ring en kollega i dag"),
        ("Ahmedsson och Anna Berg", "Ahmedsson och en kollega"),  # whole words only, longest first
        ("Klart. anna ringer", "Klart. En kollega ringer"),
    ],
)
def test_colleague_names_are_replaced(text: str, expected: str) -> None:
    assert hide_names(text, ("ahmed", "Anna Berg", "Anna", "Berg")) == expected


@pytest.mark.parametrize(
    ("involves", "meets"),
    [
        (("kunden",), True),
        (("Arbetsgivaren",), True),
        (("deltagaren",), True),
        (("kollegor", "ahmed"), False),
        ((), False),
    ],
)
def test_who_meets_the_customer(involves: tuple[str, ...], meets: bool) -> None:
    assert meets_customer(involves) is meets


def test_the_markdown_speaks_to_the_customer(full: Document) -> None:
    text = customer_markdown(customer_version(full))
    assert text.startswith("# Intervjuprocessen: Lagerarbetare till Nordlager\n\nHär beskriver vi hur")
    assert "## Så går intervjuprocessen till" in text
    assert "- **Strukturerad intervju med lagerchefen** – utvecklas. Samma frågor till alla." in text
    assert "- **Påminnelse dagen före** – ett nytt moment i processen. Färre uteblir." in text
    for hidden in ("↗", "✕", "Berör", "Notering", COLLEAGUE, *HIDDEN_CHANGES, *HIDDEN_MOMENTS):
        assert hidden not in text, hidden


def test_a_customer_text_is_read_back_as_a_document(full: Document) -> None:
    base = customer_version(full)
    edited = "# Vår process\n\nHej *Nordlager*!\nVälkomna.\n\n## Före\n\n### Ni\n\n- Ett\n- Två\n\nText\\\nrad två\n\n<b>x</b>\n"
    document = kept_document(edited, base)
    assert document.title == "Vår process"
    assert document.intro == "Hej Nordlager! Välkomna."
    assert document.customer and document.plan == () and document.process_map is None
    assert document.author == base.author and document.date == base.date
    [section] = document.sections
    assert section.heading == "Före" and [b.title for b in section.blocks] == ["Ni"]
    assert [e.content for e in section.entries] == [
        ListContent(("Ett", "Två")),
        TextContent("Text\nrad två"),
        TextContent("<b>x</b>"),  # raw HTML stays text
    ]


def test_the_generated_markdown_reads_back_to_the_same_headings(full: Document) -> None:
    customer = customer_version(full, notes=True)
    document = kept_document(customer_markdown(customer), customer)
    assert document.title == customer.title
    assert [s.heading for s in document.sections] == [
        "Om uppdraget",
        "Så går intervjuprocessen till",
        *(s.heading for s in customer.sections),
        "Planerade förändringar",
    ]


def test_the_kept_text_records_the_report_it_was_made_from(report_path: Path) -> None:
    assert read_kept(report_path) is None
    digest = content_hash(report_path.read_bytes())
    path = write_kept(report_path, "# Min text\n", digest)
    assert path == kept_path(report_path) == report_path.with_name(f"nordlager{SUFFIX}")
    kept = read_kept(report_path)
    assert kept is not None and kept.text == "# Min text\n" and kept.report_hash == digest
    assert report_files(report_path.parent) == [report_path]  # never taken for a report
    assert is_customer_text(path.name) and not is_customer_text(report_path.name)


def test_the_kept_text_is_used_while_the_report_is_unchanged(report_path: Path) -> None:
    made = customer_version_of(report_path)
    assert made.kept is None and made.warnings == ()
    write_kept(report_path, "# Min text\n\nTill er.\n", made.report_hash)
    used = customer_version_of(report_path)
    assert used.kept == kept_path(report_path)
    assert used.document.title == "Min text" and used.markdown == "# Min text\n\nTill er.\n"
    report_path.write_text(report_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = customer_version_of(report_path)
    assert changed.kept is None and changed.markdown == made.markdown
    [warning] = changed.warnings
    assert warning.startswith(
        "nordlager.md har ändrats sedan kundversionen redigerades (nordlager.kundversion.md)"
    )
    assert "--kundversion --redigera" in warning


def test_a_kept_text_without_front_matter_or_unreadable_is_passed_over(report_path: Path) -> None:
    kept_path(report_path).write_text("# Handskriven\n", encoding="utf-8")
    version = customer_version_of(report_path)
    assert version.kept is None and "har ändrats" in version.warnings[0]  # no hash: not known to match
    kept_path(report_path).unlink()
    kept_path(report_path).mkdir()
    version = customer_version_of(report_path)
    assert version.kept is None
    assert version.warnings[0].startswith("nordlager.kundversion.md: ")
