"""A feedback form as a printable text page, an e-mail text and Markdown.

Why: the consultant hands the form out on paper, mails it, or pastes its questions into the survey
tool the organisation already uses; each output asks the same questions in the same order, numbered
the same way, so that answers can be matched back to the items whatever way they come. The page
wraps at ``WIDTH`` columns for printing; the e-mail text is not wrapped (mail programs wrap it
themselves, and a line broken by us would be broken again); Markdown escapes every text from the
report or the form set, so a moment's name can never become a link, a table or HTML.
"""

from __future__ import annotations

import textwrap

from intervjufas.model.markdown_text import CURRENT
from intervjufas.reading.feedback.forms import SCALE, TEXT, Form, FormQuestion, Scale

WIDTH = 72
BOX, MARK = "[ ]", "☐"
HOW_TO = "Kryssa i en ruta per fråga"
EMAIL_HOW_TO = "Svara gärna direkt i det här mejlet: skriv en siffra"
# The instructions in the form of address of the audience (``Audience.address``).
SKIP = {
    "du": "Hoppa över det du inte vill eller kan svara på.",
    "ni": "Hoppa över det ni inte vill eller kan svara på.",
}
EMAIL_PRIVATE = {
    "du": "Ditt namn och din e-postadress sparas inte tillsammans med svaren.",
    "ni": "Era namn och e-postadresser sparas inte tillsammans med svaren.",
}
ANSWER = "Svar"
_KEPT = "\N{NO-BREAK SPACE}=\N{NO-BREAK SPACE}"  # "5 = Mycket bra" is not broken by wrapping


def main_scale(form: Form) -> Scale | None:
    """The scale most questions use (the first question's), explained once at the top."""
    return next((q.scale for s in form.sections for q in s.questions if q.scale is not None), None)


def scale_words(scale: Scale) -> str:
    """'1 = Mycket dåligt, 3 = Godtagbart, 5 = Mycket bra' (or '1–5' without labels)."""
    if not scale.labels:
        return f"{scale.low}–{scale.high}"
    return ", ".join(f"{number} = {label}" for number, label in scale.labels)


def how_to(form: Form) -> str:
    """How to answer: the scale explained, and that anything may be skipped."""
    main = main_scale(form)
    how = f"{HOW_TO}: {scale_words(main)}. " if main else ""
    return how + SKIP[form.audience.address]


def own_scale(question: FormQuestion, main: Scale | None) -> Scale | None:
    """The question's scale when it differs from the one explained at the top."""
    return question.scale if question.scale is not None and question.scale != main else None


def numbered(form: Form) -> list[tuple[str, str, list[tuple[int, FormQuestion]]]]:
    """The sections (label, title) with their questions numbered through the whole form."""
    number = 0
    sections = []
    for section in form.sections:
        questions = []
        for question in section.questions:
            number += 1
            questions.append((number, question))
        sections.append((section.label, section.title, questions))
    return sections


def row_letter(index: int) -> str:
    return (
        chr(ord("a") + index)
        if index < 26
        else f"{chr(ord('a') + index // 26 - 1)}{chr(ord('a') + index % 26)}"
    )


# -- the printable page ---------------------------------------------------------------------------


def _wrapped(text: str, indent: str = "", first: str | None = None) -> list[str]:
    lead = indent if first is None else first
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=lead,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [lead.rstrip()]


def _boxes(scale: Scale) -> str:
    return "   ".join(f"{BOX} {step}" for step in scale.steps)


def form_text(form: Form) -> str:
    """The form as a page to print: boxes to tick, lines to write on."""
    main = main_scale(form)
    lines = [form.title, "=" * min(len(form.title), WIDTH), ""]
    lines += [f"{heading}: {value}" for heading, value in form.facts] + ([""] if form.facts else [])
    if form.intro:
        lines += [*_wrapped(form.intro), ""]
    lines += [line.replace(_KEPT, " = ") for line in _wrapped(how_to(form).replace(" = ", _KEPT))] + [""]
    for label, title, questions in numbered(form):
        heading = f"{label}: {title}" if label != title else title
        lines += [heading, "-" * min(len(heading), WIDTH), ""]
        for number, question in questions:
            lines += [*_question_text(number, question, main), ""]
    if form.closing:
        lines += _wrapped(form.closing)
    return "\n".join(lines).rstrip("\n") + "\n"


