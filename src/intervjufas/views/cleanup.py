"""What ``rensa`` prints: the reports older than the limit, the open action items that removing
them would lose, and afterwards what was done – as plain lines, the same on a terminal and in a
file."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console

from intervjufas.folder.cleanup import CleanupResult
from intervjufas.reading.cleanup_plan import CleanupPlan, OldReport

KEPT = (
    "Det som skrivits med egna ord (svar, kommentarer, kartans noteringar, utvecklingsplanens varför) tas "
    "bort och personuppgifter i namn och filnamn byts ut; betyg, val, datum och kartans och "
    "utvecklingsplanens moment finns kvar."
)
ASSIGNMENT_WIDTH = 40


def reports_phrase(count: int) -> str:
    return f"{count} rapport" if count == 1 else f"{count} rapporter"


def recovery_phrase(count: int) -> str:
    return f"{count} återställningsfil" if count == 1 else f"{count} återställningsfiler"


def confirm_texts(plan: CleanupPlan) -> tuple[str, str]:
    """The question before anything is done, and the choice that says yes."""
    reports, files = len(plan.reports), len(plan.recovery_files)
    removed = recovery_phrase(files) if files else ""
    if plan.anonymise and reports:
        also = f" och ta bort {removed}" if removed else ""
        return f"Anonymisera {reports_phrase(reports)}{also}?", f"Ja, anonymisera {reports_phrase(reports)}"
    what = " och ".join(p for p in (reports_phrase(reports) if reports else "", removed) if p)
    return f"Ta bort {what} för gott?", f"Ja, ta bort {what}"


def _line(console: Console, text: str = "") -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _report_lines(reports: list[OldReport]) -> list[str]:
    width = min(ASSIGNMENT_WIDTH, max((cell_len(r.uppdrag) for r in reports), default=0))
    lines = []
    for report in reports:
        uppdrag = report.uppdrag or "(namnlöst uppdrag)"
        if report.conflict_copy:
            uppdrag += " (konfliktkopia)"
        if report.anonymised_before:
            uppdrag += " (anonymiserad förut)"
        padding = " " * max(0, width - cell_len(uppdrag))
        lines.append(f"  {report.date.isoformat()}  {uppdrag}{padding}  {report.path.name}")
    return lines


def show_cleanup_plan(console: Console, plan: CleanupPlan) -> None:
    """The reports the limit selects and what would happen to them."""
    age = f"äldre än {plan.limit.describe()} (daterade före {plan.cutoff.isoformat()})"
    if not plan.reports:
        _line(
            console, f"Inga rapporter {'att anonymisera ' if plan.anonymise else ''}är {age} i {plan.folder}."
        )
    else:
        verb = "anonymiseras" if plan.anonymise else "tas bort"
        count = reports_phrase(len(plan.reports))
        _line(console, f"{count} är {age} i {plan.folder} och {verb}:")
        for text in _report_lines(plan.reports):
            _line(console, text)
        if plan.anonymise:
            _line(console, KEPT)
    if plan.already_anonymised:
        done = len(plan.already_anonymised)
        _line(console, f"{reports_phrase(done)} är redan {'anonymiserad' if done == 1 else 'anonymiserade'}.")
    if plan.lost_items:
        _show_lost_items(console, plan)
    if plan.recovery_files:
        files = recovery_phrase(len(plan.recovery_files))
        saved = f"äldre än {plan.limit.describe()} (sparade före {plan.cutoff.isoformat()})"
        _line(console)
        _line(
            console, f"{files} (kopior av svar från sessioner som inte kunde sparas) är {saved} och tas bort:"
        )
        for path in plan.recovery_files:
            _line(console, f"  {path}")


def _show_lost_items(console: Console, plan: CleanupPlan) -> None:
    count = len(plan.lost_items)
    what = "1 öppet moment" if count == 1 else f"{count} öppna moment"
    _line(console)
    _line(console, f"Utvecklingsplanen förlorar {what} när rapporterna tas bort:")
    for item in sorted(plan.lost_items, key=lambda i: (i.source_date, i.source.name, i.step_number)):
        status = f", senast: {item.last_status}" if item.last_status else ""
        _line(console, f"  • {item.step_label} · {item.kind}: {item.moment} ({item.source.name}{status})")


def show_dry_run(console: Console, plan: CleanupPlan, program: Sequence[str], folder: Path | None) -> None:
    """Nothing was done: say so, and the command that does it (``program`` is how the program was
    run; ``folder`` the --katalog given, if any)."""
    command = _command_with_yes(plan, program, folder)
    _line(console)
    from intervjufas.views.copy_command import show_command

    if plan.anonymise:
        show_command(console, "Provkörning – ingenting har ändrats. Anonymisera rapporterna med:", command)
    else:
        show_command(console, "Provkörning – ingenting har tagits bort. Ta bort rapporterna med:", command)


def _command_with_yes(plan: CleanupPlan, program: Sequence[str], folder: Path | None) -> str:
    words = [*program, "rensa", "--aldre-an", f"{plan.limit.amount}{plan.limit.unit}"]
    if plan.anonymise:
        words.append("--anonymisera")
    if folder is not None:
        words += ["--katalog", str(folder)]
    return " ".join(_quoted(word) for word in [*words, "--ja"])


def _quoted(word: str) -> str:
    """A word for a shell, quoted only when needed (Swedish letters such as the å of 1å are not)."""
    return word if re.fullmatch(r"[\w@%+=:,./-]+", word) else shlex.quote(word)


def confirm_cleanup(plan: CleanupPlan, *, plain: bool) -> bool:
    """Ask on the terminal before anything is changed (No unless the user says yes)."""
    from intervjufas.views.prompting.confirm import confirm

    question, yes = confirm_texts(plan)
    return confirm(question, yes, plain=plain)


def show_declined(console: Console, plan: CleanupPlan) -> None:
    _line(console, "Ingenting har ändrats." if plan.anonymise else "Ingenting har tagits bort.")


def show_cleanup_outcome(console: Console, plan: CleanupPlan, result: CleanupResult) -> None:
    """What was done (the reports left alone are warnings on stderr)."""
    outcome, recovered = result.reports, result.recovery_files
    count = len(outcome.done)
    verb = "anonymiserades" if plan.anonymise else "togs bort"
    text = f"{reports_phrase(count)} {verb}." if count else f"Inga rapporter {verb}."
    left = len(outcome.warnings)
    if left:
        text += f" {reports_phrase(left)} lämnades orörda (se varningarna)."
    if recovered.done:
        text += f" {recovery_phrase(len(recovered.done))} togs bort."
    _line(console, text)
    if outcome.renamed:
        renamed = len(outcome.renamed)
        _line(
            console,
            f"{reports_phrase(renamed)} fick {'nytt namn' if renamed == 1 else 'nya namn'}, eftersom "
            f"{'namnet' if renamed == 1 else 'namnen'} innehöll personuppgifter:",
        )
        for path in sorted(outcome.renamed.values()):
            _line(console, f"  {path.name}")
