"""An answer as a whole, by its question's type: raw input checked as a typed answer is (with its
comment and whether it is required), the Markdown lines under its heading and back, and the text
it is shown as."""

from __future__ import annotations

from intervjufas.errors import AnswerError
from intervjufas.model.answers import Answer, Value
from intervjufas.model.markdown_text import CURRENT, PLACEHOLDER, TextCodec
from intervjufas.model.questions import Question, as_text, coerce_value


def coerce(question: Question, raw: object) -> Answer:
    """Validate raw input exactly as a typed answer is validated; raise AnswerError if invalid."""
    comment = ""
    if question.comment and isinstance(raw, dict):
        unknown = set(raw) - {"svar", "kommentar"}
        if unknown:
            raise AnswerError(f"okänd nyckel '{sorted(unknown)[0]}' (tillåtna: svar, kommentar)")
        comment = as_text(raw.get("kommentar"))
        raw = raw.get("svar")
    answer = Answer(coerce_value(question, raw), comment)
    if answer.value is None and comment:
        raise AnswerError("en kommentar kräver också ett svar")
    if question.required and answer.value is None:
        raise AnswerError("frågan är obligatorisk och måste besvaras")
    return answer


def encode(question: Question, answer: Answer) -> list[str]:
    """The Markdown lines under the question's heading."""
    if answer.value is None:
        return [PLACEHOLDER]
    return question.kind.encode(question, answer)


def decode(question: Question, lines: list[str], text: TextCodec = CURRENT) -> Answer:
    """Read the lines under a heading back into an answer (free text as ``text`` wrote it – the
    report's format version); raise AnswerFormatError if impossible."""
    if lines == [PLACEHOLDER]:
        return Answer(None)
    if not any(line.strip() for line in lines):
        return question.kind.decode_blank(question, lines, text)
    return question.kind.decode(question, lines, text)


def display_answer(question: Question, value: Value) -> str:
    """A value as one string, the way its type shows it (e.g. '4 av 5' for a rating)."""
    return question.kind.display(question, value)