def _question_text(number: int, question: FormQuestion, main: Scale | None) -> list[str]:
    first = f"{number}. "
    indent = " " * len(first)
    lines = _wrapped(question.text, indent, first)
    if question.help:
        lines += _wrapped(question.help, indent)
    scale = own_scale(question, main)
    if scale is not None:
        lines += _wrapped(f"({scale_words(scale)})", indent)
    if question.kind == TEXT:
        return lines + [indent + "_" * (WIDTH - len(indent))] * 4
    if question.kind == SCALE:
        return [*lines, indent + _boxes(question.scale or Scale())]
    for index, item in enumerate(question.items):
        mark = f"{row_letter(index)}) "
        lines += _wrapped(item.text, indent + " " * len(mark), indent + mark)
        lines.append(indent + " " * len(mark) + _boxes(item.scale or Scale()))
    return lines


# -- the e-mail text ------------------------------------------------------------------------------


def form_email(form: Form) -> str:
    """The form as the text of an e-mail: a subject line, then questions to answer in the reply."""
    main = main_scale(form)
    lines = [f"Ämne: {form.title}", "", "Hej!", ""]
    if form.intro:
        lines += [form.intro, ""]
    how = f" från {main.low} till {main.high} ({scale_words(main)})" if main else ""
    address = form.audience.address
    lines += [f"{EMAIL_HOW_TO}{how} efter varje fråga. {SKIP[address]} {EMAIL_PRIVATE[address]}", ""]
    lines += [f"{heading}: {value}" for heading, value in form.facts] + ([""] if form.facts else [])
    for label, title, questions in numbered(form):
        lines.append(f"{label}: {title}" if label != title else title)
        for number, question in questions:
            lines.append(f"{number}. {question.text}")
            if question.help:
                lines.append(f"   ({question.help})")
            lines += _email_answers(question, main)
        lines.append("")
    if form.closing:
        lines.append(form.closing)
    return "\n".join(lines).rstrip("\n") + "\n"


def _email_answers(question: FormQuestion, main: Scale | None) -> list[str]:
    if question.kind == TEXT:
        return [f"   {ANSWER}:"]
    if question.kind == SCALE:
        scale = question.scale or Scale()
        own = own_scale(question, main)
        return [f"   {ANSWER} ({scale.low}–{scale.high}{'; ' + scale_words(own) if own else ''}):"]
    return [
        f"   {row_letter(index)}) {item.text} – {ANSWER.lower()} ({(item.scale or Scale()).low}–"
        f"{(item.scale or Scale()).high}):"
        for index, item in enumerate(question.items)
    ]


# -- Markdown -------------------------------------------------------------------------------------


def _inline(text: str) -> str:
    return CURRENT.inline(" ".join(text.split()))


def form_markdown(form: Form) -> str:
    """The form as Markdown: a heading per part, ticking boxes, the map's moments as a table."""
    main = main_scale(form)
    lines = [f"# {_inline(form.title)}", ""]
    if form.facts:
        lines += [f"**{_inline(heading)}:** {_inline(value)}  " for heading, value in form.facts]
        lines[-1] = lines[-1].rstrip()
        lines.append("")
    if form.intro:
        lines += [*CURRENT.escape(form.intro), ""]
    lines += [f"*{_inline(how_to(form))}*", ""]
    for label, title, questions in numbered(form):
        lines += [f"## {_inline(f'{label}: {title}' if label != title else title)}", ""]
        for number, question in questions:
            lines += [f"### {number}\\. {_inline(question.text)}", ""]
            lines += [f"*{_inline(question.help)}*", ""] if question.help else []
            own = own_scale(question, main)
            lines += [f"*({_inline(scale_words(own))})*", ""] if own else []
            lines += [*_markdown_answers(question), ""]
    if form.closing:
        lines.append(_inline(form.closing))
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_answers(question: FormQuestion) -> list[str]:
    if question.kind == TEXT:
        return [f"{ANSWER}:", "", "---", "", "---", "", "---"]
    scale = question.scale or Scale()
    if question.kind == SCALE:
        return [" · ".join(f"{MARK} {step}" for step in scale.steps)]
    header = ["Del", *map(str, scale.steps)]
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " :-: |" * len(scale.steps)]
    for item in question.items:
        lines.append(f"| {_inline(item.text)} |" + f" {MARK} |" * len(scale.steps))
    return lines
