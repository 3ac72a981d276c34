"""The report: its model, rendering to Markdown with YAML front matter, and parsing back exactly.

Layout of a report file::

    ---
    (YAML: format, id, question set, metadata, timestamps, and caches for fast listing)
    ---
    # Title: uppdrag
    ## Steg 1: Före intervjun <!-- steg: fore -->
    ### Question text <!-- fraga: question_id -->
    (answer)

Headings carry the stable id in an HTML comment, so answers are read back by id even after the
visible text is reworded or reordered by hand.  Lines between headings that are not answers (lead
texts, the action-plan table, status lines) are derived from the question set and rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from intervjufas.answer_markdown import AnswerFormatError, decode, encode
from intervjufas.answers import ActionItem, Answer, AnswerError, coerce_value, display
from intervjufas.errors import IntervjufasError
from intervjufas.questionnaire import PLAN_KINDS, Question, Questionnaire, Step, step_status
from intervjufas.yamlsource import SafeDumper, SafeLoader

FORMAT_VERSION = 1
FOLLOW_UP_STATUSES = ("Genomfört", "Delvis", "Inte än", "Släpp")
CLOSED_STATUSES = ("Genomfört", "Släpp")
FOLLOW_UP_TITLE = "Uppföljning av tidigare utvecklingsplan"
PLAN_TITLE = "Utvecklingsplan"
OTHER_TITLE = "Övriga svar"

_STRUCTURE = re.compile(
    r"^(#{1,6})[ \t]+(.*?)[ \t]*<!--[ \t]*(steg|grupp|fraga|avsnitt|uppfoljning)[ \t]*:[ \t]*(\S+?)[ \t]*-->[ \t]*$"
)
_FOLLOW_UP_QUESTION = Question(
    id="uppfoljning", text=FOLLOW_UP_TITLE, type="val", choices=FOLLOW_UP_STATUSES, comment=True
)


class ReportFormatError(IntervjufasError):
    """A report file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class SetRef:
    """Which question set a report was made with."""

    id: str
    version: int
    hash: str


@dataclass(frozen=True)
class FollowUp:
    """The follow-up, in this report, of an action item from an earlier report."""

    key: str  # "<report id>/<question id>/<item number>"
    label: str
    answer: Answer = field(default_factory=Answer)

    @property
    def status(self) -> str | None:
        return self.answer.value if isinstance(self.answer.value, str) else None


@dataclass(frozen=True)
class RawAnswer:
    """An answer under an id the question set does not know; kept verbatim."""

    heading: str
    body: str


@dataclass
class Report:
    report_id: str
    question_set: SetRef
    answers: dict[str, Answer] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    follow_ups: list[FollowUp] = field(default_factory=list)
    extra_answers: dict[str, RawAnswer] = field(default_factory=dict)
    extra_metadata: dict[str, Any] = field(default_factory=dict)
    extra_header: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, questionnaire: Questionnaire) -> Report:
        now = timestamp()
        ref = SetRef(questionnaire.id, questionnaire.version, questionnaire.content_hash)
        return cls(secrets.token_hex(6), ref, created=now, updated=now)

    def text(self, question_id: str) -> str:
        answer = self.answers.get(question_id)
        return display(answer.value) if answer else ""

    @property
    def uppdrag(self) -> str:
        return self.text("uppdrag")

    @property
    def date(self) -> str:
        return self.text("datum") or self.created[:10]


def timestamp() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PlannedItem:
    """One action item of a report's own plan."""

    key: str
    step: Step
    question: Question
    number: int
    item: ActionItem

    @property
    def kind_label(self) -> str:
        return PLAN_KINDS.get(self.question.plan or "", "")


def planned_items(report: Report, questionnaire: Questionnaire) -> list[PlannedItem]:
    """Every add/develop/remove answer of the report, in question order."""
    items = []
    for step in questionnaire.steps:
        for question in step.questions:
            answer = report.answers.get(question.id)
            if not question.plan or answer is None or answer.value is None:
                continue
            is_list = question.type == "atgarder"
            entries = list(answer.value) if is_list else [ActionItem(str(answer.value))]  # type: ignore[arg-type]
            for number, entry in enumerate(entries, start=1):
                key = f"{report.report_id}/{question.id}/{number}"
                items.append(PlannedItem(key, step, question, number, entry))
    return items


# -- rendering ----------------------------------------------------------------------------------


