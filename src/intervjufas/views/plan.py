"""How ``plan`` shows the open action items: a table fitted to the terminal (stacked when narrow),
and JSON for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text

from intervjufas.views.console import NO_ANSWER, print_text, print_trimmed, write_plain
from intervjufas.views.text_layout import Stack, fit_widths, wrap_segments

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from intervjufas.reading.plan.state import OpenItem


def plan_order(items: list[OpenItem]) -> list[OpenItem]:
    """By step ('Del 1', 'Steg 1', …), newest report first within a step (the core's order)."""
    return sorted(items, key=lambda item: (item.step_label.rsplit(" ", 1)[0], item.step_number))


def _status_text(item: OpenItem) -> Text:
    status = Text(item.last_status or NO_ANSWER, style="yellow" if item.last_status else "dim")
    if item.last_comment:
        status.append(f" – {item.last_comment}", style="")
    return status


def show_plan(
    console: Console,
    items: list[OpenItem],
    folder: object,
    program: str = "intervjufas",
    *,
    customer: str = "",
) -> None:
    if not items:
        whose = f" för kunden {' '.join(customer.split())}" if customer.strip() else ""
        console.print(
            f"Inga öppna moment{whose} i utvecklingsplanerna i {folder}. Bra jobbat!",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return
    items = plan_order(items)
    if _fits_in_columns(console.width, items):
        print_trimmed(console, _plan_table(console.width, items))
    elif console.is_terminal or console.color_system is not None:
        print_text(console, _plan_stack(console.width, items))
    else:  # (a file or a pipe: the same lines, made as plain text, a few hundred items at a time)
        for start in range(0, len(items), 500):
            write_plain(console, _plain_stack(console.width, items[start : start + 500]))
    show_count(console, len(items), program)


def show_count(console: Console, count: int, program: str) -> None:
    """The line after the items: how many, and when they are followed up."""
    console.print(
        Text(
            f"{count} {'öppet moment' if count == 1 else 'öppna moment'}. "
            f"De följs upp nästa gång du kör {program} kartlagg.",
            style="dim",
        )
    )


def _fits_in_columns(width: int, items: list[OpenItem]) -> bool:
    """Whether a table fits: the step and date whole, the file name whole in the moment's cell."""
    steps = max(cell_len(label) for label in {item.step_label for item in items})
    files = max(cell_len(source.name) for source in {item.source for item in items})
    return table_fits(width, steps, files)


def table_fits(width: int, steps: int, files: int) -> bool:
    """``_fits_in_columns`` of items whose widest step label and file name take these cells."""
    return width - max(4, steps) - 10 - 2 * 3 - 14 >= max(files, 20)


def _plan_stack(width: int, items: list[OpenItem]) -> Text:
    """One block per item, for a narrow terminal: nothing folded into a column."""
    stack = Stack(width)
    for item in items:
        status = [
            ("Senaste status: ", "dim"),
            (item.last_status or NO_ANSWER, "yellow" if item.last_status else ""),
        ]
        if item.last_comment:
            status.append((f" – {item.last_comment}", ""))
        stack.add(
            [(f"{item.step_label} · {item.kind}: ", "bold"), (item.moment, "bold")],
            [
                [("Varför: ", "dim"), (item.why or NO_ANSWER, "")],
                status,
                [(f"{item.source_date} · {item.source.name}", "dim")],
            ],
        )
    return stack.render()


def _plain_stack(width: int, items: list[OpenItem]) -> str:
    """``_plan_stack`` as plain text, without styles: what it prints into a file or a pipe, made
    without a segment or span per word (thousands of items)."""
    lines: list[str] = []
    names: dict[Path, str] = {}  # (a report holds several items)
    for item in items:
        name = names.get(item.source)
        if name is None:
            name = names[item.source] = item.source.name
        lines += stacked(stack_lines(item, name), width)
    lines.append("")
    return "\n".join(lines)


def stack_lines(item: OpenItem, name: str) -> tuple[str, str, str, str]:
    """The lines of one item in the stacked plain layout before wrapping: the heading, then the
    reason, the status and the report (``name``), which are indented."""
    status = f"Senaste status: {item.last_status or NO_ANSWER}"
    if item.last_comment:
        status += f" – {item.last_comment}"
    return (
        f"{item.step_label} · {item.kind}: {item.moment}",
        f"Varför: {item.why or NO_ANSWER}",
        status,
        f"{item.source_date} · {name}",
    )


def stacked(lines: tuple[str, ...] | list[str], width: int) -> list[str]:
    """The ``stack_lines`` of one item wrapped to ``width``."""
    head, *details = lines
    wrapped = _wrapped(head, width)
    inner = width - 2
    for detail in details:
        wrapped += ["  " + line for line in _wrapped(detail, inner)]
    return wrapped


def unwrapped_width(line: str) -> int | None:
    """The narrowest width at which ``_wrapped`` leaves ``line`` as it is by its first test (at any
    width from there on); None when that test never does (then it is wrapped every time)."""
    if "  " in line or line[:1] == " " or line[-1:] == " ":
        return None
    if line.isprintable() and max(line, default=" ") < "\u0300":
        return len(line)
    return max(len(line), cell_len(line))


def _wrapped(line: str, width: int) -> list[str]:
    """One line as ``text_layout.wrap_segments`` wraps it (most lines fit as they are)."""
    if (
        len(line) <= width
        and "  " not in line
        and line[:1] != " "
        and line[-1:] != " "
        # (printable characters before the combining marks take one cell each: no measuring)
        and ((line.isprintable() and max(line, default=" ") < "\u0300") or cell_len(line) <= width)
    ):
        return [line]
    return ["".join(text for text, _ in wrapped) for wrapped in wrap_segments([(line, "")], width)]


def _plan_table(width: int, items: list[OpenItem]) -> Table:
    """Every column side by side when the text columns get at least a readable width; otherwise
    the type, the reason and the report go into the moment's cell, one per line."""
    steps = max(4, *(cell_len(item.step_label) for item in items))
    kinds = max(3, *(cell_len(item.kind) for item in items))
    files = max(cell_len(item.source.name) for item in items)
    moments = max(8, *(cell_len(item.moment) for item in items))
    whys = max(8, *(cell_len(item.why or NO_ANSWER) for item in items))
    statuses = max(14, *(_status_text(item).cell_len for item in items))
    wide_room = width - steps - kinds - files - 10 - 2 * 6
    wide = wide_room >= 20 + 20 + 14
    from rich import box  # (only for the table: a pipe or JSON needs none)
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False, header_style="bold"
    )
    table.add_column("Steg", no_wrap=True, width=steps)
    if wide:
        moment_width, why_width, status_width = fit_widths([moments, whys, statuses], [20, 20, 14], wide_room)
        table.add_column("Typ", no_wrap=True, width=kinds)
        table.add_column("Moment", width=moment_width)
        table.add_column("Varför", width=why_width)
        table.add_column("Senaste status", width=status_width)
        table.add_column("Rapport", no_wrap=True, width=files)
    else:
        narrow_moments = max(moments + kinds + 2, whys + 8, files)
        moment_width, status_width = fit_widths(
            [narrow_moments, statuses], [max(files, min(narrow_moments, 42)), 14], width - steps - 10 - 2 * 3
        )
        table.add_column("Moment, varför och rapport", width=moment_width)
        table.add_column("Senaste status", width=status_width)
    table.add_column("Datum", no_wrap=True, width=10)
    for item in items:
        table.add_row(*(_wide_row(item) if wide else _narrow_row(item)))
    return table


def _wide_row(item: OpenItem) -> list[Any]:
    return [
        item.step_label,
        item.kind,
        Text(item.moment),
        Text(item.why or NO_ANSWER),
        _status_text(item),
        item.source.name,
        item.source_date,
    ]


def _narrow_row(item: OpenItem) -> list[Any]:
    cell = Text(f"{item.kind}: ", style="bold")
    cell.append(item.moment)
    cell.append(f"\nVarför: {item.why or NO_ANSWER}")
    cell.append(f"\n{item.source.name}", style="dim")
    cell.overflow = "fold"
    return [item.step_label, cell, _status_text(item), item.source_date]


def plan_data(items: list[OpenItem]) -> dict[str, object]:
    """The open items for scripts (``plan --json``), in the order of the table."""
    from intervjufas.views.json_vocabulary import FORMAT

    return {"format": FORMAT, "oppna_moment": [item_data(item) for item in plan_order(items)]}


def item_data(item: OpenItem) -> dict[str, object]:
    from intervjufas.views.json_vocabulary import FOLLOW_UP_CODES, PLAN_CODES, code

    return {
        "id": item.key,
        "steg": item.step_number,
        "steg_namn": item.step_label,
        "steg_titel": item.step_title,
        "typ": item.plan or code(item.kind, PLAN_CODES),
        "typ_text": item.kind,
        "namn": item.moment,
        "varfor": item.why,
        "senaste_status": code(item.last_status, FOLLOW_UP_CODES),
        "senaste_status_text": item.last_status,
        "senaste_kommentar": item.last_comment,
        "fil": item.source.name,
        "sokvag": str(item.source),
        "datum": item.source_date,
    }


def write_plan_json(items: list[OpenItem], stream: Any) -> None:
    """``plan --json``: the text ``json_output.write_json`` writes of ``plan_data``, made faster
    and written item by item (the standard library indents JSON in Python, value by value, and the
    whole text of tens of thousands of items is tens of megabytes).  Each value is written by the
    standard library's own encoder, indented as ``json.dumps(indent=2)`` indents this shape; as in
    ``json_text``, the text is escaped to ASCII when the output's encoding lacks any character."""
    from intervjufas.views.json_output import escaped_controls, write_json
    from intervjufas.views.json_vocabulary import FORMAT

    ordered = plan_order(items)
    if not ordered or type(FORMAT) is not int:
        write_json(plan_data(items), stream)
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        pieces = [_flat_json(item_data(item), ascii_only=False) for item in ordered]
    except TypeError:  # (a value that is not plain: the standard way)
        write_json(plan_data(items), stream)
        return
    try:
        for piece in pieces:
            piece.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        pieces = [_flat_json(item_data(item), ascii_only=True) for item in ordered]
    else:
        pieces = [escaped_controls(piece) for piece in pieces]
    stream.write(f'{{\n  "format": {FORMAT},\n  "oppna_moment": [\n')
    for start in range(0, len(pieces), 500):
        stream.write(("" if start == 0 else ",\n") + ",\n".join(pieces[start : start + 500]))
    stream.write("\n  ]\n}\n")


def _flat_json(row: dict[str, object], *, ascii_only: bool) -> str:
    """``json.dumps(row, indent=2, ensure_ascii=ascii_only)`` for a mapping of plain values (str,
    int, None), as an item of a list in a mapping: indented by four spaces."""
    return "    {\n" + ",\n".join(json_lines(row, ascii_only=ascii_only)) + "\n    }"


def json_lines(row: dict[str, object], *, ascii_only: bool) -> list[str]:
    """The lines of ``_flat_json`` between its braces, one per name (TypeError for a value that is
    not plain)."""
    from json.encoder import encode_basestring, encode_basestring_ascii

    text = encode_basestring_ascii if ascii_only else encode_basestring

    def value(one: object) -> str:
        if type(one) is str:
            return text(one)
        if one is None:
            return "null"
        if type(one) is int:
            return str(one)
        raise TypeError("not a plain value")

    return [f"      {text(name)}: {value(one)}" for name, one in row.items()]
