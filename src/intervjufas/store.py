"""The reports folder: where it is, file names, atomic writes, finding a report by name, and
saving a report without overwriting changes someone made to the file meanwhile."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from intervjufas.errors import IntervjufasError, file_error
from intervjufas.questionnaire import Questionnaire
from intervjufas.report import Report, parse, render, timestamp
from intervjufas.yamlsource import YamlSourceError, compose, forbidden_tags, plain_value, show_tag

REPORTS_ENV = "INTERVJUFAS_KATALOG"
SLUG_MAX = 50
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"}
)


def reports_dir(option: Path | None = None) -> Path:
    """The reports folder: the option, else $INTERVJUFAS_KATALOG, else <Dokument>/intervjufas."""
    if option is not None:
        return option.expanduser()
    env = os.environ.get(REPORTS_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "intervjufas"


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """Plain lowercase ASCII words joined by '-', at most ``max_length`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
        slug = slug.strip("-")
    return slug or "uppdrag"


def ensure_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise file_error("Kan inte skapa mappen", folder, error) from None
    if not folder.is_dir():
        raise IntervjufasError(f"{folder} är inte en mapp.")


def reserve_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """Create a new empty file named ``stem.md`` (or ``stem-2.md``, …) and return its path; never
    reuses an existing name, even with another program writing to the folder at the same time."""
    ensure_dir(folder)
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        path = folder / name
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise file_error("Kan inte skapa rapporten", path, error) from None
        os.close(fd)
        return path


def new_report_path(folder: Path, date: str, uppdrag: str) -> Path:
    return reserve_path(folder, f"{date}-{slugify(uppdrag)}")


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, flushed and fsynced, then os.replace."""
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise file_error("Kan inte skriva i mappen", path.parent, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise file_error("Kan inte spara", path, error) from None
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def report_files(folder: Path) -> list[Path]:
    """The report files of a folder (``*.md``, not hidden), sorted by name."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise file_error("Kan inte läsa mappen", folder, error) from None
    return sorted(
        Path(e.path) for e in entries if e.name.endswith(".md") and not e.name.startswith(".") and e.is_file()
    )


def find_report(name: str, folder: Path) -> Path:
    """A report named by a path, a file name in the folder, or a unique prefix of one."""
    given = Path(name).expanduser()
    if given.is_file():
        return given
    if os.sep in name or (os.altsep and os.altsep in name):
        raise IntervjufasError(f"Rapporten {name} finns inte.")
    for candidate in (folder / name, folder / f"{name}.md"):
        if candidate.is_file():
            return candidate
    matches = [p for p in report_files(folder) if p.name.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(p.name for p in matches[:8]) + (" …" if len(matches) > 8 else "")
        raise IntervjufasError(
            f"'{name}' passar {len(matches)} rapporter i {folder}: {listed}. Skriv fler tecken."
        )
    raise IntervjufasError(f"Hittar ingen rapport som heter eller börjar med '{name}' (letade i {folder}).")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise file_error("Kan inte läsa", path, error) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IntervjufasError(f"{path} är inte en UTF-8-textfil.") from None


def read_front_matter(path: Path) -> dict[str, Any]:
    """Only the YAML front matter of a report (fast: stops reading at its end)."""
    lines: list[str] = []
    with path.open("r", encoding="utf-8-sig") as handle:
        first = handle.readline()
        if first.strip() != "---":
            raise ValueError("huvudet (YAML mellan två rader med ---) saknas överst")
        for line in handle:
            if line.rstrip() in ("---", "..."):
                break
            lines.append(line)
        else:
            raise ValueError("huvudet avslutas aldrig med en rad med ---")
    # PyYAML's C parser builds the node tree; only plain values are made of it (faster than a full
    # load, and dates stay as the text they were written as).
    try:
        root = compose("".join(lines), str(path))
        for node in forbidden_tags(root) if root is not None else ():
            line = node.start_mark.line + 2
            raise ValueError(
                f"huvudet är inte giltig YAML (rad {line}): YAML-taggen '{show_tag(node.tag)}' är inte tillåten"
            )
        header = plain_value(root) if root is not None else None
    except YamlSourceError as error:
        problem = error.diagnostics[0]
        raise ValueError(f"huvudet är inte giltig YAML (rad {problem.line + 1}): {problem.message}") from None
    except RecursionError:
        raise ValueError("huvudet är inte giltig YAML (ett alias hänvisar till sig självt)") from None
    if not isinstance(header, dict):
        raise ValueError("huvudet är inte nycklar med värden")
    return header


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ReportConflictError(IntervjufasError):
    """The file changed on disk in a way that cannot be merged with the session's answers."""


class ReportFile:
    """One report on disk, saved after every answer.

    It remembers what it last read or wrote.  If the file changed on disk since then (someone edited
    it), the changes on disk are read and the session's new answers are laid on top; if both sides
    changed the same answer, nothing is overwritten: the session's version goes to a side file.
    """

    def __init__(self, folder: Path, questionnaire: Questionnaire, path: Path | None = None) -> None:
        self.folder = folder
        self.questionnaire = questionnaire
        self.path = path
        self._digest: str | None = None
        self._base: Report | None = None
        self.merged_from_disk = False

    @classmethod
    def open(cls, path: Path, questionnaire: Questionnaire) -> tuple[ReportFile, Report]:
        text = read_text(path)
        report = parse(text, questionnaire, file=str(path))
        handle = cls(path.parent, questionnaire, path)
        handle._digest = _digest(text.encode("utf-8"))
        handle._base = _copy(report)
        return handle, report

    def save(self, report: Report, changed: Iterable[str] = ()) -> Report:
        """Write the report (creating the file on first save); return the report as saved."""
        self.merged_from_disk = False
        if self.path is None:
            if not report.uppdrag:
                return report  # nothing can be named yet; the first answer is 'uppdrag'
            self.path = new_report_path(self.folder, report.created[:10], report.uppdrag)
        elif self._digest is not None:
            report = self._merge_if_changed(report, set(changed))
        report.updated = timestamp()
        text = render(report, self.questionnaire, file_name=self.path.name)
        atomic_write(self.path, text)
        self._digest = _digest(text.encode("utf-8"))
        self._base = _copy(report)
        return report

    def _merge_if_changed(self, report: Report, changed: set[str]) -> Report:
        assert self.path is not None and self._base is not None
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:
            return report  # removed meanwhile: write it again rather than lose the answers
        except OSError as error:
            raise file_error("Kan inte läsa", self.path, error) from None
        if _digest(current) == self._digest:
            return report
        try:
            on_disk = parse(current.decode("utf-8-sig"), self.questionnaire, file=str(self.path))
        except (IntervjufasError, UnicodeDecodeError) as error:
            side = self._save_aside(report)
            reason = error.message if isinstance(error, IntervjufasError) else "filen är inte UTF-8"
            raise ReportConflictError(
                f"Rapporten {self.path} ändrades utanför intervjufas och går inte längre att läsa ({reason}). "
                f"Filen lämnades orörd; dina svar sparades i {side}."
            ) from None
        base = self._base
        for key in changed:
            ours, theirs, before = _entry(report, key), _entry(on_disk, key), _entry(base, key)
            if theirs != before and theirs != ours:
                side = self._save_aside(report)
                raise ReportConflictError(
                    f"Rapporten {self.path} ändrades utanför intervjufas, och svaret på '{key}' ändrades "
                    f"på båda ställena. Filen lämnades orörd; dina svar sparades i {side}."
                )
            _set_entry(on_disk, report, key)
        self.merged_from_disk = True
        return on_disk

    def _save_aside(self, report: Report) -> Path:
        assert self.path is not None
        side = reserve_path(self.path.parent, f"{self.path.stem}-konflikt")
        atomic_write(side, render(report, self.questionnaire, file_name=side.name))
        return side


def _entry(report: Report, key: str) -> object:
    if key.startswith("uppfoljning:"):
        item = key.split(":", 1)[1]
        return next((f for f in report.follow_ups if f.key == item), None)
    return report.answers.get(key)


def _set_entry(target: Report, source: Report, key: str) -> None:
    if key.startswith("uppfoljning:"):
        item = key.split(":", 1)[1]
        wanted = next((f for f in source.follow_ups if f.key == item), None)
        others = [f for f in target.follow_ups if f.key != item]
        if wanted is not None:
            position = next((i for i, f in enumerate(source.follow_ups) if f.key == item), len(others))
            others.insert(min(position, len(others)), wanted)
        target.follow_ups = others
    elif key in source.answers:
        target.answers[key] = source.answers[key]


def _copy(report: Report) -> Report:
    return Report(
        report.report_id,
        report.question_set,
        dict(report.answers),
        report.created,
        report.updated,
        list(report.follow_ups),
        dict(report.extra_answers),
        dict(report.extra_metadata),
        dict(report.extra_header),
    )