def render(report: Report, questionnaire: Questionnaire, *, file_name: str = "") -> str:
    """The whole report file as text."""
    lines = ["---", *_header(report, questionnaire).rstrip("\n").split("\n"), "---", ""]
    lines += _title(report, questionnaire)
    if report.follow_ups:
        lines += _follow_up_section(report)
    for step in questionnaire.steps:
        lines += _step_section(report, questionnaire, step, file_name)
    lines += _plan_section(report, questionnaire)
    if report.extra_answers:
        lines += [f"## {OTHER_TITLE} <!-- avsnitt: ovrigt -->", ""]
        lines += ["Svar under id som frågeuppsättningen inte känner till. De sparas oförändrade.", ""]
        for key, raw in report.extra_answers.items():
            lines += [f"### {raw.heading} <!-- fraga: {key} -->", "", *raw.body.split("\n"), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _header(report: Report, questionnaire: Questionnaire) -> str:
    metadata: dict[str, Any] = {}
    for question in questionnaire.metadata:
        if question.id in report.answers:
            metadata[question.id] = _plain(report.answers[question.id].value)
    metadata.update(report.extra_metadata)
    follow_ups = {f.key: f.status for f in report.follow_ups if f.status}
    header: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": report.report_id,
        "fragor": {
            "id": report.question_set.id,
            "version": report.question_set.version,
            "hash": report.question_set.hash,
        },
        "metadata": metadata,
        "skapad": report.created,
        "uppdaterad": report.updated,
        "steg": {s.id: step_status(s, report.answers) for s in questionnaire.steps},
        "atgarder": len(planned_items(report, questionnaire)),
        "uppfoljning": follow_ups,
    }
    header.update(report.extra_header)
    return yaml.dump(header, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _inline(text: str) -> str:
    """Derived text on one line that cannot be read back as a heading with an id."""
    return " ".join(text.split("\n")).replace("<!--", "<\\!--")


def _title(report: Report, questionnaire: Questionnaire) -> list[str]:
    lines = [f"# {questionnaire.title}: {_inline(report.uppdrag) or 'namnlöst uppdrag'}", ""]
    facts = []
    for question in questionnaire.metadata:
        answer = report.answers.get(question.id)
        if question.id == "uppdrag" or answer is None or answer.value is None:
            continue
        facts.append(f"- **{question.label}:** {_inline(display(answer.value))}")
    if facts:
        lines += [*facts, ""]
    lines += [
        "<!-- Svaren står under frågorna och kan ändras direkt här; låt kommentarerna med id stå kvar."
        " Uppgifterna om uppdraget ändras i huvudet överst, mellan raderna med ---. -->",
        "",
    ]
    return lines


def _follow_up_section(report: Report) -> list[str]:
    lines = [f"## {FOLLOW_UP_TITLE} <!-- avsnitt: uppfoljning -->", ""]
    lines += ["Status för moment i tidigare utvecklingsplaner: Genomfört, Delvis, Inte än eller Släpp.", ""]
    for follow_up in report.follow_ups:
        lines += [f"### {follow_up.label} <!-- uppfoljning: {follow_up.key} -->", ""]
        lines += [*encode(_FOLLOW_UP_QUESTION, follow_up.answer), ""]
    return lines


def _step_section(report: Report, questionnaire: Questionnaire, step: Step, file_name: str) -> list[str]:
    status = step_status(step, report.answers)
    lines = [f"## {step.heading} <!-- steg: {step.id} -->", "", f"*Status: {status}*", ""]
    if step.lead:
        lines += [step.lead, ""]
    current_group = None
    for question in step.questions:
        answer = report.answers.get(question.id)
        if answer is None:
            continue
        level = "###"
        if question.group is not None:
            level = "####"
            if question.group != current_group:
                lines += [f"### {question.group.title} <!-- grupp: {question.group.id} -->", ""]
                if question.group.text and question.group.text != question.group.title:
                    lines += [question.group.text, ""]
        current_group = question.group
        lines += [f"{level} {question.text} <!-- fraga: {question.id} -->", ""]
        lines += [*encode(question, answer), ""]
    return lines


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>") or " "


def _plan_section(report: Report, questionnaire: Questionnaire) -> list[str]:
    lines = [f"## {PLAN_TITLE} <!-- avsnitt: utvecklingsplan -->", ""]
    items = planned_items(report, questionnaire)
    if not items:
        return [*lines, "*Inga moment att lägga till, utveckla eller ta bort ännu.*", ""]
    lines += ["| Steg | Typ | Moment | Varför |", "| --- | --- | --- | --- |"]
    for entry in items:
        lines.append(
            f"| {_cell(entry.step.label)} | {_cell(entry.kind_label)} | {_cell(entry.item.moment)} "
            f"| {_cell(entry.item.why)} |"
        )
    return [*lines, ""]


# -- parsing ------------------------------------------------------------------------------------


@dataclass
class _Block:
    kind: str
    key: str
    heading: str
    line: int  # 1-based line of the heading in the file
    body: list[str]


def split_front_matter(text: str, file: str) -> tuple[list[str], list[str], int]:
    """Header lines, body lines, and the 1-based file line where the body starts."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ReportFormatError(f"{file}:1: rapporten saknar huvudet (YAML mellan två rader med ---) överst.")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return lines[1:index], lines[index + 1 :], index + 2
    raise ReportFormatError(f"{file}:1: huvudet överst avslutas aldrig med en rad med ---.")


def read_header(lines: list[str], file: str) -> dict[str, Any]:
    """Parse the front matter lines (YAML) into a mapping, with errors naming file and line."""
    try:
        header = yaml.load("\n".join(lines), Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        raise ReportFormatError(f"{file}:{line}: huvudet är inte giltig YAML ({error.problem}).") from None
    except yaml.YAMLError as error:
        raise ReportFormatError(f"{file}:1: huvudet är inte giltig YAML ({error}).") from None
    if not isinstance(header, dict):
        raise ReportFormatError(f"{file}:2: huvudet ska vara nycklar med värden (YAML).")
    if header.get("format") != FORMAT_VERSION:
        raise ReportFormatError(
            f"{file}:2: okänt rapportformat {header.get('format')!r}; den här versionen läser format {FORMAT_VERSION}."
        )
    return header


def set_ref(header: dict[str, Any], file: str) -> SetRef:
    ref = header.get("fragor")
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str):
        raise ReportFormatError(f"{file}:2: huvudet saknar 'fragor' med frågeuppsättningens id.")
    return SetRef(ref["id"], int(ref.get("version") or 0), str(ref.get("hash") or ""))


def _header_line(lines: list[str], key: str, *, nested: bool = True) -> int:
    indent = r"\s+" if nested else ""
    pattern = re.compile(rf"^{indent}{re.escape(key)}\s*:")
    for index, line in enumerate(lines):
        if pattern.match(line):
            return index + 2
    return 2


_KNOWN_HEADER = (
    "format",
    "id",
    "fragor",
    "metadata",
    "skapad",
    "uppdaterad",
    "steg",
    "atgarder",
    "uppfoljning",
)


def parse(
    text: str, questionnaire: Questionnaire | None, *, file: str = "rapporten", strict: bool = True
) -> Report:
    """Read a report file.  With ``strict``, an answer that does not fit its question is an error;
    otherwise it is kept verbatim as an extra answer."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header_lines, body, body_start = split_front_matter(text, file)
    header = read_header(header_lines, file)
    report_id = header.get("id")
    if not isinstance(report_id, str) or not report_id:
        raise ReportFormatError(f"{file}:2: huvudet saknar rapportens 'id'.")
    report = Report(
        report_id=report_id,
        question_set=set_ref(header, file),
        created=str(header.get("skapad") or ""),
        updated=str(header.get("uppdaterad") or ""),
        extra_header={k: v for k, v in header.items() if k not in _KNOWN_HEADER},
    )
    metadata = header.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ReportFormatError(
            f"{file}:{_header_line(header_lines, 'metadata', nested=False)}: 'metadata' ska vara nycklar med värden."
        )
    for key, raw in metadata.items():
        question = questionnaire.question(key) if questionnaire else None
        if question is None or not questionnaire.is_metadata(key):  # type: ignore[union-attr]
            report.extra_metadata[key] = raw
            continue
        try:
            report.answers[key] = Answer(coerce_value(question, raw))
        except AnswerError as error:
            if strict:
                raise ReportFormatError(
                    f"{file}:{_header_line(header_lines, key)}: {key}: {error}."
                ) from None
            report.extra_metadata[key] = raw
    for block in _blocks(body, body_start):
        _read_block(report, questionnaire, block, file, strict)
    return report


def _blocks(body: list[str], first_line: int) -> Iterator[_Block]:
    current: _Block | None = None
    for index, line in enumerate(body):
        match = _STRUCTURE.match(line)
        if match:
            if current is not None:
                yield _trim(current)
            current = _Block(match.group(3), match.group(4), match.group(2), first_line + index, [])
        elif current is not None:
            current.body.append(line)
    if current is not None:
        while current.body and current.body[-1] == "":
            current.body.pop()
        current.body.append("")
        yield _trim(current)


def _trim(block: _Block) -> _Block:
    body = block.body
    if body and body[0] == "":
        body = body[1:]
    if body and body[-1] == "":
        body = body[:-1]
    block.body = body
    return block


def _read_block(
    report: Report, questionnaire: Questionnaire | None, block: _Block, file: str, strict: bool
) -> None:
    if block.kind not in ("fraga", "uppfoljning"):
        return
    seen = block.key in report.answers or block.key in report.extra_answers
    if block.kind == "uppfoljning":
        seen = any(f.key == block.key for f in report.follow_ups)
    if seen:
        if strict:
            raise ReportFormatError(
                f"{file}:{block.line}: id '{block.key}' förekommer två gånger i rapporten."
            )
        return
    if block.kind == "uppfoljning":
        answer = _decode(_FOLLOW_UP_QUESTION, block, file, strict)
        report.follow_ups.append(FollowUp(block.key, block.heading, answer or Answer()))
        return
    question = questionnaire.question(block.key) if questionnaire else None
    if question is None or questionnaire.is_metadata(block.key):  # type: ignore[union-attr]
        report.extra_answers[block.key] = RawAnswer(block.heading, "\n".join(block.body))
        return
    answer = _decode(question, block, file, strict)
    if answer is None:
        report.extra_answers[block.key] = RawAnswer(block.heading, "\n".join(block.body))
    else:
        report.answers[block.key] = answer


def _decode(question: Question, block: _Block, file: str, strict: bool) -> Answer | None:
    try:
        return decode(question, block.body)
    except AnswerFormatError as error:
        if strict:
            line = block.line + 2 + error.offset
            raise ReportFormatError(
                f"{file}:{line}: svaret på '{block.heading}' går inte att läsa: {error.message}."
            ) from None
        return None
