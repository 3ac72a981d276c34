"""Reading the conditions of a question file: the grammar, the values compared, and the order.

A condition may refer only to questions asked earlier, which also rules out cycles; both are
checked in time linear in the number of questions and references (strongly connected components),
so a file with many interlinked conditions is checked as fast as a plain one.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

import yaml

from intervjufas.errors import AnswerError
from intervjufas.files.safe_yaml import plain_value, position
from intervjufas.model.conditions import COMBINATORS, OPERATORS, AllOf, AnyOf, Comparison, Condition, Not
from intervjufas.model.question_types.table import CHOICE
from intervjufas.model.questions import coerce_value
from intervjufas.questionsets.drafts import QuestionDraft
from intervjufas.questionsets.format_keys import CONDITION_KEYS, suggest
from intervjufas.questionsets.node_reader import NodeReader

_INVALID = object()
Ref = tuple[str, yaml.Node]


class ConditionReader:
    def __init__(self, reader: NodeReader, drafts: list[QuestionDraft]) -> None:
        self.r = reader
        self.drafts = drafts
        self.index: dict[str, QuestionDraft] = {}
        for draft in drafts:
            if draft.id is not None and draft.id not in self.index:
                self.index[draft.id] = draft

    def read_all(self) -> dict[int, Condition | None]:
        """The condition of every draft that has one (by draft order); checks order and cycles."""
        result: dict[int, Condition | None] = {}
        edges: dict[str, list[Ref]] = {}
        for draft in self.drafts:
            node = draft.nodes.get("villkor")
            if node is None:
                continue
            refs: list[Ref] = []
            result[draft.order] = self._condition(node, refs, depth=0)
            if draft.id:
                edges[draft.id] = refs
        self._check_order_and_cycles(edges)
        return result

    def _condition(self, node: yaml.Node, refs: list[Ref], depth: int) -> Condition | None:
        r = self.r
        if depth > 50:
            r.error(node, "villkoret är för djupt nästlat (högst 50 nivåer)")
            return None
        keys = r.keyed(node, CONDITION_KEYS, "ett villkor")
        if keys is None:
            return None
        combinators = [k for k in COMBINATORS if k in keys]
        operators = [k for k in OPERATORS if k in keys]
        if combinators:
            if len(keys) != 1:
                r.error(node, f"'{combinators[0]}' kan inte kombineras med andra nycklar i samma villkor")
                return None
            name = combinators[0]
            if name == "inte":
                inner = self._condition(keys["inte"], refs, depth + 1)
                return None if inner is None else Not(inner)
            items = [self._condition(n, refs, depth + 1) for n in r.sequence(keys[name], name)]
            if any(i is None for i in items):
                return None
            return (AllOf if name == "alla" else AnyOf)(tuple(items))  # type: ignore[arg-type]
        if "fraga" not in keys or len(operators) != 1:
            r.error(
                node,
                "ett villkor behöver 'fraga' och exakt en jämförelse "
                f"({', '.join(OPERATORS)}), eller något av {', '.join(COMBINATORS)}",
            )
            return None
        return self._comparison(keys, operators[0], refs)

    def _comparison(self, keys: dict[str, yaml.Node], op: str, refs: list[Ref]) -> Condition | None:
        ref = self.r.ident(keys["fraga"], "fraga")
        if ref is None:
            return None
        line, column = position(keys["fraga"])
        refs.append((ref, keys["fraga"]))
        target = self.index.get(ref)
        if target is None:
            self.r.error(
                keys["fraga"],
                f"villkoret hänvisar till en okänd fråga '{ref}'{suggest(ref, list(self.index))}",
            )
            return None
        value = self._comparison_value(op, keys[op], target)
        if value is _INVALID:
            return None
        return Comparison(ref, op, value, line, column)

    def _comparison_value(self, op: str, node: yaml.Node, target: QuestionDraft) -> object:
        r = self.r
        entry = target.kind
        ref = target.id
        if op == "besvarad":
            value = r.boolean(node, op)
            return _INVALID if value is None else value
        if entry is None:
            return _INVALID
        kind = entry.name
        if op in ("minst", "hogst"):
            if op not in entry.operators:
                r.error(node, f"'{op}' kan bara jämföra med en skalfråga, och '{ref}' har typen {kind}")
                return _INVALID
            number = r.integer(node, op)
            return _INVALID if number is None else self._one_value(node, number, target)
        if op == "innehaller":
            if op not in entry.operators:
                r.error(
                    node, f"'innehaller' kan bara användas med flervalsfrågor, och '{ref}' har typen {kind}"
                )
                return _INVALID
            return self._one_value(node, plain_value(node), target)
        if op not in entry.operators:
            r.error(node, f"'{ref}' {entry.condition_hint}")
            return _INVALID
        if op == "en_av":
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                r.error(node, "'en_av' ska vara en lista med minst ett värde")
                return _INVALID
            values = tuple(self._one_value(item, plain_value(item), target) for item in node.value)
            return _INVALID if _INVALID in values else values
        return self._one_value(node, plain_value(node), target)

    def _one_value(self, node: yaml.Node, raw: object, target: QuestionDraft) -> object:
        entry = target.kind
        if entry is None:
            return _INVALID
        probe = target.question()
        if isinstance(raw, bool) and entry.text_valued:
            raw = node.value  # e.g. 'ar: no' means the text "no", not false
        if "innehaller" in entry.operators:
            probe = replace(probe, kind=CHOICE)  # one of the choices
        try:
            value = coerce_value(probe, raw)
        except AnswerError as error:
            self.r.error(node, f"villkoret jämför med ett värde som '{target.id}' inte kan få: {error}")
            return _INVALID
        if value is None:
            self.r.error(node, "villkoret jämför med ett tomt värde; använd 'besvarad: false'")
            return _INVALID
        return value

    def _check_order_and_cycles(self, edges: dict[str, list[Ref]]) -> None:
        graph = {qid: [ref for ref, _ in refs if ref in self.index] for qid, refs in edges.items()}
        component = _components(graph)
        for qid, refs in edges.items():
            for ref, node in refs:
                target = self.index.get(ref)
                if target is None:
                    continue
                if ref == qid or (
                    component.get(qid) is not None and component.get(qid) == component.get(ref)
                ):
                    path = _cycle_through(graph, qid, ref, component)
                    self.r.error(node, f"villkoret ingår i en cykel: {' → '.join(path)}")
                elif target.order >= self.index[qid].order:
                    self.r.error(
                        node,
                        f"villkoret hänvisar till '{ref}', som ställs senare (rad {position(target.node)[0]}); "
                        "ett villkor kan bara bero på tidigare frågor",
                    )


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components with more than one node (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: dict[str, int] = {}
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = graph.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                nxt = successors[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    for member in members:
                        result[member] = index[node]
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _cycle_through(
    graph: dict[str, list[str]], start: str, first: str, component: dict[str, int]
) -> list[str]:
    """A shortest cycle start → first → … → start within one component (breadth first)."""
    if first == start:
        return [start, start]
    previous: dict[str, str] = {first: start}
    queue = deque([first])
    while queue and start not in previous:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt not in previous and component.get(nxt) == component.get(start):
                previous[nxt] = node
                queue.append(nxt)
    backwards = [start]
    node = previous[start]
    while node != first:
        backwards.append(node)
        node = previous[node]
    return [start, first, *reversed(backwards[1:]), start]
