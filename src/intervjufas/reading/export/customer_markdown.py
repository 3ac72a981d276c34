"""The customer version as Markdown – the text the consultant previews (``exportera --kundversion
--forhandsgranska``) and edits (``--redigera``) – and such a text read back as the document the
HTML and Word exports draw.

Written: the title (``#``), the introduction, "Om uppdraget" as a list, the process phase by phase
(``###`` under ``##``) as lists of moments, the answers under their customer headings, and the
planned changes phase by phase, each said as what will happen to the moment.  Every text from the
report is escaped as the report escapes free text, so it reads as typed.

Read back (``kept_document``): with markdown-it (CommonMark, raw HTML shown as text), the first
``#`` heading is the title, what stands before the first ``##`` the introduction, each ``##`` a
part, each ``###`` a heading inside it and anything deeper a heading of its own paragraphs; lists
are lists, every other block is a paragraph.  Emphasis and links are kept as their text only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from intervjufas.model.markdown_text import CURRENT
from intervjufas.reading.export.document import (
    Block,
    ChoiceContent,
    Content,
    Document,
    Entry,
    ListContent,
    PlanRow,
    RatingContent,
    Section,
    TextContent,
)

CHANGE_WORDS = {"lagga_till": "ett nytt moment i processen", "utveckla": "utvecklas", "ta_bort": "tas bort"}


def _inline(text: str) -> str:
    return CURRENT.inline(" ".join(text.split("\n")))


def _paragraphs(text: str) -> list[str]:
    lines: list[str] = []
    for part in (p for p in text.strip("\n").split("\n\n") if p.strip()):
        lines += [*CURRENT.escape(part.strip("\n")), ""]
    return lines


def _content(content: Content) -> list[str]:
    if isinstance(content, TextContent):
        return _paragraphs(content.text)
    if isinstance(content, ChoiceContent):
        return [f"**{_inline(content.choice)}**", "", *_paragraphs(content.comment)]
    if isinstance(content, RatingContent):
        return [_inline(content.text), ""]
    if isinstance(content, ListContent):
        return [*(f"- {_inline(item)}" for item in content.items), ""]
    return [*(f"- **{_inline(m)}**" + (f" – {_inline(w)}" if w else "") for m, w in content.items), ""]


def _section(section: Section) -> list[str]:
    lines = [f"## {_inline(section.heading)}", ""]
    for block in section.blocks:
        if block.title:
            lines += [f"### {_inline(block.title)}", ""]
        for entry in block.entries:
            if entry.heading:
                lines += [f"#### {_inline(entry.heading)}", ""]
            lines += _content(entry.content)
    return lines


def change_text(row: PlanRow) -> str:
    """A planned change said to the customer: "**Kallelse** – utvecklas. Kandidaten ska veta mer.",
    with its status in words once it has been followed up ("*Genomförd 2026-12-20.*")."""
    what = CHANGE_WORDS.get(row.kind, row.kind_label.lower())
    why = f" {_inline(row.why)}" if row.why else ""
    if why and not why.endswith((".", "!", "?")):
        why += "."
    status = f" *{_inline(row.status_label)}.*" if row.status is not None else ""
    return f"- **{_inline(row.moment)}** – {what}.{why}{status}"


def _plan(document: Document) -> list[str]:
    if not document.plan:
        return []
    lines = [f"## {_inline(document.plan_title)}", ""]
    phases: dict[str, list[PlanRow]] = {}
    for row in document.plan:
        phases.setdefault(row.step_title, []).append(row)
    for title, rows in phases.items():
        lines += [f"### {_inline(title)}", "", *(change_text(row) for row in rows), ""]
    return lines


def customer_markdown(document: Document) -> str:
    """The (customer) document as Markdown."""
    lines = [f"# {_inline(document.title)}", ""]
    if document.intro:
        lines += _paragraphs(document.intro)
    if document.facts:
        lines += [f"## {_inline(document.facts_title)}", ""]
        lines += [f"- **{_inline(f.label)}:** {_inline(f.value)}" for f in document.facts] + [""]
    if document.process_map:
        lines += [f"## {_inline(document.map_title)}", ""]
        for phase in document.process_map:
            lines += [f"### {_inline(phase.title)}", ""]
            lines += [
                f"- {_inline(m.label)}" + (f" – {_inline(m.note)}" if m.note else "") for m in phase.nodes
            ]
            lines.append("")
    for section in document.sections:
        lines += _section(section)
    lines += _plan(document)
    return "\n".join(lines).rstrip("\n") + "\n"


# -- read back --------------------------------------------------------------------------------------


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("softbreak",):
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts).strip()


class _Reader:
    """The document being read: its parts, the current part's blocks and loose entries."""

    def __init__(self) -> None:
        self.title = ""
        self.intro: list[str] = []
        self.sections: list[Section] = []
        self.blocks: list[Block] = []
        self.heading = ""  # of the next entry (a heading deeper than ###)

    def add(self, content: Content) -> None:
        if not self.sections and isinstance(content, TextContent):
            self.intro.append(content.text)
            return
        if not self.sections:
            self.section("")
        entry = Entry("", self.heading, content)
        self.heading = ""
        last = self.blocks[-1] if self.blocks else Block("", "", ())
        self.blocks[-1:] = [Block(last.title, "", (*last.entries, entry))]

    def block(self, title: str) -> None:
        if not self.sections:
            self.section("")
        self.blocks.append(Block(title, "", ()))

    def section(self, heading: str) -> None:
        self.close()
        self.sections.append(Section(f"del-{len(self.sections) + 1}", heading, heading, "", ()))

    def close(self) -> None:
        if self.sections:
            last = self.sections[-1]
            self.sections[-1] = replace(last, blocks=tuple(self.blocks))
        self.blocks = []


def _list_items(tokens: list[Any], start: int) -> tuple[list[str], int]:
    """The texts of a list's items (nested lists flattened into their item's text)."""
    items: list[str] = []
    depth, index = 0, start
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return items, index
        elif token.type == "list_item_open" and depth == 1:
            items.append("")
        elif token.type == "inline" and items:
            items[-1] = f"{items[-1]}\n{_inline_text(token)}".strip("\n")
        index += 1
    return items, index


def kept_document(markdown: str, base: Document) -> Document:
    """A customer text read back as a document, with ``base``'s details (author, dates)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).parse(markdown)
    reader = _Reader()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            text, level = _inline_text(tokens[index + 1]), int(token.tag[1:])
            if level == 1 and not reader.title and not reader.sections:
                reader.title = text
            elif level <= 2:
                reader.section(text)
            elif level == 3:
                reader.block(text)
            else:
                reader.heading = text
            index += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            items, index = _list_items(tokens, index)
            reader.add(ListContent(tuple(items)))
        elif token.type == "inline":
            reader.add(TextContent(_inline_text(token)))
        elif token.type in ("fence", "code_block", "html_block"):
            reader.add(TextContent(token.content.rstrip("\n")))
        index += 1
    reader.close()
    return replace(
        base,
        title=reader.title or base.title,
        intro="\n\n".join(reader.intro),
        facts=(),
        sections=tuple(reader.sections),
        plan=(),
        process_map=None,
        customer=True,
    )
