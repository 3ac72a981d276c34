"""Plain line-by-line prompting (``--enkel``): no cursor movement or colour, for screen readers,
dumb terminals and answers piped in one line per prompt."""

from __future__ import annotations

import re
from typing import TextIO

from intervjufas.answers import ActionItem, Answer, AnswerError, coerce_value
from intervjufas.prompting import AskRequest, default_text, scale_title
from intervjufas.questionnaire import Question

HELP_KEY = "?"


class PlainPrompter:
    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin = stdin
        self.stdout = stdout

    # -- output ---------------------------------------------------------------------------------
    def _print(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def section(self, title: str, text: str) -> None:
        self._print()
        self._print(f"== {title} ==")
        if text:
            self._print(text)

    def note(self, text: str) -> None:
        self._print(text)

    def _read(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self._print()
            raise EOFError
        return line.rstrip("\n").rstrip("\r")

    # -- questions ------------------------------------------------------------------------------
    def ask(self, request: AskRequest) -> Answer:
        question = request.question
        if request.group is not None:
            self._print()
            self._print(request.group.title)
            if request.group.text and request.group.text != request.group.title:
                self._print(request.group.text)
        self._print()
        self._print(request.progress)
        if request.context:
            self._print(request.context)
        self._print(question.text)
        if question.help:
            self._print(f"(Skriv {HELP_KEY} för hjälp.)")
        while True:
            try:
                return self._ask_once(question, request.default)
            except AnswerError as error:
                self._print(f"Ogiltigt svar: {error}. Försök igen.")

    def _show_help(self, question: Question) -> None:
        self._print(f"Hjälp: {question.help}" if question.help else "Ingen hjälptext för den här frågan.")

    def _line(self, prompt: str, question: Question) -> str:
        while True:
            text = self._read(prompt)
            if text.strip() == HELP_KEY:
                self._show_help(question)
                continue
            return text

    def _ask_once(self, question: Question, default: Answer | None) -> Answer:
        kind = question.type
        shown_default = default_text(question, default)
        suffix = f" [standard: {shown_default}]" if shown_default else ""
        if kind == "langtext":
            return Answer(self._multiline(question, shown_default))
        if kind in ("text", "datum"):
            text = self._line(f"Svar{suffix}: ", question)
            text = text if text.strip() else shown_default
            if question.required and not text.strip():
                raise AnswerError("frågan måste besvaras")
            return Answer(coerce_value(question, text))
        if kind in ("val", "janej", "skala", "flerval"):
            value = self._choose(question, default, suffix)
            comment = ""
            if question.comment and value is not None:
                previous = default.comment if default else ""
                extra = f" [standard: {previous}]" if previous else ""
                comment = self._line(f"Kommentar (valfritt){extra}: ", question) or previous
            return Answer(value, comment)
        if kind == "atgarder":
            return Answer(self._action_items(question, default))
        raise AnswerError(f"okänd frågetyp '{kind}'")

    def _options(self, question: Question) -> list[tuple[str, object]]:
        if question.type == "skala":
            numbers = range(question.scale_min, question.scale_max + 1)
            return [(scale_title(question, n), n) for n in numbers]
        return [(c, c) for c in question.choices]

    def _choose(self, question: Question, default: Answer | None, suffix: str) -> object:
        options = self._options(question)
        for number, (title, _) in enumerate(options, start=1):
            self._print(f"  {number}) {title}")
        several = question.type == "flerval"
        if several:
            hint = "Skriv numren, t.ex. 1,3"
        elif question.type == "janej":
            hint = "Skriv j eller n (eller numret)"
        elif question.type == "skala":
            hint = "Skriv siffran på skalan"
        else:
            hint = "Skriv numret"
        if not question.required:
            hint += ", eller tryck Enter för att hoppa över" if not suffix else ""
        text = self._line(f"{hint}{suffix}: ", question).strip()
        if not text:
            if default is not None and default.value is not None:
                return default.value
            if question.required:
                raise AnswerError("frågan måste besvaras")
            return None
        if question.type == "skala":
            return coerce_value(question, text)
        parts = [p for p in re.split(r"[,\s]+", text) if p] if several else [text]
        chosen = []
        for part in parts:
            if part.isdigit() and 1 <= int(part) <= len(options):
                chosen.append(options[int(part) - 1][1])
            else:
                chosen.append(coerce_value(question if not several else _single(question), part))
        if several:
            return tuple(c for c in question.choices if c in chosen) or None
        return chosen[0]

    def _multiline(self, question: Question, shown_default: str) -> str:
        if shown_default:
            self._print("Nuvarande svar:")
            for line in shown_default.split("\n"):
                self._print(f"  {line}")
            self._print("(Tryck Enter direkt för att behålla det.)")
        self._print("Skriv ditt svar. Avsluta med en tom rad.")
        lines: list[str] = []
        while True:
            line = self._line("> ", question)
            if not line.strip():
                break
            lines.append(line)
        text = "\n".join(lines)
        if not lines and shown_default:
            text = shown_default
        if question.required and not text.strip():
            raise AnswerError("frågan måste besvaras")
        return text

    def _action_items(self, question: Question, default: Answer | None) -> tuple[ActionItem, ...] | None:
        self._print("Ett moment i taget. Lämna momentet tomt när du är klar.")
        previous = list(default.value) if default is not None and isinstance(default.value, tuple) else []
        items: list[ActionItem] = []
        while True:
            offered = previous[len(items)] if len(items) < len(previous) else None
            hint = f" [standard: {offered.moment}]" if isinstance(offered, ActionItem) else ""
            moment = self._line(f"Moment {len(items) + 1}{hint}: ", question).strip()
            if not moment and isinstance(offered, ActionItem):
                moment = offered.moment
            if not moment:
                break
            why_default = offered.why if isinstance(offered, ActionItem) else ""
            why_hint = f" [standard: {why_default}]" if why_default else ""
            why = self._line(f"Varför / med vilket syfte?{why_hint}: ", question).strip() or why_default
            items.append(ActionItem(moment, why))
        return tuple(items) or None


def _single(question: Question) -> Question:
    from dataclasses import replace

    return replace(question, type="val")
