"""The received answers in an export's document: a line beside each of the consultant's ratings
and a section of their own, drawn by the HTML and Word views as any other answer.

Why: the whole export is the report for those who read it outside the terminal, so it shows what
``visa`` shows. The customer version goes to the employer and stays the consultant's own text
about the process: the answers are not added to it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from intervjufas.folder.loading import LoadedReport
from intervjufas.reading.export.content import ListContent, TextContent
from intervjufas.reading.export.document import Block, Document, Entry, Section
from intervjufas.reading.feedback.forms import SCALE
from intervjufas.reading.feedback.received import Received, received
from intervjufas.reading.feedback.summary_text import HEADING, result_words, who

SECTION_KEY = "enkatsvar"


def received_document(document: Document, loaded: LoadedReport, minimum: int) -> Document:
    """``document`` with the answers kept beside the report (unchanged when there are none).
    IntervjufasError when the kept file cannot be read."""
    found = received(loaded.path, minimum, loaded.questionnaire)
    if not found:
        return document
    beside: dict[str, list[Entry]] = {}
    for each in found:
        for rating_id, result in each.paired():
            entry = Entry(f"{rating_id}.{each.audience}", f"{who(each.audience)} svarade (enkät)", TextContent(result_words(result)))
            beside.setdefault(rating_id, []).append(entry)
    sections = tuple(_with_beside(section, beside) for section in document.sections)
    own = Section(SECTION_KEY, HEADING, HEADING, "", tuple(_block(each) for each in found))
    return replace(document, sections=(*sections, own))


def _with_beside(section: Section, beside: dict[str, list[Entry]]) -> Section:
    blocks = []
    for block in section.blocks:
        entries: list[Entry] = []
        for entry in block.entries:
            entries.append(entry)
            if entry.rating:
                entries += beside.get(entry.question_id, [])
        blocks.append(replace(block, entries=tuple(entries)))
    return replace(section, blocks=tuple(blocks))


def _block(found: Received) -> Block:
    result = found.result
    if result.too_few:
        return Block(who(found.audience), f"För få svar (färre än {result.minimum}); inget visas.", ())
    entries = [
        Entry(item.item.id, item.item.text, TextContent(result_words(item)))
        for item in result.items
        if item.item.kind == SCALE
    ]
    texts = tuple(text for item in result.items if item.item.kind != SCALE for text in item.texts)
    if texts:
        entries.append(Entry(f"{found.audience}.fritext", "Fritext", ListContent(texts)))
    return Block(f"{who(found.audience)} ({result.respondents} svar)", "", tuple(entries))


def received_export(document: Document, path: Path, minimum: int) -> tuple[Document, list[str]]:
    """The whole export's document with the received answers, and a warning when they cannot be read."""
    from intervjufas.errors import IntervjufasError
    from intervjufas.folder.loading import load_report

    try:
        return received_document(document, load_report(path), minimum), []
    except IntervjufasError as error:
        return document, [f"{path.name}: enkätsvaren kan inte visas: {error.message}"]
