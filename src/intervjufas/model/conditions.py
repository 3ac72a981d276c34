"""The small condition language of question sets: conditions are data, evaluated here, never eval'd."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from intervjufas.model.answers import Answer

# Operators comparing one earlier question's answer with a value.
OPERATORS = ("ar", "ar_inte", "en_av", "innehaller", "besvarad", "minst", "hogst")
# Operators combining other conditions.
COMBINATORS = ("alla", "nagon", "inte")


@dataclass(frozen=True)
class Comparison:
    """An earlier answer (``fraga``) compared by one operator (e.g. ``ar``) with a value."""

    question_id: str
    operator: str
    value: object  # as the set gives it: a text, number, yes/no or a list of texts
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class AllOf:
    """True when every condition holds (``alla``)."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """True when any condition holds (``nagon``)."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    """True when the condition does not hold (``inte``)."""

    condition: Condition


Condition = Comparison | AllOf | AnyOf | Not


def evaluate(condition: Condition | None, answers: Mapping[str, Answer]) -> bool:
    """True when the condition holds for the answers given so far (no condition always holds)."""
    if condition is None:
        return True
    if isinstance(condition, AllOf):
        return all(evaluate(c, answers) for c in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, answers) for c in condition.conditions)
    if isinstance(condition, Not):
        return not evaluate(condition.condition, answers)
    return _compare(condition, answers.get(condition.question_id))


def _compare(comparison: Comparison, answer: Answer | None) -> bool:
    value = None if answer is None else answer.value
    op, expected = comparison.operator, comparison.value
    if op == "besvarad":
        return (value is not None) == bool(expected)
    if op == "ar":
        return bool(value == expected)
    if op == "ar_inte":
        return bool(value != expected)
    if op == "en_av":
        return isinstance(expected, tuple) and value in expected
    if op == "innehaller":
        return isinstance(value, tuple) and expected in value
    if op in ("minst", "hogst"):
        if not isinstance(value, int) or not isinstance(expected, int):
            return False
        return value >= expected if op == "minst" else value <= expected
    raise ValueError(f"unknown operator {op!r}")


def comparisons(condition: Condition | None) -> Iterator[Comparison]:
    """Every comparison inside a condition, in order."""
    if condition is None:
        return
    if isinstance(condition, Comparison):
        yield condition
    elif isinstance(condition, Not):
        yield from comparisons(condition.condition)
    else:
        for inner in condition.conditions:
            yield from comparisons(inner)
